// Tempo calendars (see tempo.h): detection over every layout, a CSV reader on the shared CSV front end, and a
// JSON reader over the whole (small) document. Both collect days in a map (a day given twice keeps the last
// row), then write tempo_days sorted by day.
#include "parsers/formats/tempo.h"

#include <algorithm>
#include <cstring>
#include <map>

#include <nlohmann/json.hpp>

#include "parsers/core/domain_table.h"
#include "parsers/core/domains.h"

namespace sdw {

namespace {

constexpr size_t k_max_json_bytes = size_t(16) << 20;

std::string upper_folded(std::string_view s) {   // "Tempo Bleu " -> "TEMPO BLEU", '_' and '-' as spaces
  std::string f = fold_name(s);
  for (char& c : f) {
    if (c == '_' || c == '-') c = ' ';
    if (c >= 'a' && c <= 'z') c = char(c - 'a' + 'A');
  }
  std::string out;
  for (char c : f)
    if (c != ' ' || (!out.empty() && out.back() != ' ')) out += c;
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// The day a cell gives: yyyy-mm-dd, dd/mm/yyyy (values.h parse_date), or the date part of an ISO date-time
// ("2023-02-27T00:00:00+01:00": RTE's days start at local midnight, so the written date is the day).
bool day_of(std::string_view s, int32_t& day) {
  s = trim(s);
  if (s.size() >= 2 && s.front() == '"' && s.back() == '"') s = trim(s.substr(1, s.size() - 2));
  if (parse_date(s, day)) return true;
  if (s.size() > 10 && (s[10] == 'T' || s[10] == ' ') && s[4] == '-' && s[7] == '-') return parse_date(s.substr(0, 10), day);
  return false;
}

enum class Role { None, Date, Colour, Code };

Role header_role(const std::string& n) {   // n folded (lower case, no accents)
  std::string k;
  for (char c : n) k += (c == '_' || c == '-') ? ' ' : c;
  if (k == "date" || k == "jour" || k == "day" || k == "date jour" || k == "datejour" || k == "date du jour" ||
      k == "start date" || k == "jour tempo" || k == "date tempo" || k == "dates")
    return Role::Date;
  if (k == "couleur" || k == "color" || k == "colour" || k == "couleur tempo" || k == "tempo" || k == "type de jour tempo" ||
      k == "type jour tempo" || k == "libcouleur" || k == "lib couleur" || k == "couleur du jour" || k == "tempo color" ||
      k == "tempo colour" || k == "jour tempo couleur" || k == "value" || k == "valeur couleur")
    return Role::Colour;
  if (k == "codejour" || k == "code jour" || k == "code couleur" || k == "code tempo") return Role::Code;
  return Role::None;
}

// Columns that say the file is something else (a load curve with a Tempo column, éCO2mix's production file).
bool foreign_header(const std::string& n) {
  for (const char* w : {"kwh", "wh", "valeur", "conso", "index", "prix", "puissance", "m3", "production", "mw"})
    if (n.find(w) != std::string::npos) return true;
  return false;
}

struct Layout {
  int date = -1, colour = -1, code = -1;
  bool ok() const { return date >= 0 && (colour >= 0 || code >= 0); }
};

Layout header_layout(const std::vector<std::string>& folded) {
  Layout l;
  if (folded.size() < 2 || folded.size() > 6) return l;
  for (size_t i = 0; i < folded.size(); ++i) {
    if (foreign_header(folded[i])) return Layout{};
    switch (header_role(folded[i])) {
      case Role::Date: if (l.date < 0) l.date = int(i); break;
      case Role::Colour: if (l.colour < 0) l.colour = int(i); break;
      case Role::Code: if (l.code < 0) l.code = int(i); break;
      default: break;
    }
  }
  return l;
}

// A data line without a header: a date, then a colour word (codes alone are too weak to recognise a file by).
bool headerless_row(const std::vector<std::string>& f, bool codes) {
  if (f.size() < 2 || f.size() > 4) return false;
  int32_t d;
  if (!day_of(f[0], d)) return false;
  const int c = tempo_colour_code(f[1], codes);
  return c > 0 || (c == 0 && !trim(f[1]).empty());
}

// RTE's notice at the end of éCO2mix downloads, and other lines that are text, not days.
bool notice_line(std::string_view line) {
  const std::string f = fold_name(line.substr(0, 400));
  return f.find("eco2mix") != std::string::npos || f.find("l'ensemble des informations") != std::string::npos ||
         f.find("rte ne pourra") != std::string::npos || f.find("titre informatif") != std::string::npos;
}

std::string quote(std::string_view s) {
  std::string v(s.substr(0, 60));
  return v;
}

// Days collected by either reader; written as one table at the end.
struct DayCollector {
  struct Day {
    int colour;
    uint64_t line, record;
  };
  std::map<int32_t, Day> days;
  uint64_t undecided = 0, undecided_line = 0, undecided_offset = 0, notices = 0, notice_line_no = 0, notice_offset = 0, conflicts = 0;

  void add(Diagnostics& diag, int32_t day, int colour, uint64_t line, uint64_t offset, uint64_t record) {
    auto [it, fresh] = days.try_emplace(day, Day{colour, line, record});
    if (fresh) return;
    if (it->second.colour != colour) {
      ++conflicts;
      diag.warn(make_message("tempo.conflict",
                             "Ligne " + num_str(line) + "\u00A0: le " + format_date(day) + " est déjà donné ligne " + num_str(it->second.line) +
                                 " en " + tempo_colour_name(it->second.colour) + "\u00A0; la dernière ligne (" + tempo_colour_name(colour) + ") est gardée.",
                             "Line " + num_str(line) + ": " + format_date(day) + " is already given on line " + num_str(it->second.line) +
                                 " as " + tempo_colour_name(it->second.colour) + "; the last line (" + tempo_colour_name(colour) + ") is kept.",
                             offset, line));
    }
    it->second = Day{colour, line, record};
  }

  void bad_date(Diagnostics& diag, std::string_view cell, uint64_t line, uint64_t offset, const std::string& where_fr = "",
                const std::string& where_en = "") {
    diag.warn(make_message("tempo.bad_date",
                           "Ligne " + num_str(line) + where_fr + "\u00A0: date illisible «\u00A0" + quote(cell) +
                               "\u00A0» (attendu 2025-01-31 ou 31/01/2025)\u00A0; ligne ignorée.",
                           "Line " + num_str(line) + where_en + ": unreadable date \"" + quote(cell) +
                               "\" (expected 2025-01-31 or 31/01/2025); line skipped.",
                           offset, line));
  }
  void bad_colour(Diagnostics& diag, std::string_view cell, uint64_t line, uint64_t offset, const std::string& where_fr = "",
                  const std::string& where_en = "") {
    diag.warn(make_message("tempo.bad_colour",
                           "Ligne " + num_str(line) + where_fr + "\u00A0: couleur inconnue «\u00A0" + quote(cell) +
                               "\u00A0» (attendu BLEU, BLANC ou ROUGE)\u00A0; jour ignoré.",
                           "Line " + num_str(line) + where_en + ": unknown colour \"" + quote(cell) +
                               "\" (expected BLUE, WHITE or RED); day skipped.",
                           offset, line));
  }

  Table write(const ParseOptions& o, const char* source, Diagnostics& diag) {
    Table t = make_domain_table(domain::k_tempo_days, {{"day", ColumnType::Date}, {"colour", ColumnType::String}, {"source", ColumnType::String}});
    RowWriter w(t);
    const Provenance p = provenance_of(o);
    for (const auto& [day, d] : days) {
      w.date(0, day);
      w.str(1, tempo_colour_name(d.colour));
      w.str(2, source);
      w.end_row(p, d.record);
    }
    if (undecided) {
      Message m = make_message("tempo.undecided",
                               num_str(undecided) + " jour(s) sans couleur publiée (0, INCONNU…) laissé(s) de côté, premier ligne " + num_str(undecided_line),
                               num_str(undecided) + " day(s) with no published colour yet (0, UNKNOWN…) left out, first on line " + num_str(undecided_line),
                               undecided_offset, undecided_line);
      m.info = true;
      diag.warn(std::move(m));
    }
    if (notices) {
      Message m = make_message("tempo.notice", "Mention de RTE en fin de fichier ignorée (ligne " + num_str(notice_line_no) + ").",
                               "RTE's notice at the end of the file skipped (line " + num_str(notice_line_no) + ").", notice_offset, notice_line_no);
      m.info = true;
      diag.warn(std::move(m));
    }
    if (days.empty())
      diag.fail(make_message("tempo.empty", "Aucun jour Tempo lisible (attendu une date et une couleur BLEU, BLANC ou ROUGE par ligne).",
                             "No readable Tempo day (expected a date and a colour BLUE, WHITE or RED on each line)."));
    else {
      t.meta.emplace_back("first_day", format_date(days.begin()->first));
      t.meta.emplace_back("last_day", format_date(days.rbegin()->first));
    }
    return t;
  }
};

// [SECTION] CSV

class TempoCsvParser final : public CsvDomainParser {
 public:
  explicit TempoCsvParser(const ParseOptions& o) : CsvDomainParser(o) {}
  uint64_t rows_so_far() const override { return m_days.days.size(); }

  void on_record(std::span<const std::string_view> f, uint64_t off, uint64_t line) override {
    if (!m_layout.ok()) {
      std::vector<std::string> folded, raw;
      for (std::string_view s : f) { folded.push_back(fold_name(s)); raw.emplace_back(s); }
      if (Layout l = header_layout(folded); l.ok()) {
        m_layout = l;
        m_eco2mix = l.colour >= 0 && folded[size_t(l.colour)] == "type de jour tempo";
        return;
      }
      if (headerless_row(raw, true)) m_layout = Layout{0, 1, -1};
      else {
        if (++m_preamble == 1) m_preamble_line = line;
        return;
      }
    }
    row(f, off, line);
  }

 private:
  void row(std::span<const std::string_view> f, uint64_t off, uint64_t line) {
    const uint64_t record = m_records++;
    auto cell = [&](int c) { return c >= 0 && size_t(c) < f.size() ? trim(f[size_t(c)]) : std::string_view(); };
    const std::string_view d = cell(m_layout.date);
    int32_t day;
    if (!day_of(d, day)) {
      std::string joined;
      for (std::string_view s : f) joined += std::string(s) + ' ';
      if (notice_line(joined)) {
        if (m_days.notices++ == 0) m_days.notice_line_no = line, m_days.notice_offset = off;
        return;
      }
      m_days.bad_date(diag, d.empty() ? std::string_view(joined).substr(0, 40) : d, line, off);
      return;
    }
    std::string_view written = cell(m_layout.colour);
    int colour = m_layout.colour >= 0 ? tempo_colour_code(written, true) : -1;
    if ((colour < 0 || (colour == 0 && written.empty())) && m_layout.code >= 0) {
      const int by_code = tempo_colour_code(cell(m_layout.code), true);
      if (by_code >= 0) colour = by_code, written = cell(m_layout.code);
    }
    if (colour < 0) {
      m_days.bad_colour(diag, written, line, off);
      return;
    }
    if (colour == 0) {
      if (m_days.undecided++ == 0) m_days.undecided_line = line, m_days.undecided_offset = off;
      return;
    }
    m_days.add(diag, day, colour, line, off, record);
  }

  void end_of_input() override {
    if (m_preamble && m_layout.ok()) {
      Message m = make_message("tempo.preamble", num_str(m_preamble) + " ligne(s) avant l’en-tête ignorée(s), première ligne " + num_str(m_preamble_line),
                               num_str(m_preamble) + " line(s) before the header skipped, first on line " + num_str(m_preamble_line));
      m.info = true;
      diag.warn(std::move(m));
    }
    tables.push_back(m_days.write(m_opts, m_eco2mix ? "eco2mix" : "csv", diag));
  }

  Layout m_layout;
  bool m_eco2mix = false;
  DayCollector m_days;
  uint64_t m_records = 0, m_preamble = 0, m_preamble_line = 0;
};

// [SECTION] JSON

// Line (1-based) of byte `pos` in `text`, counted from a known (pos0, line0) onwards.
uint64_t line_at(std::string_view text, size_t pos, size_t& pos0, uint64_t& line0) {
  for (; pos0 < pos && pos0 < text.size(); ++pos0)
    if (text[pos0] == '\n') ++line0;
  return line0;
}

std::string text_of(const nlohmann::json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_number_integer()) return std::to_string(v.get<int64_t>());
  if (v.is_null()) return "";
  return v.dump();
}

class TempoJsonParser {
 public:
  TempoJsonParser(const ParseOptions& o, Diagnostics& diag) : m_opts(o), m_diag(diag) {}

