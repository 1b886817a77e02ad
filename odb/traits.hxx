// How ODB reads and writes the enums kept as text (a job's status and task, a security event's
// kind, an outbox message's state, an email token's purpose): as their names, in the VARCHAR columns their members declare. ODB's generated code
// includes this first (the Makefile's --hxx-prologue).
#pragma once

#include <cstddef>
#include <string>

#include <odb/pgsql/traits.hxx>

#include "auth_event_kind.hxx"
#include "job_state.hxx"
#include "mail_state.hxx"

namespace odb
{
  namespace pgsql
  {
    // An enum E as its name (to_string) and back (`from_text`, which refuses unknown text).
    template <typename E, E (*from_text) (const std::string&)>
    struct enum_as_text_traits
    {
      typedef E value_type;
      typedef E query_type;
      typedef details::buffer image_type;

      static void set_value (E& v, const details::buffer& b, std::size_t n, bool is_null)
      {
        if (!is_null)
          v = from_text (std::string (b.data (), n));
      }

      static void set_image (details::buffer& b, std::size_t& n, bool& is_null, const E& v)
      {
        value_traits<std::string, id_string>::set_image (b, n, is_null,
                                                         std::string (to_string (v)));
      }
    };

    template <>
    class value_traits<modforge::job_status, id_string>
      : public enum_as_text_traits<modforge::job_status, modforge::to_job_status> {};

    template <>
    class value_traits<modforge::job_task, id_string>
      : public enum_as_text_traits<modforge::job_task, modforge::to_job_task> {};

    template <>
    class value_traits<modforge::auth_event_kind, id_string>
      : public enum_as_text_traits<modforge::auth_event_kind, modforge::to_auth_event_kind> {};

    template <>
    class value_traits<modforge::outbox_state, id_string>
      : public enum_as_text_traits<modforge::outbox_state, modforge::to_outbox_state> {};

    template <>
    class value_traits<modforge::email_token_purpose, id_string>
      : public enum_as_text_traits<modforge::email_token_purpose,
                                   modforge::to_email_token_purpose> {};
  }
}
