// A fixed number of 64-bit counters that every process of a host adds to, kept in a file that
// each of them maps (shared memory with a name): the handlers' requests, the workers' jobs.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace modforge
{
  // Lock-free atomics work between processes that map the same memory.
  static_assert (ATOMIC_LLONG_LOCK_FREE == 2, "64-bit atomics must be lock-free");

  class shared_counters
  {
  public:
    // Maps `path` (made, 0644, when missing) holding `slots` counters after a header that
    // names `layout`, a description of what each slot counts. A file of another layout (an
    // older program) is replaced by a new one, atomically; processes still mapping the old one
    // count there until they exit. Never throws for the file: if it cannot be had, the reason
    // is logged as a warning and the counters live in this process's memory only.
    shared_counters (const std::string& path, std::size_t slots, const std::string& layout);
    ~shared_counters ();
    shared_counters (const shared_counters&) = delete;
    shared_counters& operator= (const shared_counters&) = delete;

    void add (std::size_t slot, std::uint64_t n = 1)
    {
      counters_[slot].fetch_add (n, std::memory_order_relaxed);
    }

    std::uint64_t get (std::size_t slot) const
    {
      return counters_[slot].load (std::memory_order_relaxed);
    }

    std::size_t size () const {return slots_;}

    // Whether the counters are the host's (the file) or this process's only.
    bool shared () const {return map_ != nullptr;}

    // 64 bits of FNV-1a of the layout's description: what a file's header must say.
    static std::uint64_t layout_id (const std::string& layout);

  private:
    bool map_file (const std::string& path, const std::string& layout);

    std::size_t slots_;
    void* map_ = nullptr;
    std::size_t map_bytes_ = 0;
    std::vector<std::atomic<std::uint64_t>> own_;   // when there is no file
    std::atomic<std::uint64_t>* counters_ = nullptr;
  };
}
