// The route table: a method and a path pattern ("/api/sessions/{id}") map to a handler, and the
// pattern's captures arrive in request::params.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "request.hpp"
#include "response.hpp"

namespace modforge
{
  typedef std::function<response (request&)> handler;

  class router
  {
  public:
    void add (const std::string& method, const std::string& pattern, handler);

    // Runs the handler of the route that matches (a GET route's also for HEAD). A path that no pattern matches is a not_found
    // domain_error ("Not found"); a path whose best pattern lacks the method is an http_error
    // 405 with Allow. The best pattern is the one
    // with the most literal segments, so "/api/sessions/new" beats "/api/sessions/{id}".
    // Sets request::route to the pattern matched.
    response dispatch (request&) const;

    // Every pattern of the table, once each, in the order they were added.
    std::vector<std::string> patterns () const;

  private:
    struct route
    {
      std::string method;
      std::string pattern;
      std::vector<std::string> segments;
      std::size_t literals;
      handler run;
    };

    static bool matches (const route&, const std::vector<std::string>& path);

    std::vector<route> routes_;
  };

  // "/a/b/c" -> {"a", "b", "c"}; "/" -> {""}.
  std::vector<std::string> split_path (const std::string& path);
}
