// Tests of the built-in analyser: determinism, keyword rules, and odd prompts.
#include <set>

#include <cppunit/extensions/HelperMacros.h>

#include "../../../src/generator/analyser.hpp"
#include "../../../src/generator/prompt_words.hpp"
#include "../test_support.hpp"

using namespace modforge;
using modforge_test::contains;

namespace
{
  bool same (const rgb& a, const rgb& b)
  {
    return a.r == b.r && a.g == b.g && a.b == b.b;
  }

  // The decisions for `prompt`, after checking what every prompt's decisions must be.
  decisions analysed (const std::string& prompt)
  {
    decisions d (analyse_builtin (prompt));
    std::string json (decisions_to_json (d));
    CPPUNIT_ASSERT_EQUAL_MESSAGE (prompt, json, decisions_to_json (decisions_from_json (json)));
    CPPUNIT_ASSERT_MESSAGE (d.mod_id, is_valid_mod_id (d.mod_id));
    for (const std::string& name: {d.item_name, d.mod_name, d.description})
    {
      for (const char* bad: {"/", "\\", "..", "\"", "'"})
        CPPUNIT_ASSERT_MESSAGE (name, !contains (name, bad));
      for (char c: name)
        CPPUNIT_ASSERT_MESSAGE (name, static_cast<unsigned char> (c) >= ' ' && c != '\x7f');
    }
    return d;
  }
}

class builtin_analyser_test: public CppUnit::TestFixture
{
  CPPUNIT_TEST_SUITE (builtin_analyser_test);
  CPPUNIT_TEST (same_prompt_same_decisions);
  CPPUNIT_TEST (different_prompts_different_mod_ids);
  CPPUNIT_TEST (names_come_from_the_prompt);
  CPPUNIT_TEST (keywords_choose_the_kind);
  CPPUNIT_TEST (colour_words_choose_colours);
  CPPUNIT_TEST (blank_prompt_is_refused);
  CPPUNIT_TEST (odd_prompts_give_valid_decisions);
  CPPUNIT_TEST (prompt_words_are_folded_ascii);
  CPPUNIT_TEST (what_players_asked_for);
  CPPUNIT_TEST (follow_ups_change_the_last_item);
  CPPUNIT_TEST (every_fresh_item_has_a_valid_recipe);
  CPPUNIT_TEST_SUITE_END ();

public:
  void same_prompt_same_decisions ()
  {
    for (const char* p: {"a glowing blue sword of frost", "something", "\xf0\x9f\x97\xa1"})
      CPPUNIT_ASSERT_EQUAL (decisions_to_json (analysed (p)), decisions_to_json (analysed (p)));
  }

  void different_prompts_different_mod_ids ()
  {
    std::set<std::string> ids;
    const char* prompts[] = {"a glowing blue sword of frost", "a ruby apple pie",
                             "an ancient obsidian pickaxe", "staff of lightning",
                             "a mysterious glowing relic", "copper ingot"};
    for (const char* p: prompts)
      ids.insert (analysed (p).mod_id);
    CPPUNIT_ASSERT_EQUAL (sizeof (prompts) / sizeof (prompts[0]), ids.size ());
  }

  void names_come_from_the_prompt ()
  {
    decisions d (analysed ("a glowing blue sword of frost"));
    CPPUNIT_ASSERT_EQUAL (std::string ("Frost Sword"), d.item_name);
    CPPUNIT_ASSERT_EQUAL (std::string ("Frost Sword Mod"), d.mod_name);
    CPPUNIT_ASSERT_EQUAL (std::string ("frost_sword"), d.mod_id);
    CPPUNIT_ASSERT (contains (d.description, "Frost Sword"));
    CPPUNIT_ASSERT_EQUAL (std::string ("Mysterious Glowing Relic"),
                          analysed ("Make me a mysterious glowing relic, please!").item_name);
    CPPUNIT_ASSERT_EQUAL (std::string ("mod_2000_year_old"), analysed ("2000 year old").mod_id);
    CPPUNIT_ASSERT_EQUAL (std::string ("mod_x"), analysed ("x").mod_id);
  }

