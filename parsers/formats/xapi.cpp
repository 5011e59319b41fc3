// xAPI statements -> learning_statements. Each statement is flattened by JsonRecordCollector and read:
//   actor       name, else account.name, else mbox_sha1sum; a bare mbox is hashed to its mbox_sha1sum
//               (the e-mail address itself is never stored); actor_kind says which
//   verb        display in fr-FR, else fr-*, else en-US, else en-*, else any; else the IRI's last segment
//   object      id, definition.name (same language order), objectType
//   result      score.scaled/raw/min/max, success, completion, duration (ISO 8601 -> seconds)
//   context     contextActivities.grouping, else parent (array or single object): first activity's name or id
//   timestamp   (else stored, else a time in the context), stored, id, version; ts_source says which:
//               Moodle's logstore_xapi and some LRS exports leave timestamp out; "stored" (the LRS's time) is
//               then used, else a context extension's time (Moodle puts its log row there, "timecreated" in
//               epoch seconds). Each fallback is counted in an info message; a statement with no time at all is
//               kept (no date) and counted in a warning, never dropped.
// Invalid statements (not an object, no actor, no verb id, no object) are skipped with xapi.invalid_statement
// naming their 0-based index in the file, and counted in one summary message.
#include "parsers/formats/xapi.h"

#include <fast_float/fast_float.h>

#include <cmath>
#include <cstring>

#include "parsers/core/domain_table.h"
#include "parsers/core/domains.h"
#include "parsers/readers/json.h"
#include "parsers/readers/json_reader.h"

