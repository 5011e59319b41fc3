// XLSX reader. The ZIP is read front to back, so parts come in whatever order the writer chose (Excel and
// openpyxl put sharedStrings.xml, styles.xml and even workbook.xml after the sheets): sheets are stored as
// compact cells (row, column, style, typed value) and resolved at the end, when shared strings, number
// formats and sheet names are known. Each sheet then becomes ';'-separated UTF-8 text, one line per sheet
// row (blank lines for empty rows, so "line N" in messages is row N), padded to the used width like Excel's
// "save as CSV", and that text goes through the registry's detection (Enedis, bank, generic CSV…).
//
// [SECTION] detection, number formats, date serials
// [SECTION] part handlers (workbook, rels, shared strings, styles, sheets)
// [SECTION] the parser
#include "parsers/containers/xlsx.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <map>
#include <vector>

#include "parsers/core/domain_table.h"
#include "parsers/core/values.h"
#include "parsers/readers/xml.h"
#include "parsers/containers/zip.h"

namespace sdw {

// [SECTION] detection, number formats, date serials

namespace {

uint16_t rd16(const uint8_t* p) { return uint16_t(p[0] | (p[1] << 8)); }
uint32_t rd32(const uint8_t* p) { return uint32_t(p[0]) | uint32_t(p[1]) << 8 | uint32_t(p[2]) << 16 | uint32_t(p[3]) << 24; }

bool ends_with_ci(std::string_view s, std::string_view suffix) {
  if (s.size() < suffix.size()) return false;
  for (size_t i = 0; i < suffix.size(); ++i) {
    char a = s[s.size() - suffix.size() + i];
    if (a >= 'A' && a <= 'Z') a = char(a - 'A' + 'a');
    if (a != suffix[i]) return false;
  }
  return true;
}

bool is_ooxml_part(std::string_view name) {
  return name == "[Content_Types].xml" || starts_with(name, "_rels/") || starts_with(name, "docProps/") ||
         starts_with(name, "customXml/");
}

}  // namespace

int xlsx_detect(std::string_view head, std::string_view file_name) {
  if (head.size() < 30 || head.compare(0, 4, "PK\x03\x04") != 0) return 0;
  const uint8_t* h = reinterpret_cast<const uint8_t*>(head.data());
  // walk the local headers the head holds: a part under xl/ decides; other OOXML parts are passed over
  size_t at = 0;
  bool ooxml = false;
  while (at + 30 <= head.size() && rd32(h + at) == 0x04034b50) {
    const uint16_t flags = rd16(h + at + 6);
    const uint32_t csize = rd32(h + at + 18);
    const size_t name_len = rd16(h + at + 26), extra_len = rd16(h + at + 28);
    if (at + 30 + name_len > head.size()) break;
    std::string_view name = head.substr(at + 30, name_len);
    if (starts_with(name, "xl/")) return 97;
    if (!is_ooxml_part(name)) return 0;
    ooxml = true;
    if ((flags & 8) && csize == 0) break;  // size only in a descriptor: cannot hop to the next header
    at += 30 + name_len + extra_len + csize;
  }
  if (ends_with_ci(file_name, ".xlsx") || ends_with_ci(file_name, ".xlsm")) return 97;
  if (ooxml && head.find("xl/workbook.xml") != std::string_view::npos) return 97;
  return 0;
}

NumFmtKind numfmt_kind(int id, std::string_view code) {
  if ((id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 36) || (id >= 50 && id <= 58))
    return id == 22 ? NumFmtKind::DateTime : NumFmtKind::Date;
  if ((id >= 18 && id <= 21) || (id >= 45 && id <= 47)) return NumFmtKind::Time;
  if (id < 164 || code.empty()) return NumFmtKind::Number;
  bool date = false, time = false, month_or_minute = false;
  for (size_t i = 0; i < code.size(); ++i) {
    char c = code[i];
    if (c == '"') {  // quoted literal
      size_t e = code.find('"', i + 1);
      if (e == std::string_view::npos) break;
      i = e;
      continue;
    }
    if (c == '\\' || c == '_' || c == '*') { ++i; continue; }  // escaped / padding character
    if (c == '[') {  // [Red], [$-40C], [>=100]; [h] [mm] [ss] are elapsed time
      size_t e = code.find(']', i + 1);
      if (e == std::string_view::npos) break;
      std::string_view in = code.substr(i + 1, e - i - 1);
      if (!in.empty() && (in[0] == 'h' || in[0] == 'H' || in[0] == 'm' || in[0] == 'M' || in[0] == 's' || in[0] == 'S'))
        time = true;
      i = e;
      continue;
    }
    if (c == ';') break;  // only the first section (positive numbers) matters
    if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
    if (c == 'g' && i + 7 <= code.size()) {  // "General"
      std::string g(code.substr(i, 7));
      for (char& k : g) k = char(k >= 'A' && k <= 'Z' ? k - 'A' + 'a' : k);
      if (g == "general") { i += 6; continue; }
    }
    if (c == 'e' && i + 1 < code.size() && (code[i + 1] == '+' || code[i + 1] == '-')) { ++i; continue; }  // 0.00E+00
    if (c == 'y' || c == 'd' || c == 'e') date = true;
    else if (c == 'h' || c == 's') time = true;
    else if (c == 'm') month_or_minute = true;
  }
  if (date && time) return NumFmtKind::DateTime;
  if (date) return NumFmtKind::Date;
  if (time) return NumFmtKind::Time;
  if (month_or_minute) return NumFmtKind::Date;  // "mmm" alone: a month
  return NumFmtKind::Number;
}

bool excel_serial_text(double serial, bool date1904, NumFmtKind kind, std::string& out, bool* fake_leap) {
  if (fake_leap) *fake_leap = false;
  if (!std::isfinite(serial) || serial < 0 || serial >= 2958466.0) return false;
  // to milliseconds, rounded: Excel stores times as fractions of a day (1 s = 1.157e-5)
  const int64_t ms = int64_t(std::llround(serial * 86400000.0));
  int64_t day = ms / 86400000;
  int64_t msd = ms % 86400000;
  int64_t days;  // since 1970-01-01
  if (date1904) {
    days = days_from_civil(1904, 1, 1) + day;
  } else if (day == 60) {
    days = days_from_civil(1900, 2, 28);
    if (fake_leap && kind != NumFmtKind::Time) *fake_leap = true;
  } else if (day > 60) {
    days = days_from_civil(1899, 12, 30) + day;  // serial 61 = 1900-03-01
  } else {
    days = days_from_civil(1899, 12, 31) + day;  // serial 1 = 1900-01-01 (0 = "1900-01-00": 1899-12-31)
  }
  char buf[48];
  int64_t y;
  unsigned m, d;
  civil_from_days(days, y, m, d);
  const int hh = int(msd / 3600000), mi = int(msd / 60000 % 60), ss = int(msd / 1000 % 60), mss = int(msd % 1000);
  out.clear();
  if (kind != NumFmtKind::Time) {
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", int(y), m, d);
    out += buf;
  }
  if (kind == NumFmtKind::Date && msd == 0) return true;
  if (kind == NumFmtKind::Date) kind = NumFmtKind::DateTime;  // a date format on a serial with a time: keep the time
  if (!out.empty()) out += ' ';
  if (mss) std::snprintf(buf, sizeof buf, "%02d:%02d:%02d.%03d", hh, mi, ss, mss);
  else std::snprintf(buf, sizeof buf, "%02d:%02d:%02d", hh, mi, ss);
  out += buf;
  return true;
}

// [SECTION] part handlers

namespace {

constexpr uint32_t k_max_rows = 1048576, k_max_cols = 16384;

enum class CellKind : uint8_t { Number, Shared, Text, Bool, Error };

struct Cell {
  uint32_t row = 0;     // 1-based
  uint16_t col = 0;     // 0-based
  CellKind kind = CellKind::Number;
  uint32_t style = 0;   // index into cellXfs
  double num = 0;       // Number, Bool (0/1), Shared (index)
  uint32_t text = 0;    // Text / Error: index into the sheet's strings
};

struct SheetData {
  std::string path;               // xl/worksheets/sheet1.xml
  std::vector<Cell> cells;
  std::vector<std::string> strings;
  bool failed = false;            // its part was corrupt: nothing kept
  uint64_t dropped_cells = 0;     // beyond limits
  uint32_t max_row = 0;
};

std::string str(uint64_t v) { return std::to_string(v); }

// "AB12" -> col 27 (0-based), row 12; false when malformed.
bool parse_ref(std::string_view r, uint32_t& col, uint32_t& row) {
  size_t i = 0;
  uint64_t c = 0;
  while (i < r.size() && ((r[i] >= 'A' && r[i] <= 'Z') || (r[i] >= 'a' && r[i] <= 'z'))) {
    char k = r[i] >= 'a' ? char(r[i] - 'a' + 'A') : r[i];
    c = c * 26 + uint64_t(k - 'A' + 1);
    if (c > 1u << 20) return false;
    ++i;
  }
  if (i == 0 || i == r.size()) return false;
  uint64_t n = 0;
  for (; i < r.size(); ++i) {
    if (r[i] < '0' || r[i] > '9') return false;
    n = n * 10 + uint64_t(r[i] - '0');
    if (n > (uint64_t(1) << 32)) return false;
  }
  col = uint32_t(c - 1);
  row = uint32_t(n);
  return true;
}

bool parse_u32(const char* s, uint32_t& out) {
  if (!s || !*s) return false;
  uint64_t v = 0;
  for (const char* p = s; *p; ++p) {
    if (*p < '0' || *p > '9') return false;
    v = v * 10 + uint64_t(*p - '0');
    if (v > 0xFFFFFFFFull) return false;
  }
  out = uint32_t(v);
  return true;
}

// Common to every part: the depth guard and the reader it stops.
class PartHandler : public XmlHandler {
 public:
  XmlReader* reader = nullptr;
  size_t max_depth = 64;
  bool depth_stopped = false;
  void guard() {
    if (reader && reader->depth() > max_depth && !depth_stopped) {
      depth_stopped = true;
      reader->stop(make_message("xlsx.too_deep", "Imbrication XML plus profonde que " + str(max_depth) + " niveaux : partie abandonnée",
                                "XML nested deeper than " + str(max_depth) + " levels: part abandoned"));
    }
  }
};

struct WorkbookInfo {
  struct Sheet {
    std::string name, rel_id;
    bool hidden = false;
  };
  std::vector<Sheet> sheets;
  bool date1904 = false;
  bool seen = false;
};

class WorkbookHandler final : public PartHandler {
 public:
  explicit WorkbookHandler(WorkbookInfo& w) : m_w(w) {}
  void on_start(std::string_view local, const char** attrs) override {
    guard();
    if (local == "workbookPr") {
      const char* v = xml_attr(attrs, "date1904");
      m_w.date1904 = v && (std::strcmp(v, "1") == 0 || std::strcmp(v, "true") == 0);
    } else if (local == "sheet") {
      WorkbookInfo::Sheet s;
      const char* n = xml_attr(attrs, "name");
      const char* id = xml_attr(attrs, "id");  // r:id
      const char* st = xml_attr(attrs, "state");
      s.name = n ? n : "";
      s.rel_id = id ? id : "";
      s.hidden = st && std::strcmp(st, "visible") != 0;
      if (m_w.sheets.size() < 4096) m_w.sheets.push_back(std::move(s));
    }
  }
  void on_end(std::string_view, std::string_view) override {}

