// Matching request paths against the route table.
#include "router.hpp"

#include <algorithm>

#include "../common/domain_error.hpp"
#include "http_error.hpp"

namespace modforge
{
  namespace
  {
    bool is_capture (const std::string& segment)
    {
      return segment.size () > 2 && segment.front () == '{' && segment.back () == '}';
    }
  }

  std::vector<std::string> split_path (const std::string& path)
  {
    std::vector<std::string> r;
    std::size_t start (!path.empty () && path[0] == '/' ? 1 : 0);
    for (;;)
    {
      std::size_t slash (path.find ('/', start));
      r.push_back (path.substr (start, slash - start));
      if (slash == std::string::npos)
        return r;
      start = slash + 1;
    }
  }

  void router::add (const std::string& method, const std::string& pattern, handler h)
  {
    route r {method, pattern, split_path (pattern), 0, std::move (h)};
    for (const std::string& s: r.segments)
      if (!is_capture (s))
        ++r.literals;
    routes_.push_back (std::move (r));
  }

  std::vector<std::string> router::patterns () const
  {
    std::vector<std::string> r;
    for (const route& x: routes_)
      if (std::find (r.begin (), r.end (), x.pattern) == r.end ())
        r.push_back (x.pattern);
    return r;
  }

  bool router::matches (const route& r, const std::vector<std::string>& path)
  {
    if (r.segments.size () != path.size ())
      return false;
    for (std::size_t i (0); i != path.size (); ++i)
    {
      const std::string& s (r.segments[i]);
      if (is_capture (s) ? path[i].empty () : s != path[i])
        return false;
    }
    return true;
  }

  response router::dispatch (request& rq) const
  {
    std::vector<std::string> path (split_path (rq.path));

    // The best matching pattern: most literal segments, first added on a tie.
    const route* best (nullptr);
    for (const route& r: routes_)
      if (matches (r, path) && (best == nullptr || r.literals > best->literals))
        best = &r;
    if (best == nullptr)
      throw not_found ("Not found");
    rq.route = best->pattern;

    std::string allow;
    for (const route& r: routes_)
    {
      if (r.segments != best->segments)
        continue;
      // HEAD runs GET's handler: nginx sends the head of its answer and drops the body.
      if (r.method == rq.method || (rq.method == "HEAD" && r.method == "GET"))
      {
        for (std::size_t i (0); i != path.size (); ++i)
          if (is_capture (r.segments[i]))
            rq.params[r.segments[i].substr (1, r.segments[i].size () - 2)] = path[i];
        return r.run (rq);
      }
      allow += (allow.empty () ? "" : ", ") + r.method;
      if (r.method == "GET")
        allow += ", HEAD";
    }

    http_error e (405, "method_not_allowed", "Method " + rq.method + " is not allowed here");
    e.headers.emplace_back ("Allow", allow);
    throw e;
  }
}
