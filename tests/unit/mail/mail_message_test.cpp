// Tests of the mail's format: the headers (RFC 5322 dates, Message-IDs, RFC 2047 encoded-words
// within their lengths), the body's transfer encoding, CRLF everywhere, and no way for a value
// to add a header.
#include <cppunit/extensions/HelperMacros.h>

#include <stdexcept>
#include <string>

#include "../../../src/common/clock.hpp"
#include "../../../src/mail/header_encoding.hpp"
#include "../../../src/mail/mail_message.hpp"
#include "message_reader.hpp"

using namespace modforge;
using modforge_test::read_formatted_mail;
using modforge_test::read_mail;

namespace
{
  // 2026-11-30T22:12:27Z, a Monday.
  const utc_time when = 1796076747LL * microseconds_per_second;

  mail_message sample ()
  {
    return mail_message {"modforge@example.com", "modforge", "alice@example.org",
                         "Reset your modforge password", "Hello alice,\n\nthe link.\n",
                         "<0123456789abcdef0123456789abcdef@example.com>", when};
  }

  read_mail formatted (const mail_message& m)
  {
    read_mail r (read_formatted_mail (format_message (m)));
    CPPUNIT_ASSERT_EQUAL_MESSAGE (r.problem, std::string (), r.problem);
    return r;
  }
}

class mail_message_test: public CppUnit::TestFixture
{
  CPPUNIT_TEST_SUITE (mail_message_test);
  CPPUNIT_TEST (headers_of_an_ascii_mail);
  CPPUNIT_TEST (date_is_rfc_5322);
  CPPUNIT_TEST (message_ids_are_random_at_the_sender_domain);
  CPPUNIT_TEST (utf8_subject_is_encoded_words_within_their_lengths);
  CPPUNIT_TEST (long_ascii_subject_is_encoded_not_overlong);
  CPPUNIT_TEST (text_that_looks_encoded_is_encoded);
  CPPUNIT_TEST (display_names);
  CPPUNIT_TEST (nothing_can_add_a_header);
  CPPUNIT_TEST (ascii_body_is_7bit_with_crlf);
  CPPUNIT_TEST (utf8_body_is_quoted_printable);
  CPPUNIT_TEST (long_lines_are_quoted_printable);
  CPPUNIT_TEST (quoted_printable_rules);
  CPPUNIT_TEST_SUITE_END ();

public:
  void headers_of_an_ascii_mail ()
  {
    std::string text (format_message (sample ()));
    CPPUNIT_ASSERT_EQUAL (std::string (
      "Date: Mon, 30 Nov 2026 22:12:27 +0000\r\n"
      "Message-ID: <0123456789abcdef0123456789abcdef@example.com>\r\n"
      "From: modforge <modforge@example.com>\r\n"
      "To: alice@example.org\r\n"
      "Subject: Reset your modforge password\r\n"
      "MIME-Version: 1.0\r\n"
      "Content-Type: text/plain; charset=UTF-8\r\n"
      "Content-Transfer-Encoding: 7bit\r\n"
      "Auto-Submitted: auto-generated\r\n"
      "\r\n"
      "Hello alice,\r\n"
      "\r\n"
      "the link.\r\n"), text);
  }

  void date_is_rfc_5322 ()
  {
    CPPUNIT_ASSERT_EQUAL (std::string ("Thu, 01 Jan 1970 00:00:00 +0000"), format_mail_date (0));
    CPPUNIT_ASSERT_EQUAL (std::string ("Sat, 29 Feb 2020 09:05:03 +0000"),
                          format_mail_date (1582967103LL * microseconds_per_second + 999999));
  }

