// The services of one process, wired together from the configuration, after a check that the
// database schema is the one this program was built for.
#pragma once

#include "../api/api_context.hpp"
#include "../auth/account_mail.hpp"
#include "../auth/account_service.hpp"
#include "../auth/auth_service.hpp"
#include "../auth/email_verification.hpp"
#include "../auth/password_hasher.hpp"
#include "../auth/password_recovery.hpp"
#include "../common/config.hpp"
#include "../db/database.hpp"
#include "../jobs/job_files.hpp"
#include "../jobs/job_service.hpp"
#include "../metrics/request_metrics.hpp"
#include "../operations/health_check.hpp"
#include "../operations/metrics_page.hpp"
#include "../sessions/session_service.hpp"

namespace modforge
{
  struct service_set
  {
    explicit service_set (config);

    config settings;
    database db;
    job_files files;
    password_hasher hasher;
    throttle limits;
    account_mail mail;
    auth_service auth;
    account_service accounts;
    password_recovery recovery;
    email_verification verification;
    session_service sessions;
    job_service jobs;
    health_check health;
    api_context api;
    // After api, whose route table it counts (api holds a reference to it, used only once
    // requests are served). The page reads it.
    request_metrics counts;
    metrics_page metrics;
  };

  // Throws std::runtime_error when the schema is missing or of another version; only logs when
  // the database cannot be reached (requests answer 503 until it can).
  void require_current_schema (database&);

  // The checks of a loaded configuration that need more than its own rules (a proxy list that
  // the client address code must understand); std::runtime_error naming the key.
  void check_service_settings (const config&);
}