  void run(std::string_view text, std::vector<Table>& tables) {
    nlohmann::json doc;
    try {
      doc = nlohmann::json::parse(text.begin(), text.end());
    } catch (const nlohmann::json::parse_error& e) {
      size_t p0 = 0;
      uint64_t l0 = 1;
      const uint64_t line = line_at(text, e.byte > 0 ? size_t(e.byte - 1) : 0, p0, l0);
      m_diag.fail(make_message("tempo.json", "Calendrier Tempo JSON illisible à la ligne " + num_str(line) + " (octet " + num_str(e.byte) + ").",
                               "Unreadable Tempo calendar JSON at line " + num_str(line) + " (byte " + num_str(e.byte) + ").", e.byte, line));
      return;
    }
    const char* source = "json";
    const nlohmann::json* values = nullptr;
    if (doc.is_object() && doc.contains("tempo_like_calendars")) {   // RTE's API: an object, or a list of them
      source = "rte_api";
      const nlohmann::json& c = doc["tempo_like_calendars"];
      if (c.is_object() && c.contains("values")) values = &c["values"];
      else if (c.is_array()) {
        m_flat = nlohmann::json::array();
        for (const auto& x : c)
          if (x.is_object() && x.contains("values") && x["values"].is_array())
            for (const auto& v : x["values"]) m_flat.push_back(v);
          else m_flat.push_back(x);
        values = &m_flat;
      }
    } else if (doc.is_array()) {
      values = &doc;
      for (const auto& x : doc)
        if (x.is_object() && x.contains("dateJour")) { source = "api_couleur_tempo"; break; }
    } else if (doc.is_object()) {
      for (const char* k : {"values", "days", "jours", "data", "calendar", "calendrier"})
        if (doc.contains(k) && doc[k].is_array()) { values = &doc[k]; break; }
      if (!values) {   // {"2024-01-15": "RED", …}
        m_flat = nlohmann::json::array();
        for (const auto& [k, v] : doc.items()) m_flat.push_back({{"date", k}, {"couleur", v}});
        values = &m_flat;
      }
    }
    if (!values || !values->is_array()) {
      m_diag.fail(make_message("tempo.json_shape", "Ce JSON ne contient pas de liste de jours Tempo (tempo_like_calendars, dateJour…).",
                               "This JSON holds no list of Tempo days (tempo_like_calendars, dateJour…)."));
      return;
    }
    size_t p0 = 0, search = 0;
    uint64_t l0 = 1;
    uint64_t index = 0;
    for (const auto& x : *values) {
      const uint64_t record = index++;
      const std::string where_fr = ", élément " + num_str(record + 1), where_en = ", element " + num_str(record + 1);
      std::string d, colour_text, code_text;
      if (x.is_object()) {
        for (const char* k : {"dateJour", "date_jour", "start_date", "date", "day", "jour"})
          if (x.contains(k)) { d = text_of(x[k]); break; }
        for (const char* k : {"libCouleur", "value", "couleur", "color", "colour", "tempo"})
          if (x.contains(k)) { colour_text = text_of(x[k]); break; }
        for (const char* k : {"codeJour", "code"})
          if (x.contains(k)) { code_text = text_of(x[k]); break; }
      } else if (x.is_array() && x.size() >= 2) {
        d = text_of(x[0]);
        colour_text = text_of(x[1]);
      }
      // where the element is in the text: the next occurrence of its date, for the line number
      uint64_t line = 0, offset = 0;
      if (!d.empty()) {
        const size_t at = text.find(d, search);
        if (at != std::string_view::npos) {
          search = at + d.size();
          offset = at;
          line = line_at(text, at, p0, l0);
        }
      }
      if (line == 0) line = l0;
      int32_t day;
      if (!day_of(d, day)) {
        m_days.bad_date(m_diag, d.empty() ? std::string_view("(absente)") : std::string_view(d), line, offset, where_fr, where_en);
        continue;
      }
      int colour = tempo_colour_code(colour_text, true);
      if ((colour < 0 || (colour == 0 && trim(colour_text).empty())) && !code_text.empty()) {
        const int c = tempo_colour_code(code_text, true);
        if (c >= 0) colour = c, colour_text = code_text;
      }
      if (colour < 0) {
        m_days.bad_colour(m_diag, colour_text, line, offset, where_fr, where_en);
        continue;
      }
      if (colour == 0) {
        if (m_days.undecided++ == 0) m_days.undecided_line = line, m_days.undecided_offset = offset;
        continue;
      }
      m_days.add(m_diag, day, colour, line, offset, record);
    }
    tables.push_back(m_days.write(m_opts, source, m_diag));
  }

