// Writing libpq connection strings.
#include "connection_string.hpp"

namespace modforge
{
  namespace
  {
    // key='value', escaped as libpq reads it: a backslash before each quote and backslash.
    std::string pair (const std::string& key, const std::string& value)
    {
      std::string r (key + "='");
      for (char c: value)
      {
        if (c == '\'' || c == '\\')
          r += '\\';
        r += c;
      }
      return r + "' ";
    }
  }

  std::string connection_string (const database_config& c)
  {
    std::string r;
    if (!c.host.empty ())
      r += pair ("host", c.host);
    std::string ports;
    for (int p: c.ports)
      ports += (ports.empty () ? "" : ",") + std::to_string (p);
    r += pair ("port", ports);
    r += pair ("dbname", c.name);
    r += pair ("user", c.user);
    if (!c.password.empty ())
      r += pair ("password", c.password);
    r += pair ("connect_timeout", std::to_string (c.connect_timeout_seconds));
    r += pair ("target_session_attrs", c.target_session_attrs);
    r += pair ("application_name", "modforge");
    r.pop_back ();
    return r;
  }
}
