// Fuzzes the router with the API's real route patterns (read from src/api/*_handlers.cpp at
// build time into api_routes.inc) and dummy handlers: the input is "METHOD REQUEST_URI", split
// as the FastCGI loop splits it.
#include <cstdint>
#include <string>
#include <vector>

#include "../../src/http/router.hpp"
#include "fuzz_support.hpp"

using namespace modforge;
using modforge_fuzz::expect;

namespace
{
  struct api_route
  {
    const char* method;
    const char* pattern;
  };

  const api_route api_routes[] = {
#include "api_routes.inc"
  };

  bool is_capture (const std::string& segment)
  {
    return segment.size () > 2 && segment.front () == '{' && segment.back () == '}';
  }

  // The route's handler checks that the router handed it a request its pattern matches.
  handler check_match (const std::string& method, const std::string& pattern)
  {
    return [method, pattern] (request& rq)
    {
      expect (rq.method == method, "a handler runs only for its method");
      std::vector<std::string> want (split_path (pattern)), got (split_path (rq.path));
      expect (want.size () == got.size (), "a matched path has the pattern's segment count");
      for (std::size_t i (0); i != want.size (); ++i)
      {
        if (!is_capture (want[i]))
          expect (want[i] == got[i], "a matched path has the pattern's literals");
        else
          expect (!got[i].empty () && rq.param (want[i].substr (1, want[i].size () - 2)) == got[i],
                  "a capture is the non-empty segment in its place");
      }
      response r;
      r.body = method + " " + pattern;
      return r;
    };
  }

  const router& api_router ()
  {
    static const router r ([]
    {
      router r;
      for (const api_route& a: api_routes)
        r.add (a.method, a.pattern, check_match (a.method, a.pattern));
      return r;
    } ());
    return r;
  }
}

extern "C" int LLVMFuzzerTestOneInput (const std::uint8_t* data, std::size_t size)
{
  const std::string line (modforge_fuzz::input (data, size));
  std::size_t space (line.find (' '));
  request rq;
  rq.method = line.substr (0, space);
  std::string uri (space == std::string::npos ? std::string () : line.substr (space + 1));
  std::size_t q (uri.find ('?'));
  rq.path = uri.substr (0, q);
  rq.query = q != std::string::npos ? uri.substr (q + 1) : std::string ();

  try
  {
    response r (api_router ().dispatch (rq));
    expect (r.status == 200 && !r.body.empty (), "a matched route runs its handler");
  }
  catch (const domain_error& e)
  {
    expect (e.kind == error_kind::not_found, "a path no route matches is not found");
    modforge_fuzz::expect_client_error (e);
  }
  catch (const http_error& e)
  {
    expect (e.status == 405, "a route that lacks the method is a 405");
    expect (e.headers.size () == 1 && e.headers[0].first == "Allow" &&
            !e.headers[0].second.empty (), "a 405 names the allowed methods");
    modforge_fuzz::expect_client_error (e);
  }
  return 0;
}