 private:
  WorkbookInfo& m_w;
};

class RelsHandler final : public PartHandler {
 public:
  explicit RelsHandler(std::map<std::string, std::string>& m) : m_rels(m) {}
  void on_start(std::string_view local, const char** attrs) override {
    guard();
    if (local != "Relationship") return;
    const char* id = xml_attr(attrs, "Id");
    const char* target = xml_attr(attrs, "Target");
    if (!id || !target || m_rels.size() >= 8192) return;
    std::string t = target;
    if (!t.empty() && t[0] == '/') t.erase(0, 1);   // absolute: "/xl/worksheets/sheet1.xml"
    else t = "xl/" + t;                              // relative to xl/
    m_rels[id] = t;
  }
  void on_end(std::string_view, std::string_view) override {}

 private:
  std::map<std::string, std::string>& m_rels;
};

struct Budget {
  uint64_t cells = 0, string_bytes = 0;
  XlsxLimits limits;
  bool cells_hit = false, strings_hit = false;
};

class SharedStringsHandler final : public PartHandler {
 public:
  SharedStringsHandler(std::vector<std::string>& out, Budget& b) : m_out(out), m_b(b) {}
  void on_start(std::string_view local, const char** attrs) override {
    guard();
    if (local == "si") { m_in_si = true; m_cur.clear(); }
    else if (local == "rPh") m_in_rph = true;
    else if (local == "sst") {
      uint32_t n = 0;
      if (parse_u32(xml_attr(attrs, "uniqueCount"), n)) m_out.reserve(std::min<uint32_t>(n, 1u << 16));  // a hint only
    }
  }
  void on_end(std::string_view local, std::string_view text) override {
    if (local == "t" && m_in_si && !m_in_rph) m_cur.append(text);
    else if (local == "rPh") m_in_rph = false;
    else if (local == "si") {
      m_in_si = false;
      if (m_b.string_bytes + m_cur.size() > m_b.limits.max_string_bytes) {
        m_b.strings_hit = true;
        ++lost;
        m_out.emplace_back();
      } else {
        m_b.string_bytes += m_cur.size();
        m_out.push_back(m_cur);
      }
    }
  }
  uint64_t lost = 0;

