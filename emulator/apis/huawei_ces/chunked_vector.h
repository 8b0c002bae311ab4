// ChunkedVector: an append-only array in fixed chunks of 256 elements, so
// growing never moves what is stored. A std::vector of 65,536 CES records
// (40 bytes each) moved 2.6 MB when it doubled, under the store's lock in the
// middle of a request; here a growth allocates one chunk (10 KB of records:
// small, because every project with an event holds a partly used one).
//
// reserve_more() allocates every chunk the next `more` push_backs need, so
// push_back() after it cannot throw (EventIndex::apply stores all or nothing).
// Not thread-safe.
#pragma once

#include <cstddef>
#include <memory>
#include <utility>
#include <vector>

namespace eventemu::huawei_ces {

template <typename T>
class ChunkedVector {
 public:
  static constexpr size_t kChunkBits = 8;
  static constexpr size_t kChunk = size_t{1} << kChunkBits;

  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  T& operator[](size_t i) { return chunks_[i >> kChunkBits][i & (kChunk - 1)]; }
  const T& operator[](size_t i) const { return chunks_[i >> kChunkBits][i & (kChunk - 1)]; }
  T& back() { return (*this)[size_ - 1]; }

  void reserve_more(size_t more) {
    size_t chunks_needed = (size_ + more + kChunk - 1) >> kChunkBits;
    if (chunks_needed <= chunks_.size()) return;
    chunks_.reserve(chunks_needed);
    while (chunks_.size() < chunks_needed) chunks_.push_back(std::make_unique<T[]>(kChunk));
  }

  // After reserve_more(): never allocates.
  void push_back(T&& value) noexcept {
    (*this)[size_] = std::move(value);
    ++size_;
  }

 private:
  std::vector<std::unique_ptr<T[]>> chunks_;
  size_t size_ = 0;
};

}  // namespace eventemu::huawei_ces
