// modforge's configuration: an INI file (/etc/modforge/modforge.conf) plus environment overrides.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <vector>

namespace modforge
{
  struct database_config
  {
    // A host name or address, or a directory holding PostgreSQL's unix socket; or several,
    // separated by commas, which libpq tries in turn until one is a server target_session_attrs
    // accepts (how the programs find the new primary after a failover).
    std::string host;
    std::vector<int> ports {5432};  // one for every host, or one per host in the same order
    std::string name = "modforge";
    std::string user = "modforge";
    std::string password;       // prefer password_file: the config file is often world-readable
    std::string password_file;
    // libpq waits at least 2 s, whatever this says.
    int connect_timeout_seconds = 2;
    // The longest a transaction's round trips may take before the connection is given up and
    // the request answers 503; statement_timeout and lock_timeout are set a little shorter, so
    // that a server that still runs cancels a slow statement itself.
    int round_trip_timeout_seconds = 2;
    // libpq's: "read-write" skips a standby (every connection of modforge writes).
    std::string target_session_attrs = "read-write";
  };

  // The hosts of database.host, one per comma ("" for an empty host: libpq's default socket).
  std::vector<std::string> database_hosts (const database_config&);

  struct http_config
  {
    std::size_t max_body_bytes = 65536;
    // The site's address as people reach it, without a trailing slash: the links in mail start
    // with it.
    std::string public_url = "http://localhost";
  };

  struct security_config
  {
    int bcrypt_cost = 12;
    std::size_t password_min_length = 8;
    // last_used_at of a token (and its session) is written at most once per this many seconds.
    int last_used_write_interval_seconds = 60;
    // Addresses (or CIDR ranges) of proxies whose X-Forwarded-For is believed.
    std::vector<std::string> trusted_proxies;
    // libpwquality's dictionary and similarity checks on new passwords.
    bool password_quality = false;
    // Token lifetimes in seconds; 0: none. By default tokens never expire: a device stays
    // signed in until it logs out, or the user or an operator revokes its token.
    int token_idle_timeout_seconds = 0;
    int token_max_age_seconds = 0;
    // Security log entries older than this are removed by modforge-admin sweep (365 days).
    int event_retention_seconds = 365 * 86400;
    // true: an account whose address is not verified may not queue jobs.
    bool require_verified_email = false;
    // How long the tokens that mail carries work, in seconds.
    int reset_token_lifetime_seconds = 1800;
    int verification_token_lifetime_seconds = 604800;
  };

  // Brute-force limits on password checks (logins and the current password of a change): per
  // (account, client address), per account, and per address across accounts, a growing delay
  // once over the limit (bad reset and verification tokens count per address the same way);
  // and per address, registrations and answers that reveal a taken name; and the mail that
  // requests cause.
  struct throttle_config
  {
    int pair_failures = 5;          // one account from one address: refuses that address
    int account_failures = 20;      // one account from all addresses: refuses unknown addresses
    int address_failures = 30;      // one address, all accounts: refuses that address
    int window_seconds = 900;       // failures further apart than this start a new count
    int base_delay_seconds = 60;    // the first lockout; each further failure doubles it
    int max_delay_seconds = 900;
    // An address that logged in to an account is known to it for this long (90 days): the
    // account-wide limit does not refuse it.
    int known_address_seconds = 90 * 86400;
    int registrations_per_address = 10;
    int registration_window_seconds = 3600;
    int conflicts_per_address = 20; // answers "username/email taken" per window, per address
    int conflict_window_seconds = 3600;
    // Per mail_window: reset mails per account (further requests answer the same and send
    // nothing), reset requests per client address and verification mails per account (both
    // then refused with a wait).
    int forgot_per_account = 3;
    int forgot_per_address = 10;
    int resend_per_account = 3;
    int mail_window_seconds = 3600;
  };

  // What one user may hold or ask for.
  struct quotas_config
  {
    int jobs_in_flight = 3;         // queued or running jobs (new ones and ones queued again)
    int jobs_per_day = 200;         // jobs queued in a day
    int sessions = 1000;
    int tokens = 100;               // live tokens; a new one beyond revokes the least recently used
  };

  struct files_config
  {
    std::string data_dir = "/var/lib/modforge";
  };

  // A job draws 1 to this many candidate images (jobs.image_count, and a request's count).
  const int max_image_count = 8;

  struct jobs_config
  {
    int image_count = 4;            // candidate images of a new job (1-max_image_count)
    int lease_seconds = 60;         // how long a worker's claim holds without renewal
    int max_attempts = 3;           // claims of one task before the job fails
    int poll_seconds = 30;          // the safety-net poll when no NOTIFY arrives
    std::string analyser_command;   // empty: the built-in analyser
    int analyser_timeout_seconds = 30;
  };

  // How the relay is asked for TLS: STARTTLS required (the certificate verified), used when the
  // relay offers it (not verified: it only keeps passive eavesdroppers out), or never.
  enum class starttls_mode {required, opportunistic, off};

  // The mail the workers deliver: the relay, who it is from, and the retry schedule.
  struct mail_config
  {
    std::string relay = "smtp://127.0.0.1:25";   // smtp://host[:port] or smtps://host[:port]
    std::string from = "modforge@localhost";
    std::string from_name = "modforge";           // UTF-8; RFC 2047-encoded when not ASCII
    starttls_mode starttls = starttls_mode::opportunistic;
    std::string username;                         // empty: no login
    std::string password;                         // read from password_file, never configured
    std::string password_file;
    int connect_timeout_seconds = 10;
    int timeout_seconds = 60;                     // one whole delivery attempt
    // After a failed attempt: retry_delay, doubled each time, at most retry_max_delay; a message
    // still not delivered give_up_after seconds after it was queued is marked failed.
    int retry_delay_seconds = 60;
    int retry_max_delay_seconds = 3600;
    int give_up_after_seconds = 86400;
    int lease_seconds = 120;                      // a worker's claim; longer than an attempt
    int poll_seconds = 30;                        // the safety-net poll when no NOTIFY arrives
  };

  // The metrics that every handler and worker of a host add to (GET /metrics reads them).
  struct metrics_config
  {
    // Where the shared counter files are: handlers, workers (each a fixed-layout file that the
    // processes map). Missing or not writable: each process counts for itself only.
    std::string directory = "/run/modforge-metrics";
  };

  struct config
  {
    database_config database;
    http_config http;
    security_config security;
    files_config files;
    jobs_config jobs;
    throttle_config throttle;
    quotas_config quotas;
    mail_config mail;
    metrics_config metrics;
  };

  // The raw settings: "section.key" -> value.
  typedef std::map<std::string, std::string> settings;

  // Parses INI text ("[section]", "key = value", '#' and ';' comments). Throws std::runtime_error
  // naming the line on a syntax error.
  settings parse_settings (const std::string& text, const std::string& origin);

  // Applies MODFORGE_<SECTION>_<KEY> variables from the environment over the file's settings.
  void apply_environment (settings&, char** environ);

  // Turns settings into a config; unknown keys and bad values throw std::runtime_error.
  config make_config (const settings&);

  // The whole load: the file named by MODFORGE_CONFIG (default /etc/modforge/modforge.conf, which
  // may be absent), then the environment, then validation; the database's and the mail relay's
  // password files are read.
  config load_config ();
}
