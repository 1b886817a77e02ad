// An HTTP response: status, headers and a body, written to FastCGI by the server loop.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace modforge
{
  struct response
  {
    int status = 200;
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;

    // The CGI response head ("Status: 200 OK\r\nContent-Type: ...\r\n\r\n").
    std::string head () const;

    const std::string* header (const std::string& name) const;
  };

  const char* status_reason (int status);
}