namespace sdw {

// [SECTION] helpers

bool parse_iso_duration(std::string_view s, double& seconds) {
  s = trim(s);
  if (s.size() < 3 || (s[0] != 'P' && s[0] != 'p')) return false;
  size_t i = 1;
  bool time = false, any = false, frac_seen = false;
  double total = 0;
  const char* order_date = "YMWD";
  const char* order_time = "HMS";
  int last_date = -1, last_time = -1;
  while (i < s.size()) {
    char c = s[i];
    if (c == 'T' || c == 't') {
      if (time) return false;
      time = true;
      ++i;
      if (i == s.size()) return false;
      continue;
    }
    if (frac_seen) return false;  // a fraction only on the last component
    size_t j = i;
    std::string num;
    while (j < s.size() && ((s[j] >= '0' && s[j] <= '9') || s[j] == '.' || s[j] == ',')) {
      num.push_back(s[j] == ',' ? '.' : s[j]);
      ++j;
    }
    if (num.empty() || j == s.size()) return false;
    double v;
    auto r = fast_float::from_chars(num.data(), num.data() + num.size(), v);
    if (r.ec != std::errc() || r.ptr != num.data() + num.size()) return false;
    frac_seen = num.find('.') != std::string::npos;
    char unit = s[j];
    if (unit >= 'a' && unit <= 'z') unit = char(unit - 'a' + 'A');
    const char* order = time ? order_time : order_date;
    const char* pos = std::strchr(order, unit);
    if (!pos) return false;
    int idx = int(pos - order);
    int& last = time ? last_time : last_date;
    if (idx <= last) return false;
    last = idx;
    double k;
    if (!time) k = unit == 'Y' ? 365 * 86400.0 : unit == 'M' ? 30 * 86400.0 : unit == 'W' ? 7 * 86400.0 : 86400.0;
    else k = unit == 'H' ? 3600.0 : unit == 'M' ? 60.0 : 1.0;
    total += v * k;
    any = true;
    i = j + 1;
  }
  if (!any) return false;
  seconds = total;
  return true;
}

std::string sha1_hex(std::string_view s) {
  uint32_t h[5] = {0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0};
  std::string m(s);
  const uint64_t bits = uint64_t(s.size()) * 8;
  m.push_back(char(0x80));
  while (m.size() % 64 != 56) m.push_back('\0');
  for (int i = 7; i >= 0; --i) m.push_back(char((bits >> (i * 8)) & 0xFF));
  auto rol = [](uint32_t x, int n) { return (x << n) | (x >> (32 - n)); };
  for (size_t off = 0; off < m.size(); off += 64) {
    uint32_t w[80];
    for (int i = 0; i < 16; ++i)
      w[i] = uint32_t(uint8_t(m[off + 4 * i])) << 24 | uint32_t(uint8_t(m[off + 4 * i + 1])) << 16 |
             uint32_t(uint8_t(m[off + 4 * i + 2])) << 8 | uint32_t(uint8_t(m[off + 4 * i + 3]));
    for (int i = 16; i < 80; ++i) w[i] = rol(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
    uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4];
    for (int i = 0; i < 80; ++i) {
      uint32_t f, k;
      if (i < 20) { f = (b & c) | (~b & d); k = 0x5A827999; }
      else if (i < 40) { f = b ^ c ^ d; k = 0x6ED9EBA1; }
      else if (i < 60) { f = (b & c) | (b & d) | (c & d); k = 0x8F1BBCDC; }
      else { f = b ^ c ^ d; k = 0xCA62C1D6; }
      uint32_t t = rol(a, 5) + f + e + k + w[i];
      e = d; d = c; c = rol(b, 30); b = a; a = t;
    }
    h[0] += a; h[1] += b; h[2] += c; h[3] += d; h[4] += e;
  }
  static const char* k_hex = "0123456789abcdef";
  std::string out;
  for (uint32_t v : h)
    for (int i = 7; i >= 0; --i) out.push_back(k_hex[(v >> (i * 4)) & 15]);
  return out;
}

namespace {

// fr-FR < fr-* < en-US < en-* < anything else
int lang_rank(std::string_view tag) {
  auto prefix = [&](const char* p) { return tag.size() >= 2 && (tag[0] | 0x20) == p[0] && (tag[1] | 0x20) == p[1]; };
  if (tag == "fr-FR" || tag == "fr-fr") return 0;
  if (prefix("fr")) return 1;
  if (tag == "en-US" || tag == "en-us") return 2;
  if (prefix("en")) return 3;
  return 4;
}

}  // namespace

int xapi_detect(std::string_view head, std::string_view file_name) {
  std::string_view h = json_head_start(head);
  if (h.empty() || (h[0] != '[' && h[0] != '{')) return 0;
  const bool verb = h.find("\"verb\"") != std::string_view::npos;
  const bool actor = h.find("\"actor\"") != std::string_view::npos;
  const bool statements = h.find("\"statements\"") != std::string_view::npos;
  if (verb && (actor || statements)) return 85;
  return 0;
}

// [SECTION] parser

namespace {

enum Col : size_t {
  c_ts, c_actor, c_verb, c_verb_id, c_object_id, c_object_name, c_course, c_score, c_success, c_completion,
  c_duration, c_statement_id, c_source, c_actor_kind, c_object_type, c_course_id, c_score_raw, c_score_min,
  c_score_max, c_stored, c_version, c_ts_source,
};

class XapiParser final : public Parser, public JsonHandler {
 public:
  explicit XapiParser(const ParseOptions& o) : m_reader(JsonReaderOptions{}, &diag), m_prov(provenance_of(o)) {
    m_table = make_domain_table(
        domain::k_learning_statements,
        {{"ts", ColumnType::Timestamp}, {"actor", ColumnType::String}, {"verb", ColumnType::String},
         {"verb_id", ColumnType::String}, {"object_id", ColumnType::String}, {"object_name", ColumnType::String},
         {"course", ColumnType::String}, {"score_scaled", ColumnType::Float64}, {"success", ColumnType::Bool},
         {"completion", ColumnType::Bool}, {"duration_s", ColumnType::Float64}, {"statement_id", ColumnType::String},
         {"source", ColumnType::String}, {"actor_kind", ColumnType::String}, {"object_type", ColumnType::String},
         {"course_id", ColumnType::String}, {"score_raw", ColumnType::Float64}, {"score_min", ColumnType::Float64},
         {"score_max", ColumnType::Float64}, {"stored", ColumnType::Timestamp}, {"version", ColumnType::String},
         {"ts_source", ColumnType::String}});
    m_w = RowWriter(m_table);
  }

  void feed(std::span<const uint8_t> chunk) override {
    if (m_done) return;
    m_reader.feed(std::string_view(reinterpret_cast<const char*>(chunk.data()), chunk.size()), *this);
    if (m_reader.failed()) fail();
  }

