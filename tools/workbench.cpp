// `workbench`: the native command line over the core parsers.
//   workbench inspect FILE... [--json] [--lang fr|en]   streams each file through a Session and reports
//   workbench formats [--json] [--lang fr|en]           lists the registered formats
//   workbench challenge <name> [options] FILE...        self-data challenge figures (tools/cli.h)
//   workbench donate --purpose TEXT [options] FILE...   an anonymised donation file + manifest (tools/cli.h)
//   workbench donations validate|merge DIR [options]    the territory's side: check and merge received donations
//   workbench reveal [--json] [--sensitive] FILE...    what the files reveal: holders, inferences (tools/cli_reveal.h)
// Exit code: 0 all files parsed, 1 some file failed, 2 usage error.
#include <algorithm>
#include <map>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "tools/cli.h"
#include "parsers/core/parser.h"
#include "tools/cli_reveal.h"

namespace {

using namespace sdw;

constexpr size_t k_chunk = 1 << 20;
constexpr size_t k_preview_rows = 5;

struct Options {
  bool json = false;
  bool french = true;
  std::vector<std::string> files;
};

int usage() {
  std::fprintf(stderr,
               "usage : workbench inspect FICHIER... [--json] [--lang fr|en]\n"
               "        workbench formats [--json] [--lang fr|en]\n"
               "        workbench challenge <mobility|energy|food|learning|budget|footprint> [--json] FICHIER...\n"
               "        workbench donate --purpose TEXTE [--k 5] [--out DOSSIER] FICHIER...\n"
               "        workbench donations validate DOSSIER | merge DOSSIER --out FICHIER.ndjson\n"
               "        workbench reveal [--json] [--lang fr|en] [--sensitive] FICHIER...\n");
  return 2;
}

nlohmann::json message_json(const Message& m) {
  nlohmann::json j = {{"code", m.code}, {"fr", m.fr}, {"en", m.en}};
  if (m.has_location) {
    j["byte_offset"] = m.where.byte_offset;
    if (m.where.line) j["line"] = m.where.line;
  }
  if (m.info) j["info"] = true;
  return j;
}

struct FileResult {
  nlohmann::json json;
  bool ok = false;
};

FileResult inspect(const std::string& path, const Options& o) {
  FileResult r;
  nlohmann::json& j = r.json;
  j["file"] = path;
  j["tables"] = nlohmann::json::array();
  j["warnings"] = nlohmann::json::array();
  const bool fr = o.french;
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) {
    j["error"] = {{"code", "io.open"},
                  {"fr", "Impossible d'ouvrir le fichier : " + std::string(std::strerror(errno))},
                  {"en", "Cannot open the file: " + std::string(std::strerror(errno))}};
    return r;
  }
  ParseOptions po;
  po.file_name = std::filesystem::path(path).filename().string();
  std::error_code ec;
  uint64_t size = std::filesystem::file_size(path, ec);
  po.total_bytes = ec ? 0 : size;
  Session s(po);
  std::vector<uint8_t> buf(k_chunk);
  for (;;) {
    size_t n = std::fread(buf.data(), 1, buf.size(), f);
    if (n > 0) s.feed(std::span<const uint8_t>(buf.data(), n));
    if (n < buf.size()) break;
  }
  const bool read_error = std::ferror(f) != 0;
  std::fclose(f);
  if (read_error) s.cancel();
  s.finish();

