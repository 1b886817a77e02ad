// Where a job's files live: <data_dir>/files/<job's database id>/<claim>/, one folder per job and
// in it one per claim of a worker, named from database ids only (never from anything a client
// or the analyser chose). A worker writes only into its own claim's folder; the job's row says
// which folder clients get (files_claim). nginx serves the same tree from its internal /_files/
// location.
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

    // Paths relative to root, what X-Accel-Redirect names after "/_files/": the folder of a
    // claim, <job>/<claim> (claim 0: <job> itself, where jobs finished before claim folders
    // keep their files), and the files in it.
    static std::string folder_name (std::int64_t job, std::int64_t claim);
    static std::string image_name (std::int64_t job, std::int64_t claim, int index);
    static std::string zip_name (std::int64_t job, std::int64_t claim, const std::string& filename);

    std::string path (const std::string& relative) const {return root_ + "/" + relative;}

    // Whether a name in a claim folder is a file kept for good (image-<n>.png, a zip) rather than
    // a temporary one (ours: "<name>.tmp-<pid>"; libzip's: "<name>.<random>").
    static bool is_final (const std::string& name);

    // Creates the folder of `claim` (and the job's, and root) with hard links to the final files
    // of the folder of `published`, so that it starts as a whole set and the task replaces only
    // what it makes anew. Throws std::system_error (code: errno).
    void make_claim_dir (std::int64_t job, std::int64_t claim, std::int64_t published) const;

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
