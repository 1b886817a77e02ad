// debian/modforge.conf.5 against the program: it names every key there is, each with the default
// and the range the program really has.
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include <cppunit/extensions/HelperMacros.h>

#include "../../../src/common/config.hpp"
#include "config_listing.hpp"

using namespace modforge;
using modforge_test::describe;
using modforge_test::every_config_key;

namespace
{
  const char manual_path[] = "debian/modforge.conf.5";

  // One key as the man page gives it: the tag ".B key = default" of a .TP paragraph under
  // ".SH [section]", and the paragraph's first line of text, which says what the value may be.
  struct manual_key
  {
    std::string key;            // section.key
    std::string default_value;
    std::string what_it_may_be; // e.g. "An integer from 4 to 31."
  };

  std::string unescape (std::string s)
  {
    for (std::size_t i (s.find ("\\-")); i != std::string::npos; i = s.find ("\\-", i))
      s.replace (i, 2, "-");
    return s;
  }

  std::vector<manual_key> read_manual ()
  {
    std::ifstream f (manual_path);
    CPPUNIT_ASSERT_MESSAGE (std::string ("run from the source tree: ") + manual_path, f.good ());
    const std::regex section ("^\\.SH \\[([a-z]+)\\]$");
    const std::regex tag ("^\\.B ([a-z_]+) =(?: (.*))?$");
    std::vector<manual_key> keys;
    std::string line, current_section, previous;
    bool want_first_line (false);
    std::smatch m;
    while (std::getline (f, line))
    {
      if (line.compare (0, 4, ".SH ") == 0)
        current_section = std::regex_match (line, m, section) ? m[1].str () : "";
      else if (previous == ".TP" && !current_section.empty () && std::regex_match (line, m, tag))
      {
        keys.push_back ({current_section + "." + m[1].str (), unescape (m[2].str ()), ""});
        want_first_line = true;
      }
      else if (want_first_line && !line.empty () && line[0] != '.')
      {
        keys.back ().what_it_may_be = unescape (line);
        want_first_line = false;
      }
      previous = line;
    }
    return keys;
  }

  // Some keys are tied by a rule (max_delay >= base_delay, the mail lease outlasts an attempt, a
  // mail login needs STARTTLS): while one is probed, the other is set out of its way.
  settings probe (const std::string& key, const std::string& value)
  {
    settings s {{key, value}};
    if (key == "throttle.max_delay")
      s["throttle.base_delay"] = "1";
    if (key == "throttle.base_delay")
      s["throttle.max_delay"] = "604800";
    if (key == "mail.retry_max_delay")
      s["mail.retry_delay"] = "1";
    if (key == "mail.retry_delay")
      s["mail.retry_max_delay"] = "86400";
    if (key == "mail.timeout")
      s["mail.lease_seconds"] = "7200";
    if (key == "mail.lease_seconds")
      s["mail.timeout"] = "1";
    if (key == "mail.username")
      s["mail.starttls"] = "required";
    return s;
  }

  settings probe (const std::string& key, long value)
  {
    return probe (key, std::to_string (value));
  }

  bool accepts (const settings& s)
  {
    try
    {
      make_config (s);
      return true;
    }
    catch (const std::runtime_error&)
    {
      return false;
    }
  }

  // Any text, yes or no, or neither: a number or a text with a rule of its own (a choice of
  // words, a URL, an address), as the man page says.
  enum class value_kind {text, yes_or_no, ruled};

  value_kind kind_of (const std::string& key)
  {
    if (accepts (probe (key, "x")))
      return value_kind::text;
    return accepts (probe (key, "yes")) ? value_kind::yes_or_no : value_kind::ruled;
  }

