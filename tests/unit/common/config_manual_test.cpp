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

  // Two keys are tied by a rule (max_delay >= base_delay): while one is probed at the ends of
  // its range, the other is set out of its way.
  settings probe (const std::string& key, long value)
  {
    settings s {{key, std::to_string (value)}};
    if (key == "throttle.max_delay")
      s["throttle.base_delay"] = "1";
    if (key == "throttle.base_delay")
      s["throttle.max_delay"] = "604800";
    return s;
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

  enum class value_kind {text, yes_or_no, integer};

  value_kind kind_of (const std::string& key)
  {
    if (accepts (settings {{key, "x"}}))
      return value_kind::text;
    return accepts (settings {{key, "yes"}}) ? value_kind::yes_or_no : value_kind::integer;
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
  // "Yes or no."; a key of a few words says "One of a, b or c." and takes those and no other;
  // a text key claims none of these.
  void ranges_are_the_programs ()
  {
    const std::regex integer ("^An integer from (-?[0-9]+) to ([0-9]+)\\.$");
    const std::regex one_of ("^One of (.+) or ([^ ]+)\\.$");
    for (const manual_key& k: read_manual ())
    {
      std::smatch m;
      std::string where (k.key + ": \"" + k.what_it_may_be + "\"");
      if (std::regex_match (k.what_it_may_be, m, one_of))
      {
        std::string words (m[1].str () + ", " + m[2].str ());
        for (std::size_t from (0), comma (0); comma != std::string::npos; from = comma + 2)
        {
          comma = words.find (", ", from);
          std::string word (words.substr (from, comma - from));
          CPPUNIT_ASSERT_MESSAGE (where + ": " + word + " is refused",
                                  accepts (settings {{k.key, word}}));
        }
        CPPUNIT_ASSERT_MESSAGE (where + ", but other text is accepted",
                                !accepts (settings {{k.key, "x"}}));
        continue;
      }
      bool says_integer (std::regex_match (k.what_it_may_be, m, integer));
      switch (kind_of (k.key))
      {
      case value_kind::text:
        CPPUNIT_ASSERT_MESSAGE (where + ", but any text will do",
                                !says_integer && k.what_it_may_be != "Yes or no.");
        break;
      case value_kind::yes_or_no:
        CPPUNIT_ASSERT_MESSAGE (where + ", but it is yes or no", k.what_it_may_be == "Yes or no.");
        break;
      case value_kind::integer:
        {
          CPPUNIT_ASSERT_MESSAGE (where + ", but it is an integer", says_integer);
          long low (std::stol (m[1].str ())), high (std::stol (m[2].str ()));
          CPPUNIT_ASSERT_MESSAGE (where + ": the low end is refused", accepts (probe (k.key, low)));
          CPPUNIT_ASSERT_MESSAGE (where + ": the high end is refused",
                                  accepts (probe (k.key, high)));
          CPPUNIT_ASSERT_MESSAGE (where + ": below the range is accepted",
                                  !accepts (probe (k.key, low - 1)));
          CPPUNIT_ASSERT_MESSAGE (where + ": above the range is accepted",
                                  !accepts (probe (k.key, high + 1)));
          break;
        }
      }
    }
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION (config_manual_test);
