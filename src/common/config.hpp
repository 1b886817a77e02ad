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
    std::string host;           // a host name, or a directory holding PostgreSQL's unix socket
    int port = 5432;
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
  };

  struct http_config
  {
    std::size_t max_body_bytes = 65536;
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
  };

  // Brute-force limits: failed logins per account and per client address (a growing delay once
  // over the limit), and registrations per address.
  struct throttle_config
  {
    int account_failures = 5;
    int address_failures = 30;
    int window_seconds = 900;       // failures further apart than this start a new count
    int base_delay_seconds = 60;    // the first lockout; each further failure doubles it
    int max_delay_seconds = 900;
    int registrations_per_address = 10;
    int registration_window_seconds = 3600;
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
  // may be absent), then the environment, then validation; the database password file is read.
  config load_config ();
}
