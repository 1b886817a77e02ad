// How users, sessions, tokens, events and jobs look in JSON responses: written once, here, so
// that every endpoint shows them the same way and none ever shows a hash.
#pragma once

#include <string>

#include "../../odb/auth_event.hxx"
#include "../../odb/job.hxx"
#include "../../odb/job_summary.hxx"
#include "../../odb/session.hxx"
#include "../../odb/session_summary.hxx"
#include "../../odb/session_token.hxx"
#include "../../odb/token_principal.hxx"
#include "../../odb/user.hxx"
#include "../http/json.hpp"
#include "../http/response.hpp"

namespace modforge
{
  // {id, username, email, email_verified}
  void write_user_brief (json_writer&, const user&);
  void write_user_brief (json_writer&, const token_principal&);
  // {id, username, email, email_verified, created_at[, updated_at]}
  void write_user (json_writer&, const user&, bool with_updated_at);
  // The same with updated_at, from the row that authenticated the request.
  void write_user (json_writer&, const token_principal&);

  // {id, name, created_at[, last_used_at]}
  void write_session (json_writer&, const session&, bool with_last_used_at);
  // The same for the session of the token that authenticated the request.
  void write_session (json_writer&, const token_principal&, bool with_last_used_at);
  // {id, token, name, created_at}: a session handed out with a new token.
  void write_issued_session (json_writer&, const session&, const std::string& token);
  // {id, name, created_at, last_used_at, job_count, current}
  void write_session_summary (json_writer&, const session_summary&, bool current);

  // {id, session_id, created_at, last_used_at, user_agent, ip_address, current}
  void write_token (json_writer&, const session_token&, bool current);
  // {time, kind, ip_address, user_agent}
  void write_event (json_writer&, const auth_event&);
  // {job_id, prompt, status, progress, created_at, started_at, finished_at, aiDecisions:
  // {itemName, modName} or null}; started_at and finished_at with milliseconds, or null
  void write_job_summary (json_writer&, const job_summary&);
  // {job_id, session_id, status, progress, created_at, updated_at, started_at, finished_at,
  // aiDecisions, images:[{index, url}], selected_image, result:{download_url, filename, size},
  // logs:[{time, message}], error}
  void write_job (json_writer&, const job&);

  // A 2xx response whose body is {"success": true, ...}: `fill` writes the members after success.
  template <typename F>
  response success_response (int status, F fill)
  {
    std::string body;
    json_writer w (body);
    w.begin_object ().member ("success", true);
    fill (w);
    w.end_object ();
    response r;
    r.status = status;
    r.headers.emplace_back ("Content-Type", "application/json; charset=utf-8");
    r.body = std::move (body);
    return r;
  }
}
