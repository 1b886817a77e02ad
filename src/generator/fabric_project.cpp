// Assembling the Fabric project and writing it as a zip with libzip.
#include "fabric_project.hpp"

#include <unistd.h>
#include <zip.h>

#include "fabric_files.hpp"
#include "gradle_wrapper.hpp"
#include "java_item_source.hpp"
#include "java_source.hpp"
#include "recipes.hpp"

namespace modforge
{
  namespace
  {
    struct project_file
    {
      std::string name;
      std::string content;
      bool executable;
    };

    std::vector<project_file> project_files (const decisions& d, const std::string& png)
    {
      if (!is_valid_mod_id (d.mod_id))
        throw generator_error ("the mod id is not valid: it must match ^[a-z][a-z0-9_-]{1,63}$");

      std::string root (d.mod_id + "/"), resources (root + "src/main/resources/");
      std::string assets (resources + "assets/" + d.mod_id + "/"), package_path;
      for (char c: java_package (d.mod_id))
        package_path += c == '.' ? '/' : c;
      std::string java (root + "src/main/java/" + package_path + "/");
      return {
        {root + "README.md", fabric_readme (d), false},
        {root + "build.gradle", fabric_build_gradle (), false},
        {root + "settings.gradle", fabric_settings_gradle (d), false},
        {root + "gradle.properties", fabric_gradle_properties (d), false},
        {root + "gradlew", gradlew_script (), true},
        {root + "gradlew.bat", gradlew_bat_script (), false},
        {root + "gradle/wrapper/gradle-wrapper.jar", gradle_wrapper_jar (), false},
        {root + "gradle/wrapper/gradle-wrapper.properties", gradle_wrapper_properties (), false},
        {resources + "fabric.mod.json", fabric_mod_json (d), false},
        {java + java_class_name (d.mod_id) + ".java", java_mod_source (d), false},
        {java + java_item_class_name (d.mod_id) + ".java", java_item_source (d), false},
        {resources + "data/" + d.mod_id + "/recipes/" + d.mod_id + ".json", recipe_json (d), false},
        {assets + "lang/en_us.json", fabric_lang_json (d), false},
        {assets + "models/item/" + d.mod_id + ".json", fabric_item_model_json (d), false},
        {assets + "textures/item/" + d.mod_id + ".png", png, false}};
    }

    // An open archive, discarded (nothing written) unless it was closed.
    class zip_archive
    {
    public:
      explicit zip_archive (const std::string& path)
      {
        int code (0);
        archive_ = zip_open (path.c_str (), ZIP_CREATE | ZIP_TRUNCATE, &code);
        if (archive_ == nullptr)
        {
          zip_error_t e;
          zip_error_init_with_code (&e, code);
          std::string message (zip_error_strerror (&e));
          zip_error_fini (&e);
          throw generator_error ("could not create the project zip: " + message);
        }
      }
      ~zip_archive ()
      {
        if (archive_ != nullptr)
          zip_discard (archive_);
      }
      zip_archive (const zip_archive&) = delete;
      zip_archive& operator= (const zip_archive&) = delete;

      // `content` must live until close (). Unix modes: 0755 for an executable, else 0644.
      void add (const std::string& name, const std::string& content, bool executable)
      {
        zip_source_t* source (zip_source_buffer (archive_, content.data (), content.size (), 0));
        if (source == nullptr)
          fail ();
        zip_int64_t index (zip_file_add (archive_, name.c_str (), source, ZIP_FL_ENC_UTF_8));
        if (index < 0)
        {
          zip_source_free (source);
          fail ();
        }
        zip_uint32_t mode ((executable ? 0100755u : 0100644u) << 16);
        if (zip_file_set_external_attributes (archive_, static_cast<zip_uint64_t> (index), 0,
                                              ZIP_OPSYS_UNIX, mode) != 0)
          fail ();
      }

      // Writes the temporary file and renames it to the path.
      void close ()
      {
        if (zip_close (archive_) != 0)
          fail ();
        archive_ = nullptr;
      }

    private:
      [[noreturn]] void fail ()
      {
        throw generator_error (std::string ("could not write the project zip: ") +
                               zip_strerror (archive_));
      }

      zip_t* archive_;
    };
  }

  void write_fabric_project_zip (const decisions& d, const std::string& png,
                                 const std::string& path)
  {
    try
    {
      std::vector<project_file> files (project_files (d, png));
      zip_archive zip (path);
      for (const project_file& f: files)
        zip.add (f.name, f.content, f.executable);
      zip.close ();
    }
    catch (const generator_error&)
    {
      unlink (path.c_str ()); // a file only: never a directory someone named by mistake
      throw;
    }
  }

  std::vector<std::string> fabric_project_entries (const decisions& d)
  {
    std::vector<std::string> names;
    for (const project_file& f: project_files (d, std::string ()))
      names.push_back (f.name);
    return names;
  }
}
