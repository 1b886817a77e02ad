// Walking a directory tree to add up its files.
#include "directory_usage.hpp"

#include <cerrno>
#include <cstring>
#include <memory>
#include <stdexcept>

#include <dirent.h>
#include <sys/stat.h>

namespace modforge
{
  namespace
  {
    void walk (const std::string& dir, directory_usage& u)
    {
      // Closed however the walk below ends (a subfolder that cannot be read throws).
      std::unique_ptr<DIR, int (*) (DIR*)> d (opendir (dir.c_str ()), closedir);
      if (d == nullptr)
      {
        if (errno == ENOENT)
          return; // removed meanwhile (a session deleted while we walk)
        throw std::runtime_error ("cannot list " + dir + ": " + std::strerror (errno));
      }
      while (dirent* e = readdir (d.get ()))
      {
        if (std::strcmp (e->d_name, ".") == 0 || std::strcmp (e->d_name, "..") == 0)
          continue;
        std::string path (dir + "/" + e->d_name);
        struct stat st;
        if (lstat (path.c_str (), &st) != 0)
          continue; // removed meanwhile
        if (S_ISDIR (st.st_mode))
          walk (path, u);
        else if (S_ISREG (st.st_mode))
        {
          ++u.files;
          u.bytes += static_cast<std::uint64_t> (st.st_size);
        }
      }
    }
  }

  directory_usage measure_directory (const std::string& root)
  {
    directory_usage u;
    walk (root, u);
    return u;
  }
}