  const Diagnostics& d = s.diagnostics();
  if (s.format()) {
    j["format"] = s.format()->id;
    j["format_label"] = fr ? s.format()->label_fr : s.format()->label_en;
    j["confidence"] = s.detection().confidence;
  }
  j["bytes"] = s.bytes_done();
  if (s.encoding()) j["encoding"] = s.encoding();
  nlohmann::json tables = nlohmann::json::array();
  for (const Table& t : s.tables()) {
    nlohmann::json tj = {{"name", t.name}, {"rows", t.rows()}};
    if (!t.entry.empty()) tj["entry"] = t.entry;
    if (!t.domain.empty()) {  // domain tables (parsers/core/domains.h): totals of their additive columns
      tj["domain"] = t.domain;
      nlohmann::json sums = nlohmann::json::object();
      for (const Column& c : t.columns) {
        static const char* k_additive[] = {"distance_m", "duration_s", "kwh", "amount", "amount_paid",
                                           "amount_reimbursed", "price_eur", "quantity", "m3"};
        if (c.type != ColumnType::Float64 && c.type != ColumnType::Int64) continue;
        if (std::find_if(std::begin(k_additive), std::end(k_additive), [&](const char* n) { return c.name == n; }) ==
            std::end(k_additive))
          continue;
        double sum = 0;
        size_t n = 0;
        for (size_t i = 0; i < c.size(); ++i)
          if (c.valid[i]) {
            sum += c.type == ColumnType::Float64 ? c.f64[i] : double(c.i64[i]);
            ++n;
          }
        if (!n) continue;  // an all-null column has no total
        // money of several currencies is never added: one total per currency instead (issue 17)
        const Column* cur = nullptr;
        for (const Column& x : t.columns)
          if (x.name == "currency" && x.type == ColumnType::String) cur = &x;
        if (c.name == "amount" && cur) {
          std::map<std::string, double> per;
          for (size_t i = 0; i < c.size() && i < cur->size(); ++i)
            if (c.valid[i]) per[cur->valid[i] ? std::string(cur->string_at(i)) : std::string("EUR")] += c.f64[i];
          if (per.size() > 1) {
            sums["amount_by_currency"] = per;
            continue;
          }
        }
        sums[c.name] = sum;
      }
      tj["sums"] = sums;
    }
    nlohmann::json cols = nlohmann::json::array();
    for (const Column& c : t.columns) {
      nlohmann::json cj = {{"name", c.name}, {"type", column_type_name(c.type)}, {"nulls", c.null_count}};
      if (c.type == ColumnType::Timestamp) cj["source_offsets"] = c.has_offsets();
      cols.push_back(cj);
    }
    tj["columns"] = cols;
    nlohmann::json rows = nlohmann::json::array();
    for (size_t i = 0; i < std::min(t.rows(), k_preview_rows); ++i) {
      nlohmann::json row = nlohmann::json::array();
      for (const Column& c : t.columns) {
        if (c.valid[i]) row.push_back(c.value_text(i));
        else row.push_back(nullptr);
      }
      rows.push_back(row);
    }
    tj["first_rows"] = rows;
    nlohmann::json meta = nlohmann::json::array();
    for (const auto& [k, v] : t.meta) meta.push_back({k, v});
    tj["meta"] = meta;
    tables.push_back(tj);
  }
  j["tables"] = tables;
  if (!s.entries().empty()) {  // archives: one line per entry, with what became of it
    nlohmann::json entries = nlohmann::json::array();
    for (const EntryResult& e : s.entries()) {
      nlohmann::json ej = {{"path", e.path}, {"status", e.status}, {"rows", e.rows}, {"size", e.size},
                           {"compressed", e.compressed}, {"tables", e.table_count}};
      ej["format"] = e.format ? nlohmann::json(e.format->id) : nlohmann::json(nullptr);
      if (e.encoding) ej["encoding"] = e.encoding;
      nlohmann::json ew = nlohmann::json::array();
      for (const Message& m : e.diag.warnings) ew.push_back(message_json(m));
      ej["warnings"] = ew;
      if (e.diag.failed) ej["error"] = message_json(e.diag.error);
      entries.push_back(ej);
    }
    j["entries"] = entries;
  }
  nlohmann::json warns = nlohmann::json::array();
  for (const Message& m : d.warnings) warns.push_back(message_json(m));
  j["warnings"] = warns;
  nlohmann::json sup = nlohmann::json::object();
  for (const auto& [code, n] : d.suppressed) sup[code] = n;
  if (!sup.empty()) j["suppressed"] = sup;
  if (d.failed) j["error"] = message_json(d.error);
  r.ok = !d.failed;
  return r;
}