  void message_ids_are_random_at_the_sender_domain ()
  {
    std::string a (new_message_id ("noreply@mail.example.com"));
    std::string b (new_message_id ("noreply@mail.example.com"));
    CPPUNIT_ASSERT (a != b);
    CPPUNIT_ASSERT_EQUAL (std::size_t (1 + 32 + 1 + 16 + 1), a.size ());
    CPPUNIT_ASSERT_EQUAL (std::string ("@mail.example.com>"), a.substr (33));
    CPPUNIT_ASSERT_EQUAL ('<', a[0]);
    mail_message m (sample ());
    m.message_id = a;
    CPPUNIT_ASSERT_EQUAL (a, formatted (m).header ("Message-ID"));
    for (const char* bad: {"", "<>", "no-brackets@x.y", "<a@b>\r\nBcc: x@y.z", "<a b@c.d>"})
    {
      m.message_id = bad;
      CPPUNIT_ASSERT_THROW_MESSAGE (bad, format_message (m), std::invalid_argument);
    }
  }

  void utf8_subject_is_encoded_words_within_their_lengths ()
  {
    mail_message m (sample ());
    // 2- 3- and 4-byte characters, many of them, so that the subject needs several words.
    m.subject = "Passwort zur\xc3\xbc" "cksetzen \xe2\x9c\x89 \xf0\x9f\x97\xa1\xef\xb8\x8f ";
    for (int i (0); i != 6; ++i)
      m.subject += "\xc3\xa9t\xc3\xa9 \xe2\x80\x94 ";
    read_mail r (formatted (m));
    CPPUNIT_ASSERT_EQUAL (m.subject, r.header ("Subject"));
    std::string text (format_message (m));
    CPPUNIT_ASSERT (text.find ("Subject: =?UTF-8?B?") != std::string::npos);
    CPPUNIT_ASSERT (text.find ("?=\r\n =?UTF-8?B?") != std::string::npos);
  }

  void long_ascii_subject_is_encoded_not_overlong ()
  {
    mail_message m (sample ());
    m.subject = std::string (200, 'x') + " and more words after it";
    read_mail r (formatted (m));
    CPPUNIT_ASSERT_EQUAL (m.subject, r.header ("Subject"));
    m.subject = std::string (78 - 9, 'y');    // "Subject: " and 69 characters: 78 in all
    CPPUNIT_ASSERT (format_message (m).find ("Subject: " + m.subject + "\r\n") != std::string::npos);
  }

  void text_that_looks_encoded_is_encoded ()
  {
    mail_message m (sample ());
    m.subject = "=?UTF-8?B?aGk=?= is not a word";
    read_mail r (formatted (m));
    CPPUNIT_ASSERT_EQUAL (m.subject, r.header ("Subject"));
  }

  void display_names ()
  {
    mail_message m (sample ());
    m.from_name = "";
    CPPUNIT_ASSERT_EQUAL (std::string ("modforge@example.com"), formatted (m).header ("From"));
    m.from_name = "The modforge team";
    CPPUNIT_ASSERT_EQUAL (std::string ("The modforge team <modforge@example.com>"),
                          formatted (m).header ("From"));
    // Specials need quotes, and a quote or backslash inside them an escape.
    m.from_name = "modforge, \"the\" <service>\\";
    CPPUNIT_ASSERT_EQUAL (std::string ("\"modforge, \\\"the\\\" <service>\\\\\" "
                                       "<modforge@example.com>"),
                          formatted (m).header ("From"));
    // UTF-8: encoded-words, the address on a line of its own.
    m.from_name = "Mod\xc3\xb8 Forge \xe2\x9a\x92";
    read_mail r (formatted (m));
    CPPUNIT_ASSERT_EQUAL (m.from_name + " <modforge@example.com>", r.header ("From"));
  }

