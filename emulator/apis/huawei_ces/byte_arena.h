// ByteArena: bytes that live exactly as long as their project -- interned
// texts, and the blobs whose id did not fit the room a request's block left
// for it (event_record.h, prepared_item.h) -- carved from chunks that double
// from 1 KiB to 64 KiB, and freed all at once when the project is reset.
//
// Why: a malloc per stored text or blob, under the store's lock, was a large
// part of the writer's time in a 100-event batch (tests/bench/RESULTS.md,
// session 5). A bump pointer also saves malloc's 8-16 bytes of header and
// rounding per allocation.
//
// reserve() makes room before EventIndex::apply changes anything; allocate()
// after it cannot throw (all-or-nothing writes). Not thread-safe.
#pragma once

#include <algorithm>
#include <cstddef>
#include <memory>
#include <vector>

namespace eventemu::huawei_ces {

class ByteArena {
 public:
  // The next allocations, `bytes` in all, fit without allocating a chunk.
  void reserve(size_t bytes) {
    if (bytes <= left_) return;
    next_chunk_ = std::min(next_chunk_ * 2, kLargestChunk);
    size_t size = std::max(next_chunk_, bytes);
    chunks_.reserve(chunks_.size() + 1);
    chunks_.push_back(std::unique_ptr<char[]>(new char[size]));  // uninitialised: every byte is written before use
    next_ = chunks_.back().get();
    left_ = size;  // the rest of the previous chunk is abandoned (under one chunk's worth)
  }

  // After reserve() for at least `bytes`: never allocates.
  char* allocate(size_t bytes) noexcept {
    char* out = next_;
    next_ += bytes;
    left_ -= bytes;
    return out;
  }

 private:
  static constexpr size_t kLargestChunk = 64 * 1024;
  std::vector<std::unique_ptr<char[]>> chunks_;
  char* next_ = nullptr;
  size_t left_ = 0;
  size_t next_chunk_ = 512;  // doubled before the first chunk: 1 KiB
};

}  // namespace eventemu::huawei_ces