 private:
  std::vector<std::string>& m_out;
  Budget& m_b;
  std::string m_cur;
  bool m_in_si = false, m_in_rph = false;
};

struct Styles {
  std::vector<uint32_t> xf_numfmt;           // cellXfs index -> numFmtId
  std::map<uint32_t, std::string> custom;    // numFmtId -> formatCode
  bool seen = false;
};

class StylesHandler final : public PartHandler {
 public:
  explicit StylesHandler(Styles& s) : m_s(s) {}
  void on_start(std::string_view local, const char** attrs) override {
    guard();
    if (local == "numFmt") {
      uint32_t id = 0;
      const char* code = xml_attr(attrs, "formatCode");
      if (parse_u32(xml_attr(attrs, "numFmtId"), id) && code && m_s.custom.size() < 65536) m_s.custom[id] = code;
    } else if (local == "cellXfs") {
      m_in_xfs = true;
    } else if (local == "xf" && m_in_xfs && m_s.xf_numfmt.size() < (1u << 20)) {
      uint32_t id = 0;
      parse_u32(xml_attr(attrs, "numFmtId"), id);
      m_s.xf_numfmt.push_back(id);
    }
  }
  void on_end(std::string_view local, std::string_view) override {
    if (local == "cellXfs") m_in_xfs = false;
  }

