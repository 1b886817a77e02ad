// JSON error responses.
#include "error_response.hpp"

#include <limits>

#include "../common/utf8.hpp"
#include "json.hpp"

namespace modforge
{
  response json_response (int status, std::string body)
  {
    response r;
    r.status = status;
    r.headers.emplace_back ("Content-Type", "application/json; charset=utf-8");
    r.body = std::move (body);
    return r;
  }

  response error_response (const http_error& e)
  {
    std::string body;
    json_writer w (body);
    w.begin_object ().member ("success", false);
    if (e.token_refused)
      w.member ("valid", false);
    // A message may quote the request (the method of a 405): its stray bytes become '?', so
    // that every error body is UTF-8, as JSON must be.
    w.member ("error", to_valid_utf8 (e.what (), std::numeric_limits<std::size_t>::max (), '?'))
      .member ("code", e.code).end_object ();

    response r (json_response (e.status, std::move (body)));
    for (const auto& h: e.headers)
      r.headers.push_back (h);
    return r;
  }
}
