#include "core/id_generator.h"

namespace eventemu::core {
namespace {

// splitmix64 expands the user's seed into xoshiro's state (as its authors advise).
uint64_t splitmix64(uint64_t& x) {
  uint64_t z = (x += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

constexpr char kAlphanumeric[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
constexpr char kHex[] = "0123456789abcdef";

}  // namespace

IdGenerator::IdGenerator(uint64_t seed) { reseed(seed); }

void IdGenerator::reseed(uint64_t seed) {
  std::lock_guard lock(mutex_);
  seed_ = seed;
  uint64_t x = seed;
  for (auto& word : state_) word = splitmix64(x);
}

uint64_t IdGenerator::next_locked() {  // xoshiro256**
  const uint64_t result = rotl(state_[1] * 5, 7) * 9;
  const uint64_t t = state_[1] << 17;
  state_[2] ^= state_[0];
  state_[3] ^= state_[1];
  state_[1] ^= state_[2];
  state_[0] ^= state_[3];
  state_[2] ^= t;
  state_[3] = rotl(state_[3], 45);
  return result;
}

uint64_t IdGenerator::next_u64() {
  std::lock_guard lock(mutex_);
  return next_locked();
}

double IdGenerator::next_unit() {
  return static_cast<double>(next_u64() >> 11) * (1.0 / 9007199254740992.0);
}

std::string IdGenerator::alphanumeric(size_t length) {
  std::lock_guard lock(mutex_);
  std::string out(length, ' ');
  for (auto& c : out) c = kAlphanumeric[next_locked() % 62];
  return out;
}

std::string IdGenerator::digits(size_t length) {
  std::lock_guard lock(mutex_);
  std::string out(length, '0');
  for (size_t i = 0; i < length; ++i) {
    out[i] = static_cast<char>('0' + (i == 0 ? 1 + next_locked() % 9 : next_locked() % 10));
  }
  return out;
}

std::string IdGenerator::hex(size_t length) {
  std::lock_guard lock(mutex_);
  std::string out(length, '0');
  for (auto& c : out) c = kHex[next_locked() % 16];
  return out;
}

std::string IdGenerator::uuid4() {
  std::string raw = hex(32);
  raw[12] = '4';
  raw[16] = kHex[8 + (raw[16] % 4)];
  return raw.substr(0, 8) + "-" + raw.substr(8, 4) + "-" + raw.substr(12, 4) + "-" +
         raw.substr(16, 4) + "-" + raw.substr(20, 12);
}

}  // namespace eventemu::core
