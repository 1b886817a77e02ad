// Sweeping the files directory.
#include "file_sweeper.hpp"

#include <algorithm>
#include <cstring>
#include <ctime>

#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../db/job_store.hpp"

namespace modforge
{
  namespace
  {
    bool ends_with (const std::string& s, const char* tail)
    {
      std::size_t n (std::strlen (tail));
      return s.size () >= n && s.compare (s.size () - n, n, tail) == 0;
    }

    // What a job folder holds for good: image-<n>.png and the zip. Anything else is a temporary
    // file (ours: "<name>.tmp-<pid>"; libzip's: "<name>.<random>").
    bool is_final (const std::string& name)
    {
      return (name.compare (0, 6, "image-") == 0 && ends_with (name, ".png")) ||
             ends_with (name, ".zip");
    }

    std::size_t sweep_temporaries (const std::string& dir, bool dry_run)
    {
      std::size_t n (0);
      DIR* d (opendir (dir.c_str ()));
      if (d == nullptr)
        return 0;
      std::time_t now (std::time (nullptr));
      while (dirent* e = readdir (d))
      {
        std::string name (e->d_name);
        if (name == "." || name == ".." || is_final (name))
          continue;
        std::string path (dir + "/" + name);
        struct stat st;
        if (lstat (path.c_str (), &st) != 0 || now - st.st_mtime < stale_temporary_seconds)
          continue;
        if (dry_run || remove_tree (path))
          ++n;
      }
      closedir (d);
      return n;
    }
  }

  sweep_report sweep_files (database& db, const job_files& files, bool dry_run)
  {
    sweep_report r;
    std::vector<std::string> strays;
    std::vector<std::int64_t> dirs (files.job_dirs (&strays));
    r.job_folders = dirs.size ();

    // Asked in batches: one IN list per thousand folders.
    std::vector<std::int64_t> owned;
    for (std::size_t i (0); i < dirs.size (); i += 1000)
    {
      std::vector<std::int64_t> batch (dirs.begin () + i,
                                       dirs.begin () + std::min (dirs.size (), i + 1000));
      db.transact ([&]
      {
        std::vector<std::int64_t> some (job_store::existing (batch));
        owned.insert (owned.end (), some.begin (), some.end ());
      });
    }
    std::sort (owned.begin (), owned.end ());

    for (std::int64_t id: dirs)
    {
      if (std::binary_search (owned.begin (), owned.end (), id))
        r.stale_temporaries += sweep_temporaries (files.dir (id), dry_run);
      else if (dry_run || remove_tree (files.dir (id)))
        ++r.orphan_folders;
    }
    for (const std::string& s: strays)
      if (dry_run || remove_tree (files.root () + "/" + s))
        ++r.stray_entries;
    return r;
  }
}