  // "One of a, b or c." -> {"a", "b", "c"}; empty for any other sentence.
  std::vector<std::string> choices (const std::string& sentence)
  {
    std::smatch m;
    std::vector<std::string> words;
    if (!std::regex_match (sentence, m, std::regex ("^One of (.*) or ([a-z_-]+)\\.$")))
      return words;
    std::string list (m[1].str ());
    const std::regex word ("[a-z_-]+");
    for (auto i (std::sregex_iterator (list.begin (), list.end (), word));
         i != std::sregex_iterator (); ++i)
      words.push_back (i->str ());
    words.push_back (m[2].str ());
    return words;
  }
}

class config_manual_test: public CppUnit::TestFixture
{
  CPPUNIT_TEST_SUITE (config_manual_test);
  CPPUNIT_TEST (names_every_key_once);
  CPPUNIT_TEST (defaults_are_the_programs);
  CPPUNIT_TEST (ranges_are_the_programs);
  CPPUNIT_TEST_SUITE_END ();

public:
  void names_every_key_once ()
  {
    std::set<std::string> keys;
    for (const manual_key& k: read_manual ())
      CPPUNIT_ASSERT_MESSAGE (k.key + " is given twice", keys.insert (k.key).second);
    for (const std::string& k: every_config_key ())
      CPPUNIT_ASSERT_MESSAGE (k + " is not in " + manual_path, keys.count (k) == 1);
    for (const std::string& k: keys)
      CPPUNIT_ASSERT_MESSAGE (k + " is in " + manual_path + " but not a key",
                              every_config_key ().count (k) == 1);
  }

  // Setting a key to the default the man page gives changes nothing.
  void defaults_are_the_programs ()
  {
    const std::string defaults (describe (config ()));
    for (const manual_key& k: read_manual ())
      CPPUNIT_ASSERT_EQUAL_MESSAGE (k.key + " = " + k.default_value, defaults,
                                    describe (make_config (settings {{k.key, k.default_value}})));
  }

  // "An integer from LOW to HIGH." is exactly what the program accepts; a yes-or-no key says
  // "Yes or no."; "One of a, b or c." names every word the program accepts; a text key claims
  // none of these; any other rule (a URL, an address) is for a key whose default is no number.
  void ranges_are_the_programs ()
  {
    const std::regex integer ("^An integer from (-?[0-9]+) to ([0-9]+)\\.$");
    for (const manual_key& k: read_manual ())
    {
      std::smatch m;
      bool says_integer (std::regex_match (k.what_it_may_be, m, integer));
      std::vector<std::string> words (choices (k.what_it_may_be));
      std::string where (k.key + ": \"" + k.what_it_may_be + "\"");
      switch (kind_of (k.key))
      {
      case value_kind::text:
        CPPUNIT_ASSERT_MESSAGE (where + ", but any text will do",
                                !says_integer && words.empty () &&
                                k.what_it_may_be != "Yes or no.");
        break;
      case value_kind::yes_or_no:
        CPPUNIT_ASSERT_MESSAGE (where + ", but it is yes or no", k.what_it_may_be == "Yes or no.");
        break;
      case value_kind::ruled:
        if (says_integer)
        {
          long low (std::stol (m[1].str ())), high (std::stol (m[2].str ()));
          CPPUNIT_ASSERT_MESSAGE (where + ": the low end is refused", accepts (probe (k.key, low)));
          CPPUNIT_ASSERT_MESSAGE (where + ": the high end is refused",
                                  accepts (probe (k.key, high)));
          CPPUNIT_ASSERT_MESSAGE (where + ": below the range is accepted",
                                  !accepts (probe (k.key, low - 1)));
          CPPUNIT_ASSERT_MESSAGE (where + ": above the range is accepted",
                                  !accepts (probe (k.key, high + 1)));
        }
        else if (!words.empty ())
        {
          for (const std::string& w: words)
            CPPUNIT_ASSERT_MESSAGE (where + ": '" + w + "' is refused", accepts (probe (k.key, w)));
        }
        else
          CPPUNIT_ASSERT_MESSAGE (where + ", but it is an integer",
                                  k.default_value.find_first_not_of ("0123456789") !=
                                  std::string::npos);
        break;
      }
    }
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION (config_manual_test);