  void keywords_choose_the_kind ()
  {
    struct {const char* prompt; const char* kind;} cases[] = {
      {"a glowing blue sword of frost", "sword"}, {"cursed BLADE", "sword"},
      {"diamond pickaxe", "pickaxe"}, {"lumberjack's axe", "axe"}, {"a spade", "shovel"},
      {"farmer hoe", "hoe"}, {"elven longbow", "bow"}, {"golden apple", "food"},
      {"grandma's bread", "food"}, {"cherry pie", "food"}, {"a ruby", "gem"},
      {"shiny crystal", "gem"}, {"tin ingot", "ingot"}, {"chocolate bar", "ingot"},
      {"staff of lightning", "wand"}, {"a magic wand", "wand"}, {"a ruby sword", "sword"},
      {"swords", "sword"}, {"a strange thing", "generic"}};
    for (const auto& c: cases)
      CPPUNIT_ASSERT_EQUAL_MESSAGE (c.prompt, std::string (c.kind), analysed (c.prompt).kind);
  }

  void colour_words_choose_colours ()
  {
    decisions frost (analysed ("a sword of frost"));
    CPPUNIT_ASSERT (same (rgb {150, 210, 255}, frost.colours[0]));
    CPPUNIT_ASSERT_EQUAL (std::size_t (2), frost.colours.size ());

    decisions fire (analysed ("fire and gold and red and blue and green axe"));
    CPPUNIT_ASSERT_EQUAL (std::size_t (4), fire.colours.size ());
    CPPUNIT_ASSERT (same (rgb {255, 130, 30}, fire.colours[0]));
    CPPUNIT_ASSERT (same (rgb {250, 200, 40}, fire.colours[1]));

    CPPUNIT_ASSERT (same (rgb {40, 200, 100}, analysed ("emerald").colours[0]));
    // Without colour words the colours come from the prompt, not a constant.
    CPPUNIT_ASSERT (!same (analysed ("a strange thing").colours[0],
                           analysed ("another strange thing").colours[0]));
  }

  void blank_prompt_is_refused ()
  {
    for (const char* p: {"", " ", " \t\r\n ", "\x01\x7f"})
    {
      try
      {
        analyse_builtin (p);
        CPPUNIT_FAIL ("accepted a blank prompt");
      }
      catch (const generator_error& e)
      {
        CPPUNIT_ASSERT_EQUAL (std::string ("the prompt is empty"), std::string (e.what ()));
      }
    }
  }

  void odd_prompts_give_valid_decisions ()
  {
    std::string long_prompt;
    while (long_prompt.size () < 2000)
      long_prompt += "supercalifragilisticexpialidocious frost ";
    long_prompt.resize (2000);
    const std::string prompts[] = {
      long_prompt, std::string (2000, 'a'), std::string (2000, '9'),
      "\xf0\x9f\x97\xa1\xef\xb8\x8f\xf0\x9f\x94\xa5",           // 🗡️🔥
      "\xf0\x9f\x98\x80\xf0\x9f\x98\x80",                         // 😀😀
      "the \"best\" 'sword'", "../../etc/passwd", "..\\..\\windows\\system32",
      std::string ("nul\0byte sword", 14), "bad \xff\xfe utf-8 \xc3", "\xed\xa0\x80",
      "caf\xc3\xa9 cr\xc3\xa8me br\xc3\xbb" "l\xc3\xa9" "e", "\xd0\xbc\xd0\xb5\xd1\x87",
      "$(rm -rf /) `id` ${HOME} <script>", "%s%n%x", "...", "_", "-"};
    for (const std::string& p: prompts)
    {
      decisions d (analysed (p));
      CPPUNIT_ASSERT_MESSAGE (p, d.item_name.size () <= 60);
    }
    CPPUNIT_ASSERT_EQUAL (std::string ("Fire Sword"), analysed (prompts[3]).item_name);
    CPPUNIT_ASSERT_EQUAL (std::string ("Custom Item"), analysed (prompts[4]).item_name);
    CPPUNIT_ASSERT_EQUAL (std::string ("custom_item"), analysed (prompts[4]).mod_id);
    CPPUNIT_ASSERT_EQUAL (std::string ("etc_passwd"), analysed ("../../etc/passwd").mod_id);
    CPPUNIT_ASSERT_EQUAL (std::string ("Cafe Creme Brulee"), analysed (prompts[11]).item_name);
  }

