// What the libFuzzer harnesses of tests/fuzz/ share: the input as a string, a property check that
// stops the run (libFuzzer then saves the input as a crash artefact), and the check every client
// error must pass on its way to the response.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include <rapidjson/document.h>

#include "../../src/api/error_mapping.hpp"
#include "../../src/common/domain_error.hpp"
#include "../../src/common/utf8.hpp"
#include "../../src/http/error_response.hpp"

namespace modforge_fuzz
{
  inline std::string input (const std::uint8_t* data, std::size_t size)
  {
    return std::string (reinterpret_cast<const char*> (data), size);
  }

  // A broken property is a finding like a sanitizer report: say which, and abort.
  inline void expect (bool holds, const char* property)
  {
    if (!holds)
    {
      std::fprintf (stderr, "fuzz: property broken: %s\n", property);
      std::abort ();
    }
  }

  // An http_error raised by client input is a 4xx, and error_response turns it into a body that
  // is a well-formed UTF-8 JSON object {"success":false,"error":...,"code":<its code>}.
  inline void expect_client_error (const modforge::http_error& e)
  {
    expect (e.status >= 400 && e.status < 500, "an error caused by input is a 4xx");
    modforge::response r (modforge::error_response (e));
    expect (r.status == e.status, "error_response keeps the status");
    rapidjson::Document d;
    d.Parse<rapidjson::kParseValidateEncodingFlag> (r.body.data (), r.body.size ());
    expect (!d.HasParseError () && d.IsObject (), "an error body is UTF-8 JSON");
    expect (d.HasMember ("success") && d["success"].IsFalse (), "an error body says success:false");
    expect (d.HasMember ("error") && d["error"].IsString (), "an error body has an error string");
    expect (d.HasMember ("code") && d["code"].IsString () &&
            e.code == std::string (d["code"].GetString (), d["code"].GetStringLength ()),
            "an error body carries the error's code");
  }

  // A domain_error raised by client input, as the API answers it: the same properties.
  inline void expect_client_error (const modforge::domain_error& e)
  {
    expect_client_error (modforge::to_http_error (e));
  }
}
