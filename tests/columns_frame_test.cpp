// The decoder of the page's binary answers to fetch_columns (wasm/app_columns.h): frames written byte by
// byte as web/duck.js columnsFrame writes them, then cut, bent and lied about; a bad frame is an error
// naming where, never a read past its end.
#include <cmath>
#include <cstring>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "wasm/app_columns.h"

namespace {
struct Writer {
  std::vector<uint8_t> b;
  void put(const void* p, size_t n) {
    const size_t at = b.size();
    b.resize(at + n);
    if (n) std::memcpy(b.data() + at, p, n);
  }
  void u32(uint32_t v) { put(&v, 4); }
  void f64(double v) { put(&v, 8); }
  void str(const std::string& s) { put(s.data(), s.size()); }
  void pad8() { while (b.size() % 8) b.push_back(0); }
};
// A frame as columnsFrame writes it: 3 rows, a number column with a null, a text column with "" and accents.
std::vector<uint8_t> sample_frame() {
  Writer w;
  const std::string header = R"({"ok":true,"rows":3,"columns":[{"name":"kwh","type":"Float64","kind":"num"},)"
                             R"({"name":"label","type":"Utf8","kind":"text"}]})";
  w.str("SDWC"), w.u32(1), w.u32(uint32_t(header.size())), w.str(header), w.pad8();
  w.f64(0.25), w.f64(std::nan("")), w.f64(-1.5);
  const std::string bytes = "Prélèvement EDFCafé";
  const uint32_t a = uint32_t(std::string("Prélèvement EDF").size());
  w.u32(0), w.u32(a), w.u32(a), w.u32(uint32_t(bytes.size()));
  w.str(bytes), w.pad8();
  return w.b;
}
}  // namespace

TEST_CASE("columns frame: numbers, nulls and UTF-8 texts come back as written") {
  const auto f = sample_frame();
  const sdw::Columns c = sdw::decode_columns_frame(f.data(), f.size());
  REQUIRE(c.ok);
  CHECK(c.has);
  CHECK(c.rows == 3);
  CHECK(c.names == std::vector<std::string>{"kwh", "label"});
  CHECK(c.num[0][0] == 0.25);
  CHECK(std::isnan(c.num[0][1]));
  CHECK(c.num[0][2] == -1.5);
  CHECK(c.text[1][0] == "Prélèvement EDF");
  CHECK(c.text[1][1] == "");
  CHECK(c.text[1][2] == "Café");
  CHECK(std::isnan(c.num[1][0]));     // a text column has no numbers
  CHECK(c.text[0][1] == "");          // and a number column no texts, "" whatever the row
  CHECK(c.views(0)[0].size() == 3);   // the core's string columns keep one view per row either way
  CHECK(c.views(1)[0][2] == "Café");
  CHECK(c.whole<int64_t>(0) == std::vector<int64_t>{0, 0, -1});
}

TEST_CASE("columns frame: a header field of the wrong type is an error, not an exception (found by fuzz_columns_frame)") {
  for (const std::string header : {R"({"ok":1e308,"rows":0,"columns":[]})", R"({"ok":true,"rows":1,"columns":[{"name":7,"kind":"num"}]})",
                                   R"({"ok":true,"rows":-1,"columns":[]})", R"({"ok":true,"rows":0,"columns":{"kind":"text"}})"}) {
    Writer w;
    w.str("SDWC"), w.u32(1), w.u32(uint32_t(header.size())), w.str(header), w.pad8(), w.f64(1);
    sdw::Columns c;
    CHECK_NOTHROW(c = sdw::decode_columns_frame(w.b.data(), w.b.size()));
    INFO(header);
    CHECK(c.has);
    const bool said = c.ok || !c.error.empty();   // refused with a message (the last one is 0 columns, fine)
    CHECK(said);
  }
  Writer w;
  const std::string bad = R"({"ok":1e308,"rows":0,"columns":[]})";
  w.str("SDWC"), w.u32(1), w.u32(uint32_t(bad.size())), w.str(bad), w.pad8();
  CHECK(sdw::decode_columns_frame(w.b.data(), w.b.size()).error.find("columns frame: header") == 0);
}

TEST_CASE("columns frame: whole numbers a type cannot hold read as 0, not undefined behaviour (found by fuzz_columns_frame)") {
  sdw::Columns c;
  c.rows = 5;
  c.num = {{3.8e180, -1e300, 2147483647.0, -2147483648.0, 9.3e18}};
  CHECK(c.whole<int32_t>(0) == std::vector<int32_t>{0, 0, 2147483647, -2147483647 - 1, 0});
  CHECK(c.whole<int64_t>(0) == std::vector<int64_t>{0, 0, 2147483647, -2147483648LL, 0});
}

TEST_CASE("columns frame: an error from the page is the answer's error") {
  Writer w;
  const std::string header = R"({"ok":false,"error":"Binder Error: Referenced column \"m3\" not found"})";
  w.str("SDWC"), w.u32(1), w.u32(uint32_t(header.size())), w.str(header), w.pad8();
  const sdw::Columns c = sdw::decode_columns_frame(w.b.data(), w.b.size());
  CHECK(c.has);
  CHECK_FALSE(c.ok);
  CHECK(c.error.find("m3") != std::string::npos);
}

TEST_CASE("columns frame: every frame cut short or bent is refused, naming where") {
  const auto f = sample_frame();
  for (size_t n = 0; n < f.size(); ++n) {   // every prefix: the decoder reads only what is there
    std::vector<uint8_t> cut(f.begin(), f.begin() + long(n));
    const sdw::Columns c = sdw::decode_columns_frame(cut.data(), cut.size());
    // the trailing padding of the last column (16 + 22 bytes padded to 40) is the only part a frame may lack
    if (n >= f.size() - 2) continue;
    INFO("cut at " << n);
    CHECK_FALSE(c.ok);
    CHECK(c.has);
    CHECK_FALSE(c.error.empty());
  }
  auto bent = f;
  bent[4] = 2;   // a version this app does not know
  CHECK(sdw::decode_columns_frame(bent.data(), bent.size()).error.find("version 2") != std::string::npos);
  // offsets out of order in the text column: row 1 ends before it starts
  bent = f;
  const size_t off_at = bent.size() - 40;   // the four offsets, 22 bytes of text, 2 of padding
  uint32_t back = 2;
  std::memcpy(&bent[off_at + 8], &back, 4);
  const sdw::Columns c = sdw::decode_columns_frame(bent.data(), bent.size());
  CHECK_FALSE(c.ok);
  CHECK(c.error.find("row 1") != std::string::npos);
  // a row count the bytes cannot hold
  std::string big = R"({"ok":true,"rows":100000000,"columns":[{"name":"kwh","type":"Float64","kind":"num"}]})";
  Writer w;
  w.str("SDWC"), w.u32(1), w.u32(uint32_t(big.size())), w.str(big), w.pad8(), w.f64(1);
  const sdw::Columns d = sdw::decode_columns_frame(w.b.data(), w.b.size());
  CHECK_FALSE(d.ok);
  CHECK(d.error.find("kwh") != std::string::npos);
}
