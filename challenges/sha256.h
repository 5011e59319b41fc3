// SHA-256 (FIPS 180-4), streaming, for the donation manifests (challenges/donation.h) and their
// validation: no platform code, no library (zlib has no SHA-2). Owns: the digest. Does not own: files.
#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace sdw {

class Sha256 {
 public:
  Sha256();
  void update(const void* data, size_t n);
  void update(std::string_view s) { update(s.data(), s.size()); }
  std::array<uint8_t, 32> digest();   // finishes: call once
  std::string hex();                  // finishes: lower-case hex of digest()

 private:
  void block(const uint8_t* p);
  uint32_t m_h[8];
  uint8_t m_buf[64];
  size_t m_len = 0;                   // bytes in m_buf
  uint64_t m_total = 0;               // bytes hashed
};

std::string sha256_hex(std::string_view bytes);   // lower-case hex of one buffer

}  // namespace sdw
