// A ustar archive written in memory (512-byte headers, octal fields, checksum right, names cut at 99 bytes
// as given: no encoding applied), for the tar tests and the structure-aware fuzz target.
#pragma once
#include <cstdio>
#include <cstring>
#include <string>
#include <utility>
#include <vector>

namespace sdw::test {

inline std::string ustar(const std::vector<std::pair<std::string, std::string>>& entries) {   // (name, bytes)
  std::string out;
  for (const auto& [name, data] : entries) {
    std::string h(512, '\0');
    h.replace(0, std::min<size_t>(name.size(), 99), name.substr(0, 99));
    std::snprintf(&h[100], 8, "%07o", 0644);
    std::snprintf(&h[108], 8, "%07o", 0);
    std::snprintf(&h[116], 8, "%07o", 0);
    std::snprintf(&h[124], 12, "%011lo", static_cast<unsigned long>(data.size()));
    std::snprintf(&h[136], 12, "%011o", 0);
    h[156] = '0';
    std::memcpy(&h[257], "ustar\0" "00", 8);
    std::memset(&h[148], ' ', 8);
    unsigned sum = 0;
    for (unsigned char c : h) sum += c;
    std::snprintf(&h[148], 8, "%06o", sum);
    out += h;
    out += data;
    out.append((512 - data.size() % 512) % 512, '\0');
  }
  out.append(1024, '\0');
  return out;
}

}  // namespace sdw::test
