// Reading, overriding and validating modforge's configuration.
#include "config.hpp"

#include <cerrno>
#include <climits>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <initializer_list>
#include <sstream>
#include <stdexcept>

#include "mail_address.hpp"
#include "text_rules.hpp"
#include "utf8.hpp"

extern char** environ;

namespace modforge
{
  namespace
  {
    const char default_config_path[] = "/etc/modforge/modforge.conf";
    const char environment_prefix[] = "MODFORGE_";

    long to_integer (const std::string& key, const std::string& value, long min, long max)
    {
      errno = 0;
      char* end (nullptr);
      long r (std::strtol (value.c_str (), &end, 10));
      if (value.empty () || *end != '\0' || errno != 0 || r < min || r > max)
        throw std::runtime_error ("configuration: " + key + " must be an integer from " +
                                  std::to_string (min) + " to " + std::to_string (max) +
                                  ", not '" + value + "'");
      return r;
    }

    bool to_bool (const std::string& key, const std::string& value)
    {
      std::string v (ascii_lower (value));
      if (v == "true" || v == "yes" || v == "on" || v == "1")
        return true;
      if (v == "false" || v == "no" || v == "off" || v == "0")
        return false;
      throw std::runtime_error ("configuration: " + key + " must be true or false, not '" +
                                value + "'");
    }

    // "a, b c" -> {"a", "b", "c"}
    std::vector<std::string> to_list (const std::string& value)
    {
      std::vector<std::string> r;
      std::string item;
      for (char c: value + " ")
      {
        if (c == ',' || c == ' ' || c == '\t')
        {
          if (!item.empty ())
            r.push_back (item);
          item.clear ();
        }
        else
          item.push_back (c);
      }
      return r;
    }

    // "a, b" -> {"a", "b"}: what stands between the commas, without blanks around it.
    std::vector<std::string> split_commas (const std::string& value)
    {
      std::vector<std::string> r;
      std::size_t from (0);
      for (std::size_t comma; (comma = value.find (',', from)) != std::string::npos;
           from = comma + 1)
        r.push_back (trim (value.substr (from, comma - from)));
      r.push_back (trim (value.substr (from)));
      return r;
    }

    // "5432" or "5432,5433": ports from 1 to 65535, one for all hosts or one per host.
    std::vector<int> to_ports (const std::string& value)
    {
      std::vector<int> r;
      for (const std::string& port: split_commas (value))
        r.push_back (static_cast<int> (to_integer ("database.port", port, 1, 65535)));
      return r;
    }

    // libpq's values of target_session_attrs (PostgreSQL 14 and later).
    const char* const session_attrs[] = {"read-write", "any", "read-only", "primary", "standby",
                                         "prefer-standby"};

    starttls_mode to_starttls_mode (const std::string& value)
    {
      if (value == "required")
        return starttls_mode::required;
      if (value == "opportunistic")
        return starttls_mode::opportunistic;
      if (value == "off")
        return starttls_mode::off;
      throw std::runtime_error ("configuration: mail.starttls must be required, opportunistic "
                                "or off, not '" + value + "'");
    }

    // Whether `s` starts with one of the schemes and has a host after it, without blanks or
    // controls (it goes into a link or to libcurl as it is).
    bool is_url (const std::string& s, std::initializer_list<const char*> schemes)
    {
      if (s.find (' ') != std::string::npos || has_ascii_control (s))
        return false;
      for (const char* scheme: schemes)
      {
        std::string prefix (std::string (scheme) + "://");
        if (s.size () > prefix.size () && s.compare (0, prefix.size (), prefix) == 0 &&
            s[prefix.size ()] != '/')
          return true;
      }
      return false;
    }

