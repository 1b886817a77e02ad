// Tests of the enums kept as text (job status, job task, security event kind, outbox state, email
// token purpose): every value has
// the name its column holds and comes back from it, unknown text is refused, and ODB's value
// traits write and read exactly those names.
#include <cppunit/extensions/HelperMacros.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "../../../odb/traits.hxx"

using namespace modforge;

namespace
{
  // Writes `v` the way ODB binds it to a statement, and reads it back from those bytes.
  template <typename E>
  std::string through_odb (E v, E& back)
  {
    typedef odb::pgsql::value_traits<E, odb::pgsql::id_string> traits;
    odb::details::buffer b;
    std::size_t n (0);
    bool is_null (true);
    traits::set_image (b, n, is_null, v);
    CPPUNIT_ASSERT (!is_null);
    traits::set_value (back, b, n, false);
    return std::string (b.data (), n);
  }

  template <typename E>
  void check (const std::vector<std::pair<E, std::string>>& expected,
              E (*from_text) (const std::string&))
  {
    for (const auto& e: expected)
    {
      CPPUNIT_ASSERT_EQUAL (e.second, std::string (to_string (e.first)));
      CPPUNIT_ASSERT (from_text (e.second) == e.first);
      E back (expected.front ().first == e.first ? expected.back ().first
                                                 : expected.front ().first);
      CPPUNIT_ASSERT_EQUAL (e.second, through_odb (e.first, back));
      CPPUNIT_ASSERT (back == e.first);
    }
    for (const char* unknown: {"", "Queued", "queued ", " login", "LOGIN", "done", "generated",
                               "registered", "log in"})
      CPPUNIT_ASSERT_THROW_MESSAGE (unknown, from_text (unknown), std::invalid_argument);
  }
}

class stored_enums_test: public CppUnit::TestFixture
{
  CPPUNIT_TEST_SUITE (stored_enums_test);
  CPPUNIT_TEST (job_status_names);
  CPPUNIT_TEST (job_task_names);
  CPPUNIT_TEST (auth_event_kind_names);
  CPPUNIT_TEST (outbox_state_names);
  CPPUNIT_TEST (email_token_purpose_names);
  CPPUNIT_TEST (a_value_without_a_name_is_refused);
  CPPUNIT_TEST_SUITE_END ();

public:
  void job_status_names ()
  {
    check<job_status> ({{job_status::queued, "queued"},
                        {job_status::analyzing, "analyzing"},
                        {job_status::generating, "generating"},
                        {job_status::packaging, "packaging"},
                        {job_status::completed, "completed"},
                        {job_status::failed, "failed"}},
                       to_job_status);
  }

  void job_task_names ()
  {
    check<job_task> ({{job_task::generate, "generate"},
                      {job_task::images, "images"},
                      {job_task::package, "package"}},
                     to_job_task);
  }

  void auth_event_kind_names ()
  {
    check<auth_event_kind> ({{auth_event_kind::registered, "register"},
                             {auth_event_kind::login, "login"},
                             {auth_event_kind::login_failed, "login_failed"},
                             {auth_event_kind::login_throttled, "login_throttled"},
                             {auth_event_kind::logout, "logout"},
                             {auth_event_kind::logout_all, "logout_all"},
                             {auth_event_kind::username_changed, "username_changed"},
                             {auth_event_kind::email_changed, "email_changed"},
                             {auth_event_kind::password_changed, "password_changed"},
                             {auth_event_kind::token_revoked, "token_revoked"},
                             {auth_event_kind::password_reset_requested,
                              "password_reset_requested"},
                             {auth_event_kind::password_reset, "password_reset"},
                             {auth_event_kind::email_verified, "email_verified"},
                             {auth_event_kind::password_check_failed, "password_check_failed"}},
                            to_auth_event_kind);
  }

  void outbox_state_names ()
  {
    check<outbox_state> ({{outbox_state::queued, "queued"},
                          {outbox_state::sending, "sending"},
                          {outbox_state::sent, "sent"},
                          {outbox_state::failed, "failed"}},
                         to_outbox_state);
  }

  void email_token_purpose_names ()
  {
    check<email_token_purpose> ({{email_token_purpose::verify, "verify"},
                                 {email_token_purpose::reset, "reset"}},
                                to_email_token_purpose);
  }

  void a_value_without_a_name_is_refused ()
  {
    CPPUNIT_ASSERT_THROW (to_string (static_cast<job_status> (6)), std::invalid_argument);
    CPPUNIT_ASSERT_THROW (to_string (static_cast<job_task> (3)), std::invalid_argument);
    CPPUNIT_ASSERT_THROW (to_string (static_cast<auth_event_kind> (14)), std::invalid_argument);
    CPPUNIT_ASSERT_THROW (to_string (static_cast<outbox_state> (4)), std::invalid_argument);
    CPPUNIT_ASSERT_THROW (to_string (static_cast<email_token_purpose> (2)),
                          std::invalid_argument);
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION (stored_enums_test);
