// Tests of bcrypt hashing: compute, verify ($2a$/$2b$/$2y$), the 72-byte and NUL rules, rehash.
#include <memory>
#include <stdexcept>

#include <crypt.h>

#include <cppunit/extensions/HelperMacros.h>

#include "../../../src/auth/password_hasher.hpp"

using namespace modforge;

namespace
{
  // Hashes with another scheme through libxcrypt itself, to show verify refuses them.
  std::string foreign_hash (const char* password, const char* setting)
  {
    std::unique_ptr<crypt_data> d (new crypt_data ());
    const char* h (crypt_r (password, setting, d.get ()));
    return h != nullptr ? h : "";
  }

  std::string with_prefix (const std::string& hash, const char* prefix)
  {
    return prefix + hash.substr (4);
  }
}

class password_hasher_test: public CppUnit::TestFixture
{
  CPPUNIT_TEST_SUITE (password_hasher_test);
  CPPUNIT_TEST (compute_gives_2b_hash_with_fresh_salt);
  CPPUNIT_TEST (verify_right_and_wrong);
  CPPUNIT_TEST (other_variants_verify);
  CPPUNIT_TEST (published_vectors_verify);
  CPPUNIT_TEST (long_and_nul_passwords_never_verify);
  CPPUNIT_TEST (non_bcrypt_hashes_never_verify);
  CPPUNIT_TEST (needs_rehash_for_other_cost_or_variant);
  CPPUNIT_TEST (dummy_hash_and_cost);
  CPPUNIT_TEST (cost_five);
  CPPUNIT_TEST_SUITE_END ();

public:
  void compute_gives_2b_hash_with_fresh_salt ()
  {
    password_hasher h (4);
    std::string a (h.compute ("correct horse")), b (h.compute ("correct horse"));
    CPPUNIT_ASSERT_EQUAL (std::string ("$2b$04$"), a.substr (0, 7));
    CPPUNIT_ASSERT_EQUAL (std::size_t (7 + 53), a.size ());
    CPPUNIT_ASSERT (a != b);
    CPPUNIT_ASSERT (a.substr (7, 22) != b.substr (7, 22));
  }

  void verify_right_and_wrong ()
  {
    password_hasher h (4);
    std::string hash (h.compute ("correct horse"));
    CPPUNIT_ASSERT (h.verify ("correct horse", hash));
    CPPUNIT_ASSERT (!h.verify ("correct horsf", hash));
    CPPUNIT_ASSERT (!h.verify ("Correct horse", hash));
    CPPUNIT_ASSERT (!h.verify ("", hash));
    std::string utf8 (h.compute ("p\xc3\xa4ssw\xc3\xb6rd"));
    CPPUNIT_ASSERT (h.verify ("p\xc3\xa4ssw\xc3\xb6rd", utf8));
    CPPUNIT_ASSERT (!h.verify ("passw\xc3\xb6rd", utf8));
  }

  void other_variants_verify ()
  {
    password_hasher h (4);
    std::string hash (h.compute ("correct horse"));
    for (const char* prefix: {"$2a$", "$2y$"})
    {
      std::string other (with_prefix (hash, prefix));
      CPPUNIT_ASSERT_MESSAGE (other, h.verify ("correct horse", other));
      CPPUNIT_ASSERT_MESSAGE (other, !h.verify ("wrong horse", other));
    }
  }

  void published_vectors_verify ()
  {
    // From Openwall's crypt_blowfish test vectors (wrapper.c), also used by OpenBSD's tests.
    password_hasher h (4);
    CPPUNIT_ASSERT (h.verify ("U*U", "$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW"));
    CPPUNIT_ASSERT (h.verify ("U*U*", "$2a$05$CCCCCCCCCCCCCCCCCCCCC.VGOzA784oUp/Z0DY336zx7pLYAy0lwK"));
    CPPUNIT_ASSERT (h.verify ("", "$2a$05$CCCCCCCCCCCCCCCCCCCCC.7uG0VCzI2bS7j6ymqJi9CdcdxiRTWNy"));
    CPPUNIT_ASSERT (h.verify ("\xa3", "$2y$05$/OK.fbVrR/bpIqNJ5ianF.Sa7shbm4.OzKpvFnX1pQLmQW96oUlCq"));
    CPPUNIT_ASSERT (!h.verify ("U*V", "$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW"));
    // Same salt and password with another variant letter: still the same hash for ASCII.
    CPPUNIT_ASSERT (h.verify ("U*U", "$2b$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW"));
    // This vector's password is longer than 72 bytes: bcrypt ignores the rest, we refuse it.
    CPPUNIT_ASSERT (!h.verify ("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
                               "chars after 72 are ignored",
                               "$2a$05$abcdefghijklmnopqrstuu5s2v8.iXieOjg/.AySBTTZIIVFJeBui"));
  }