  void finish() override {
    if (m_done) return;
    m_reader.finish(*this);
    if (m_reader.failed()) { fail(); return; }
    m_done = true;
    if (m_mode == Mode::Object && !m_saw_statements && m_root.complete()) {
      statement(m_root.fields(), 0, m_root.offset(), m_root.line());  // a single statement
    } else if (m_mode == Mode::Object) {
      if (const JsonField* more = m_root.find("more"); more && more->type == JsonType::String && !more->text.empty()) {
        m_table.meta.emplace_back("more", std::string(more->text));
        Message m = make_message("xapi.more",
                                 "Résultat partiel de l'LRS : d'autres déclarations suivent à l'adresse « more »",
                                 "Partial LRS result: more statements are available at the \"more\" URL");
        m.info = true;
        diag.warn(std::move(m));
      }
    }
    report();
    tables.push_back(std::move(m_table));
    for (Table& t : tables) t.finalize();
  }

  uint64_t rows_so_far() const override { return m_w.rows(); }
  const char* encoding() const override { return "utf-8"; }

  void on_event(const JsonEvent& e, JsonReader& r) override {
    if (m_in_record) {
      if (m_rec.on_event(e)) end_record();
      return;
    }
    if (m_mode == Mode::None) {
      if (e.kind == JsonKind::BeginArray) { m_mode = Mode::Array; return; }
      if (e.kind == JsonKind::BeginObject) {
        m_mode = Mode::Object;
        m_root.begin();
        m_root.on_event(e);
        return;
      }
      m_mode = Mode::Other;
      return;
    }
    if (m_mode == Mode::Array) {
      if (e.depth == 1) element(e);
      return;
    }
    if (m_mode != Mode::Object) return;
    if (m_in_statements) {
      if (e.kind == JsonKind::EndArray && e.depth == 1) { m_in_statements = false; return; }
      if (e.depth == 2) element(e);
      return;
    }
    m_root.on_event(e);
    if (e.kind == JsonKind::BeginArray && e.depth == 1 && r.key_at(0) == "statements") {
      m_root.discard_open_array();
      m_in_statements = true;
      m_saw_statements = true;
    }
  }

 private:
  enum class Mode { None, Array, Object, Other };

  void element(const JsonEvent& e) {
    if (e.kind == JsonKind::EndArray || e.kind == JsonKind::EndObject) return;  // end of a nested array element
    const uint64_t index = m_index++;
    if (e.kind == JsonKind::BeginObject) {
      m_rec_index = index;
      m_rec.begin();
      if (m_rec.on_event(e)) end_record();
      else m_in_record = true;
      return;
    }
    invalid(index, e.offset, e.line, "ce n'est pas un objet", "not an object");
  }

  void end_record() {
    m_in_record = false;
    statement(m_rec.fields(), m_rec_index, m_rec.offset(), m_rec.line());
  }

  void invalid(uint64_t index, uint64_t off, uint64_t line, const std::string& fr, const std::string& en) {
    ++m_invalid;
    const char* code = "xapi.invalid_statement";
    if (diag.at_cap(code)) { diag.suppress(code); return; }
    diag.warn(make_message(code, "Déclaration n° " + num_str(index) + " ignorée : " + fr,
                           "Statement #" + num_str(index) + " skipped: " + en, off, line));
  }

  // best language of a language map flattened as "<prefix><tag>"
  static const JsonField* pick_lang(std::span<const JsonField> fields, std::string_view prefix) {
    const JsonField* best = nullptr;
    int best_rank = 99;
    for (const JsonField& f : fields) {
      if (f.type != JsonType::String || f.path.size() <= prefix.size() || f.path.substr(0, prefix.size()) != prefix)
        continue;
      std::string_view tag = f.path.substr(prefix.size());
      if (tag.find('.') != std::string_view::npos) continue;
      const int r = lang_rank(tag);
      if (r < best_rank) { best_rank = r; best = &f; }
    }
    return best;
  }

