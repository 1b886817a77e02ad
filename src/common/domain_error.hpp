// The errors services raise, in the domain's words: a kind, a stable code word for programs and a
// sentence for people. No HTTP status here: each edge decides what a kind means to it (the API a
// status and headers, modforge-admin an exit code, the worker whether to retry the job).
#pragma once

#include <stdexcept>
#include <string>

namespace modforge
{
  enum class error_kind
  {
    invalid_input,    // a value breaks a rule (a field, a name, a prompt, a password)
    unauthenticated,  // the caller's token is not valid: unknown, revoked, expired, disabled
    forbidden,        // the caller is known but may not do this (a wrong current password)
    not_found,        // no such thing, or not the caller's: the same answer by construction
    conflict,         // not in this state (a name taken, a job still running)
    throttled,        // too many attempts: wait retry_after_seconds
    quota_exceeded,   // a per-user quota is used up: wait retry_after_seconds until it frees
                      // by itself, or (0) until the user frees something
    unavailable       // the database cannot be reached; the same request may work later
  };

  struct domain_error: std::runtime_error
  {
    error_kind kind;
    std::string code;              // "validation_error", "username_taken", ...
    int retry_after_seconds = 0;   // throttled: how long until an attempt is let through

    domain_error (error_kind k, std::string c, const std::string& message)
        : std::runtime_error (message), kind (k), code (std::move (c)) {}
  };

  // The errors several layers raise, named once so that codes and messages cannot drift.
  domain_error invalid_input (const std::string& message);    // code validation_error
  domain_error not_found (const std::string& message);        // code not_found
  domain_error invalid_session ();                             // unauthenticated
  // "<reason>; try again in <seconds> seconds", with retry_after_seconds set.
  domain_error throttled (const std::string& code, const std::string& reason, int seconds);
  // The same for a quota; with seconds 0, the reason alone.
  domain_error quota_exceeded (const std::string& code, const std::string& reason, int seconds);
  domain_error database_unavailable ();                        // unavailable
}
