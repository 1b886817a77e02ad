// Tests of session token generation, shape checking and hashing.
#include <set>

#include <cppunit/extensions/HelperMacros.h>

#include "../../../src/auth/token_codec.hpp"

using namespace modforge;

namespace
{
  bool is_lower_hex (char c)
  {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
  }
}

class token_codec_test: public CppUnit::TestFixture
{
  CPPUNIT_TEST_SUITE (token_codec_test);
  CPPUNIT_TEST (token_is_lowercase_uuid_v4);
  CPPUNIT_TEST (tokens_are_distinct);
  CPPUNIT_TEST (token_shape_check);
  CPPUNIT_TEST (hash_is_sha256_hex);
  CPPUNIT_TEST_SUITE_END ();

public:
  void token_is_lowercase_uuid_v4 ()
  {
    for (int n (0); n != 200; ++n)
    {
      std::string t (generate_token ());
      CPPUNIT_ASSERT_EQUAL (std::size_t (36), t.size ());
      for (std::size_t i (0); i != t.size (); ++i)
      {
        if (i == 8 || i == 13 || i == 18 || i == 23)
          CPPUNIT_ASSERT_EQUAL_MESSAGE (t, '-', t[i]);
        else
          CPPUNIT_ASSERT_MESSAGE (t, is_lower_hex (t[i]));
      }
      CPPUNIT_ASSERT_EQUAL_MESSAGE (t, '4', t[14]);
      CPPUNIT_ASSERT_MESSAGE (t, std::string ("89ab").find (t[19]) != std::string::npos);
    }
  }

  void tokens_are_distinct ()
  {
    std::set<std::string> seen;
    for (int i (0); i != 1000; ++i)
      seen.insert (generate_token ());
    CPPUNIT_ASSERT_EQUAL (std::size_t (1000), seen.size ());
  }

  void token_shape_check ()
  {
    std::string t (generate_token ());
    CPPUNIT_ASSERT (is_token_shaped (t));
    CPPUNIT_ASSERT (is_token_shaped ("0123abcd-ef01-4234-8678-9abcdef01234"));

    std::string upper ("0123ABCD-EF01-4234-8678-9ABCDEF01234");
    CPPUNIT_ASSERT (!is_token_shaped (upper));
    CPPUNIT_ASSERT (!is_token_shaped (t.substr (0, 35)));
    CPPUNIT_ASSERT (!is_token_shaped (t + "0"));
    CPPUNIT_ASSERT (!is_token_shaped (""));
    CPPUNIT_ASSERT (!is_token_shaped ("0123abcd0ef01-4234-8678-9abcdef01234"));
    CPPUNIT_ASSERT (!is_token_shaped ("0123abc-def01-4234-8678-9abcdef01234"));
    CPPUNIT_ASSERT (!is_token_shaped ("0123abcd-ef01-4234-8678-9abcdef0123g"));
    CPPUNIT_ASSERT (!is_token_shaped ("0123abcdef0142348678-9abcdef01234----"));
    CPPUNIT_ASSERT (!is_token_shaped (std::string ("0123abcd-ef01-4234-8678-9abcdef0123\0", 36)));
    // Only version 4 with the RFC 4122 variant: what generate_token makes.
    CPPUNIT_ASSERT (!is_token_shaped ("0123abcd-ef01-1234-8678-9abcdef01234"));
    CPPUNIT_ASSERT (!is_token_shaped ("0123abcd-ef01-4234-c678-9abcdef01234"));
    CPPUNIT_ASSERT (!is_token_shaped ("0123abcd-ef01-4234-7678-9abcdef01234"));
    CPPUNIT_ASSERT (is_token_shaped ("0123abcd-ef01-4234-b678-9abcdef01234"));
  }

  void hash_is_sha256_hex ()
  {
    CPPUNIT_ASSERT_EQUAL (
      std::string ("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
      hash_token ("abc"));
    CPPUNIT_ASSERT_EQUAL (
      std::string ("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
      hash_token (""));

    std::string t (generate_token ()), h (hash_token (t));
    CPPUNIT_ASSERT_EQUAL (std::size_t (64), h.size ());
    for (char c: h)
      CPPUNIT_ASSERT (is_lower_hex (c));
    CPPUNIT_ASSERT_EQUAL (h, hash_token (t));
    CPPUNIT_ASSERT (h != hash_token (generate_token ()));
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION (token_codec_test);
