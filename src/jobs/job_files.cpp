// The job files directory.
#include "job_files.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <system_error>

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../common/log.hpp"

namespace modforge
{
  namespace
  {
    // what() reads "<what> <path>: <errno's text>" (for the log); code() is errno, so that a
    // job's error can name the cause without the server's paths.
    std::system_error system_error (const std::string& what, const std::string& path)
    {
      return std::system_error (errno, std::generic_category (), what + " " + path);
    }

    bool ends_with (const std::string& s, const char* tail)
    {
      std::size_t n (std::strlen (tail));
      return s.size () >= n && s.compare (s.size () - n, n, tail) == 0;
    }

    bool is_decimal (const char* s)
    {
      if (*s == '\0' || *s == '0')
        return false;
      for (; *s != '\0'; ++s)
        if (*s < '0' || *s > '9')
          return false;
      return true;
    }
  }

  job_files::job_files (const std::string& data_dir): root_ (data_dir + "/files") {}

  std::string job_files::dir (std::int64_t job) const
  {
    return root_ + "/" + std::to_string (job);
  }

  std::string job_files::folder_name (std::int64_t job, std::int64_t claim)
  {
    return std::to_string (job) + (claim == 0 ? "" : "/" + std::to_string (claim));
  }

  std::string job_files::image_name (std::int64_t job, std::int64_t claim, int index)
  {
    return folder_name (job, claim) + "/image-" + std::to_string (index) + ".png";
  }

  std::string job_files::zip_name (std::int64_t job, std::int64_t claim,
                                   const std::string& filename)
  {
    return folder_name (job, claim) + "/" + filename;
  }

  bool job_files::is_final (const std::string& name)
  {
    return (name.compare (0, 6, "image-") == 0 && ends_with (name, ".png")) ||
           ends_with (name, ".zip");
  }

  void job_files::make_claim_dir (std::int64_t job, std::int64_t claim,
                                  std::int64_t published) const
  {
    std::string folder (path (folder_name (job, claim)));
    for (const std::string& d: {root_, dir (job), folder})
      if (mkdir (d.c_str (), 0755) != 0 && errno != EEXIST)
        throw system_error ("cannot create", d);

    std::string from (path (folder_name (job, published)));
    DIR* d (opendir (from.c_str ()));
    if (d == nullptr)
    {
      if (errno == ENOENT)     // nothing published yet
        return;
      throw system_error ("cannot list", from);
    }
    std::unique_ptr<DIR, int (*) (DIR*)> closer (d, closedir);
    while (dirent* e = readdir (d))
    {
      std::string name (e->d_name), source (from + "/" + name);
      struct stat st;
      if (!is_final (name) || lstat (source.c_str (), &st) != 0 || !S_ISREG (st.st_mode))
        continue;
      std::string target (folder + "/" + name);
      if (link (source.c_str (), target.c_str ()) != 0 && errno != EEXIST)
        throw system_error ("cannot link", target);
    }
  }

  void job_files::write_atomically (const std::string& path, const std::string& bytes)
  {
    std::string tmp (path + ".tmp-" + std::to_string (getpid ()));
    int fd (open (tmp.c_str (), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644));
    if (fd < 0)
      throw system_error ("cannot create", tmp);
    const char* p (bytes.data ());
    std::size_t left (bytes.size ());
    while (left != 0)
    {
      ssize_t n (::write (fd, p, left));
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
      {
        std::system_error e (system_error ("cannot write", tmp));
        close (fd);
        unlink (tmp.c_str ());
        throw e;
      }
      p += n;
      left -= static_cast<std::size_t> (n);
    }
    if (fsync (fd) != 0 || close (fd) != 0)
    {
      std::system_error e (system_error ("cannot write", tmp));
      unlink (tmp.c_str ());
      throw e;
    }
    if (rename (tmp.c_str (), path.c_str ()) != 0)
    {
      std::system_error e (system_error ("cannot rename into", path));
      unlink (tmp.c_str ());
      throw e;
    }
  }

  std::string job_files::read (const std::string& path)
  {
    std::ifstream f (path, std::ios::binary);
    if (!f)
      throw system_error ("cannot read", path);
    std::ostringstream s;
    s << f.rdbuf ();
    return s.str ();
  }

  void job_files::remove (std::int64_t job) const
  {
    std::string d (dir (job));
    if (!remove_tree (d) && errno != ENOENT)
      throw system_error ("cannot remove", d);
  }

  void job_files::remove_after_delete (const std::vector<std::int64_t>& jobs) const
  {
    for (std::int64_t id: jobs)
    {
      try
      {
        remove (id);
      }
      catch (const std::exception& e)
      {
        log_warning (std::string ("files of deleted job left for sweep: ") + e.what ());
      }
    }
  }

  std::vector<std::int64_t> job_files::job_dirs (std::vector<std::string>* strangers) const
  {
    std::vector<std::int64_t> r;
    DIR* d (opendir (root_.c_str ()));
    if (d == nullptr)
    {
      if (errno == ENOENT)
        return r;
      throw system_error ("cannot list", root_);
    }
    while (dirent* e = readdir (d))
    {
      if (std::strcmp (e->d_name, ".") == 0 || std::strcmp (e->d_name, "..") == 0)
        continue;
      if (is_decimal (e->d_name) && std::strlen (e->d_name) < 19)
        r.push_back (std::stoll (e->d_name));
      else if (strangers != nullptr)
        strangers->push_back (e->d_name);
    }
    closedir (d);
    return r;
  }

  bool remove_tree (const std::string& path)
  {
    struct stat st;
    if (lstat (path.c_str (), &st) != 0)
      return false;
    if (!S_ISDIR (st.st_mode))
      return unlink (path.c_str ()) == 0;

    DIR* d (opendir (path.c_str ()));
    if (d == nullptr)
      return false;
    bool ok (true);
    while (dirent* e = readdir (d))
    {
      if (std::strcmp (e->d_name, ".") == 0 || std::strcmp (e->d_name, "..") == 0)
        continue;
      if (!remove_tree (path + "/" + e->d_name) && errno != ENOENT)
        ok = false;
    }
    closedir (d);
    return rmdir (path.c_str ()) == 0 && ok;
  }
}
