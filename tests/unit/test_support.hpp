// Helpers shared by the unit tests: catching an error to inspect it, temporary directories.
#pragma once

#include <cstdlib>
#include <string>

#include <cppunit/extensions/HelperMacros.h>

#include "../../src/common/domain_error.hpp"
#include "../../src/http/http_error.hpp"

namespace modforge_test
{
  // Runs f and returns the Error it throws; fails the test if it throws none.
  template <typename Error, typename F>
  Error expect_error (F f)
  {
    try
    {
      f ();
    }
    catch (const Error& e)
    {
      return e;
    }
    CPPUNIT_FAIL ("expected an exception, none was thrown");
    throw 0; // not reached: CPPUNIT_FAIL throws
  }

  // The refusals of the HTTP layer, and the services' domain errors.
  template <typename F>
  modforge::http_error expect_http_error (F f) {return expect_error<modforge::http_error> (f);}
  template <typename F>
  modforge::domain_error expect_domain_error (F f)
  {
    return expect_error<modforge::domain_error> (f);
  }

  // A new empty directory /tmp/modforge-<what>-XXXXXX (mkdtemp); fails the test if it cannot.
  inline std::string make_temp_dir (const std::string& what)
  {
    std::string name ("/tmp/modforge-" + what + "-XXXXXX");
    CPPUNIT_ASSERT (mkdtemp (&name[0]) != nullptr);
    return name;
  }

  inline bool contains (const std::string& haystack, const std::string& needle)
  {
    return haystack.find (needle) != std::string::npos;
  }

  // 0-9 and a-f: the digits of the UUIDs and hashes modforge writes.
  inline bool is_lower_hex (char c)
  {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
  }
}
