// Serialising a response head in the CGI form that FastCGI expects.
#include "response.hpp"

#include <strings.h>

namespace modforge
{
  const char* status_reason (int status)
  {
    switch (status)
    {
    case 200: return "OK";
    case 201: return "Created";
    case 202: return "Accepted";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 409: return "Conflict";
    case 413: return "Payload Too Large";
    case 414: return "URI Too Long";
    case 415: return "Unsupported Media Type";
    case 429: return "Too Many Requests";
    case 503: return "Service Unavailable";
    default:  return status < 500 ? "Client Error" : "Internal Server Error";
    }
  }

  std::string response::head () const
  {
    std::string r ("Status: " + std::to_string (status) + " " + status_reason (status) + "\r\n");
    for (const auto& h: headers)
      r += h.first + ": " + h.second + "\r\n";
    r += "\r\n";
    return r;
  }

  const std::string* response::header (const std::string& name) const
  {
    for (const auto& h: headers)
      if (strcasecmp (h.first.c_str (), name.c_str ()) == 0)
        return &h.second;
    return nullptr;
  }
}
