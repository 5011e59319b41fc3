// "Ce que mes données disent de moi / What my data reveals" (see app_reveal.h). Owns: the SQL it asks for,
// turning the answers into the plain columns of challenges/reveal.h, and the layout (inventory table, the
// export's field names on demand, inferences with evidence and who could know, sensitive inferences behind
// a warning, the one-page PNG). Does not own: any inference (challenges/reveal.cpp).
#include "wasm/app_reveal.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <string_view>

#include "challenges/headline.h"
#include "challenges/reveal.h"
#include "imgui.h"
#include "viz/a11y.h"
#include "viz/svg.h"
#include "wasm/app_platform.h"
#include "wasm/app_ui.h"

namespace sdw::reveal_ui {
namespace {

using json = nlohmann::json;
using namespace sdw::challenge;

// Provenance key of a row: file | ZIP entry | the parser's source id ("android", "bank", "spotify"…).
constexpr const char* k_src = "coalesce(\"_file\", '') || '|' || coalesce(\"_entry\", '') || '|' || coalesce(source, '') AS src";

struct Fetch : Columns {   // its answer (wasm/app_columns.h)
  Fetch(const char* i, const char* v, std::string q) : id(i), view(v), sql(std::move(q)) {}
  const char* id;       // what it feeds
  const char* view;     // merged view it needs
  std::string sql;
  int request = 0;
};

// A merged view with its timestamps' source offsets ("<ts>_utc_offset_min", parsers/core/arrow_ipc.h), which it
// has only when some source wrote offsets: the union BY NAME adds them as NULL (Paris time) otherwise.
std::string with_offsets(const char* view, std::initializer_list<const char*> ts) {
  std::string cols;
  for (const char* t : ts) cols += std::string(cols.empty() ? "" : ", ") + "NULL::SMALLINT AS " + t + "_utc_offset_min";
  return std::string("(SELECT * FROM ") + view + " UNION ALL BY NAME SELECT " + cols + " WHERE false)";
}
// The offset column as the core reads it: NULL (none written) or the parser's "unknown" value stay NULL.
std::string offset_of(const char* ts) {
  return std::string("CASE WHEN ") + ts + "_utc_offset_min BETWEEN -1080 AND 1080 THEN " + ts + "_utc_offset_min END AS " + ts + "_off";
}

std::vector<Fetch> make_fetches() {
  const std::string s = k_src;
  return {
      {"visits", "visits",
       "SELECT epoch_us(ts_start)::DOUBLE AS s, coalesce(epoch_us(ts_end), epoch_us(ts_start) + CAST(coalesce(duration_s, 0) * 1e6 AS BIGINT))::DOUBLE AS e, "
       "lat, lon, coalesce(name, '') AS name, coalesce(semantic_type, '') AS sem, coalesce(place_id, '') AS pid, " + s + ", " +
       offset_of("ts_start") + ", CASE WHEN ts_end IS NOT NULL THEN (CASE WHEN ts_end_utc_offset_min BETWEEN -1080 AND 1080 THEN ts_end_utc_offset_min END) "
       "WHEN ts_start_utc_offset_min BETWEEN -1080 AND 1080 THEN ts_start_utc_offset_min END AS ts_end_off"   // no end: the start's, as tables.cpp
       " FROM " + with_offsets("visits", {"ts_start", "ts_end"}) + " WHERE ts_start IS NOT NULL"},
      {"points", "location_points",   // a fixed sample past 300 000 points (Records.json can hold millions)
       "SELECT epoch_us(ts)::DOUBLE AS t, lat, lon, " + s + ", " + offset_of("ts") + " FROM " + with_offsets("location_points", {"ts"}) +
       " WHERE ts IS NOT NULL USING SAMPLE reservoir(300000 ROWS) REPEATABLE (42)"},
      {"trips", "trips", "SELECT epoch_us(ts_start)::DOUBLE AS t, end_lat, end_lon, " + s + ", " + offset_of("ts_start") + " FROM " +
       with_offsets("trips", {"ts_start"}) + " WHERE ts_start IS NOT NULL"},
      {"activity", "activity",
       "SELECT epoch_us(ts)::DOUBLE AS t, coalesce(platform, '') AS platform, coalesce(kind, '') AS kind, " + s + ", " + offset_of("ts") + " FROM " +
       with_offsets("activity", {"ts"}) + " WHERE ts IS NOT NULL"},
      {"transactions", "transactions",
       "SELECT (date - DATE '1970-01-01')::DOUBLE AS d, coalesce(label, '') AS label, amount, coalesce(category, '') AS category, "
       "coalesce(currency, '') AS currency, " + s + " FROM transactions WHERE date IS NOT NULL AND amount IS NOT NULL"},
      {"electricity", "energy_readings",
       "SELECT epoch_us(ts_start)::DOUBLE AS s, epoch_us(ts_end)::DOUBLE AS e, interval_s, kwh, " + s +
       " FROM energy_readings WHERE kwh IS NOT NULL AND ts_start IS NOT NULL AND coalesce(energy, 'electricity') = 'electricity' "
       "AND coalesce(kind, '') <> 'max_power'"},
      {"learning", "learning_statements",
       "SELECT epoch_us(ts)::DOUBLE AS t, coalesce(actor, '') AS actor, coalesce(verb, '') AS verb, coalesce(verb_id, '') AS verb_id, "
       "coalesce(object_id, '') AS object_id, coalesce(object_name, '') AS object_name, coalesce(course, '') AS course, "
       "duration_s, score_scaled, CASE WHEN success IS NULL THEN -1 WHEN success THEN 1 ELSE 0 END AS success, "
       "CASE WHEN completion IS NULL THEN -1 WHEN completion THEN 1 ELSE 0 END AS completion, " + s + ", " + offset_of("ts") +
       " FROM " + with_offsets("learning_statements", {"ts"}) + " WHERE ts IS NOT NULL"},
  };
}

struct State {
  std::vector<Fetch> fetches = make_fetches();
  Fetch inventory{"inventory", "", ""};
  std::string fetched_for;
  bool computed = false;
  RevealResult result;
  std::vector<SourceDesc> sources;
  std::vector<std::string> files;   // per source: the dropped file it comes from (for "forget this source")
  SourceIdOf source_id_of = nullptr;
  bool show_sensitive = false, confirm_sensitive = false, show_fields = false;
  int next_request = 3 << 20;   // distinct from the SQL panel's and the dashboards' ids
} g;

const char* L(Lang l, const char* fr, const char* en) { return l == Lang::Fr ? fr : en; }

// The registry's format id from a row's source column (Google rows carry the export's shape).
std::string format_of(const std::string& source) {
  if (source == "android") return "google_android";
  if (source == "records") return "google_records";
  if (source == "semantic") return "google_semantic";
  if (source == "ios") return "google_ios";
  return source;
}

// Rows -> the index of their source in g.sources (built from the inventory answer).
std::vector<int32_t> source_index(const Fetch& f, size_t col, const std::map<std::string, int32_t>& idx) {
  std::vector<int32_t> out(f.rows, -1);
  if (col >= f.text.size()) return out;
  for (size_t i = 0; i < f.rows; ++i)
    if (auto it = idx.find(f.text[col][i]); it != idx.end()) out[i] = it->second;
  return out;
}
std::vector<int64_t> whole(const Fetch& f, size_t c) { return f.whole<int64_t>(c); }
std::vector<int16_t> offsets(const Fetch& f, size_t c) {
  std::vector<int16_t> out(f.rows, k_no_offset);
  for (size_t i = 0; i < f.rows && c < f.num.size(); ++i)
    if (std::isfinite(f.num[c][i])) out[i] = int16_t(f.num[c][i]);
  return out;
}
std::vector<std::string_view> views_of(const Fetch& f, size_t c) { return std::move(f.views(c)[0]); }
const Fetch* fetched(const char* id) {
  for (const Fetch& f : g.fetches)
    if (std::string_view(id) == f.id && f.ok) return &f;
  return nullptr;
}

void compute() {
  // sources: one per file | entry | source id, in the inventory's order
  g.sources.clear();
  g.files.clear();
  std::map<std::string, int32_t> idx;
  const Fetch& inv = g.inventory;
  // sources in the order of the Sources panel (the order files were added, as the CLI takes its arguments)
  std::vector<std::string> keys;
  for (size_t i = 0; i < inv.rows && inv.text.size() >= 2; ++i)
    if (std::find(keys.begin(), keys.end(), inv.text[0][i]) == keys.end()) keys.push_back(inv.text[0][i]);
  auto file_of = [](const std::string& key) { return key.substr(0, key.find('|')); };
  auto order_of = [&](const std::string& key) {
    const int id = g.source_id_of ? g.source_id_of(file_of(key)) : -1;
    return id < 0 ? INT32_MAX : id;
  };
  std::stable_sort(keys.begin(), keys.end(), [&](const std::string& a, const std::string& b) { return order_of(a) < order_of(b); });
  for (const std::string& key : keys) {
    idx.emplace(key, int32_t(g.sources.size()));
    SourceDesc d;
    const size_t a = key.find('|'), b = key.find('|', a + 1);
    const std::string file = key.substr(0, a), entry = key.substr(a + 1, b - a - 1), src = key.substr(b + 1);
    d.name = entry.empty() ? file : file + "/" + entry;
    d.format = format_of(src);
    g.sources.push_back(d);
    g.files.push_back(file);
  }
  for (size_t i = 0; i < inv.rows && inv.text.size() >= 2; ++i) {
    SourceDesc& d = g.sources[size_t(idx.at(inv.text[0][i]))];
    d.domains.push_back(inv.text[1][i]);
    d.records += inv.num.size() > 2 && !std::isnan(inv.num[2][i]) ? int64_t(inv.num[2][i]) : 0;
  }
  // every column vector lives here until reveal() returns
  RevealInput in;
  in.sources = g.sources;
  std::vector<int64_t> vs, ve, pt, tt, at, es, ee, lt;
  std::vector<std::string_view> vn, vsem, vpid, ap, ak, tl, tc, tcur, la, lv, lvid, loid, lon_, lc;
  std::vector<int32_t> vsrc, psrc, tsrc, asrc, xsrc, esrc, lsrc, tday;
  std::vector<int8_t> lsucc, lcomp;
  std::vector<int16_t> vso, veo, po, to, ao, lo;   // local offsets (NULL: k_no_offset, Paris)
  std::vector<double> none;
  if (const Fetch* f = fetched("visits")) {
    vs = whole(*f, 0), ve = whole(*f, 1), vn = views_of(*f, 4), vsem = views_of(*f, 5), vpid = views_of(*f, 6), vsrc = source_index(*f, 7, idx);
    in.places.places.visit_start_us = vs, in.places.places.visit_end_us = ve;
    in.places.places.visit_lat = f->num[2], in.places.places.visit_lon = f->num[3];
    in.places.visit_name = vn, in.places.visit_semantic = vsem, in.places.visit_place_id = vpid, in.places.visit_source = vsrc;
    vso = offsets(*f, 8), veo = offsets(*f, 9);
    in.places.places.visit_start_off = vso, in.places.places.visit_end_off = veo;
  }
  if (const Fetch* f = fetched("points")) {
    pt = whole(*f, 0), psrc = source_index(*f, 3, idx);
    in.places.places.point_ts_us = pt, in.places.places.point_lat = f->num[1], in.places.places.point_lon = f->num[2];
    in.places.point_source = psrc;
    po = offsets(*f, 4);
    in.places.places.point_off = po;
  }
  if (const Fetch* f = fetched("trips")) {
    tt = whole(*f, 0), tsrc = source_index(*f, 3, idx);
    to = offsets(*f, 4);
    in.trips = {tt, f->num[1], f->num[2], tsrc, to};
  }
  if (const Fetch* f = fetched("activity")) {
    at = whole(*f, 0), ap = views_of(*f, 1), ak = views_of(*f, 2), asrc = source_index(*f, 3, idx);
    ao = offsets(*f, 4);
    in.activity = {at, ap, ak, ao};
    in.activity_source = asrc;
  }
  if (const Fetch* f = fetched("transactions")) {
    for (double d : f->num[0]) tday.push_back(std::isnan(d) ? 0 : int32_t(d));
    tl = views_of(*f, 1), tc = views_of(*f, 3), tcur = views_of(*f, 4), xsrc = source_index(*f, 5, idx);
    in.transactions = {tday, tl, f->num[2], tc, tcur};
    in.transaction_source = xsrc;
  }
  if (const Fetch* f = fetched("electricity")) {
    es = whole(*f, 0), ee = whole(*f, 1), esrc = source_index(*f, 4, idx);
    for (size_t i = 0; i < f->rows; ++i)   // no end: start + interval
      if (std::isnan(f->num[1][i])) ee[i] = es[i] + int64_t((std::isnan(f->num[2][i]) ? 0 : f->num[2][i]) * 1e6);
    in.electricity = {es, ee, {}, f->num[3]};
    in.electricity_source = esrc;
  }
  if (const Fetch* f = fetched("learning")) {
    lt = whole(*f, 0), la = views_of(*f, 1), lv = views_of(*f, 2), lvid = views_of(*f, 3), loid = views_of(*f, 4), lon_ = views_of(*f, 5),
    lc = views_of(*f, 6), lsrc = source_index(*f, 11, idx);
    for (size_t i = 0; i < f->rows; ++i) {
      lsucc.push_back(int8_t(std::isnan(f->num[9][i]) ? -1 : f->num[9][i]));
      lcomp.push_back(int8_t(std::isnan(f->num[10][i]) ? -1 : f->num[10][i]));
    }
    lo = offsets(*f, 12);
    in.learning = {lt, la, lv, lvid, loid, lon_, lc, f->num[7], f->num[8], lsucc, lcomp, lo};
    in.learning_source = lsrc;
  }
  g.result = reveal(in);
  g.computed = true;
}

void take_answer(Fetch& f, Columns& answer) {
  f.request = 0;
  static_cast<Columns&>(f) = std::move(answer);
}

bool all_answered() {
  if (g.inventory.request || !g.inventory.has) return false;
  for (const Fetch& f : g.fetches)
    if (f.request) return false;
  return true;
}

std::string period(Lang l, int32_t a, int32_t b) {
  if (a == k_no_day) return "—";
  return day_key(a) + (b != a ? " → " + day_key(b) : "");
}

void draw_inventory(Lang l, Recorder record) {
  const bool fr = l == Lang::Fr;
  ImGui::TextColored(ui::color_accent(), "%s", L(l, "Qui détient quoi", "Who holds what"));
  a11y::heading(2, L(l, "Qui détient quoi", "Who holds what"));
  const char* fields_label = L(l, "Montrer les noms des champs de l’export", "Show the export's own field names");
  ImGui::Checkbox(fields_label, &g.show_fields);
  record("reveal.fields");
  if (ui::ax("reveal.fields", fields_label, "checkbox", g.show_fields)) g.show_fields = !g.show_fields;
  {   // the inventory as a table for screen readers
    std::vector<std::vector<std::string>> rows;
    for (const SourceReport& s : g.result.sources) {
      std::string kinds, art9;
      for (const SourceField& f : s.fields) kinds += (kinds.empty() ? "" : ", ") + (fr ? f.fr : f.en);
      for (const SensitiveFlag& f : s.sensitive) art9 += (art9.empty() ? "" : ", ") + (fr ? f.fr : f.en) + (f.direct ? " (!)" : "");
      rows.push_back({s.name, fr ? s.holder_fr : s.holder_en, period(l, s.first_day, s.last_day), format_count(l, uint64_t(s.records)),
                      kinds + (art9.empty() ? "" : std::string(fr ? " — art. 9\u00A0: " : " — Art. 9: ") + art9),
                      fr ? s.settings_fr : s.settings_en});
    }
    a11y::table("reveal.inventory", L(l, "Qui détient quoi", "Who holds what"),
                {L(l, "Source", "Source"), L(l, "Détenteur", "Holder"), L(l, "Période", "Period"), L(l, "Enregistrements", "Records"),
                 L(l, "Champs · RGPD art. 9", "Fields · GDPR Art. 9"), L(l, "Réglages de confidentialité", "Privacy settings")},
                rows);
  }
  const int cols = g.show_fields ? 6 : 5;
  if (ImGui::BeginTable("reveal_inventory", cols, ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_Resizable | ImGuiTableFlags_SizingStretchProp)) {
    ImGui::TableSetupColumn(L(l, "Source", "Source"));
    ImGui::TableSetupColumn(L(l, "Détenteur", "Holder"));
    ImGui::TableSetupColumn(L(l, "Période", "Period"));
    ImGui::TableSetupColumn(L(l, "Enregistrements", "Records"));
    ImGui::TableSetupColumn(L(l, "Champs · RGPD art. 9", "Fields · GDPR Art. 9"));
    if (g.show_fields) ImGui::TableSetupColumn(L(l, "Noms dans l’export", "Names in the export"));
    ImGui::TableHeadersRow();
    for (const SourceReport& s : g.result.sources) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextWrapped("%s", s.name.c_str());
      {   // forget this source: removes the dropped file (undoable a few seconds, like the Sources panel)
        const size_t i = size_t(&s - g.result.sources.data());
        const int id = g.source_id_of && s.index >= 0 && size_t(s.index) < g.files.size() ? g.source_id_of(g.files[size_t(s.index)]) : -1;
        if (id >= 0) {
          ImGui::PushID(int(i));
          const std::string label = std::string(L(l, "Oublier cette source", "Forget this source"));
          const bool clicked = ImGui::SmallButton(label.c_str());
          record(("reveal.forget." + std::to_string(i)).c_str());
          if (ui::ax("reveal.forget." + std::to_string(i), label + " — " + s.name) || clicked) platform::remove_source(id);
          ImGui::PopID();
        }
      }
      ImGui::TableNextColumn();
      ImGui::TextWrapped("%s", (fr ? s.holder_fr : s.holder_en).c_str());
      if (ImGui::IsItemHovered() && !(fr ? s.settings_fr : s.settings_en).empty())
        ImGui::SetTooltip("%s %s", L(l, "Réglages de confidentialité\u00A0:", "Privacy settings:"), (fr ? s.settings_fr : s.settings_en).c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(period(l, s.first_day, s.last_day).c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(format_count(l, uint64_t(s.records)).c_str());
      ImGui::TableNextColumn();
      std::string kinds, art9;
      for (const SourceField& f : s.fields) kinds += (kinds.empty() ? "" : ", ") + (fr ? f.fr : f.en);
      for (const SensitiveFlag& f : s.sensitive) art9 += (art9.empty() ? "" : ", ") + (fr ? f.fr : f.en) + (f.direct ? " (!)" : "");
      ImGui::TextWrapped("%s", kinds.c_str());
      if (!art9.empty()) ImGui::TextColored(ui::color_warn(), "%s %s", L(l, "Art. 9\u00A0:", "Art. 9:"), art9.c_str());
      if (g.show_fields) {
        ImGui::TableNextColumn();
        for (const SourceField& f : s.fields) ImGui::TextWrapped("%s: %s", f.kind.c_str(), f.export_fields.c_str());
      }
    }
    ImGui::EndTable();
  }
  ImGui::TextDisabled("%s", L(l, "(!)\u00A0: données sensibles par nature\u202F; les autres catégories, ce que la source peut révéler. Survolez un détenteur pour ses réglages.",
                             "(!): sensitive by nature; other categories: what the source can reveal. Hover a holder for its settings."));
}

void draw_inference(Lang l, const Inference& x, int n) {
  const bool fr = l == Lang::Fr;
  ImGui::PushID(n);
  ImGui::Bullet();
  ImGui::SameLine();
  if (x.sensitive) ImGui::TextColored(ui::color_warn(), "%s", L(l, "[sensible]", "[sensitive]")), ImGui::SameLine();
  ImGui::TextWrapped("%s", (fr ? x.text_fr : x.text_en).c_str());
  ImGui::Indent();
  ImGui::PushStyleColor(ImGuiCol_Text, ui::color_dim());
  ImGui::TextWrapped("%s %s", L(l, "Preuve\u00A0:", "Evidence:"), (fr ? x.evidence.fr : x.evidence.en).c_str());
  ImGui::TextWrapped("%s %s", L(l, "Confiance\u00A0:", "Confidence:"), confidence_word(x.confidence, fr));
  std::string who;
  for (const WhoCould& w : x.who_could_know) who += (who.empty() ? "" : " · ") + (fr ? w.holder_fr : w.holder_en) + " (" + (fr ? w.how_fr : w.how_en) + ")";
  if (!who.empty()) ImGui::TextWrapped("%s %s", L(l, "Qui pourrait le savoir\u00A0:", "Who could know:"), who.c_str());
  ImGui::PopStyleColor();
  a11y::text(std::string(x.sensitive ? L(l, "[sensible] ", "[sensitive] ") : "") + (fr ? x.text_fr : x.text_en) + " " +
             L(l, "Preuve\u00A0:", "Evidence:") + " " + (fr ? x.evidence.fr : x.evidence.en) + " " + L(l, "Confiance\u00A0:", "Confidence:") + " " +
             confidence_word(x.confidence, fr) + "." + (who.empty() ? "" : std::string(" ") + L(l, "Qui pourrait le savoir\u00A0:", "Who could know:") + " " + who));
  ImGui::Unindent();
  ImGui::PopID();
}

// The one-page summary for the workshop debrief (viz/svg.h page): who holds what, what can be inferred
// (the sensitive inferences only when the person chose to show them), where to change the settings.
std::string summary_page(Lang l) {
  const bool fr = l == Lang::Fr;
  svg::Page p;
  p.lang = l;
  p.title = L(l, "Ce que mes données disent de moi", "What my data says about me");
  int32_t first = k_no_day, last = k_no_day;
  for (const SourceReport& s : g.result.sources) {
    if (s.first_day == k_no_day) continue;
    if (first == k_no_day || s.first_day < first) first = s.first_day;
    if (last == k_no_day || s.last_day > last) last = s.last_day;
  }
  p.subtitle = format_count(l, g.result.sources.size()) + (fr ? (g.result.sources.size() > 1 ? " sources" : " source") : (g.result.sources.size() > 1 ? " sources" : " source")) +
               (first == k_no_day ? "" : ", " + challenge::period_text(challenge::Period{first, last}, fr)) +
               L(l, " — calculé sur cet appareil, rien n’a été envoyé.", " — computed on this device, nothing was sent.");
  svg::PageSection who{L(l, "Qui détient quoi", "Who holds what"), {}};
  svg::PageSection act{L(l, "Pour agir\u00A0: les réglages de chaque détenteur", "To act: each holder's settings"), {}};
  for (const SourceReport& s : g.result.sources) {
    std::string kinds;
    for (const SourceField& f : s.fields) kinds += (kinds.empty() ? "" : ", ") + (fr ? f.fr : f.en);
    who.paragraphs.push_back((fr ? s.holder_fr : s.holder_en) + " (" + s.name + ")" + (fr ? "\u00A0: " : ": ") + format_count(l, uint64_t(s.records)) +
                             L(l, " enregistrements, ", " records, ") + period(l, s.first_day, s.last_day) + (kinds.empty() ? "" : " — " + kinds));
    const std::string& set = fr ? s.settings_fr : s.settings_en;
    if (!set.empty()) act.paragraphs.push_back((fr ? s.holder_fr : s.holder_en) + (fr ? "\u00A0: " : ": ") + set);
  }
  svg::PageSection inf{L(l, "Ce qu’on peut en déduire", "What can be inferred"), {}};
  for (const Inference& x : g.result.inferences)
    if (!x.sensitive || g.show_sensitive)
      inf.paragraphs.push_back((fr ? x.text_fr : x.text_en) + " (" + L(l, "confiance\u00A0: ", "confidence: ") + confidence_word(x.confidence, fr) + ")");
  if (g.result.sensitive_count && !g.show_sensitive)
    inf.paragraphs.push_back(format_count(l, uint64_t(g.result.sensitive_count)) +
                             L(l, " déduction(s) sensible(s) (RGPD art. 9) non imprimée(s)\u00A0: affichez-les d’abord dans l’application si vous le souhaitez.",
                               " sensitive inference(s) (GDPR Art. 9) not printed: show them in the app first if you wish."));
  p.sections = {who, inf};
  if (!act.paragraphs.empty()) p.sections.push_back(act);
  p.footer = L(l, "Self Data Workbench — vos fichiers restent sur votre appareil.", "Self Data Workbench — your files stay on your device.");
  return svg::page(p);
}

}  // namespace

void set_source_id_of(SourceIdOf f) { g.source_id_of = f; }

void draw_reveal(Lang l, const std::vector<std::string>& views, uint64_t rows_total, Recorder record) {
  if (!record) record = [](const char*) {};
  std::string sig;
  for (const auto& v : views) sig += v + ",";
  sig += std::to_string(rows_total);
  auto present = [&](const char* v) { return std::find(views.begin(), views.end(), v) != views.end(); };
  if (sig != g.fetched_for && g.inventory.request == 0) {   // new or changed sources: fetch everything again
    g.fetched_for = sig;
    g.computed = false;
    std::string inv;
    for (const char* v : {"visits", "location_points", "trips", "activity", "transactions", "energy_readings", "learning_statements",
                          "purchases", "health_records", "health_measures"})
      if (present(v))
        inv += std::string(inv.empty() ? "" : " UNION ALL ") + "SELECT " + k_src + ", '" + v + "' AS domain, count(*)::DOUBLE AS n FROM " + v + " GROUP BY ALL";
    for (Fetch& f : g.fetches) {
      f.has = f.ok = false;
      if (!present(f.view)) continue;
      f.request = g.next_request++;
      platform::fetch_columns(f.request, f.sql.c_str());
    }
    g.inventory.has = false;
    if (inv.empty()) {   // only generic tables: nothing to ask, an empty inventory
      g.inventory = Fetch{"inventory", "", ""};
      g.inventory.has = g.inventory.ok = true;
    } else {
      g.inventory.sql = "SELECT * FROM (" + inv + ") ORDER BY src, domain";
      g.inventory.request = g.next_request++;
      platform::fetch_columns(g.inventory.request, g.inventory.sql.c_str());
    }
  }
  ImGui::PushTextWrapPos(0);
  const char* intro = L(l, "Ce que vos fichiers permettent de déduire sur vous, calculé sur cet appareil\u00A0: rien n’est envoyé. Chaque déduction dit sur quoi elle repose et qui d’autre pourrait la faire.",
                        "What your files allow anyone to infer about you, computed on this device: nothing is sent. Each inference says what it rests on and who else could make it.");
  ImGui::TextWrapped("%s", intro);
  a11y::text(intro);
  if (views.empty()) {
    ImGui::TextDisabled("%s", L(l, "Déposez un export (ou chargez un exemple) pour voir ce qu’il révèle.", "Drop an export (or load a sample) to see what it reveals."));
    a11y::text(L(l, "Déposez un export (ou chargez un exemple) pour voir ce qu’il révèle.", "Drop an export (or load a sample) to see what it reveals."));
    ImGui::PopTextWrapPos();
    return;
  }
  if (!g.computed) {
    if (all_answered()) compute();
    else {
      ImGui::TextDisabled("%s", L(l, "Calcul en cours…", "Computing…"));
      a11y::text(L(l, "Calcul en cours…", "Computing…"), "status");
      ImGui::PopTextWrapPos();
      return;
    }
  }
  for (const Fetch& f : g.fetches)
    if (f.has && !f.ok) ImGui::TextColored(ui::color_error(), "%s: %s", f.id, f.error.c_str());
  const char* summary = L(l, "Résumé d’une page à imprimer (SVG + PNG)", "One-page summary to print (SVG + PNG)");
  const bool summary_clicked = ImGui::SmallButton(summary);
  record("reveal.png");
  if (ui::ax("reveal.png", summary) || summary_clicked)
    platform::save_svg(l == Lang::Fr ? "ce_que_mes_donnees_disent_de_moi.svg" : "what_my_data_says.svg", summary_page(l), true);
  ImGui::Separator();
  draw_inventory(l, record);
  ImGui::Separator();
  ImGui::TextColored(ui::color_accent(), "%s", L(l, "Ce qu’on peut en déduire", "What can be inferred"));
  a11y::heading(2, L(l, "Ce qu’on peut en déduire", "What can be inferred"));
  int n = 0, hidden = 0;
  for (const Inference& x : g.result.inferences) {
    if (x.sensitive) { ++hidden; continue; }
    draw_inference(l, x, n++);
  }
  if (n == 0) {
    ImGui::TextDisabled("%s", L(l, "Rien de plus\u00A0: ces fichiers ne suffisent pas.", "Nothing more: these files are not enough."));
    a11y::text(L(l, "Rien de plus\u00A0: ces fichiers ne suffisent pas.", "Nothing more: these files are not enough."));
  }
  if (hidden) {
    ImGui::Separator();
    if (!g.show_sensitive) {
      char b[160];
      std::snprintf(b, sizeof b, l == Lang::Fr ? "Afficher les déductions sensibles (%d)" : "Show sensitive inferences (%d)", hidden);
      const bool show = ImGui::Button(b);
      record("reveal.sensitive");
      if (ui::ax("reveal.sensitive", b) || show) g.confirm_sensitive = true;
      if (g.confirm_sensitive) {
        ImGui::TextColored(ui::color_warn(), "%s",
                           L(l, "Attention\u00A0: santé, religion, opinions politiques ou syndicales (RGPD art. 9). Elles restent sur cet appareil\u202F; vérifiez que personne ne regarde votre écran.",
                             "Warning: health, religion, political or union opinions (GDPR Art. 9). They stay on this device; make sure nobody is looking at your screen."));
        a11y::text(L(l, "Attention\u00A0: santé, religion, opinions politiques ou syndicales (RGPD art. 9). Elles restent sur cet appareil\u202F; vérifiez que personne ne regarde votre écran.",
                     "Warning: health, religion, political or union opinions (GDPR Art. 9). They stay on this device; make sure nobody is looking at your screen."), "warning");
        const char* ok = L(l, "J’ai compris, afficher", "I understand, show them");
        const bool yes = ImGui::Button(ok);
        record("reveal.sensitive.confirm");
        if (ui::ax("reveal.sensitive.confirm", ok) || yes) g.show_sensitive = true, g.confirm_sensitive = false;
      }
    } else {
      const char* hide = L(l, "Masquer les déductions sensibles", "Hide sensitive inferences");
      const bool h = ImGui::Button(hide);
      record("reveal.sensitive.hide");
      if (ui::ax("reveal.sensitive.hide", hide) || h) g.show_sensitive = false;
      for (const Inference& x : g.result.inferences)
        if (x.sensitive) draw_inference(l, x, n++);
    }
  }
  ImGui::PopTextWrapPos();
}

bool on_columns(int request_id, Columns& answer) {
  if (request_id == 0) return false;
  if (g.inventory.request == request_id) { take_answer(g.inventory, answer); return true; }
  for (Fetch& f : g.fetches)
    if (f.request == request_id) { take_answer(f, answer); return true; }
  return false;
}

json state_json() {
  json j;
  j["computed"] = g.computed;
  j["sources"] = g.result.sources.size();
  j["inferences"] = g.result.inferences.size();
  j["sensitive"] = g.result.sensitive_count;
  j["show_sensitive"] = g.show_sensitive;
  json kinds = json::array(), holders = json::array();
  for (const Inference& x : g.result.inferences)
    if (!x.sensitive || g.show_sensitive) kinds.push_back(x.kind);
  for (const SourceReport& s : g.result.sources) holders.push_back(s.holder_en);
  j["kinds"] = kinds;
  j["holders"] = holders;
  j["home"] = g.result.home.found ? json{{"lat", g.result.home.lat}, {"lon", g.result.home.lon}} : json(nullptr);
  j["work"] = g.result.work.found ? json{{"lat", g.result.work.lat}, {"lon", g.result.work.lon}} : json(nullptr);
  json errors = json::array();
  for (const Fetch& f : g.fetches)
    if (f.has && !f.ok) errors.push_back(std::string(f.id) + ": " + f.error);
  if (g.inventory.has && !g.inventory.ok) errors.push_back("inventory: " + g.inventory.error);
  j["errors"] = errors;
  return j;
}

}  // namespace sdw::reveal_ui