 private:
  Styles& m_s;
  bool m_in_xfs = false;
};

class SheetHandler final : public PartHandler {
 public:
  SheetHandler(SheetData& d, Budget& b) : m_d(d), m_b(b) {}
  void on_start(std::string_view local, const char** attrs) override {
    guard();
    if (local == "row") {
      uint32_t r = 0;
      m_row = parse_u32(xml_attr(attrs, "r"), r) && r > 0 ? r : m_row + 1;
      m_col = 0;
      m_next_col = 0;
    } else if (local == "c") {
      m_in_c = true;
      m_has_v = false;
      m_is_text.clear();
      m_v.clear();
      const char* r = xml_attr(attrs, "r");
      uint32_t col = m_next_col, row = m_row;
      if (r) {
        uint32_t rc, rr;
        if (parse_ref(r, rc, rr)) { col = rc; if (rr) row = rr; }
      }
      m_col = col;
      m_cell_row = row == 0 ? 1 : row;
      m_next_col = col + 1;
      const char* t = xml_attr(attrs, "t");
      m_type = t ? t : "n";
      uint32_t s = 0;
      m_style = parse_u32(xml_attr(attrs, "s"), s) ? s : 0;
    } else if (local == "is") {
      m_in_is = true;
    } else if (local == "rPh") {
      m_in_rph = true;
    }
  }
  void on_end(std::string_view local, std::string_view text) override {
    if (!m_in_c) return;
    if (local == "v") { m_v.assign(text); m_has_v = true; }
    else if (local == "t" && m_in_is && !m_in_rph) { m_is_text.append(text); m_has_v = true; }
    else if (local == "rPh") m_in_rph = false;
    else if (local == "is") m_in_is = false;
    else if (local == "c") { m_in_c = false; store(); }
  }

 private:
  void store() {
    if (!m_has_v) return;  // styled empty cell
    if (m_cell_row > k_max_rows || m_col >= k_max_cols) { ++m_d.dropped_cells; return; }
    if (m_b.cells >= m_b.limits.max_cells) { m_b.cells_hit = true; ++m_d.dropped_cells; return; }
    Cell c;
    c.row = m_cell_row;
    c.col = uint16_t(m_col);
    c.style = m_style;
    std::string_view v = trim(m_v);
    auto text = [&](std::string_view s, CellKind k) {
      if (m_b.string_bytes + s.size() > m_b.limits.max_string_bytes) { m_b.strings_hit = true; ++m_d.dropped_cells; return false; }
      m_b.string_bytes += s.size();
      c.kind = k;
      c.text = uint32_t(m_d.strings.size());
      m_d.strings.emplace_back(s);
      return true;
    };
    if (m_type == "s") {
      uint32_t idx = 0;
      if (!parse_u32(std::string(v).c_str(), idx)) { ++bad_values; return; }
      c.kind = CellKind::Shared;
      c.num = idx;
    } else if (m_type == "inlineStr") {
      if (!text(m_is_text, CellKind::Text)) return;
    } else if (m_type == "str" || m_type == "d") {  // formula text result; ISO 8601 date (strict OOXML)
      if (!text(m_v, CellKind::Text)) return;
    } else if (m_type == "e") {
      if (!text(v, CellKind::Error)) return;
    } else if (m_type == "b") {
      c.kind = CellKind::Bool;
      c.num = v == "1" || v == "true" ? 1 : 0;
    } else {
      double d;
      std::string num(v);
      char* end = nullptr;
      d = std::strtod(num.c_str(), &end);
      if (num.empty() || !end || *end || !std::isfinite(d)) {
        if (!text(m_v, CellKind::Text)) return;  // not a number after all: keep its text
      } else {
        c.kind = CellKind::Number;
        c.num = d;
      }
    }
    if (c.row > m_d.max_row) m_d.max_row = c.row;
    ++m_b.cells;
    m_d.cells.push_back(c);
  }

 public:
  uint64_t bad_values = 0;

