// Tests of the stored form of a session token: its SHA-256 in lower-case hex.
#include <cppunit/extensions/HelperMacros.h>

#include "../../../src/auth/token_hash.hpp"
#include "../../../src/common/uuid.hpp"
#include "../test_support.hpp"

using namespace modforge;
using modforge_test::is_lower_hex;

class token_hash_test: public CppUnit::TestFixture
{
  CPPUNIT_TEST_SUITE (token_hash_test);
  CPPUNIT_TEST (hash_is_sha256_hex);
  CPPUNIT_TEST_SUITE_END ();

public:
  void hash_is_sha256_hex ()
  {
    CPPUNIT_ASSERT_EQUAL (
      std::string ("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
      hash_token ("abc"));
    CPPUNIT_ASSERT_EQUAL (
      std::string ("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
      hash_token (""));

    std::string t (random_uuid ()), h (hash_token (t));
    CPPUNIT_ASSERT_EQUAL (std::size_t (64), h.size ());
    for (char c: h)
      CPPUNIT_ASSERT (is_lower_hex (c));
    CPPUNIT_ASSERT_EQUAL (h, hash_token (t));
    CPPUNIT_ASSERT (h != hash_token (random_uuid ()));
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION (token_hash_test);