  void prompt_words_are_folded_ascii ()
  {
    std::vector<std::string> w (prompt_words ("\xc3\x84rger-\xc3\x9f" "e  BIG\xff" "cat", 10, 4));
    CPPUNIT_ASSERT_EQUAL (std::size_t (4), w.size ());
    CPPUNIT_ASSERT_EQUAL (std::string ("arge"), w[0]); // cut to 4 letters
    CPPUNIT_ASSERT_EQUAL (std::string ("sse"), w[1]);
    CPPUNIT_ASSERT_EQUAL (std::string ("big"), w[2]);
    CPPUNIT_ASSERT_EQUAL (std::string ("cat"), w[3]);
    CPPUNIT_ASSERT_EQUAL (std::size_t (2), prompt_words ("a b c d", 2, 10).size ());
    CPPUNIT_ASSERT (is_blank_prompt (std::string ("\0 \t", 3)));
    CPPUNIT_ASSERT (!is_blank_prompt ("\xf0\x9f\x98\x80"));
  }

  // The prompts that disappointed: each gives what was asked for.
  void what_players_asked_for ()
  {
    decisions chest (analysed ("a ruby chestplate"));
    CPPUNIT_ASSERT_EQUAL (std::string ("chestplate"), chest.kind);
    CPPUNIT_ASSERT_EQUAL (std::string ("Ruby Chestplate"), chest.item_name);

    decisions helmet (analysed ("a helmet that lets you breathe underwater"));
    CPPUNIT_ASSERT_EQUAL (std::string ("helmet"), helmet.kind);
    CPPUNIT_ASSERT ((helmet.abilities == std::vector<std::string> {"water_breathing"}));
    CPPUNIT_ASSERT (!contains (helmet.item_name, "Lets"));

    decisions wand (analysed ("a magic wand that shoots fireballs and glows purple at night"));
    CPPUNIT_ASSERT_EQUAL (std::string ("wand"), wand.kind);
    CPPUNIT_ASSERT ((wand.abilities == std::vector<std::string> {"fireball", "glowing", "night_vision"}));
    CPPUNIT_ASSERT (same (rgb {140, 60, 200}, wand.colours[1]));   // purple, after "magic"
    CPPUNIT_ASSERT_EQUAL (std::string ("Magic Wand"), wand.item_name);

    CPPUNIT_ASSERT_EQUAL (std::string ("diamond"), analysed ("a diamond pickaxe").tier);
    CPPUNIT_ASSERT_EQUAL (std::string ("wood"), analysed ("a wooden pickaxe").tier);
  }

  void follow_ups_change_the_last_item ()
  {
    std::vector<earlier_job> history {{"a ruby sword", analyse_builtin ("a ruby sword")}};
    decisions blue (analyse_builtin ("make it blue instead", history));
    CPPUNIT_ASSERT_EQUAL (std::string ("Ruby Sword"), blue.item_name);
    CPPUNIT_ASSERT (same (rgb {50, 90, 220}, blue.colours[0]));

    decisions pickaxe (analyse_builtin ("now a matching pickaxe", history));
    CPPUNIT_ASSERT_EQUAL (std::string ("Ruby Pickaxe"), pickaxe.item_name);
    CPPUNIT_ASSERT_EQUAL (std::string ("ruby"), pickaxe.material);
    CPPUNIT_ASSERT_EQUAL (std::string ("ruby_pickaxe"), pickaxe.mod_id);

    decisions stronger (analyse_builtin ("same but stronger", history));
    CPPUNIT_ASSERT_EQUAL (std::string ("netherite"), stronger.tier);
    CPPUNIT_ASSERT (stronger.stats.attack_damage > history[0].decisions.stats.attack_damage);
    CPPUNIT_ASSERT_EQUAL (2, stronger.ability_level);

    // With no history, the words that refer to a last item name nothing.
    CPPUNIT_ASSERT_EQUAL (std::string ("Blue"), analyse_builtin ("make it blue instead").item_name);
    // A prompt that names an item of its own is a new item, history or not.
    CPPUNIT_ASSERT_EQUAL (std::string ("wand"), analyse_builtin ("a glowing purple wand", history).kind);
  }

  void every_fresh_item_has_a_valid_recipe ()
  {
    for (const char* p: {"a ruby sword", "a bow", "a golden apple", "leather boots", "a gem",
                         "a copper ingot", "a wand of fire", "a thing", "an obsidian helmet"})
    {
      decisions d (analysed (p));
      CPPUNIT_ASSERT_NO_THROW (validate_decisions (d));
      CPPUNIT_ASSERT_MESSAGE (p, !d.recipe.pattern.empty ());
    }
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION (builtin_analyser_test);
