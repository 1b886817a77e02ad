// Tests of the Fabric project zip: its entries, their content, and its failures.
#include <map>
#include <regex>

#include <cppunit/extensions/HelperMacros.h>
#include <rapidjson/document.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zip.h>

#include "../../../src/generator/fabric_project.hpp"
#include "../../../src/generator/java_source.hpp"
#include "../../../src/generator/texture.hpp"
#include "../test_support.hpp"
#include "sample_decisions.hpp"

using namespace modforge;
using modforge_test::sample_decisions;
using modforge_test::contains;

namespace
{
  decisions frost_sword ()
  {
    return sample_decisions ("Frost Sword", "Frost Sword Mod", "frost_sword", "A sword of ice.",
                             "sword", {{150, 210, 255}, {60, 40, 30}});
  }

  bool exists (const std::string& path)
  {
    struct stat st;
    return stat (path.c_str (), &st) == 0;
  }

  // A private directory under /tmp, removed with what the test left in it.
  struct temp_dir
  {
    std::string path;
    std::string zip;

    temp_dir ()
    {
      path = modforge_test::make_temp_dir ("zip");
      zip = path + "/project.zip";
    }
    ~temp_dir ()
    {
      unlink (zip.c_str ());
      rmdir (path.c_str ());
    }
  };

  // Every entry of the zip at `path`, in the archive's order.
  std::vector<std::pair<std::string, std::string>> read_zip (const std::string& path)
  {
    int error (0);
    zip_t* z (zip_open (path.c_str (), ZIP_RDONLY | ZIP_CHECKCONS, &error));
    CPPUNIT_ASSERT_MESSAGE (std::to_string (error), z != nullptr);
    std::vector<std::pair<std::string, std::string>> entries;
    for (zip_int64_t i (0); i != zip_get_num_entries (z, 0); ++i)
    {
      zip_stat_t st;
      CPPUNIT_ASSERT_EQUAL (0, zip_stat_index (z, i, 0, &st));
      std::string content (st.size, '\0');
      zip_file_t* f (zip_fopen_index (z, i, 0));
      CPPUNIT_ASSERT (f != nullptr);
      CPPUNIT_ASSERT_EQUAL (static_cast<zip_int64_t> (st.size),
                            zip_fread (f, &content[0], st.size));
      zip_fclose (f);
      entries.emplace_back (st.name, content);
    }
    zip_close (z);
    return entries;
  }

  // The project for `d` written and read back, by entry name; the entry order is checked.
  std::map<std::string, std::string> project (const decisions& d, const std::string& png)
  {
    temp_dir dir;
    write_fabric_project_zip (d, png, dir.zip);
    std::vector<std::string> names;
    std::map<std::string, std::string> files;
    for (const auto& e: read_zip (dir.zip))
    {
      names.push_back (e.first);
      files[e.first] = e.second;
    }
    CPPUNIT_ASSERT (names == fabric_project_entries (d));
    return files;
  }

  rapidjson::Document parsed (const std::string& json)
  {
    rapidjson::Document doc;
    doc.Parse (json.c_str ());
    CPPUNIT_ASSERT_MESSAGE (json, !doc.HasParseError () && doc.IsObject ());
    return doc;
  }

  std::string string_at (const rapidjson::Value& v, const char* name)
  {
    CPPUNIT_ASSERT_MESSAGE (name, v.HasMember (name) && v[name].IsString ());
    return std::string (v[name].GetString (), v[name].GetStringLength ());
  }
}