 private:
  const ParseOptions& m_opts;
  Diagnostics& m_diag;
  DayCollector m_days;
  nlohmann::json m_flat;
};

// [SECTION] the parser: CSV or JSON, decided on the first byte that is not a BOM or a blank

class TempoParser final : public Parser {
 public:
  explicit TempoParser(const ParseOptions& o) : m_opts(o) {}

  void feed(std::span<const uint8_t> chunk) override {
    if (m_csv) { m_csv->feed(chunk); return; }
    const std::string_view c(reinterpret_cast<const char*>(chunk.data()), chunk.size());
    if (m_json) {
      if (m_buf.size() + c.size() > k_max_json_bytes) {
        if (!m_too_big)
          diag.fail(make_message("tempo.too_big", "Calendrier Tempo JSON de plus de 16 Mio\u00A0: trop grand pour un calendrier, non lu.",
                                 "Tempo calendar JSON over 16 MiB: too big for a calendar, not read."));
        m_too_big = true;
        return;
      }
      m_buf.append(c);
      return;
    }
    m_buf.append(c);
    size_t i = m_buf.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
    while (i < m_buf.size() && (m_buf[i] == ' ' || m_buf[i] == '\t' || m_buf[i] == '\r' || m_buf[i] == '\n')) ++i;
    if (i == m_buf.size()) return;   // only blanks so far
    if (m_buf[i] == '{' || m_buf[i] == '[') { m_json = true; return; }
    m_csv = std::make_unique<TempoCsvParser>(m_opts);
    std::string held = std::move(m_buf);
    m_buf.clear();
    m_csv->feed(std::span<const uint8_t>(reinterpret_cast<const uint8_t*>(held.data()), held.size()));
  }