    // The checks of the mail settings that involve more than one key, or a rule of mail.
    void check_mail (config& c)
    {
      mail_config& m (c.mail);
      if (!is_url (m.relay, {"smtp", "smtps"}))
        throw std::runtime_error ("configuration: mail.relay must be smtp://HOST[:PORT] or "
                                  "smtps://HOST[:PORT], not '" + m.relay + "'");
      if (!is_mail_address (m.from))
        throw std::runtime_error ("configuration: mail.from must be a plain address such as "
                                  "modforge@example.com, not '" + m.from + "'");
      if (!is_valid_utf8 (m.from_name) || has_ascii_control (m.from_name) ||
          m.from_name.size () > 200)
        throw std::runtime_error ("configuration: mail.from_name must be at most 200 bytes of "
                                  "UTF-8 without control characters");
      // A password must never cross the network in clear or to a server nobody verified.
      bool implicit_tls (m.relay.compare (0, 8, "smtps://") == 0);
      if (!m.username.empty () && m.starttls != starttls_mode::required && !implicit_tls)
        throw std::runtime_error ("configuration: mail.username needs mail.starttls = required "
                                  "(or an smtps:// relay)");
      if (m.retry_max_delay_seconds < m.retry_delay_seconds)
        throw std::runtime_error ("configuration: mail.retry_max_delay must be at least "
                                  "mail.retry_delay");
      // The lease outlasts a whole attempt (libcurl's timeout includes connecting), so that no
      // other worker takes a message while one is still sending it.
      if (m.lease_seconds <= m.timeout_seconds)
        throw std::runtime_error ("configuration: mail.lease_seconds must be longer than "
                                  "mail.timeout");
      if (!is_url (c.http.public_url, {"http", "https"}) ||
          c.http.public_url.find ('#') != std::string::npos)
        throw std::runtime_error ("configuration: http.public_url must be the site's http:// or "
                                  "https:// address, not '" + c.http.public_url + "'");
      // Links are the address and a path: "https://example.com/" and "https://example.com"
      // give the same links.
      while (c.http.public_url.back () == '/')
        c.http.public_url.pop_back ();
    }

    std::string read_file (const std::string& path)
    {
      std::ifstream f (path, std::ios::binary);
      if (!f)
        throw std::runtime_error ("configuration: cannot read " + path);
      std::ostringstream s;
      s << f.rdbuf ();
      return s.str ();
    }
  }

  settings parse_settings (const std::string& text, const std::string& origin)
  {
    settings r;
    std::istringstream in (text);
    std::string line, section;
    for (std::size_t n (1); std::getline (in, line); ++n)
    {
      std::string l (trim (line));
      if (l.empty () || l[0] == '#' || l[0] == ';')
        continue;

      std::string where (origin + ":" + std::to_string (n));
      if (l[0] == '[')
      {
        if (l.back () != ']' || l.size () < 3)
          throw std::runtime_error (where + ": expected [section]");
        section = ascii_lower (trim (l.substr (1, l.size () - 2)));
        continue;
      }

      std::size_t eq (l.find ('='));
      if (eq == std::string::npos)
        throw std::runtime_error (where + ": expected key = value");
      if (section.empty ())
        throw std::runtime_error (where + ": key outside of a [section]");

      std::string key (ascii_lower (trim (l.substr (0, eq))));
      if (key.empty ())
        throw std::runtime_error (where + ": empty key");
      r[section + "." + key] = trim (l.substr (eq + 1));
    }
    return r;
  }

  void apply_environment (settings& s, char** env)
  {
    const std::size_t prefix_size (sizeof (environment_prefix) - 1);
    for (char** e (env); e != nullptr && *e != nullptr; ++e)
    {
      std::string v (*e);
      if (v.compare (0, prefix_size, environment_prefix) != 0)
        continue;

      std::size_t eq (v.find ('='));
      std::string name (ascii_lower (v.substr (prefix_size, eq - prefix_size)));
      std::size_t us (name.find ('_'));
      if (name == "config" || us == std::string::npos)
        continue;

      // MODFORGE_SECURITY_BCRYPT_COST -> security.bcrypt_cost
      s[name.substr (0, us) + "." + name.substr (us + 1)] = v.substr (eq + 1);
    }
  }

