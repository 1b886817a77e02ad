// Where a job's files live: <data_dir>/files/<job's database id>/, one folder per job, named
// from database ids only (never from anything a client or the analyser chose). nginx serves the
// same tree from its internal /_files/ location.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace modforge
{
  class job_files
  {
  public:
    explicit job_files (const std::string& data_dir);

    std::string root () const {return root_;}                 // <data_dir>/files
    std::string dir (std::int64_t job) const;                 // <root>/<job>

    // Paths relative to root: what X-Accel-Redirect names after "/_files/".
    static std::string image_name (std::int64_t job, int index); // <job>/image-<index>.png
    static std::string zip_name (std::int64_t job, const std::string& filename);

    std::string path (const std::string& relative) const {return root_ + "/" + relative;}

    // Creates the job's folder (and root) if missing. Throws std::system_error (code: errno).
    void make_dir (std::int64_t job) const;

    // Writes `bytes` to a temporary name in the same folder, fsyncs, and renames it over `path`:
    // a reader sees the old file or the whole new one, never a part. Throws std::system_error
    // (code: errno; the temporary file is removed).
    static void write_atomically (const std::string& path, const std::string& bytes);

    static std::string read (const std::string& path);

    // Removes the job's folder and everything in it; a missing folder is not an error.
    void remove (std::int64_t job) const;

    // After the jobs' rows are gone: removes their folders, logging (not throwing) what cannot
    // be removed; `modforge-admin sweep` finds such leftovers later.
    void remove_after_delete (const std::vector<std::int64_t>& jobs) const;

    // The numeric folder names under root, and any other entries there (for `sweep`).
    std::vector<std::int64_t> job_dirs (std::vector<std::string>* strangers = nullptr) const;

  private:
    std::string root_;
  };

  // Removes a directory tree (no symlink is followed). Returns false and sets errno on failure.
  bool remove_tree (const std::string& path);
}
