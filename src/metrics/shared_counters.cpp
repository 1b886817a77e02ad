// Mapping the counter file, made and checked under a lock so that processes starting together
// agree on one file.
#include "shared_counters.hpp"

#include <cerrno>
#include <cstring>
#include <stdexcept>

#include <fcntl.h>
#include <sys/file.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../common/log.hpp"

namespace modforge
{
  namespace
  {
    const std::uint64_t magic = 0x314D46474F46444DULL;   // "MDFOGFM1"

    struct header
    {
      std::uint64_t magic;
      std::uint64_t layout;
      std::uint64_t slots;
      std::uint64_t reserved;
    };

    std::size_t bytes_for (std::size_t slots)
    {
      return sizeof (header) + slots * sizeof (std::uint64_t);
    }

    std::string errno_text (const std::string& what)
    {
      return what + ": " + std::strerror (errno);
    }

    // Closes a descriptor at the end of a scope.
    struct descriptor
    {
      int fd;
      explicit descriptor (int f): fd (f) {}
      ~descriptor () {if (fd >= 0) ::close (fd);}
    };

    bool has_layout (int fd, std::uint64_t layout, std::size_t slots)
    {
      header h {};
      return ::pread (fd, &h, sizeof h, 0) == static_cast<ssize_t> (sizeof h) &&
             h.magic == magic && h.layout == layout && h.slots == slots;
    }

    void write_header (int fd, std::uint64_t layout, std::size_t slots)
    {
      header h {magic, layout, slots, 0};
      if (::ftruncate (fd, static_cast<off_t> (bytes_for (slots))) != 0 ||
          ::pwrite (fd, &h, sizeof h, 0) != static_cast<ssize_t> (sizeof h))
        throw std::runtime_error (errno_text ("cannot write the counter file"));
    }
  }

  std::uint64_t shared_counters::layout_id (const std::string& layout)
  {
    std::uint64_t h (14695981039346656037ULL);
    for (unsigned char c: layout)
      h = (h ^ c) * 1099511628211ULL;
    return h;
  }

  shared_counters::shared_counters (const std::string& path, std::size_t slots,
                                    const std::string& layout)
      : slots_ (slots)
  {
    try
    {
      if (map_file (path, layout))
        return;
    }
    catch (const std::exception& e)
    {
      log_warning (std::string ("metrics: ") + e.what () + "; counting for this process only");
    }
    own_ = std::vector<std::atomic<std::uint64_t>> (slots);
    counters_ = own_.data ();
  }

  shared_counters::~shared_counters ()
  {
    if (map_ != nullptr)
      ::munmap (map_, map_bytes_);
  }

  bool shared_counters::map_file (const std::string& path, const std::string& layout)
  {
    const std::uint64_t id (layout_id (layout));
    for (int tries (0); tries != 5; ++tries)
    {
      descriptor f (::open (path.c_str (), O_RDWR | O_CREAT | O_CLOEXEC, 0644));
      if (f.fd < 0)
        throw std::runtime_error (errno_text ("cannot open " + path));
      if (::flock (f.fd, LOCK_EX) != 0)
        throw std::runtime_error (errno_text ("cannot lock " + path));

      // Another process may have replaced the file between our open and our lock.
      struct stat opened, named;
      if (::fstat (f.fd, &opened) != 0 || ::stat (path.c_str (), &named) != 0 ||
          opened.st_ino != named.st_ino || opened.st_dev != named.st_dev)
        continue;

      if (opened.st_size == 0)
        write_header (f.fd, id, slots_);
      else if (!has_layout (f.fd, id, slots_))
      {
        // Another program's layout: a new file takes the name; its old users keep theirs.
        std::string fresh (path + ".new");
        descriptor n (::open (fresh.c_str (), O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0644));
        if (n.fd < 0)
          throw std::runtime_error (errno_text ("cannot create " + fresh));
        write_header (n.fd, id, slots_);
        if (::rename (fresh.c_str (), path.c_str ()) != 0)
          throw std::runtime_error (errno_text ("cannot rename " + fresh));
        log_info ("metrics: " + path + " had another layout; started a new one");
        continue;
      }

      map_bytes_ = bytes_for (slots_);
      void* m (::mmap (nullptr, map_bytes_, PROT_READ | PROT_WRITE, MAP_SHARED, f.fd, 0));
      if (m == MAP_FAILED)
        throw std::runtime_error (errno_text ("cannot map " + path));
      map_ = m;
      counters_ = reinterpret_cast<std::atomic<std::uint64_t>*> (
        static_cast<char*> (m) + sizeof (header));
      // Unlocked by hand: the mapping holds the open file, so closing the descriptor would
      // leave the lock in place for as long as this process lives.
      ::flock (f.fd, LOCK_UN);
      return true;
    }
    throw std::runtime_error (path + " kept changing while it was opened");
  }
}
