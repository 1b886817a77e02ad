// Tests of the client address behind trusted proxies.
#include <cppunit/extensions/HelperMacros.h>

#include "../../../src/auth/client_address.hpp"

using namespace modforge;

class client_address_test: public CppUnit::TestFixture
{
  CPPUNIT_TEST_SUITE (client_address_test);
  CPPUNIT_TEST (untrusted_remote_is_the_client);
  CPPUNIT_TEST (trusted_chain_is_walked_from_the_right);
  CPPUNIT_TEST (ranges_and_ipv6);
  CPPUNIT_TEST (bad_lists_are_found);
  CPPUNIT_TEST (ipv6_addresses_are_counted_by_their_64);
  CPPUNIT_TEST_SUITE_END ();

public:
  void untrusted_remote_is_the_client ()
  {
    CPPUNIT_ASSERT_EQUAL (std::string ("192.0.2.1"), client_address ("192.0.2.1", "1.2.3.4", {}));
    CPPUNIT_ASSERT_EQUAL (std::string ("192.0.2.1"),
                          client_address ("192.0.2.1", "1.2.3.4", {"10.0.0.1"}));
  }

  void trusted_chain_is_walked_from_the_right ()
  {
    std::vector<std::string> t {"10.0.0.1", "10.0.0.2"};
    CPPUNIT_ASSERT_EQUAL (std::string ("1.2.3.4"), client_address ("10.0.0.1", "1.2.3.4", t));
    CPPUNIT_ASSERT_EQUAL (std::string ("1.2.3.4"),
                          client_address ("10.0.0.1", "6.6.6.6, 1.2.3.4", t));
    CPPUNIT_ASSERT_EQUAL (std::string ("1.2.3.4"),
                          client_address ("10.0.0.1", "6.6.6.6,1.2.3.4 , 10.0.0.2", t));
    // Garbage where an address should be: the proxy's own address, never the garbage.
    CPPUNIT_ASSERT_EQUAL (std::string ("10.0.0.1"), client_address ("10.0.0.1", "x", t));
    CPPUNIT_ASSERT_EQUAL (std::string ("10.0.0.1"),
                          client_address ("10.0.0.1", "1.2.3.4, 1.2.3.4:80", t));
    CPPUNIT_ASSERT_EQUAL (std::string ("10.0.0.1"), client_address ("10.0.0.1", "10.0.0.2", t));
    CPPUNIT_ASSERT_EQUAL (std::string ("10.0.0.1"), client_address ("10.0.0.1", "", t));
  }

  void ranges_and_ipv6 ()
  {
    std::vector<std::string> t {"10.1.0.0/16", "fd00::/8", "127.0.0.1"};
    CPPUNIT_ASSERT (is_trusted_proxy ("10.1.200.3", t));
    CPPUNIT_ASSERT (!is_trusted_proxy ("10.2.0.1", t));
    CPPUNIT_ASSERT (is_trusted_proxy ("fdab::1", t));
    CPPUNIT_ASSERT (!is_trusted_proxy ("fe80::1", t));
    CPPUNIT_ASSERT (is_trusted_proxy ("127.0.0.1", t));
    CPPUNIT_ASSERT (!is_trusted_proxy ("127.0.0.2", t));
    // An IPv4 range never matches an IPv6 address that merely shares bytes.
    CPPUNIT_ASSERT (!is_trusted_proxy ("::a01:1", {"10.1.0.0/16"}));
    CPPUNIT_ASSERT (is_trusted_proxy ("203.0.113.7", {"0.0.0.0/0"}));
    CPPUNIT_ASSERT_EQUAL (std::string ("2001:db8::1"),
                          client_address ("fd00::5", "2001:db8::1", t));
  }

  void bad_lists_are_found ()
  {
    std::string bad;
    CPPUNIT_ASSERT (valid_proxy_list ({"10.0.0.0/8", "::1", "fd00::/8"}, bad));
    for (const char* b: {"10.0.0.0/33", "fd00::/129", "host.example", "10.0.0.0/", "10.0.0.0/-1",
                         "10.0.0.0/8/8", "300.1.1.1"})
    {
      CPPUNIT_ASSERT_MESSAGE (b, !valid_proxy_list ({"::1", b}, bad));
      CPPUNIT_ASSERT_EQUAL (std::string (b), bad);
    }
  }

  // One client usually holds a whole /64: every address in it is one key, and the next /64 is
  // another. IPv4 is counted address by address, however it is written.
  void ipv6_addresses_are_counted_by_their_64 ()
  {
    CPPUNIT_ASSERT_EQUAL (std::string ("2001:db8:1:2::/64"), address_key ("2001:db8:1:2::1"));
    CPPUNIT_ASSERT_EQUAL (std::string ("2001:db8:1:2::/64"),
                          address_key ("2001:0db8:0001:0002:ffff:eeee:dddd:cccc"));
    CPPUNIT_ASSERT_EQUAL (std::string ("2001:db8:1:3::/64"), address_key ("2001:db8:1:3::1"));
    CPPUNIT_ASSERT_EQUAL (std::string ("::/64"), address_key ("::1"));
    CPPUNIT_ASSERT_EQUAL (std::string ("203.0.113.7"), address_key ("203.0.113.7"));
    CPPUNIT_ASSERT_EQUAL (std::string ("203.0.113.7"), address_key ("::ffff:203.0.113.7"));
    CPPUNIT_ASSERT_EQUAL (std::string ("203.0.113.8"), address_key ("203.0.113.8"));
    // Not an address (no REMOTE_ADDR, a test's oddity): kept, so that it still counts alone.
    CPPUNIT_ASSERT_EQUAL (std::string (""), address_key (""));
    CPPUNIT_ASSERT_EQUAL (std::string ("unix:"), address_key ("unix:"));
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION (client_address_test);