  void nothing_can_add_a_header ()
  {
    mail_message m (sample ());
    for (const char* evil: {"x\r\nBcc: eve@example.net", "x\nBcc: eve@example.net",
                            "x\rBcc: eve@example.net", "tab\there", "nul\x01"})
    {
      mail_message s (m);
      s.subject = evil;
      CPPUNIT_ASSERT_THROW_MESSAGE (evil, format_message (s), std::invalid_argument);
      mail_message n (m);
      n.from_name = evil;
      CPPUNIT_ASSERT_THROW_MESSAGE (evil, format_message (n), std::invalid_argument);
    }
    for (const char* evil: {"alice@example.org\r\nBcc: eve@example.net", "alice@example.org, eve@example.net",
                            "Eve <eve@example.net>", "alice@example.org>\r\nRCPT TO:<eve@example.net"})
    {
      mail_message t (m);
      t.to_address = evil;
      CPPUNIT_ASSERT_THROW_MESSAGE (evil, format_message (t), std::invalid_argument);
      mail_message f (m);
      f.from_address = evil;
      CPPUNIT_ASSERT_THROW_MESSAGE (evil, format_message (f), std::invalid_argument);
    }
    mail_message b (m);
    b.subject = "bad \xff UTF-8";
    CPPUNIT_ASSERT_THROW (format_message (b), std::invalid_argument);
    b = m;
    b.body = std::string ("nul \0 body", 10);
    CPPUNIT_ASSERT_THROW (format_message (b), std::invalid_argument);
    // A body can hold anything else: it is after the empty line.
    b = m;
    b.body = "Bcc: eve@example.net\r\n\r\nSubject: no\n.\n";
    read_mail r (formatted (b));
    CPPUNIT_ASSERT_EQUAL (std::string (), r.header ("Bcc"));
    CPPUNIT_ASSERT_EQUAL (std::string ("Bcc: eve@example.net\n\nSubject: no\n."), r.body);
  }

  void ascii_body_is_7bit_with_crlf ()
  {
    mail_message m (sample ());
    m.body = "one\ntwo\r\nthree\rfour";
    std::string text (format_message (m));
    CPPUNIT_ASSERT (text.find ("Content-Transfer-Encoding: 7bit\r\n") != std::string::npos);
    CPPUNIT_ASSERT (text.find ("\r\n\r\none\r\ntwo\r\nthree\r\nfour\r\n") != std::string::npos);
    m.body = std::string (998, 'a');
    CPPUNIT_ASSERT_EQUAL (std::string ("7bit"), formatted (m).header ("Content-Transfer-Encoding"));
  }

  void utf8_body_is_quoted_printable ()
  {
    mail_message m (sample ());
    m.body = "Gr\xc3\xbc\xc3\x9f" "e = hello \xf0\x9f\x91\x8b\n\xe2\x80\x94 modforge\n";
    read_mail r (formatted (m));
    CPPUNIT_ASSERT_EQUAL (std::string ("quoted-printable"), r.header ("Content-Transfer-Encoding"));
    CPPUNIT_ASSERT_EQUAL (std::string ("Gr\xc3\xbc\xc3\x9f" "e = hello \xf0\x9f\x91\x8b\n"
                                       "\xe2\x80\x94 modforge"), r.body);
    CPPUNIT_ASSERT (format_message (m).find ("Gr=C3=BC=C3=9Fe =3D hello =F0=9F=91=8B\r\n") !=
                    std::string::npos);
  }

  void long_lines_are_quoted_printable ()
  {
    mail_message m (sample ());
    m.body = std::string (999, 'a') + "\nshort";
    read_mail r (formatted (m));
    CPPUNIT_ASSERT_EQUAL (std::string ("quoted-printable"), r.header ("Content-Transfer-Encoding"));
    CPPUNIT_ASSERT_EQUAL (m.body, r.body);
  }

  void quoted_printable_rules ()
  {
    // Blanks at a line's end are encoded; "=" always; soft breaks keep lines within 76.
    CPPUNIT_ASSERT_EQUAL (std::string ("a b=20\r\nc=09\r\nx=3Dy"), quoted_printable ("a b \nc\t\nx=y"));
    std::string qp (quoted_printable (std::string (100, '\xe9')));
    std::size_t start (0), end;
    while ((end = qp.find ("\r\n", start)) != std::string::npos)
    {
      CPPUNIT_ASSERT (end - start <= 76);
      CPPUNIT_ASSERT_EQUAL ('=', qp[end - 1]);
      start = end + 2;
    }
    CPPUNIT_ASSERT (qp.size () - start <= 76);
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION (mail_message_test);