  static const JsonField* find(std::span<const JsonField> fields, std::string_view path) {
    const JsonField* hit = nullptr;
    for (const JsonField& f : fields)
      if (f.path == path) hit = &f;
    return hit;
  }

  static bool has_prefix(std::span<const JsonField> fields, std::string_view prefix) {
    for (const JsonField& f : fields)
      if (f.path.size() >= prefix.size() && f.path.substr(0, prefix.size()) == prefix) return true;
    return false;
  }

  static std::string_view text_of(const JsonField* f) {
    return f && f->type == JsonType::String ? f->text : std::string_view();
  }

  void number(size_t c, const JsonField* f) {
    if (f && f->type == JsonType::Number) m_w.f64(c, f->f64);
  }

  bool time(size_t c, const JsonField* f) {
    DateTime dt;
    if (f && f->type == JsonType::String && parse_datetime(trim(f->text), LocalZone::Utc, dt, false)) {
      m_w.ts(c, dt.utc_us, dt.local_offset());
      return true;
    }
    return false;
  }

  // A time inside "context": a member named timecreated / timestamp / time, epoch seconds (milliseconds past
  // 1e11) or an ISO 8601 string (Moodle: context.extensions.<…moodle_logstore_standard_log>.timecreated).
  bool context_time(std::span<const JsonField> fields) {
    for (const JsonField& f : fields) {
      if (f.path.substr(0, 8) != "context.") continue;
      const size_t dot = f.path.rfind('.');
      const std::string_view leaf = f.path.substr(dot + 1);
      if (leaf != "timecreated" && leaf != "timestamp" && leaf != "time") continue;
      if (f.type == JsonType::Number && f.f64 > 0) {
        const double secs = f.f64 > 1e11 ? f.f64 / 1000 : f.f64;
        m_w.ts(c_ts, int64_t(std::llround(secs * 1e6)));
        return true;
      }
      if (time(c_ts, &f)) return true;
    }
    return false;
  }

  // course: first activity of grouping, else parent; arrays are flattened as JSON text, read again here
  bool course(std::span<const JsonField> fields) {
    for (const char* which : {"context.contextActivities.grouping", "context.contextActivities.parent"}) {
      const std::string base(which);
      const JsonField* arr = find(fields, base);
      std::string_view name, id;
      std::string name_buf, id_buf;
      if (arr && arr->type == JsonType::Array) {
        if (!first_activity(arr->text, name_buf, id_buf)) continue;
        name = name_buf;
        id = id_buf;
      } else {  // a single object (pre-1.0 LRSs)
        id = text_of(find(fields, base + ".id"));
        if (const JsonField* n = pick_lang(fields, base + ".definition.name.")) name = n->text;
        if (id.empty() && name.empty()) continue;
      }
      if (!name.empty()) m_w.str(c_course, name);
      else m_w.str(c_course, id);
      if (!id.empty()) m_w.str(c_course_id, id);
      return true;
    }
    return false;
  }

  // The first element of a JSON array text of activities: its best name and its id.
  class FirstActivity : public JsonHandler {
   public:
    JsonRecordCollector rec;
    bool started = false, done = false;
    void on_event(const JsonEvent& e, JsonReader& r) override {
      if (done) return;
      if (!started) {
        if (e.depth == 1 && e.kind == JsonKind::BeginObject) {
          started = true;
          rec.begin();
          if (rec.on_event(e)) { done = true; r.stop(); }
        }
        return;
      }
      if (rec.on_event(e)) { done = true; r.stop(); }
    }
  };

  bool first_activity(std::string_view json, std::string& name, std::string& id) {
    FirstActivity h;
    JsonReader r;
    r.feed(json, h);
    if (!h.done) return false;
    auto fields = h.rec.fields();
    id = std::string(text_of(find(fields, "id")));
    if (const JsonField* n = pick_lang(fields, "definition.name.")) name = std::string(n->text);
    return !id.empty() || !name.empty();
  }