// Pads to `width` characters (UTF-8 code points, not bytes: "Libellé" lines up with "Date").
std::string pad(const std::string& s, size_t width) {
  size_t chars = 0;
  for (char c : s) chars += (uint8_t(c) & 0xC0) != 0x80;
  std::string out = s;
  if (chars < width) out.append(width - chars, ' ');
  return out;
}

void print_human(const nlohmann::json& j, bool fr) {
  std::printf("== %s ==\n", j["file"].get<std::string>().c_str());
  if (j.contains("format"))
    std::printf("%s %s (%s), %s %d\n", fr ? "Format :" : "Format:", j["format"].get<std::string>().c_str(),
                j["format_label"].get<std::string>().c_str(), fr ? "confiance" : "confidence",
                j["confidence"].get<int>());
  if (j.contains("encoding"))
    std::printf("%s %s\n", fr ? "Encodage :" : "Encoding:", j["encoding"].get<std::string>().c_str());
  if (j.contains("bytes")) std::printf("%s %llu\n", fr ? "Octets :" : "Bytes:", (unsigned long long)j["bytes"].get<uint64_t>());
  if (j.contains("entries")) {
    std::printf("%s\n", fr ? "Entrées de l'archive :" : "Archive entries:");
    for (const auto& e : j["entries"]) {
      std::string note;  // the error, else the first warning (the reason of a skip)
      if (e.contains("error")) note = e["error"][fr ? "fr" : "en"].get<std::string>();
      else if (!e["warnings"].empty()) note = e["warnings"][0][fr ? "fr" : "en"].get<std::string>();
      std::printf("  %s %-6s %-7s %8llu %s%s%s\n", pad(e["path"].get<std::string>(), 48).c_str(),
                  e["format"].is_null() ? "-" : e["format"].get<std::string>().c_str(), e["status"].get<std::string>().c_str(),
                  (unsigned long long)e["rows"].get<uint64_t>(), fr ? "lignes" : "rows", note.empty() ? "" : "  ", note.c_str());
    }
  }
  if (j.contains("tables")) {
    for (const auto& t : j["tables"]) {
      std::printf("%s %s — %llu %s, %zu %s\n", fr ? "Table" : "Table", t["name"].get<std::string>().c_str(),
                  (unsigned long long)t["rows"].get<uint64_t>(), fr ? "lignes" : "rows", t["columns"].size(),
                  fr ? "colonnes" : "columns");
      if (t.contains("entry")) std::printf("  %s %s\n", fr ? "entrée :" : "entry:", t["entry"].get<std::string>().c_str());
      if (t.contains("domain")) {
        std::printf("  %s %s", fr ? "domaine :" : "domain:", t["domain"].get<std::string>().c_str());
        for (const auto& [k, v] : t["sums"].items()) {
          if (v.is_number()) std::printf(", %s %s = %s", fr ? "somme" : "sum", k.c_str(), format_double(v.get<double>()).c_str());
          else for (const auto& [cur, x] : v.items()) std::printf(", %s amount %s = %s", fr ? "somme" : "sum", cur.c_str(), format_double(x.get<double>()).c_str());
        }
        std::printf("\n");
      }
      for (const auto& c : t["columns"])
        std::printf("  %s %-10s %lld %s\n", pad(c["name"].get<std::string>(), 28).c_str(),
                    c["type"].get<std::string>().c_str(), (long long)c["nulls"].get<int64_t>(),
                    fr ? "nulle(s)" : "null(s)");
      if (!t["first_rows"].empty()) {
        std::printf("%s\n", fr ? "Premières lignes :" : "First rows:");
        for (const auto& row : t["first_rows"]) {
          std::string line = " ";
          for (size_t i = 0; i < row.size(); ++i) {
            line += i ? " | " : " ";
            if (row[i].is_null()) { line += "∅"; continue; }
            for (char ch : row[i].get<std::string>()) {  // keep one row per line
              if (ch == '\n') line += "\\n";
              else if (ch == '\r') line += "\\r";
              else line += ch;
            }
          }
          std::printf("%s\n", line.c_str());
        }
      }
      if (!t["meta"].empty()) {
        std::printf("%s\n", fr ? "Métadonnées :" : "Metadata:");
        for (const auto& kv : t["meta"])
          std::printf("  %s = %s\n", kv[0].get<std::string>().c_str(), kv[1].get<std::string>().c_str());
      }
    }
  }
  auto msg = [&](const nlohmann::json& m) {
    std::string s = "[";
    s.append(m["code"].get<std::string>()).append("] ").append(m[fr ? "fr" : "en"].get<std::string>());
    if (m.contains("line") || m.contains("byte_offset")) {
      s += " (";
      if (m.contains("line")) {
        s.append(fr ? "ligne " : "line ").append(std::to_string(m["line"].get<uint64_t>())).append(", ");
      }
      s.append(fr ? "octet " : "byte ").append(std::to_string(m.value("byte_offset", uint64_t(0)))).append(")");
    }
    return s;
  };
  if (!j["warnings"].empty()) {
    std::printf("%s\n", fr ? "Avertissements :" : "Warnings:");
    for (const auto& w : j["warnings"]) std::printf("  %s%s\n", w.value("info", false) ? "(info) " : "", msg(w).c_str());
  }
  if (j.contains("suppressed"))
    for (const auto& [code, n] : j["suppressed"].items())
      std::printf("  [%s] %s %llu %s\n", code.c_str(), fr ? "+" : "+", (unsigned long long)n.get<uint64_t>(),
                  fr ? "autre(s) non affichée(s)" : "more not shown");
  if (j.contains("error")) {
    const auto& e = j["error"];
    std::printf("%s %s\n", fr ? "Erreur :" : "Error:", msg(e).c_str());
    std::printf("  (%s) %s\n", fr ? "en" : "fr", e[fr ? "en" : "fr"].get<std::string>().c_str());
  } else {
    std::printf("%s\n", fr ? "OK" : "OK");
  }
  std::printf("\n");
}