 private:
  SheetData& m_d;
  Budget& m_b;
  uint32_t m_row = 0, m_col = 0, m_next_col = 0, m_cell_row = 0, m_style = 0;
  bool m_in_c = false, m_in_is = false, m_in_rph = false, m_has_v = false;
  std::string m_type, m_v, m_is_text;
};

// [SECTION] the parser

// One sheet as ';'-separated text, fed to a parser chosen by the registry (generic CSV when none fits).
class SheetFeeder {
 public:
  SheetFeeder(const ParseOptions& o, std::string hint) : m_opts(o), m_hint(std::move(hint)) {}
  void add(std::string_view s) {
    if (m_parser) {
      m_buf.append(s);
      if (m_buf.size() >= (1u << 20)) flush();
      return;
    }
    m_buf.append(s);
    if (m_buf.size() >= k_head_bytes) start();
  }
  std::unique_ptr<Parser> finish(const FormatInfo** format) {
    if (!m_parser) start();
    flush();
    m_parser->finish();
    *format = m_format;
    return std::move(m_parser);
  }
  void force_csv() { m_force_csv = true; }

 private:
  void start() {
    Detection d = detect_format(m_buf, m_hint);
    m_format = d.format;
    if (m_force_csv || !m_format) m_format = find_format("csv");
    m_parser = m_format->create(m_opts);
    flush();
  }
  void flush() {
    if (!m_buf.empty()) m_parser->feed(std::span<const uint8_t>(reinterpret_cast<const uint8_t*>(m_buf.data()), m_buf.size()));
    m_buf.clear();
  }
  ParseOptions m_opts;
  std::string m_hint, m_buf;
  std::unique_ptr<Parser> m_parser;
  const FormatInfo* m_format = nullptr;
  bool m_force_csv = false;
};

class XlsxParser final : public Parser, public ZipEntrySink {
 public:
  explicit XlsxParser(const ParseOptions& o, const XlsxLimits& limits = XlsxLimits()) : m_opts(o) {
    m_budget.limits = limits;
    m_zip = zip_create_with_sink(o, this);
  }

  void feed(std::span<const uint8_t> chunk) override { m_zip->feed(chunk); }
  uint64_t rows_so_far() const override { return m_rows; }
  void finish() override;

  bool begin_entry(const std::string& path, uint64_t) override {
    std::string p = path;
    if (!p.empty() && p[0] == '/') p.erase(0, 1);
    m_part_path = p;
    m_part_diag = Diagnostics();
    PartHandler* h = nullptr;
    if (p == "xl/workbook.xml" || (starts_with(p, "xl/") && ends_with_ci(p, "/workbook.xml"))) {
      m_workbook.seen = true;
      h = new WorkbookHandler(m_workbook);
    } else if (p == "xl/_rels/workbook.xml.rels") {
      h = new RelsHandler(m_rels);
    } else if (starts_with(p, "xl/") && ends_with_ci(p, "sharedstrings.xml")) {
      m_sst_seen = true;
      m_sst_handler = new SharedStringsHandler(m_sst, m_budget);
      h = m_sst_handler;
    } else if (p == "xl/styles.xml") {
      m_styles.seen = true;
      h = new StylesHandler(m_styles);
    } else if (starts_with(p, "xl/worksheets/") && ends_with_ci(p, ".xml") && p.find('/', 14) == std::string::npos) {
      m_sheets.push_back(std::make_unique<SheetData>());
      m_sheets.back()->path = p;
      m_sheet_handler = new SheetHandler(*m_sheets.back(), m_budget);
      h = m_sheet_handler;
    } else {
      return false;
    }
    m_handler.reset(h);
    h->max_depth = m_budget.limits.max_depth;
    m_reader = std::make_unique<XmlReader>(*h, m_part_diag, size_t(1) << 20);
    h->reader = m_reader.get();
    return true;
  }

  void entry_bytes(std::span<const uint8_t> bytes) override {
    if (m_reader && !m_reader->failed()) m_reader->feed(bytes);
  }

  void end_entry(bool ok) override {
    if (!m_reader) return;
    if (ok) m_reader->finish();
    const bool failed = !ok || m_reader->failed();
    if (m_reader->failed()) {
      const Message& e = m_reader->error();
      diag.warn(make_message("xlsx.part_error", "Partie « " + m_part_path + " » illisible : " + e.fr,
                             "Part \"" + m_part_path + "\" unreadable: " + e.en));
    }
    for (const Message& w : m_part_diag.warnings) diag.warn(w);
    if (m_sheet_handler) {
      if (failed) {  // a corrupt sheet keeps nothing (its cells would be a random prefix)
        m_budget.cells -= std::min<uint64_t>(m_budget.cells, m_sheets.back()->cells.size());
        m_sheets.back()->cells.clear();
        m_sheets.back()->strings.clear();
        m_sheets.back()->failed = true;
      }
      m_bad_values += m_sheet_handler->bad_values;
    }
    if (m_sst_handler) {
      m_sst_lost += m_sst_handler->lost;
      if (failed) m_sst_broken = true;
    }
    m_sheet_handler = nullptr;
    m_sst_handler = nullptr;
    m_reader.reset();
    m_handler.reset();
  }