  void statement(std::span<const JsonField> f, uint64_t index, uint64_t off, uint64_t line) {
    // validity first: nothing is written for a skipped statement
    const bool has_actor = has_prefix(f, "actor.");
    const JsonField* verb_id = find(f, "verb.id");
    const bool has_object = has_prefix(f, "object.");
    if (!has_actor) { invalid(index, off, line, "acteur (actor) absent", "no actor"); return; }
    if (!has_prefix(f, "verb.")) { invalid(index, off, line, "verbe (verb) absent", "no verb"); return; }
    if (!verb_id || verb_id->type != JsonType::String || verb_id->text.empty()) {
      invalid(index, off, line, "verbe sans identifiant (verb.id)", "verb without an id (verb.id)");
      return;
    }
    if (!has_object) { invalid(index, off, line, "objet (object) absent", "no object"); return; }

    if (time(c_ts, find(f, "timestamp"))) {
      m_w.str(c_ts_source, "timestamp");
    } else if (time(c_ts, find(f, "stored"))) {
      m_w.str(c_ts_source, "stored");
      if (m_from_stored++ == 0) m_from_stored_index = index;
    } else if (context_time(f)) {
      m_w.str(c_ts_source, "context");
      if (m_from_context++ == 0) m_from_context_index = index;
    } else if (m_no_time++ == 0) {
      m_no_time_index = index;
      m_no_time_off = off;
      m_no_time_line = line;
    }
    // actor: a readable name or account, never the e-mail address
    std::string_view actor = text_of(find(f, "actor.name"));
    const char* kind = "name";
    std::string hashed;
    if (actor.empty()) { actor = text_of(find(f, "actor.account.name")); kind = "account"; }
    if (actor.empty()) { actor = text_of(find(f, "actor.mbox_sha1sum")); kind = "mbox_sha1sum"; }
    if (actor.empty()) {
      std::string_view mbox = trim(text_of(find(f, "actor.mbox")));
      if (!mbox.empty()) {
        std::string iri(mbox);  // hashed as written, like mbox_sha1sum (xAPI 1.0.3 §4.1.2.3)
        if (iri.rfind("mailto:", 0) != 0) iri = "mailto:" + iri;
        hashed = sha1_hex(iri);
        actor = hashed;
        ++m_hashed;
      }
    }
    if (actor.empty()) { actor = text_of(find(f, "actor.openid")); kind = "openid"; }
    if (!actor.empty()) {
      m_w.str(c_actor, actor);
      m_w.str(c_actor_kind, kind);
    }
    // verb
    m_w.str(c_verb_id, verb_id->text);
    if (const JsonField* d = pick_lang(f, "verb.display.")) m_w.str(c_verb, d->text);
    else {
      std::string_view v = verb_id->text;
      size_t cut = v.find_last_of("/#");
      m_w.str(c_verb, cut == std::string_view::npos ? v : v.substr(cut + 1));
    }
    // object
    if (std::string_view id = text_of(find(f, "object.id")); !id.empty()) m_w.str(c_object_id, id);
    if (const JsonField* n = pick_lang(f, "object.definition.name.")) m_w.str(c_object_name, n->text);
    if (std::string_view t = text_of(find(f, "object.objectType")); !t.empty()) m_w.str(c_object_type, t);
    else m_w.str(c_object_type, "Activity");
    // result
    number(c_score, find(f, "result.score.scaled"));
    number(c_score_raw, find(f, "result.score.raw"));
    number(c_score_min, find(f, "result.score.min"));
    number(c_score_max, find(f, "result.score.max"));
    if (const JsonField* s = find(f, "result.success"); s && s->type == JsonType::Bool) m_w.boolean(c_success, s->boolean);
    if (const JsonField* s = find(f, "result.completion"); s && s->type == JsonType::Bool)
      m_w.boolean(c_completion, s->boolean);
    if (std::string_view d = text_of(find(f, "result.duration")); !d.empty()) {
      double secs;
      if (parse_iso_duration(d, secs)) m_w.f64(c_duration, secs);
      else if (m_bad_duration++ == 0) {
        diag.warn(make_message("xapi.bad_duration",
                               "Durée « " + std::string(d.substr(0, 40)) + " » illisible (déclaration n° " + num_str(index) +
                                   "), laissée vide",
                               "Unreadable duration \"" + std::string(d.substr(0, 40)) + "\" (statement #" + num_str(index) +
                                   "), left empty",
                               off, line));
      }
    }
    course(f);
    if (std::string_view id = text_of(find(f, "id")); !id.empty()) m_w.str(c_statement_id, id);
    m_w.str(c_source, "xapi");
    time(c_stored, find(f, "stored"));
    if (std::string_view v = text_of(find(f, "version")); !v.empty()) m_w.str(c_version, v);
    m_w.end_row(m_prov, index);
  }