class fabric_project_test: public CppUnit::TestFixture
{
  CPPUNIT_TEST_SUITE (fabric_project_test);
  CPPUNIT_TEST (entries_are_the_listed_ones);
  CPPUNIT_TEST (fabric_mod_json_names_the_java_class);
  CPPUNIT_TEST (assets_hold_texture_name_and_model);
  CPPUNIT_TEST (build_files_name_the_versions);
  CPPUNIT_TEST (hostile_names_stay_inside_their_strings);
  CPPUNIT_TEST (java_names_and_literals);
  CPPUNIT_TEST (missing_directory_is_an_error);
  CPPUNIT_TEST (invalid_mod_id_is_an_error);
  CPPUNIT_TEST_SUITE_END ();

public:
  void entries_are_the_listed_ones ()
  {
    std::vector<std::string> expected {
      "frost_sword/README.md", "frost_sword/build.gradle", "frost_sword/settings.gradle",
      "frost_sword/gradle.properties", "frost_sword/gradlew", "frost_sword/gradlew.bat",
      "frost_sword/gradle/wrapper/gradle-wrapper.jar",
      "frost_sword/gradle/wrapper/gradle-wrapper.properties",
      "frost_sword/src/main/resources/fabric.mod.json",
      "frost_sword/src/main/java/net/modforge/frost_sword/FrostSwordMod.java",
      "frost_sword/src/main/java/net/modforge/frost_sword/FrostSwordItem.java",
      "frost_sword/src/main/resources/data/frost_sword/recipes/frost_sword.json",
      "frost_sword/src/main/resources/assets/frost_sword/lang/en_us.json",
      "frost_sword/src/main/resources/assets/frost_sword/models/item/frost_sword.json",
      "frost_sword/src/main/resources/assets/frost_sword/textures/item/frost_sword.png"};
    CPPUNIT_ASSERT (fabric_project_entries (frost_sword ()) == expected);
    CPPUNIT_ASSERT_EQUAL (expected.size (), project (frost_sword (), "png").size ());
  }

  void fabric_mod_json_names_the_java_class ()
  {
    decisions d (frost_sword ());
    std::map<std::string, std::string> files (project (d, "png"));
    rapidjson::Document json (parsed (files["frost_sword/src/main/resources/fabric.mod.json"]));
    CPPUNIT_ASSERT_EQUAL (1, json["schemaVersion"].GetInt ());
    std::string id (string_at (json, "id"));
    CPPUNIT_ASSERT_EQUAL (d.mod_id, id);
    CPPUNIT_ASSERT (std::regex_match (id, std::regex ("^[a-z][a-z0-9_-]{1,63}$")));
    CPPUNIT_ASSERT_EQUAL (std::string ("${version}"), string_at (json, "version"));
    CPPUNIT_ASSERT_EQUAL (d.mod_name, string_at (json, "name"));
    CPPUNIT_ASSERT_EQUAL (d.description, string_at (json, "description"));
    for (const char* dependency: {"fabricloader", "minecraft", "fabric-api"})
      CPPUNIT_ASSERT (json["depends"].HasMember (dependency));

    const rapidjson::Value& main (json["entrypoints"]["main"]);
    CPPUNIT_ASSERT (main.IsArray () && main.Size () == 1 && main[0].IsString ());
    std::string main_class (main[0].GetString ());
    CPPUNIT_ASSERT_EQUAL (std::string ("net.modforge.frost_sword.FrostSwordMod"), main_class);
    std::string java_path ("frost_sword/src/main/java/" +
                           std::regex_replace (main_class, std::regex ("\\."), "/") + ".java");
    CPPUNIT_ASSERT (files.count (java_path) == 1);
    const std::string& java (files[java_path]);
    CPPUNIT_ASSERT (contains (java, "package net.modforge.frost_sword;"));
    CPPUNIT_ASSERT (contains (java, "public class FrostSwordMod implements ModInitializer"));
    CPPUNIT_ASSERT (contains (java, "Registry.register(Registries.ITEM, new Identifier(MOD_ID, "
                                    "MOD_ID), ITEM)"));
    CPPUNIT_ASSERT (contains (java, "new FrostSwordItem(new Item.Settings())"));
    CPPUNIT_ASSERT (contains (java, "ItemGroupEvents.modifyEntriesEvent(ItemGroups.COMBAT)"));
    const std::string& item (files["frost_sword/src/main/java/net/modforge/frost_sword/FrostSwordItem.java"]);
    CPPUNIT_ASSERT (contains (item, "public class FrostSwordItem extends SwordItem"));
    CPPUNIT_ASSERT (contains (item, "static final int DURABILITY = 250;"));
  }

