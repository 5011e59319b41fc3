// libFuzzer target, structure-aware: the fuzzer's bytes become the *entries* of a valid container (a ZIP of
// Takeout-like paths, an XLSX workbook with its parts, a ZIP nested in a ZIP, a tar.gz-less tar), which is
// then read through a Session like a dropped file. Plain byte fuzzing (fuzz_zip, fuzz_xlsx) rarely gets past
// the CRC-32 checks, the central directory and the workbook's part graph; here every container is well formed
// (unless the fuzzer asks for one defect: a wrong CRC, a lying size, a truncated end, a duplicated or
// path-traversal name), so the entries' parsers and the container's bookkeeping get the mutations.
// Invariants: those of fuzz_harness.h (tables, column storage, valid UTF-8, bilingual diagnostics, entry
// results pointing at existing tables, no "parse.internal"), under ASan/UBSan.
#include <fuzzer/FuzzedDataProvider.h>

#include <cstdint>
#include <string>
#include <vector>

#include <zlib.h>

#include "tests/fuzz/fuzz_harness.h"
#include "tests/ustar.h"

namespace {

struct Entry {
  std::string name;
  std::string data;
};

void put16(std::string& s, uint32_t v) { s += char(v & 0xFF); s += char((v >> 8) & 0xFF); }
void put32(std::string& s, uint32_t v) { put16(s, v & 0xFFFF); put16(s, v >> 16); }

enum Defect : uint8_t { None, BadCrc, LyingSize, Truncated, NoCentral, DataDescriptor, Utf8Flag, k_defects };

// A stored (method 0) ZIP; `defect` bends one thing, on entry `which`.
std::string make_zip(const std::vector<Entry>& entries, Defect defect, size_t which) {
  std::string out, central;
  for (size_t i = 0; i < entries.size(); ++i) {
    const Entry& e = entries[i];
    uint32_t crc = uint32_t(crc32(0L, reinterpret_cast<const Bytef*>(e.data.data()), uInt(e.data.size())));
    uint32_t size = uint32_t(e.data.size());
    const bool hit = i == which;
    if (hit && defect == BadCrc) crc ^= 0x5A5A5A5A;
    if (hit && defect == LyingSize) size = size * 2 + 7;
    uint16_t flags = 0;
    if (hit && defect == DataDescriptor) flags |= 0x0008;
    if (hit && defect == Utf8Flag) flags |= 0x0800;
    const uint32_t offset = uint32_t(out.size());
    out += "PK\x03\x04";
    put16(out, 20); put16(out, flags); put16(out, 0); put16(out, 0); put16(out, 0x21);
    put32(out, flags & 0x0008 ? 0 : crc); put32(out, flags & 0x0008 ? 0 : size); put32(out, flags & 0x0008 ? 0 : size);
    put16(out, uint16_t(e.name.size())); put16(out, 0);
    out += e.name;
    out += e.data;
    if (flags & 0x0008) { out += "PK\x07\x08"; put32(out, crc); put32(out, size); put32(out, size); }
    central += "PK\x01\x02";
    put16(central, 20); put16(central, 20); put16(central, flags); put16(central, 0); put16(central, 0); put16(central, 0x21);
    put32(central, crc); put32(central, size); put32(central, size);
    put16(central, uint16_t(e.name.size())); put16(central, 0); put16(central, 0); put16(central, 0); put16(central, 0);
    put32(central, 0); put32(central, offset);
    central += e.name;
  }
  if (defect == NoCentral) return out;
  const uint32_t cd_offset = uint32_t(out.size());
  out += central;
  out += "PK\x05\x06";
  put16(out, 0); put16(out, 0); put16(out, uint16_t(entries.size())); put16(out, uint16_t(entries.size()));
  put32(out, uint32_t(central.size())); put32(out, cd_offset); put16(out, 0);
  if (defect == Truncated && !out.empty()) out.resize(out.size() - 1 - which % (out.size() > 64 ? 64 : out.size()));
  return out;
}

// Paths people's archives really hold (Takeout FR/EN, on-device exports, bank and energy downloads), and
// hostile ones. The fuzzer picks by index or writes its own.
const char* const k_paths[] = {
    "Takeout/Location History/Records.json",
    "Takeout/Historique des positions/Records.json",
    "Takeout/Location History (Timeline)/Semantic Location History/2024/2024_JANUARY.json",
    "Takeout/Historique des positions/Semantic Location History/2023/2023_MARS.json",
    "Takeout/Mon activité/YouTube/MonActivité.json",
    "Takeout/Fit/Activités/2024-01-01.csv",
    "location-history.json",
    "Chronologie.json",
    "Enedis_Conso_Heure_20250101-20250107.csv",
    "releve_compte.csv",
    "ViewingActivity.csv",
    "StreamingHistory_music_0.json",
    "your_activity_across_facebook/messages/inbox/a/message_1.json",
    "export.gpx",
    "trace.kml",
    "statements.json",
    "nested/inner.zip",
    "../../etc/passwd",
    "/absolute/path.csv",
    "C:\\Windows\\evil.json",
    "dir/",
    "",
    "a/b/c/d/e/f/g/h/i/j/k/l/m/n/o/p/q/r/s/t/u/v/w/x/y/z.json",
    "caf\xc3\xa9/r\xc3\xa9sum\xc3\xa9.csv",
    "caf\x82/cp437.csv",
};

std::vector<Entry> take_entries(FuzzedDataProvider& fdp, int depth);

std::string take_entry_data(FuzzedDataProvider& fdp, const std::string& name, int depth) {
  if (depth < 2 && name.size() > 4 && name.compare(name.size() - 4, 4, ".zip") == 0 && fdp.ConsumeBool()) {
    std::vector<Entry> inner = take_entries(fdp, depth + 1);
    return make_zip(inner, None, 0);
  }
  return fdp.ConsumeRandomLengthString(16384);
}

std::vector<Entry> take_entries(FuzzedDataProvider& fdp, int depth) {
  std::vector<Entry> entries;
  const size_t n = fdp.ConsumeIntegralInRange<size_t>(1, 8);
  for (size_t i = 0; i < n && fdp.remaining_bytes(); ++i) {
    Entry e;
    const size_t pick = fdp.ConsumeIntegralInRange<size_t>(0, std::size(k_paths));
    e.name = pick < std::size(k_paths) ? std::string(k_paths[pick]) : fdp.ConsumeRandomLengthString(80);
    e.data = take_entry_data(fdp, e.name, depth);
    entries.push_back(std::move(e));
  }
  return entries;
}

// An XLSX workbook: the part graph right, the sheet's cells and the shared strings from the fuzzer
// (as rows of typed cells in the Enedis 2025 layout, or as raw XML).
std::vector<Entry> take_workbook(FuzzedDataProvider& fdp) {
  std::vector<Entry> parts;
  parts.push_back({"[Content_Types].xml",
                   "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                   "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                   "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/></Types>"});
  parts.push_back({"_rels/.rels",
                   "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                   "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"});
  parts.push_back({"xl/workbook.xml",
                   "<?xml version=\"1.0\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
                   "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>"
                   "<sheet name=\"" + fdp.ConsumeRandomLengthString(24) + "\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"});
  parts.push_back({"xl/_rels/workbook.xml.rels",
                   "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                   "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                   "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>"
                   "</Relationships>"});
  std::string sst = "<?xml version=\"1.0\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">";
  const size_t nstr = fdp.ConsumeIntegralInRange<size_t>(0, 12);
  for (size_t i = 0; i < nstr; ++i) sst += "<si><t>" + fdp.ConsumeRandomLengthString(40) + "</t></si>";
  sst += "</sst>";
  parts.push_back({"xl/sharedStrings.xml", sst});
  std::string sheet = "<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>";
  if (fdp.ConsumeBool()) {
    sheet += fdp.ConsumeRandomLengthString(8192);
  } else {
    const size_t rows = fdp.ConsumeIntegralInRange<size_t>(0, 64);
    for (size_t r = 1; r <= rows && fdp.remaining_bytes(); ++r) {
      sheet += "<row r=\"" + std::to_string(r) + "\">";
      const size_t cols = fdp.ConsumeIntegralInRange<size_t>(0, 5);
      for (size_t c = 0; c < cols; ++c) {
        const std::string ref = std::string(1, char('A' + c)) + std::to_string(r);
        switch (fdp.ConsumeIntegralInRange<int>(0, 4)) {
          case 0: sheet += "<c r=\"" + ref + "\" t=\"s\"><v>" + std::to_string(fdp.ConsumeIntegralInRange<int>(-1, 14)) + "</v></c>"; break;
          case 1: sheet += "<c r=\"" + ref + "\"><v>" + std::to_string(fdp.ConsumeFloatingPoint<double>()) + "</v></c>"; break;
          case 2: sheet += "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t>" + fdp.ConsumeRandomLengthString(32) + "</t></is></c>"; break;
          case 3: sheet += "<c r=\"" + ref + "\" s=\"1\"><v>" + std::to_string(45658 + fdp.ConsumeIntegralInRange<int>(-100000, 100000) / 48.0) + "</v></c>"; break;
          default: sheet += "<c r=\"" + fdp.ConsumeRandomLengthString(6) + "\"><v>" + fdp.ConsumeRandomLengthString(12) + "</v></c>"; break;
        }
      }
      sheet += "</row>";
    }
  }
  sheet += "</sheetData></worksheet>";
  parts.push_back({"xl/worksheets/sheet1.xml", sheet});
  return parts;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace sdw;
  FuzzedDataProvider fdp(data, size);
  const int kind = fdp.ConsumeIntegralInRange<int>(0, 3);
  const Defect defect = Defect(fdp.ConsumeIntegralInRange<int>(0, k_defects - 1) * (fdp.ConsumeIntegralInRange<int>(0, 3) == 0));
  const size_t which = fdp.ConsumeIntegralInRange<size_t>(0, 7);
  const size_t chunk = fdp.ConsumeIntegralInRange<size_t>(1, 70000);
  std::vector<Entry> entries;
  std::string bytes;
  const char* name = "archive.zip";
  switch (kind) {
    case 0: entries = take_entries(fdp, 0); bytes = make_zip(entries, defect, which); break;
    case 1: entries = take_workbook(fdp); bytes = make_zip(entries, defect, which); name = "Enedis_Conso_Heure.xlsx"; break;
    case 2: entries = take_entries(fdp, 0); {
      std::vector<std::pair<std::string, std::string>> named;
      for (const Entry& e : entries) named.emplace_back(e.name, e.data);
      bytes = test::ustar(named);
    } name = "takeout.tar"; break;
    default: {   // the entries of a Takeout ZIP, then that ZIP inside another one
      entries = take_entries(fdp, 1);
      bytes = make_zip({{"Takeout-1.zip", make_zip(entries, None, 0)}}, defect, which);
      break;
    }
  }
  ParseOptions o;
  o.file_name = name;
  o.total_bytes = bytes.size();
  o.time_zone = "Europe/Paris";
  o.archive.max_total = uint64_t(64) << 20;
  o.archive.ratio_floor = uint64_t(1) << 20;
  Session s(o);
  for (size_t pos = 0; pos < bytes.size(); pos += chunk) {
    const size_t c = std::min(chunk, bytes.size() - pos);
    std::unique_ptr<uint8_t[]> buf(new uint8_t[c]);
    std::memcpy(buf.get(), bytes.data() + pos, c);
    s.feed(std::span<const uint8_t>(buf.get(), c));
  }
  s.finish();
  SDW_FUZZ_CHECK(s.done(), "");
  const Diagnostics& d = s.diagnostics();
  fuzz::check_diagnostics(d);
  if (d.failed) SDW_FUZZ_CHECK(d.error.code != "parse.internal", d.error.en);
  for (const EntryResult& e : s.entries()) {
    SDW_FUZZ_CHECK(fuzz::valid_utf8(e.path), e.path);
    fuzz::check_diagnostics(e.diag);
    if (!d.failed) SDW_FUZZ_CHECK(e.first_table + e.table_count <= s.tables().size(), e.path);
  }
  fuzz::check_tables(s.tables());
  return 0;
}