  void report() {
    if (m_from_stored) {
      Message m = make_message("xapi.ts_from_stored",
                               num_str(m_from_stored) + " déclaration(s) sans « timestamp » lisible (Moodle…) : datée(s) par « stored », " +
                                   "l'heure d'enregistrement dans le LRS (première : n° " + num_str(m_from_stored_index) + ")",
                               num_str(m_from_stored) + " statement(s) without a readable \"timestamp\" (Moodle…): dated by \"stored\", " +
                                   "the time the LRS recorded them (first: #" + num_str(m_from_stored_index) + ")");
      m.info = true;
      diag.warn(std::move(m));
    }
    if (m_from_context) {
      Message m = make_message("xapi.ts_from_context",
                               num_str(m_from_context) + " déclaration(s) sans « timestamp » ni « stored » : datée(s) par l'heure " +
                                   "de leur contexte (timecreated de Moodle ; première : n° " + num_str(m_from_context_index) + ")",
                               num_str(m_from_context) + " statement(s) without \"timestamp\" or \"stored\": dated by the time in " +
                                   "their context (Moodle's timecreated; first: #" + num_str(m_from_context_index) + ")");
      m.info = true;
      diag.warn(std::move(m));
    }
    if (m_no_time)
      diag.warn(make_message("xapi.no_time",
                             num_str(m_no_time) + " déclaration(s) sans aucune heure (timestamp, stored, contexte) : gardée(s) " +
                                 "sans date, absente(s) des chiffres par jour (première : n° " + num_str(m_no_time_index) + ")",
                             num_str(m_no_time) + " statement(s) without any time (timestamp, stored, context): kept without a " +
                                 "date, missing from per-day figures (first: #" + num_str(m_no_time_index) + ")",
                             m_no_time_off, m_no_time_line));
    if (m_invalid)
      diag.warn(make_message("xapi.skipped_statements",
                             num_str(m_invalid) + " déclaration(s) invalide(s) ignorée(s) sur " + num_str(m_invalid + m_w.rows()),
                             num_str(m_invalid) + " invalid statement(s) skipped out of " + num_str(m_invalid + m_w.rows())));
    if (m_mode != Mode::None && m_mode != Mode::Other && m_hashed) {
      Message m = make_message("xapi.mbox_hashed",
                               num_str(m_hashed) + " acteur(s) identifié(s) par e-mail : adresse remplacée par son empreinte SHA-1",
                               num_str(m_hashed) + " actor(s) identified by e-mail: address replaced by its SHA-1 digest");
      m.info = true;
      diag.warn(std::move(m));
    }
    if (m_mode == Mode::Other || (m_mode == Mode::Object && !m_saw_statements && m_w.rows() == 0 && m_invalid == 0))
      diag.warn(make_message("xapi.no_statements", "Aucune déclaration xAPI trouvée", "No xAPI statement found"));
  }

  void fail() {
    diag.fail(m_reader.error());
    tables.clear();
    m_done = true;
  }

  JsonReader m_reader;
  Provenance m_prov;
  Table m_table;
  RowWriter m_w;
  JsonRecordCollector m_root, m_rec;
  Mode m_mode = Mode::None;
  bool m_done = false, m_in_record = false, m_in_statements = false, m_saw_statements = false;
  uint64_t m_index = 0, m_rec_index = 0, m_invalid = 0, m_hashed = 0, m_bad_duration = 0;
  uint64_t m_from_stored = 0, m_from_stored_index = 0, m_from_context = 0, m_from_context_index = 0, m_no_time = 0,
           m_no_time_index = 0, m_no_time_off = 0, m_no_time_line = 0;
};

}  // namespace

std::unique_ptr<Parser> xapi_create(const ParseOptions& opts) { return std::make_unique<XapiParser>(opts); }

}  // namespace sdw