 private:
  void read_sheet(SheetData& d, const std::string& name);
  std::string cell_text(const SheetData& d, const Cell& c, uint32_t* missing);
  NumFmtKind kind_of_style(uint32_t style);

  ParseOptions m_opts;
  std::unique_ptr<Parser> m_zip;
  std::unique_ptr<PartHandler> m_handler;
  std::unique_ptr<XmlReader> m_reader;
  SheetHandler* m_sheet_handler = nullptr;
  SharedStringsHandler* m_sst_handler = nullptr;
  std::string m_part_path;
  Diagnostics m_part_diag;
  WorkbookInfo m_workbook;
  std::map<std::string, std::string> m_rels;
  std::vector<std::string> m_sst;
  bool m_sst_seen = false, m_sst_broken = false;
  uint64_t m_sst_lost = 0;
  Styles m_styles;
  std::map<uint32_t, NumFmtKind> m_kind_cache;
  std::vector<std::unique_ptr<SheetData>> m_sheets;
  Budget m_budget;
  uint64_t m_rows = 0, m_bad_values = 0, m_fake_leap = 0;
  std::vector<std::pair<std::string, std::string>> m_empty;  // sheet name, why it gave no rows (FR/EN joined below)
  std::vector<std::pair<std::string, std::string>> m_empty_en;
};

NumFmtKind XlsxParser::kind_of_style(uint32_t style) {
  auto it = m_kind_cache.find(style);
  if (it != m_kind_cache.end()) return it->second;
  NumFmtKind k = NumFmtKind::Number;
  if (style < m_styles.xf_numfmt.size()) {
    const uint32_t id = m_styles.xf_numfmt[style];
    auto c = m_styles.custom.find(id);
    k = numfmt_kind(int(id), c == m_styles.custom.end() ? std::string_view() : std::string_view(c->second));
  }
  m_kind_cache[style] = k;
  return k;
}

std::string XlsxParser::cell_text(const SheetData& d, const Cell& c, uint32_t* missing) {
  switch (c.kind) {
    case CellKind::Shared: {
      const size_t i = size_t(c.num);
      if (i < m_sst.size()) return m_sst[i];
      ++*missing;
      return std::string();
    }
    case CellKind::Text: return d.strings[c.text];
    case CellKind::Error: return std::string();  // #N/A, #DIV/0!: no value (counted by the caller)
    case CellKind::Bool: return c.num != 0 ? "true" : "false";
    case CellKind::Number: {
      const NumFmtKind k = kind_of_style(c.style);
      if (k != NumFmtKind::Number) {
        std::string out;
        bool leap = false;
        if (excel_serial_text(c.num, m_workbook.date1904, k, out, &leap)) {
          if (leap) ++m_fake_leap;
          return out;
        }
      }
      return format_double(c.num);
    }
  }
  return std::string();
}

void append_field(std::string& out, std::string_view v) {
  bool quote = v.find_first_of(";\"\r\n") != std::string_view::npos;
  if (!quote) { out.append(v); return; }
  out.push_back('"');
  for (char c : v) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
}

void XlsxParser::read_sheet(SheetData& d, const std::string& name) {
  auto note_empty = [&](const std::string& fr, const std::string& en) {
    m_empty.emplace_back(name, fr);
    m_empty_en.emplace_back(name, en);
  };
  if (d.failed) { note_empty("partie illisible", "unreadable part"); return; }
  if (d.cells.empty()) { note_empty("feuille vide", "empty sheet"); return; }
  std::stable_sort(d.cells.begin(), d.cells.end(), [](const Cell& a, const Cell& b) {
    return a.row != b.row ? a.row < b.row : a.col < b.col;
  });
  // used width: like Excel's CSV, from the first to the last column holding a value. A cell that gives no
  // text (empty, or naming a shared string that does not exist) does not widen it: a stray reference at
  // XFD1048576 made 16 384 columns of nothing.
  uint32_t min_col = k_max_cols, max_col = 0;
  uint32_t ignored = 0;
  for (const Cell& c : d.cells) {
    if (cell_text(d, c, &ignored).empty()) continue;
    min_col = std::min<uint32_t>(min_col, c.col);
    max_col = std::max<uint32_t>(max_col, c.col);
  }
  if (min_col > max_col) {
    note_empty("feuille vide", "empty sheet");
    return;
  }
  ParseOptions o = m_opts;  // same file name and nesting: provenance columns are the workbook's
  uint32_t missing = 0, errors = 0;
  auto build_and_parse = [&](bool force_csv, const FormatInfo** fmt) {
    SheetFeeder feeder(o, name + ".csv");
    if (force_csv) feeder.force_csv();
    std::string line;
    size_t i = 0;
    uint32_t row = 1;
    missing = errors = 0;
    while (i < d.cells.size()) {
      const uint32_t r = d.cells[i].row;
      for (; row < r; ++row) feeder.add("\n");  // empty rows: blank lines keep line numbers = row numbers
      line.clear();
      uint32_t col = min_col;
      bool any = false;
      for (; i < d.cells.size() && d.cells[i].row == r; ++i) {
        const Cell& c = d.cells[i];
        if (c.col < col) continue;  // duplicate reference: the first one wins
        for (; col < c.col; ++col)
          if (col > min_col) line.push_back(';');
        if (col > min_col) line.push_back(';');
        if (c.kind == CellKind::Error) ++errors;
        const std::string v = cell_text(d, c, &missing);
        if (!v.empty()) any = true;
        append_field(line, v);
        ++col;
      }
      if (any) {
        while (col <= max_col) { line.push_back(';'); ++col; }
      } else {
        line.clear();
      }
      line.push_back('\n');
      feeder.add(line);
      row = r + 1;
    }
    return feeder.finish(fmt);
  };
  const FormatInfo* fmt = nullptr;
  std::unique_ptr<Parser> p = build_and_parse(false, &fmt);
  if (p->diag.failed && std::string_view(fmt->id) != "csv") p = build_and_parse(true, &fmt);
  const std::string pre_fr = "Feuille « " + name + " » : ", pre_en = "Sheet \"" + name + "\": ";
  if (p->diag.failed) {
    diag.warn(make_message("xlsx.sheet_error", pre_fr + p->diag.error.fr, pre_en + p->diag.error.en));
    note_empty("erreur de lecture", "read error");
    return;
  }
  for (Message w : p->diag.warnings) {
    w.fr = pre_fr + w.fr;
    w.en = pre_en + w.en;
    w.where.byte_offset = 0;  // offsets of the sheet's text, not of the file; the line is the row
    diag.warn(std::move(w));
  }
  if (missing) diag.warn(make_message("xlsx.missing_shared", pre_fr + str(missing) + " cellule(s) renvoient à une chaîne partagée absente (laissées vides)",
                                      pre_en + str(missing) + " cell(s) refer to a missing shared string (left empty)"));
  if (errors) {
    Message m = make_message("xlsx.error_cells", pre_fr + str(errors) + " cellule(s) en erreur (#N/A, #DIV/0!…) lues comme vides",
                             pre_en + str(errors) + " error cell(s) (#N/A, #DIV/0!…) read as empty");
    m.info = true;
    diag.warn(std::move(m));
  }
  uint64_t rows = 0;
  for (Table& t : p->tables) {
    rows += t.rows();
    if (t.domain.empty()) t.name = name;
    t.meta.emplace_back("sheet", name);
    t.meta.emplace_back("format", fmt->id);
    tables.push_back(std::move(t));
  }
  m_rows += rows;
  if (rows == 0) {
    if (std::string_view(fmt->id) == "csv") note_empty("aucune ligne de données sous l'en-tête", "no data row under the header");
    else note_empty(std::string("reconnue comme « ") + fmt->label_fr + " » mais aucune ligne lue",
                    std::string("recognised as \"") + fmt->label_en + "\" but no row read");
  }
}

void XlsxParser::finish() {
  m_zip->finish();
  if (m_zip->diag.failed) {
    diag.fail(m_zip->diag.error);
    return;
  }
  for (const Message& w : m_zip->diag.warnings)
    if (w.code != "zip.summary") diag.warn(w);
  if (const auto* entries = m_zip->entries())
    for (const EntryResult& e : *entries)
      if (e.status == "error") diag.warn(e.diag.error);
  if (m_budget.cells_hit)
    diag.warn(make_message("xlsx.too_many_cells", "Classeur de plus de " + str(m_budget.limits.max_cells) + " cellules : les suivantes ne sont pas lues",
                           "Workbook with more than " + str(m_budget.limits.max_cells) + " cells: later cells are not read"));
  if (m_budget.strings_hit)
    diag.warn(make_message("xlsx.strings_too_big", "Textes du classeur au-delà de " + str(m_budget.limits.max_string_bytes >> 20) + " Mio : les suivants sont laissés vides",
                           "Workbook text beyond " + str(m_budget.limits.max_string_bytes >> 20) + " MiB: later strings are left empty"));
  if (m_sst_broken)
    diag.warn(make_message("xlsx.shared_strings_broken", "Table des chaînes partagées incomplète : des textes manqueront",
                           "Shared strings table incomplete: some text will be missing"));

  // sheets in workbook order, by name; parts the workbook does not name come after, by path
  std::vector<std::pair<SheetData*, std::string>> order;
  std::vector<bool> used(m_sheets.size(), false);
  bool hidden_any = false;
  for (const WorkbookInfo::Sheet& s : m_workbook.sheets) {
    auto rel = m_rels.find(s.rel_id);
    if (rel == m_rels.end()) continue;
    for (size_t i = 0; i < m_sheets.size(); ++i)
      if (!used[i] && m_sheets[i]->path == rel->second) {
        used[i] = true;
        order.emplace_back(m_sheets[i].get(), s.name.empty() ? table_name_from_path(rel->second, "sheet") : s.name);
        hidden_any |= s.hidden;
      }
  }
  for (size_t i = 0; i < m_sheets.size(); ++i)
    if (!used[i]) order.emplace_back(m_sheets[i].get(), table_name_from_path(m_sheets[i]->path, "sheet"));
  if (!m_workbook.seen && !m_sheets.empty())
    diag.warn(make_message("xlsx.no_workbook", "Pas de xl/workbook.xml : feuilles nommées d'après leurs fichiers, système de dates 1900 supposé",
                           "No xl/workbook.xml: sheets named after their parts, 1900 date system assumed"));
  if (m_workbook.date1904) {
    Message m = make_message("xlsx.date1904", "Classeur au calendrier 1904 (Mac) : dates converties en conséquence",
                             "Workbook uses the 1904 date system (Mac): dates converted accordingly");
    m.info = true;
    diag.warn(std::move(m));
  }
  if (m_sheets.empty()) {
    diag.fail(make_message("xlsx.no_sheet", "Classeur sans feuille de calcul lisible (xl/worksheets/ absent)",
                           "Workbook without a readable worksheet (no xl/worksheets/)"));
    return;
  }

  std::map<std::string, int> names;
  for (auto& [d, name] : order) {
    const size_t before = tables.size();
    read_sheet(*d, name);
    for (size_t i = before; i < tables.size(); ++i) {  // unique table names within the workbook
      int& n = names[tables[i].name];
      if (++n > 1) tables[i].name += "_" + str(uint64_t(n));
    }
    if (d->dropped_cells)
      diag.warn(make_message("xlsx.dropped_cells", "Feuille « " + name + " » : " + str(d->dropped_cells) + " cellule(s) non lue(s) (hors limites)",
                             "Sheet \"" + name + "\": " + str(d->dropped_cells) + " cell(s) not read (beyond limits)"));
    d->cells = std::vector<Cell>();
    d->strings = std::vector<std::string>();
  }
  if (m_fake_leap)
    diag.warn(make_message("xlsx.fake_leap_day", str(m_fake_leap) + " date(s) au 29/02/1900, jour qui n'existe pas (erreur historique d'Excel) : lues comme 28/02/1900",
                           str(m_fake_leap) + " date(s) on 1900-02-29, a day that does not exist (Excel's historic bug): read as 1900-02-28"));
  if (m_bad_values)
    diag.warn(make_message("xlsx.bad_cells", str(m_bad_values) + " cellule(s) à la valeur illisible ignorée(s)",
                           str(m_bad_values) + " cell(s) with an unreadable value skipped"));
  if (hidden_any) {
    Message m = make_message("xlsx.hidden_sheets", "Le classeur a des feuilles masquées : elles sont lues aussi",
                             "The workbook has hidden sheets: they are read too");
    m.info = true;
    diag.warn(std::move(m));
  }
  // sheets that gave nothing: always said; a warning when the whole workbook gave nothing
  for (size_t i = 0; i < m_empty.size(); ++i) {
    Message m = make_message(m_rows == 0 ? "xlsx.nothing_read" : "xlsx.empty_sheet",
                             "Feuille « " + m_empty[i].first + " » : aucune ligne lue (" + m_empty[i].second + ")",
                             "Sheet \"" + m_empty_en[i].first + "\": no row read (" + m_empty_en[i].second + ")");
    m.info = m_rows != 0;
    diag.warn(std::move(m));
  }
  Message s = make_message("xlsx.summary", "Classeur : " + str(order.size()) + " feuille(s), " + str(m_rows) + " ligne(s) lue(s)",
                           "Workbook: " + str(order.size()) + " sheet(s), " + str(m_rows) + " row(s) read");
  s.info = true;
  diag.warn(std::move(s));
}

}  // namespace

std::unique_ptr<Parser> xlsx_create(const ParseOptions& opts) { return std::make_unique<XlsxParser>(opts); }

std::unique_ptr<Parser> xlsx_create_with_limits(const ParseOptions& opts, const XlsxLimits& limits) {
  return std::make_unique<XlsxParser>(opts, limits);
}

}  // namespace sdw
