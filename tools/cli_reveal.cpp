// `workbench reveal` (see cli_reveal.h): parses each file with a Session (ZIP entries become sources of
// their own), collects the reveal columns (challenges/tables.h), runs reveal() and prints it. Sensitive
// inferences (GDPR Art. 9) are left out unless --sensitive; how many were hidden is always said.
// Does not own: any figure (challenges/reveal.cpp).
#include "tools/cli_reveal.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "challenges/reveal.h"
#include "challenges/tables.h"
#include "parsers/core/parser.h"
#include "tools/cli.h"

namespace sdw::challenge {

namespace {

using json = nlohmann::json;

int usage() {
  std::fprintf(stderr, "usage : workbench reveal [--json] [--lang fr|en] [--sensitive] [--actor NOM] FICHIER…\n");
  return 2;
}

struct Loaded {
  std::vector<Table> tables;
  std::vector<int32_t> source_of_table;
  std::vector<SourceDesc> sources;
  json files = json::array();
  bool ok = true;
};

// One file through a Session; each ZIP entry with tables becomes its own source.
void load(const std::string& path, Loaded& L) {
  json j = {{"file", path}};
  std::string err;
  const std::unique_ptr<Session> sp = parse_path(path, err);
  if (!sp) {
    j["error"] = err;
    L.files.push_back(j);
    L.ok = false;
    return;
  }
  Session& s = *sp;
  const std::string file_name = std::filesystem::path(path).filename().string();
  if (s.format()) j["format"] = s.format()->id;
  if (s.diagnostics().failed) {
    j["error"] = s.diagnostics().error.en;
    L.ok = false;
  }
  L.files.push_back(j);
  std::vector<Table>& tables = s.tables();
  std::vector<int32_t> table_source(tables.size(), -1);
  if (s.entries().empty()) {
    SourceDesc d;
    d.name = file_name;
    d.format = s.format() ? s.format()->id : "";
    for (const Table& t : tables) describe_table(t, d);
    if (!tables.empty()) {
      table_source.assign(tables.size(), int32_t(L.sources.size()));
      L.sources.push_back(std::move(d));
    }
  } else {
    for (const EntryResult& e : s.entries()) {
      if (e.table_count == 0) continue;
      SourceDesc d;
      d.name = file_name + "/" + e.path;
      d.format = e.format ? e.format->id : "";
      for (size_t i = e.first_table; i < e.first_table + e.table_count && i < tables.size(); ++i) {
        describe_table(tables[i], d);
        table_source[i] = int32_t(L.sources.size());
      }
      L.sources.push_back(std::move(d));
    }
  }
  for (size_t i = 0; i < tables.size(); ++i) {
    L.tables.push_back(std::move(tables[i]));
    L.source_of_table.push_back(table_source[i]);
  }
}

json evidence_json(const Evidence& e) {
  json counts = json::object();
  for (const RevealCount& c : e.counts) counts[c.name] = c.value;
  return {{"fr", e.fr}, {"en", e.en}, {"counts", counts}, {"sources", e.sources}};
}
json day_json(int32_t d) { return d == k_no_day ? json(nullptr) : json(day_key(d)); }

json place_json(const PlaceResult& p) {
  if (!p.found) return nullptr;
  return {{"lat", p.lat}, {"lon", p.lon}, {"confidence", p.confidence}, {"evidence", evidence_json(p.evidence)}};
}

json result_json(const RevealResult& r, bool fr, bool sensitive) {
  json out;
  out["home"] = place_json(r.home);
  out["work"] = place_json(r.work);
  json sources = json::array();
  for (const SourceReport& s : r.sources) {
    json fields = json::array(), flags = json::array();
    for (const SourceField& f : s.fields) fields.push_back({{"kind", f.kind}, {"fr", f.fr}, {"en", f.en}, {"export_fields", f.export_fields}});
    for (const SensitiveFlag& f : s.sensitive) flags.push_back({{"category", f.category}, {"fr", f.fr}, {"en", f.en}, {"direct", f.direct}});
    sources.push_back({{"name", s.name}, {"format", s.format}, {"holder", fr ? s.holder_fr : s.holder_en}, {"holder_fr", s.holder_fr},
                       {"holder_en", s.holder_en}, {"period", {{"first", day_json(s.first_day)}, {"last", day_json(s.last_day)}}},
                       {"records", s.records}, {"fields", fields}, {"sensitive", flags}, {"settings_fr", s.settings_fr},
                       {"settings_en", s.settings_en}, {"text_fr", s.text_fr}, {"text_en", s.text_en}});
  }
  out["sources"] = sources;
  json inf = json::array();
  int64_t hidden = 0;
  for (const Inference& x : r.inferences) {
    if (x.sensitive && !sensitive) {
      ++hidden;
      continue;
    }
    json who = json::array();
    for (const WhoCould& w : x.who_could_know)
      who.push_back({{"holder", fr ? w.holder_fr : w.holder_en}, {"how", fr ? w.how_fr : w.how_en}, {"holder_fr", w.holder_fr},
                     {"holder_en", w.holder_en}, {"how_fr", w.how_fr}, {"how_en", w.how_en}, {"source", w.source}});
    json j = {{"kind", x.kind}, {"text_fr", x.text_fr}, {"text_en", x.text_en}, {"confidence", x.confidence},
              {"confidence_word", confidence_word(x.confidence, fr)}, {"evidence", evidence_json(x.evidence)},
              {"who_could_know", who}, {"sensitive", x.sensitive}};
    if (x.sensitive) j["art9"] = x.art9;
    if (std::isfinite(x.lat)) j["lat"] = x.lat, j["lon"] = x.lon;
    if (x.first_day != k_no_day) j["first_day"] = day_json(x.first_day), j["last_day"] = day_json(x.last_day);
    inf.push_back(j);
  }
  out["inferences"] = inf;
  out["sensitive_hidden"] = hidden;
  out["sensitive_total"] = r.sensitive_count;
  return out;
}

void print_text(const RevealResult& r, bool fr, bool sensitive) {
  std::printf("%s\n\n", fr ? "== Ce que mes données disent de moi ==" : "== What my data reveals ==");
  std::printf("%s\n", fr ? "Sources :" : "Sources:");
  for (const SourceReport& s : r.sources) {
    std::printf("- %s [%s]\n  %s\n", s.name.c_str(), s.format.c_str(), (fr ? s.text_fr : s.text_en).c_str());
    for (const SourceField& f : s.fields)
      if (!f.export_fields.empty())
        std::printf("    %s %s\n", (fr ? f.fr : f.en).c_str(), ("(" + f.export_fields + ")").c_str());
    if (!(fr ? s.settings_fr : s.settings_en).empty())
      std::printf("  %s %s\n", fr ? "Réglages :" : "Settings:", (fr ? s.settings_fr : s.settings_en).c_str());
  }
  std::printf("\n%s\n", fr ? "Ce qu'on peut en déduire :" : "What can be inferred:");
  int64_t hidden = 0;
  for (const Inference& x : r.inferences) {
    if (x.sensitive && !sensitive) {
      ++hidden;
      continue;
    }
    std::printf("- %s%s\n", x.sensitive ? (fr ? "[SENSIBLE] " : "[SENSITIVE] ") : "", (fr ? x.text_fr : x.text_en).c_str());
    std::printf("  %s %s\n", fr ? "Preuve :" : "Evidence:", (fr ? x.evidence.fr : x.evidence.en).c_str());
    std::printf("  %s %s\n", fr ? "Confiance :" : "Confidence:", confidence_word(x.confidence, fr));
    std::string who;
    for (const WhoCould& w : x.who_could_know)
      who += (who.empty() ? "" : " ; ") + (fr ? w.holder_fr : w.holder_en) + " (" + (fr ? w.how_fr : w.how_en) + ")";
    if (!who.empty()) std::printf("  %s %s\n", fr ? "Qui pourrait le savoir :" : "Who could know:", who.c_str());
  }
  if (r.inferences.empty()) std::printf("  %s\n", fr ? "(rien : ces fichiers ne suffisent pas)" : "(nothing: these files are not enough)");
  if (hidden)
    std::printf("\n%s %lld %s\n", fr ? "Déductions sensibles (RGPD art. 9) masquées :" : "Sensitive inferences (GDPR Art. 9) hidden:",
                (long long)hidden, fr ? "— ajoutez --sensitive pour les voir." : "— add --sensitive to see them.");
}

}  // namespace

int run_reveal_cli(int argc, char** argv) {
  bool json_out = false, fr = true, sensitive = false;
  RevealOptions o;
  std::vector<std::string> files;
  for (int i = 0; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--json") json_out = true;
    else if (a == "--sensitive") sensitive = true;
    else if (a == "--lang" && i + 1 < argc) {
      const std::string l = argv[++i];
      if (l != "fr" && l != "en") return usage();
      fr = l == "fr";
    } else if (a == "--actor" && i + 1 < argc) o.learning_actor = argv[++i];
    else if (a.rfind("--", 0) == 0) return usage();
    else files.push_back(a);
  }
  if (files.empty()) return usage();
  Loaded L;
  for (const std::string& f : files) load(f, L);
  const RevealColumns cols = collect_reveal(L.tables, L.source_of_table);
  const RevealResult r = reveal(cols.input(L.sources), o);
  if (json_out) {
    json j = result_json(r, fr, sensitive);
    j["files"] = L.files;
    std::printf("%s\n", j.dump(2).c_str());
  } else {
    for (const auto& f : L.files)
      if (f.contains("error"))
        std::fprintf(stderr, "%s %s: %s\n", fr ? "Erreur :" : "Error:", f["file"].get<std::string>().c_str(), f["error"].get<std::string>().c_str());
    print_text(r, fr, sensitive);
  }
  return L.ok ? 0 : 1;
}

}  // namespace sdw::challenge