  void assets_hold_texture_name_and_model ()
  {
    decisions d (frost_sword ());
    std::string png (encode_png (draw_item_texture (d, 0)));
    std::map<std::string, std::string> files (project (d, png));
    const std::string assets ("frost_sword/src/main/resources/assets/frost_sword/");
    CPPUNIT_ASSERT (files[assets + "textures/item/frost_sword.png"] == png);

    rapidjson::Document lang (parsed (files[assets + "lang/en_us.json"]));
    CPPUNIT_ASSERT_EQUAL (1u, lang.MemberCount ());
    CPPUNIT_ASSERT_EQUAL (d.item_name, string_at (lang, "item.frost_sword.frost_sword"));

    rapidjson::Document model (parsed (files[assets + "models/item/frost_sword.json"]));
    CPPUNIT_ASSERT_EQUAL (std::string ("item/handheld"), string_at (model, "parent"));
    CPPUNIT_ASSERT_EQUAL (std::string ("frost_sword:item/frost_sword"),
                          string_at (model["textures"], "layer0"));

    d.kind = "food";
    files = project (d, png);
    model = parsed (files[assets + "models/item/frost_sword.json"]);
    CPPUNIT_ASSERT_EQUAL (std::string ("item/generated"), string_at (model, "parent"));
    CPPUNIT_ASSERT (contains (files["frost_sword/src/main/java/net/modforge/frost_sword/FrostSwordItem.java"],
                              "new FoodComponent.Builder()"));
  }

  void build_files_name_the_versions ()
  {
    std::map<std::string, std::string> files (project (frost_sword (), "png"));
    const std::string& properties (files["frost_sword/gradle.properties"]);
    for (const char* line: {"minecraft_version=1.20.1\n", "mod_version=1.0.0\n",
                            "archives_base_name=frost_sword\n", "yarn_mappings=",
                            "loader_version=", "fabric_version=", "maven_group="})
      CPPUNIT_ASSERT_MESSAGE (line, contains (properties, line));
    CPPUNIT_ASSERT (contains (files["frost_sword/build.gradle"], "id 'fabric-loom' version"));
    CPPUNIT_ASSERT (contains (files["frost_sword/settings.gradle"], "https://maven.fabricmc.net/"));
    CPPUNIT_ASSERT (contains (files["frost_sword/settings.gradle"], "pluginManagement"));
    const std::string& readme (files["frost_sword/README.md"]);
    CPPUNIT_ASSERT (contains (readme, "./gradlew build") && contains (readme, "Java 17"));
    CPPUNIT_ASSERT (contains (files["frost_sword/gradle/wrapper/gradle-wrapper.properties"],
                              "distributionUrl=https\\://services.gradle.org/distributions/"
                              "gradle-8.7-bin.zip\n"));
    CPPUNIT_ASSERT (contains (files["frost_sword/gradle/wrapper/gradle-wrapper.properties"],
                              "distributionSha256Sum=544c35d6bd849ae8a5ed0bcea39ba677dc40f49df7"
                              "d1835561582da2009b961d\n"));
    CPPUNIT_ASSERT (contains (files["frost_sword/gradlew"], "org.gradle.wrapper.GradleWrapperMain"));
    CPPUNIT_ASSERT (contains (readme, "1.20.1") && contains (readme, "Frost Sword"));
  }