  void finish() override {
    if (m_csv) {
      m_csv->finish();
      tables = std::move(m_csv->tables);
      diag = std::move(m_csv->diag);
      return;
    }
    if (m_too_big) return;
    if (!m_json) {
      diag.fail(make_message("tempo.empty", "Fichier vide\u00A0: aucun jour Tempo.", "Empty file: no Tempo day."));
      return;
    }
    std::string_view text = m_buf;
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    TempoJsonParser(m_opts, diag).run(text, tables);
    for (Table& t : tables) t.finalize();
    m_buf = std::string();
  }

  uint64_t rows_so_far() const override { return m_csv ? m_csv->rows_so_far() : (tables.empty() ? 0 : tables[0].rows()); }
  const char* encoding() const override { return m_csv ? m_csv->encoding() : (m_json ? "utf-8" : nullptr); }

 private:
  ParseOptions m_opts;
  std::string m_buf;
  bool m_json = false, m_too_big = false;
  std::unique_ptr<TempoCsvParser> m_csv;
};

}  // namespace

int tempo_colour_code(std::string_view written, bool codes) {
  const std::string v = upper_folded(written);
  if (v.empty() || v == "0" || v == "INCONNU" || v == "UNKNOWN" || v == "NON DEFINI" || v == "ND" || v == "NULL" || v == "TEMPO INCONNU")
    return v == "0" && !codes ? -1 : 0;
  std::string w = v;
  if (w.rfind("TEMPO ", 0) == 0) w = w.substr(6);
  if (w.rfind("JOUR ", 0) == 0) w = w.substr(5);
  if (w == "BLEU" || w == "BLUE") return 1;
  if (w == "BLANC" || w == "WHITE") return 2;
  if (w == "ROUGE" || w == "RED") return 3;
  if (codes && (w == "1" || w == "2" || w == "3")) return w[0] - '0';
  return -1;
}

const char* tempo_colour_name(int code) {
  switch (code) {
    case 1: return "blue";
    case 2: return "white";
    case 3: return "red";
    default: return "";
  }
}

int tempo_detect(std::string_view head, std::string_view file_name) {
  (void)file_name;
  size_t i = head.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
  while (i < head.size() && (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' || head[i] == '\n')) ++i;
  if (i == head.size()) return 0;
  if (head[i] == '{' || head[i] == '[') {
    const std::string_view h = head.substr(i, 8192);
    if (h.find("\"tempo_like_calendars\"") != std::string_view::npos) return 96;
    if (h.find("\"dateJour\"") != std::string_view::npos &&
        (h.find("\"codeJour\"") != std::string_view::npos || h.find("\"libCouleur\"") != std::string_view::npos))
      return 96;
    // [{"date": "2024-01-15", "couleur": "ROUGE"}]: a date key and a colour key with a Tempo colour in sight
    const bool date_key = h.find("\"date\"") != std::string_view::npos || h.find("\"jour\"") != std::string_view::npos;
    const bool colour_key = h.find("\"couleur\"") != std::string_view::npos || h.find("\"color\"") != std::string_view::npos ||
                            h.find("\"colour\"") != std::string_view::npos;
    if (date_key && colour_key) {
      const std::string up = upper_folded(h.substr(0, 2048));
      for (const char* w : {"BLEU", "BLANC", "ROUGE", "BLUE", "WHITE", "RED"})
        if (up.find(w) != std::string::npos) return 85;
    }
    return 0;
  }
  const std::string text = head_text(head);
  if (text.empty()) return 0;
  for (char d : {';', ',', '\t'}) {
    const auto lines = folded_lines(text, d, 30);
    for (size_t k = 0; k < lines.size(); ++k) {
      const Layout l = header_layout(lines[k]);
      if (!l.ok()) continue;
      // a header: sure when a data line follows with a Tempo colour word (RTE's codes 1/2/3 only under a code
      // header such as codeJour: "date,value" with small numbers is not a calendar), or no data line yet
      for (size_t j = k + 1; j < lines.size() && j < k + 6; ++j) {
        const auto& f = lines[j];
        const int by_word = l.colour >= 0 && size_t(l.colour) < f.size() ? tempo_colour_code(f[size_t(l.colour)], false) : -1;
        const int by_code = l.code >= 0 && size_t(l.code) < f.size() ? tempo_colour_code(f[size_t(l.code)], true) : -1;
        if (by_word > 0 || by_code > 0) return 95;
      }
      if (k + 1 >= lines.size()) return 70;
      break;
    }
    // no header: the first lines are "date<sep>colour word"
    size_t good = 0, seen = 0;
    for (size_t k = 0; k < lines.size() && seen < 5; ++k, ++seen) good += headerless_row(lines[k], false) ? 1 : 0;
    if (seen >= 1 && good == seen) return 85;
  }
  return 0;
}

std::unique_ptr<Parser> tempo_create(const ParseOptions& opts) { return std::make_unique<TempoParser>(opts); }

}  // namespace sdw
