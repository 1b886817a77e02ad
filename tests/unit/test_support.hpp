// Helpers shared by the unit tests: catching an api_error to inspect it, temporary directories.
#pragma once

#include <cstdlib>
#include <string>

#include <cppunit/extensions/HelperMacros.h>

#include "../../src/common/api_error.hpp"

namespace modforge_test
{
  // Runs f and returns the api_error it throws; fails the test if it throws none.
  template <typename F>
  modforge::api_error expect_api_error (F f)
  {
    try
    {
      f ();
    }
    catch (const modforge::api_error& e)
    {
      return e;
    }
    CPPUNIT_FAIL ("expected an api_error, none was thrown");
    throw 0; // not reached: CPPUNIT_FAIL throws
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
}
