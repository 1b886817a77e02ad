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
    bool is_decimal (const std::string& s)
    {
      return !s.empty () && s.size () < 19 && s[0] != '0' &&
             s.find_first_not_of ("0123456789") == std::string::npos;
    }

    bool is_stale (const struct stat& st, std::time_t now)
    {
      return now - st.st_mtime >= stale_temporary_seconds;
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
        if (name == "." || name == ".." || job_files::is_final (name))
          continue;
        std::string path (dir + "/" + name);
        struct stat st;
        if (lstat (path.c_str (), &st) != 0 || !is_stale (st, now))
          continue;
        if (dry_run || remove_tree (path))
          ++n;
      }
      closedir (d);
      return n;
    }

    // One job's folder: the published claim's folder and the one a worker may be writing stay
    // (less their stale temporaries); other claim folders go. Files in the job's folder itself
    // are the published ones of a job from before claim folders (files_claim 0), else left over.
    void sweep_job (const job_files& files, const job_folder& job, bool dry_run,
                    sweep_report& r)
    {
      std::string dir (files.dir (job.id));
      DIR* d (opendir (dir.c_str ()));
      if (d == nullptr)
        return;
      std::time_t now (std::time (nullptr));
      std::vector<std::string> names;
      while (dirent* e = readdir (d))
        if (std::strcmp (e->d_name, ".") != 0 && std::strcmp (e->d_name, "..") != 0)
          names.push_back (e->d_name);
      closedir (d);

      for (const std::string& name: names)
      {
        std::string path (dir + "/" + name);
        struct stat st;
        if (lstat (path.c_str (), &st) != 0)
          continue;
        if (S_ISDIR (st.st_mode) && is_decimal (name))
        {
          std::int64_t claim (std::stoll (name));
          if (claim == job.files_claim || claim == job.claim)
            r.stale_temporaries += sweep_temporaries (path, dry_run);
          else if (dry_run || remove_tree (path))
            ++r.superseded;
        }
        else if (job_files::is_final (name) && S_ISREG (st.st_mode))
        {
          if (job.files_claim != 0 && (dry_run || unlink (path.c_str ()) == 0))
            ++r.superseded;
        }
        else if (is_stale (st, now) && (dry_run || remove_tree (path)))
          ++r.stale_temporaries;
      }
    }
  }

  sweep_report sweep_files (database& db, const job_files& files, bool dry_run)
  {
    sweep_report r;
    std::vector<std::string> strays;
    std::vector<std::int64_t> dirs (files.job_dirs (&strays));
    r.job_folders = dirs.size ();

    // Asked in batches: one IN list per thousand folders.
    std::vector<job_folder> owned;
    for (std::size_t i (0); i < dirs.size (); i += 1000)
    {
      std::vector<std::int64_t> batch (dirs.begin () + i,
                                       dirs.begin () + std::min (dirs.size (), i + 1000));
      db.transact ([&]
      {
        std::vector<job_folder> some (job_store::folders (batch));
        owned.insert (owned.end (), some.begin (), some.end ());
      });
    }
    std::sort (owned.begin (), owned.end (),
               [] (const job_folder& a, const job_folder& b) {return a.id < b.id;});

    for (std::int64_t id: dirs)
    {
      auto i (std::lower_bound (owned.begin (), owned.end (), id,
                                [] (const job_folder& f, std::int64_t id) {return f.id < id;}));
      if (i != owned.end () && i->id == id)
        sweep_job (files, *i, dry_run, r);
      else if (dry_run || remove_tree (files.dir (id)))
        ++r.orphan_folders;
    }
    for (const std::string& s: strays)
      if (dry_run || remove_tree (files.root () + "/" + s))
        ++r.stray_entries;
    return r;
  }
}