  void hostile_names_stay_inside_their_strings ()
  {
    decisions d (frost_sword ());
    d.item_name = "The \"Best\" \\ Sword */ \xe2\x9c\xa8 \\u0022";
    d.mod_name = "${version} $x <% bad %> \\";
    d.description = "\"}, \"id\": \"evil";
    std::map<std::string, std::string> files (project (d, "png"));

    rapidjson::Document lang (parsed (
      files["frost_sword/src/main/resources/assets/frost_sword/lang/en_us.json"]));
    CPPUNIT_ASSERT_EQUAL (d.item_name, string_at (lang, "item.frost_sword.frost_sword"));

    const std::string& mod_json (files["frost_sword/src/main/resources/fabric.mod.json"]);
    rapidjson::Document json (parsed (mod_json));
    CPPUNIT_ASSERT_EQUAL (d.mod_name, string_at (json, "name"));
    CPPUNIT_ASSERT_EQUAL (d.description, string_at (json, "description"));
    CPPUNIT_ASSERT_EQUAL (std::string ("frost_sword"), string_at (json, "id"));
    // The only '$' left for Gradle's version filter is the version's own.
    CPPUNIT_ASSERT_EQUAL (mod_json.find ('$'), mod_json.rfind ('$'));
    CPPUNIT_ASSERT (contains (mod_json, "\"version\": \"${version}\""));

    const std::string& java (files["frost_sword/src/main/java/net/modforge/frost_sword/FrostSwordMod.java"]);
    CPPUNIT_ASSERT_MESSAGE (java, contains (
      java, "ITEM_NAME = \"The \\\"Best\\\" \\\\ Sword */ \\u2728 \\\\u0022\";"));
  }

  void java_names_and_literals ()
  {
    CPPUNIT_ASSERT_EQUAL (std::string ("\"a\\\"b\\\\c\\012\\000\\u00e9\\ud83d\\ude00\""),
                          java_string_literal (std::string ("a\"b\\c\n\0\xc3\xa9\xf0\x9f\x98\x80", 13)));
    CPPUNIT_ASSERT_EQUAL (std::string ("\"?\""), java_string_literal ("\xff"));
    CPPUNIT_ASSERT_EQUAL (std::string ("ABCMod"), java_class_name ("a-b_c"));
    CPPUNIT_ASSERT_EQUAL (std::string ("Frost2swordMod"), java_class_name ("frost_2sword"));
    CPPUNIT_ASSERT_EQUAL (std::string ("net.modforge.frostsword"), java_package ("frost-sword"));
    CPPUNIT_ASSERT_EQUAL (std::string ("net.modforge.class_"), java_package ("class"));
    CPPUNIT_ASSERT_EQUAL (std::string ("net.modforge.int_"), java_package ("i-nt"));
    CPPUNIT_ASSERT_EQUAL (std::string ("net.modforge.new_.NewMod"), java_main_class ("new"));
  }

  void missing_directory_is_an_error ()
  {
    temp_dir dir;
    std::string path (dir.path + "/missing/project.zip");
    CPPUNIT_ASSERT_THROW (write_fabric_project_zip (frost_sword (), "png", path), generator_error);
    CPPUNIT_ASSERT (!exists (path));
  }

  void invalid_mod_id_is_an_error ()
  {
    temp_dir dir;
    for (const char* id: {"../evil", "Frost", "", "a/b", "1x"})
    {
      decisions d (frost_sword ());
      d.mod_id = id;
      CPPUNIT_ASSERT_THROW (write_fabric_project_zip (d, "png", dir.zip), generator_error);
      CPPUNIT_ASSERT (!exists (dir.zip));
      CPPUNIT_ASSERT_THROW (fabric_project_entries (d), generator_error);
    }
    // A zip left at the path by an earlier attempt does not survive a failed one.
    write_fabric_project_zip (frost_sword (), "png", dir.zip);
    CPPUNIT_ASSERT (exists (dir.zip));
    decisions bad (frost_sword ());
    bad.mod_id = "Bad";
    CPPUNIT_ASSERT_THROW (write_fabric_project_zip (bad, "png", dir.zip), generator_error);
    CPPUNIT_ASSERT (!exists (dir.zip));
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION (fabric_project_test);
