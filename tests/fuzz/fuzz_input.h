// How a fuzzer input becomes a parse: a control byte and up to 7 chunk-size bytes, then the data. Shared by
// the libFuzzer targets (tests/fuzz/fuzz_harness.h) and the regression tests (tests/fuzz_regression_test.cpp),
// so a crash file replays exactly. Owns: input decoding and chunked feeding. Does not own: any checking.
#pragma once
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string_view>
#include <vector>

#include "parsers/core/parser.h"

namespace sdw::fuzz {

// File-name hints (the session target's detection uses them; parsers may name tables after them).
inline constexpr const char* k_names[16] = {
    "",          "data.csv",     "data.tsv",  "data.json", "data.ndjson", "data.geojson",
    "data.zip",  "data.gpx",     "data.kml",  "notes.txt", "export.xml",  "Takeout/Fit/activités.csv",
    "data.bin",  "x",            "data.jsonl", "DATA.CSV"};

// Byte 0: bits 0-2 = number k of chunk-size bytes that follow, bits 3-6 = file-name hint, bit 7 = UTC
// instead of Europe/Paris. Each size byte b: 0 = an empty chunk, 1..127 = b bytes, 128..255 = (b-127)*512
// bytes. The sizes are used in turn, cyclically; k = 0 feeds the data in one chunk.
struct FuzzInput {
  std::string_view data;
  std::vector<size_t> chunk_sizes;
  const char* file_name = "";
  const char* time_zone = "Europe/Paris";
};

inline FuzzInput decode_input(const uint8_t* p, size_t n) {
  FuzzInput in;
  if (n == 0) return in;
  const uint8_t ctl = p[0];
  size_t k = std::min<size_t>(ctl & 7, n - 1);
  in.file_name = k_names[(ctl >> 3) & 15];
  if (ctl & 0x80) in.time_zone = "UTC";
  bool any_bytes = false;
  for (size_t i = 0; i < k; ++i) {
    const uint8_t b = p[1 + i];
    const size_t s = b < 128 ? b : size_t(b - 127) * 512;
    in.chunk_sizes.push_back(s);
    any_bytes |= s > 0;
  }
  if (!any_bytes) in.chunk_sizes.clear();  // only empty chunks would never end
  in.data = std::string_view(reinterpret_cast<const char*>(p + 1 + k), n - 1 - k);
  return in;
}

// The parse options of a fuzz run. The zip-bomb guards are tighter than the defaults (16 GiB per archive,
// ratio rule past 64 MiB) so a 64 KiB input cannot spend seconds inflating, and the guards' own paths get
// fuzzed too.
inline ParseOptions make_options(const FuzzInput& in) {
  ParseOptions o;
  o.file_name = in.file_name;
  o.total_bytes = in.data.size();
  o.time_zone = in.time_zone;
  o.archive.max_total = uint64_t(64) << 20;
  o.archive.ratio_floor = uint64_t(1) << 20;
  return o;
}

// Calls feed(span) for each chunk. Each chunk is copied into its own heap block of exactly its size and
// freed right after the call, so AddressSanitizer sees a read past a chunk's end, or a pointer kept into
// an earlier chunk, as the bug it is.
template <class Feed>
void feed_chunks(const FuzzInput& in, Feed&& feed) {
  const std::string_view d = in.data;
  if (in.chunk_sizes.empty()) {
    std::unique_ptr<uint8_t[]> buf(new uint8_t[d.size() ? d.size() : 1]);
    std::copy(d.begin(), d.end(), buf.get());
    feed(std::span<const uint8_t>(buf.get(), d.size()));
    return;
  }
  size_t pos = 0;
  for (size_t i = 0; pos < d.size(); ++i) {
    const size_t c = std::min(in.chunk_sizes[i % in.chunk_sizes.size()], d.size() - pos);
    if (c == 0) {
      feed(std::span<const uint8_t>());
      continue;
    }
    std::unique_ptr<uint8_t[]> buf(new uint8_t[c]);
    std::copy(d.begin() + pos, d.begin() + pos + c, buf.get());
    feed(std::span<const uint8_t>(buf.get(), c));
    pos += c;
  }
}

}  // namespace sdw::fuzz