  void long_and_nul_passwords_never_verify ()
  {
    password_hasher h (4);
    std::string prefix72 (72, 'x');
    std::string hash (h.compute (prefix72));
    CPPUNIT_ASSERT (h.verify (prefix72, hash));
    CPPUNIT_ASSERT (!h.verify (prefix72 + "y", hash));
    CPPUNIT_ASSERT (!h.verify (prefix72 + prefix72, hash));

    std::string short_hash (h.compute ("abcdefgh"));
    CPPUNIT_ASSERT (!h.verify (std::string ("abcdefgh\0tail", 13), short_hash));
    CPPUNIT_ASSERT (!h.verify (std::string ("abcdefgh\0", 9), short_hash));
  }

  void non_bcrypt_hashes_never_verify ()
  {
    password_hasher h (4);
    std::string md5 (foreign_hash ("password", "$1$saltsalt$"));
    std::string sha512 (foreign_hash ("password", "$6$saltsalt$"));
    std::string des (foreign_hash ("password", "ab"));
    CPPUNIT_ASSERT_EQUAL (std::string ("$1$"), md5.substr (0, 3)); // the fixtures are real
    CPPUNIT_ASSERT_EQUAL (std::string ("$6$"), sha512.substr (0, 3));
    for (const std::string& bad: {md5, sha512, des, std::string (), std::string ("garbage"),
                                  std::string ("*0"), std::string ("$2b$04$"),
                                  std::string ("$2b$04$") + std::string (53, '*'),
                                  std::string ("$2b$99$") + std::string (53, 'a')})
      CPPUNIT_ASSERT_MESSAGE (bad, !h.verify ("password", bad));
  }

  void needs_rehash_for_other_cost_or_variant ()
  {
    password_hasher h (4);
    std::string own (h.compute ("correct horse"));
    CPPUNIT_ASSERT (!h.needs_rehash (own));
    CPPUNIT_ASSERT (h.needs_rehash (with_prefix (own, "$2a$")));
    CPPUNIT_ASSERT (h.needs_rehash (with_prefix (own, "$2y$")));
    CPPUNIT_ASSERT (h.needs_rehash (password_hasher (5).compute ("correct horse")));
    CPPUNIT_ASSERT (h.needs_rehash ("$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW"));
    CPPUNIT_ASSERT (h.needs_rehash (""));
    CPPUNIT_ASSERT (h.needs_rehash ("$1$saltsalt$"));
  }

  void dummy_hash_and_cost ()
  {
    password_hasher h (4);
    CPPUNIT_ASSERT_EQUAL (4, h.cost ());
    CPPUNIT_ASSERT_EQUAL (std::string ("$2b$04$"), h.dummy_hash ().substr (0, 7));
    CPPUNIT_ASSERT_EQUAL (std::size_t (60), h.dummy_hash ().size ());
    CPPUNIT_ASSERT (!h.needs_rehash (h.dummy_hash ()));
    CPPUNIT_ASSERT (!h.verify ("", h.dummy_hash ()));
    CPPUNIT_ASSERT (!h.verify ("password", h.dummy_hash ()));
    CPPUNIT_ASSERT_THROW (password_hasher (3), std::invalid_argument);
    CPPUNIT_ASSERT_THROW (password_hasher (32), std::invalid_argument);
  }

  void cost_five ()
  {
    password_hasher h (5);
    std::string hash (h.compute ("correct horse"));
    CPPUNIT_ASSERT_EQUAL (std::string ("$2b$05$"), hash.substr (0, 7));
    CPPUNIT_ASSERT_EQUAL (std::string ("$2b$05$"), h.dummy_hash ().substr (0, 7));
    CPPUNIT_ASSERT (h.verify ("correct horse", hash));
    CPPUNIT_ASSERT (!h.needs_rehash (hash));
    CPPUNIT_ASSERT (h.needs_rehash (password_hasher (4).compute ("correct horse")));
    CPPUNIT_ASSERT (h.needs_rehash ("$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW"));
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION (password_hasher_test);