int cmd_formats(const Options& o) {
  if (o.json) {
    nlohmann::json a = nlohmann::json::array();
    for (const FormatInfo& f : formats()) a.push_back({{"id", f.id}, {"fr", f.label_fr}, {"en", f.label_en}});
    std::printf("%s\n", a.dump(2).c_str());
  } else {
    for (const FormatInfo& f : formats()) std::printf("%-8s %s\n", f.id, o.french ? f.label_fr : f.label_en);
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) return usage();
  std::string cmd = argv[1];
  if (cmd == "challenge") return argc < 3 ? usage() : sdw::challenge::run_cli(argc - 2, argv + 2);
  if (cmd == "donate") return sdw::challenge::run_donate_cli(argc - 2, argv + 2);
  if (cmd == "donations") return argc < 3 ? usage() : sdw::challenge::run_donations_cli(argc - 2, argv + 2);
  if (cmd == "reveal") return sdw::challenge::run_reveal_cli(argc - 2, argv + 2);
  Options o;
  for (int i = 2; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--json") o.json = true;
    else if (a == "--lang") {
      if (i + 1 >= argc) return usage();
      std::string l = argv[++i];
      if (l != "fr" && l != "en") return usage();
      o.french = l == "fr";
    } else if (a.rfind("--", 0) == 0) return usage();
    else o.files.push_back(a);
  }
  if (cmd == "formats") return o.files.empty() ? cmd_formats(o) : usage();
  if (cmd != "inspect" || o.files.empty()) return usage();
  bool all_ok = true;
  nlohmann::json out = nlohmann::json::array();
  for (const std::string& path : o.files) {
    FileResult r = inspect(path, o);
    all_ok &= r.ok;
    if (o.json) out.push_back(std::move(r.json));
    else print_human(r.json, o.french);
  }
  if (o.json) std::printf("%s\n", out.dump(2).c_str());
  return all_ok ? 0 : 1;
}
