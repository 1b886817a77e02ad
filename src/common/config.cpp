// Reading, overriding and validating modforge's configuration.
#include "config.hpp"

#include <cerrno>
#include <climits>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <sstream>
#include <stdexcept>

#include "text_rules.hpp"

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
      {"database.port", integer (c.database.port, 1, 65535, "database.port")},
      {"database.name", text (c.database.name)},
      {"database.user", text (c.database.user)},
      {"database.password", text (c.database.password)},
      {"database.password_file", text (c.database.password_file)},
      {"database.connect_timeout", integer (c.database.connect_timeout_seconds, 1, 300,
                                            "database.connect_timeout")},
      {"database.round_trip_timeout", integer (c.database.round_trip_timeout_seconds, 1, 300,
                                               "database.round_trip_timeout")},
      {"http.max_body_bytes", integer (c.http.max_body_bytes, 1024, 16L << 20,
                                       "http.max_body_bytes")},
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
      {"throttle.account_failures", integer (c.throttle.account_failures, 1, 1000,
                                             "throttle.account_failures")},
      {"throttle.address_failures", integer (c.throttle.address_failures, 1, 100000,
                                             "throttle.address_failures")},
      {"throttle.window", integer (c.throttle.window_seconds, 1, 86400 * 7, "throttle.window")},
      {"throttle.base_delay", integer (c.throttle.base_delay_seconds, 1, 86400,
                                       "throttle.base_delay")},
      {"throttle.max_delay", integer (c.throttle.max_delay_seconds, 1, 86400 * 7,
                                      "throttle.max_delay")},
      {"throttle.registrations_per_address", integer (c.throttle.registrations_per_address, 1,
                                                      100000,
                                                      "throttle.registrations_per_address")},
      {"throttle.registration_window", integer (c.throttle.registration_window_seconds, 1,
                                                86400 * 7, "throttle.registration_window")},
      {"files.data_dir", text (c.files.data_dir)},
      {"jobs.image_count", integer (c.jobs.image_count, 1, max_image_count, "jobs.image_count")},
      {"jobs.lease_seconds", integer (c.jobs.lease_seconds, 2, 3600, "jobs.lease_seconds")},
      {"jobs.max_attempts", integer (c.jobs.max_attempts, 1, 10, "jobs.max_attempts")},
      {"jobs.poll_seconds", integer (c.jobs.poll_seconds, 1, 3600, "jobs.poll_seconds")},
      {"jobs.analyser_command", text (c.jobs.analyser_command)},
      {"jobs.analyser_timeout", integer (c.jobs.analyser_timeout_seconds, 1, 600,
                                         "jobs.analyser_timeout")},
      {"metrics.directory", text (c.metrics.directory)}};

    for (const auto& kv: s)
    {
      auto i (keys.find (kv.first));
      if (i == keys.end ())
        throw std::runtime_error ("configuration: unknown key " + kv.first);
      i->second (kv.second);
    }
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
    return c;
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
    return c;
  }
}