  config make_config (const settings& s)
  {
    config c;

    typedef std::function<void (const std::string&)> setter;
    auto text = [] (std::string& target) -> setter
    {
      return [&target] (const std::string& v) {target = v;};
    };
    auto integer = [] (auto& target, long min, long max, const std::string& key) -> setter
    {
      return [&target, min, max, key] (const std::string& v)
      {
        target = static_cast<std::remove_reference_t<decltype (target)>> (
          to_integer (key, v, min, max));
      };
    };

    const std::map<std::string, setter> keys {
      {"database.host", text (c.database.host)},
      {"database.port", [&c] (const std::string& v) {c.database.ports = to_ports (v);}},
      {"database.name", text (c.database.name)},
      {"database.user", text (c.database.user)},
      {"database.password", text (c.database.password)},
      {"database.password_file", text (c.database.password_file)},
      {"database.connect_timeout", integer (c.database.connect_timeout_seconds, 1, 300,
                                            "database.connect_timeout")},
      {"database.target_session_attrs", [&c] (const std::string& v)
      {
        for (const char* a: session_attrs)
          if (v == a)
          {
            c.database.target_session_attrs = v;
            return;
          }
        throw std::runtime_error ("configuration: database.target_session_attrs must be one of "
                                  "read-write, any, read-only, primary, standby or "
                                  "prefer-standby, not '" + v + "'");
      }},
      {"database.round_trip_timeout", integer (c.database.round_trip_timeout_seconds, 1, 300,
                                               "database.round_trip_timeout")},
      {"http.max_body_bytes", integer (c.http.max_body_bytes, 1024, 16L << 20,
                                       "http.max_body_bytes")},
      {"http.public_url", text (c.http.public_url)},
      {"security.bcrypt_cost", integer (c.security.bcrypt_cost, 4, 31,
                                        "security.bcrypt_cost")},
      {"security.password_min_length", integer (c.security.password_min_length, 1, 72,
                                                "security.password_min_length")},
      {"security.last_used_interval", integer (c.security.last_used_write_interval_seconds,
                                               0, 86400, "security.last_used_interval")},
      {"security.trusted_proxies", [&c] (const std::string& v)
                                   {c.security.trusted_proxies = to_list (v);}},
      {"security.password_quality", [&c] (const std::string& v)
                                    {c.security.password_quality =
                                       to_bool ("security.password_quality", v);}},
      {"security.token_idle_timeout", integer (c.security.token_idle_timeout_seconds, 0,
                                               1 << 30, "security.token_idle_timeout")},
      {"security.token_max_age", integer (c.security.token_max_age_seconds, 0, 1 << 30,
                                          "security.token_max_age")},
      {"security.event_retention", integer (c.security.event_retention_seconds, 86400, 1 << 30,
                                            "security.event_retention")},
      {"security.require_verified_email", [&c] (const std::string& v)
                                          {c.security.require_verified_email =
                                             to_bool ("security.require_verified_email", v);}},
      {"security.reset_token_lifetime", integer (c.security.reset_token_lifetime_seconds, 60,
                                                 86400, "security.reset_token_lifetime")},
      {"security.verification_token_lifetime",
       integer (c.security.verification_token_lifetime_seconds, 60, 86400 * 90,
                "security.verification_token_lifetime")},
      {"throttle.pair_failures", integer (c.throttle.pair_failures, 1, 1000,
                                          "throttle.pair_failures")},
      {"throttle.account_failures", integer (c.throttle.account_failures, 1, 100000,
                                             "throttle.account_failures")},
      {"throttle.address_failures", integer (c.throttle.address_failures, 1, 100000,
                                             "throttle.address_failures")},
      {"throttle.window", integer (c.throttle.window_seconds, 1, 86400 * 7, "throttle.window")},
      {"throttle.base_delay", integer (c.throttle.base_delay_seconds, 1, 86400,
                                       "throttle.base_delay")},
      {"throttle.max_delay", integer (c.throttle.max_delay_seconds, 1, 86400 * 7,
                                      "throttle.max_delay")},
      {"throttle.known_address_age", integer (c.throttle.known_address_seconds, 3600,
                                              86400 * 3650, "throttle.known_address_age")},
      {"throttle.registrations_per_address", integer (c.throttle.registrations_per_address, 1,
                                                      100000,
                                                      "throttle.registrations_per_address")},
      {"throttle.registration_window", integer (c.throttle.registration_window_seconds, 1,
                                                86400 * 7, "throttle.registration_window")},
      {"throttle.conflicts_per_address", integer (c.throttle.conflicts_per_address, 1, 100000,
                                                  "throttle.conflicts_per_address")},
      {"throttle.conflict_window", integer (c.throttle.conflict_window_seconds, 1, 86400 * 7,
                                            "throttle.conflict_window")},
      {"throttle.forgot_per_account", integer (c.throttle.forgot_per_account, 1, 1000,
                                               "throttle.forgot_per_account")},
      {"throttle.forgot_per_address", integer (c.throttle.forgot_per_address, 1, 100000,
                                               "throttle.forgot_per_address")},
      {"throttle.resend_per_account", integer (c.throttle.resend_per_account, 1, 1000,
                                               "throttle.resend_per_account")},
      {"throttle.mail_window", integer (c.throttle.mail_window_seconds, 1, 86400 * 7,
                                        "throttle.mail_window")},
      {"quotas.jobs_in_flight", integer (c.quotas.jobs_in_flight, 1, 100000,
                                         "quotas.jobs_in_flight")},
      {"quotas.jobs_per_day", integer (c.quotas.jobs_per_day, 1, 1000000, "quotas.jobs_per_day")},
      {"quotas.sessions", integer (c.quotas.sessions, 1, 1000000, "quotas.sessions")},
      {"quotas.tokens", integer (c.quotas.tokens, 1, 1000000, "quotas.tokens")},
      {"files.data_dir", text (c.files.data_dir)},
      {"jobs.image_count", integer (c.jobs.image_count, 1, max_image_count, "jobs.image_count")},
      {"jobs.lease_seconds", integer (c.jobs.lease_seconds, 2, 3600, "jobs.lease_seconds")},
      {"jobs.max_attempts", integer (c.jobs.max_attempts, 1, 10, "jobs.max_attempts")},
      {"jobs.poll_seconds", integer (c.jobs.poll_seconds, 1, 3600, "jobs.poll_seconds")},
      {"jobs.analyser_command", text (c.jobs.analyser_command)},
      {"jobs.analyser_timeout", integer (c.jobs.analyser_timeout_seconds, 1, 600,
                                         "jobs.analyser_timeout")},
      {"mail.relay", text (c.mail.relay)},
      {"mail.from", text (c.mail.from)},
      {"mail.from_name", text (c.mail.from_name)},
      {"mail.starttls", [&c] (const std::string& v) {c.mail.starttls = to_starttls_mode (v);}},
      {"mail.username", text (c.mail.username)},
      {"mail.password_file", text (c.mail.password_file)},
      {"mail.connect_timeout", integer (c.mail.connect_timeout_seconds, 1, 300,
                                        "mail.connect_timeout")},
      {"mail.timeout", integer (c.mail.timeout_seconds, 1, 3600, "mail.timeout")},
      {"mail.retry_delay", integer (c.mail.retry_delay_seconds, 1, 86400, "mail.retry_delay")},
      {"mail.retry_max_delay", integer (c.mail.retry_max_delay_seconds, 1, 86400,
                                        "mail.retry_max_delay")},
      {"mail.give_up_after", integer (c.mail.give_up_after_seconds, 1, 86400 * 30,
                                      "mail.give_up_after")},
      {"mail.lease_seconds", integer (c.mail.lease_seconds, 2, 7200, "mail.lease_seconds")},
      {"mail.poll_seconds", integer (c.mail.poll_seconds, 1, 3600, "mail.poll_seconds")},
      {"metrics.directory", text (c.metrics.directory)}};

    for (const auto& kv: s)
    {
      auto i (keys.find (kv.first));
      if (i == keys.end ())
        throw std::runtime_error ("configuration: unknown key " + kv.first);
      i->second (kv.second);
    }
    std::size_t hosts (database_hosts (c.database).size ());
    if (c.database.ports.size () != 1 && c.database.ports.size () != hosts)
      throw std::runtime_error ("configuration: database.port must give one port, or one per "
                                "host of database.host (" + std::to_string (hosts) + ")");
    if (c.throttle.max_delay_seconds < c.throttle.base_delay_seconds)
      throw std::runtime_error ("configuration: throttle.max_delay must be at least "
                                "throttle.base_delay");
    // last_used_at is what the idle timeout reads, and it is written only once per interval.
    if (c.security.token_idle_timeout_seconds != 0 &&
        c.security.token_idle_timeout_seconds <= 2 * c.security.last_used_write_interval_seconds)
      throw std::runtime_error ("configuration: security.token_idle_timeout must be more than "
                                "twice security.last_used_interval (or 0)");
    // The lease is renewed between stages; the analyser is the one long stage.
    if (c.jobs.lease_seconds <= c.jobs.analyser_timeout_seconds &&
        !c.jobs.analyser_command.empty ())
      throw std::runtime_error ("configuration: jobs.lease_seconds must be longer than "
                                "jobs.analyser_timeout");
    check_mail (c);
    return c;
  }

  std::vector<std::string> database_hosts (const database_config& c)
  {
    return split_commas (c.host);
  }

  config load_config ()
  {
    const char* named (std::getenv ("MODFORGE_CONFIG"));
    std::string path (named != nullptr ? named : default_config_path);

    settings s;
    std::ifstream probe (path);
    if (probe)
      s = parse_settings (read_file (path), path);
    else if (named != nullptr)
      throw std::runtime_error ("configuration: cannot read " + path);

    apply_environment (s, environ);
    config c (make_config (s));

    if (!c.database.password_file.empty ())
    {
      try
      {
        c.database.password = trim (read_file (c.database.password_file));
      }
      catch (const std::runtime_error&)
      {
        throw std::runtime_error ("configuration: database.password_file: cannot read " +
                                  c.database.password_file);
      }
    }
    if (!c.mail.password_file.empty ())
      c.mail.password = trim (read_file (c.mail.password_file));
    return c;
  }
}
