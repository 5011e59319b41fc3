// The parse worker's C ABI (core.wasm): one streaming session at a time, fed from File.stream() by
// web/parse_worker.js. Owns: the JS-facing functions and the result description (JSON). Every table or
// batch leaves as one complete Arrow IPC stream written here (parsers/core/arrow_ipc.h) in the wasm heap: the
// description gives its [pointer, length] and how each column travelled (data, SQL literal or formula, or
// all-null), so the worker copies one slice out and the page restores the rest in SQL. Does not own
// parsing (parsers/) or the DuckDB side (web/main.js).
#include <emscripten/emscripten.h>
#include <emscripten/heap.h>

#include <cstdint>
#include <cstdlib>
#include <memory>
#include <new>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "parsers/core/arrow_ipc.h"
#include "parsers/core/parser.h"

namespace {

uint64_t g_memory_limit = 0;         // test-only ceiling below MAXIMUM_MEMORY (core_set_memory_limit), 0: none

std::unique_ptr<sdw::Session> g_session;
std::vector<std::vector<uint8_t>> g_ipc;   // streams described by core_drain() / core_table(), alive until
                                          // core_release_batches() / the next core_table() / core_end()
std::vector<uint8_t> g_staging;
std::string g_result;

using json = nlohmann::json;

json ptr_len(const void* p, size_t n) { return json::array({reinterpret_cast<uintptr_t>(p), n}); }

json message_json(const sdw::Message& m) {
  json j = {{"code", m.code}, {"fr", m.fr}, {"en", m.en}};
  if (m.has_location) {
    j["offset"] = m.where.byte_offset;
    j["line"] = m.where.line;
  }
  return j;
}

const char* ship_name(sdw::ShipKind k) {
  switch (k) {
    case sdw::ShipKind::Literal: return "literal";
    case sdw::ShipKind::Null: return "null";
    default: return "data";
  }
}

// One table or batch as one Arrow IPC stream (kept in g_ipc) and its description: "columns" as the page
// lists them (name, type, nulls among the rows) and "plan", one entry per column in table order: "ship"
// data (a field of the stream, followed by "<name>_utc_offset_min" when "offsets"), literal ("sql": a
// constant or a formula over data columns; "offsets_sql": the SQL of its offsets column, if any) or null
// (every row null); "fixed": the same for every batch of the table (a lean column). Type names are DuckDB's.
// The table's own rows are no longer needed afterwards.
json piece_json(const sdw::Table& t, size_t index) {
  std::vector<uint8_t>& ipc = g_ipc.emplace_back();
  std::vector<sdw::ShippedColumn> plan;
  sdw::write_arrow_ipc(t, ipc, plan);
  const size_t rows = t.rows();
  json j = {{"index", index}, {"name", t.name}, {"entry", t.entry}, {"domain", t.domain}, {"rows", rows},
            {"columns", json::array()}, {"plan", json::array()}, {"ipc", ptr_len(ipc.data(), ipc.size())}};
  for (size_t ci = 0; ci < t.columns.size(); ++ci) {
    const sdw::Column& c = t.columns[ci];
    const sdw::ShippedColumn& p = plan[ci];
    j["columns"].push_back({{"name", c.name}, {"type", sdw::column_type_name(c.type)}, {"null_count", p.null_count}});
    json pj = {{"name", c.name}, {"type", sdw::duckdb_type_name(c.type)}, {"ship", ship_name(p.kind)},
               {"null_count", p.null_count}};
    if (p.kind == sdw::ShipKind::Literal) pj["sql"] = p.literal_sql;
    if (!p.offsets_sql.empty()) pj["offsets_sql"] = p.offsets_sql;
    if (p.offsets) pj["offsets"] = true;
    // lean column (left empty by the parser): its Table::derived entry holds for every row of the table, in
    // every batch, so the page may compute it on read instead of storing it
    if (rows > 0 && c.size() == 0) pj["fixed"] = true;
    j["plan"].push_back(std::move(pj));
  }
  return j;
}

json describe(sdw::Session& s) {
  const auto& d = s.diagnostics();
  json out = {{"ok", !d.failed}, {"warnings", json::array()}, {"tables", json::array()}};
  if (const auto* f = s.format()) {
    out["format"] = f->id;
    out["format_label"] = {{"fr", f->label_fr}, {"en", f->label_en}};
    out["confidence"] = s.detection().confidence;
  }
  if (const char* enc = s.encoding()) out["encoding"] = enc;
  for (const auto& w : d.warnings) out["warnings"].push_back(message_json(w));
  for (const auto& [code, n] : d.suppressed) out["warnings"].push_back(
      {{"code", code}, {"fr", std::to_string(n) + " autres avertissements « " + code + " » non affichés"},
       {"en", std::to_string(n) + " more « " + code + " » warnings not shown"}});
  out["entries"] = json::array();  // archives: one object per entry (empty for a plain file)
  for (const auto& e : s.entries()) {
    json ej = {{"path", e.path}, {"size", e.size}, {"compressed", e.compressed}, {"status", e.status},
               {"rows", e.rows}, {"format", nullptr}, {"format_label", nullptr}, {"encoding", nullptr},
               {"warnings", json::array()}, {"error", nullptr}};
    if (e.format) {
      ej["format"] = e.format->id;
      ej["format_label"] = {{"fr", e.format->label_fr}, {"en", e.format->label_en}};
    }
    if (e.encoding) ej["encoding"] = e.encoding;
    for (const auto& w : e.diag.warnings) ej["warnings"].push_back(message_json(w));
    if (e.diag.failed) ej["error"] = message_json(e.diag.error);
    out["entries"].push_back(std::move(ej));
  }
  if (d.failed) {
    out["error"] = message_json(d.error);
    return out;
  }
  out["table_count"] = s.tables().size();   // each one's stream and plan: core_table(i)
  return out;
}

const char* store(const json& j) {
  g_result = j.dump(-1, ' ', false, json::error_handler_t::replace);
  return g_result.c_str();
}

const char* internal_error(const char* what) {
  return store({{"ok", false}, {"tables", json::array()}, {"warnings", json::array()},
                {"error", {{"code", "core.internal"},
                           {"fr", std::string("Erreur interne : ") + what},
                           {"en", std::string("Internal error: ") + what}}}});
}

}  // namespace

// Every C++ allocation of the module. Past MAXIMUM_MEMORY malloc returns null and this throws bad_alloc,
// which Session turns into "out of memory (byte N)" for that file; a test ceiling does the same earlier:
// the heap may not grow beyond it.
void* operator new(std::size_t n) {
  if (g_memory_limit && emscripten_get_heap_size() + n > g_memory_limit) throw std::bad_alloc();
  for (;;) {
    if (void* p = std::malloc(n ? n : 1)) return p;
    std::new_handler h = std::get_new_handler();
    if (!h) throw std::bad_alloc();
    h();
  }
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }

extern "C" {

// Test-only: makes allocations fail once the wasm heap would pass `bytes` (0: only MAXIMUM_MEMORY, 4 GB), so
// the browser test of a file whose output cannot fit runs in seconds.
EMSCRIPTEN_KEEPALIVE void core_set_memory_limit(double bytes) { g_memory_limit = bytes > 0 ? static_cast<uint64_t>(bytes) : 0; }

// Starts a session for one file. total_bytes is a double: JS numbers carry sizes over 4 GiB exactly.
// flags: 1 = lean tables (ParseOptions::lean_tables: a parser may leave constant, derived and all-null columns
// empty; the plan of each stream says how the page restores them).
EMSCRIPTEN_KEEPALIVE int core_begin(const char* file_name, double total_bytes, const char* time_zone, int flags) {
  try {
    sdw::ParseOptions o;
    o.file_name = file_name;
    o.total_bytes = total_bytes > 0 ? static_cast<uint64_t>(total_bytes) : 0;
    o.time_zone = time_zone;
    o.lean_tables = (flags & 1) != 0;
    g_ipc.clear();
    g_session = std::make_unique<sdw::Session>(std::move(o));
    return 0;
  } catch (...) {
    return 1;
  }
}

// A staging buffer of `capacity` bytes that JS fills before each core_feed().
EMSCRIPTEN_KEEPALIVE uint8_t* core_staging(int capacity) {
  try {
    g_staging.resize(static_cast<size_t>(capacity));
    return g_staging.data();
  } catch (...) {
    return nullptr;
  }
}

// Feeds the first n bytes of the staging buffer. Returns 0 to go on, 1 when the parse has failed
// (the error is in core_finish()'s result).
EMSCRIPTEN_KEEPALIVE int core_feed(int n) {
  if (!g_session) return 1;
  g_session->feed(std::span<const uint8_t>(g_staging.data(), static_cast<size_t>(n)));
  return g_session->diagnostics().failed ? 1 : 0;
}

EMSCRIPTEN_KEEPALIVE double core_rows() { return g_session ? static_cast<double>(g_session->rows_so_far()) : 0; }

EMSCRIPTEN_KEEPALIVE void core_cancel() { if (g_session) g_session->cancel(); }

// Moves out the rows of every table holding at least min_rows (formats that stream rows only; an archive's
// finished entries whatever their size), so the
// worker ships them to DuckDB while parsing goes on and the wasm heap stays flat. Returns
// {"batches":[piece_json…]}: each batch is one complete Arrow IPC stream, its rows freed once written; the
// streams live until core_release_batches().
EMSCRIPTEN_KEEPALIVE const char* core_drain(int min_rows) {
  json out = {{"batches", json::array()}};
  if (!g_session || !g_session->can_take_rows()) return store(out);
  try {
    auto& tables = g_session->tables();
    // an archive's tables are its finished entries', complete: each leaves whole, however small
    const bool archive = !g_session->entries().empty();
    for (size_t i = 0; i < tables.size(); i++) {
      if (tables[i].rows() == 0 || (!archive && tables[i].rows() < static_cast<size_t>(min_rows))) continue;
      const sdw::Table batch = g_session->take_rows(i);
      json bj = piece_json(batch, i);
      out["batches"].push_back(std::move(bj));
    }
  } catch (const std::bad_alloc&) {
    g_ipc.clear();
    return internal_error("out of memory while taking a batch");
  } catch (const std::exception& e) {
    g_ipc.clear();
    return internal_error(e.what());
  }
  return store(out);
}

EMSCRIPTEN_KEEPALIVE void core_release_batches() { g_ipc = std::vector<std::vector<uint8_t>>(); }

// Ends the input and describes the result (JSON): warnings, entries, and "table_count" tables, whose
// streams core_table() writes one at a time.
EMSCRIPTEN_KEEPALIVE const char* core_finish() {
  if (!g_session) return internal_error("no session");
  try {
    if (!g_session->done()) g_session->finish();
    return store(describe(*g_session));
  } catch (const std::bad_alloc&) {
    g_session.reset();
    return store({{"ok", false}, {"tables", json::array()}, {"warnings", json::array()},
                  {"error", {{"code", "core.out_of_memory"},
                             {"fr", "Mémoire insuffisante pour le résultat de ce fichier (4 Go au plus dans le navigateur)."},
                             {"en", "Not enough memory for this file's result (the browser allows 4 GB at most)."}}}});
  } catch (const std::exception& e) {
    return internal_error(e.what());
  }
}

// Table i of the finished session as piece_json (with its "meta"). The stream of the previous call is freed
// first, and table i's rows once its stream is written, so the heap holds one table's stream at a time.
EMSCRIPTEN_KEEPALIVE const char* core_table(int i) {
  g_ipc = std::vector<std::vector<uint8_t>>();
  if (!g_session || i < 0 || static_cast<size_t>(i) >= g_session->tables().size()) return internal_error("no such table");
  try {
    sdw::Table& t = g_session->tables()[static_cast<size_t>(i)];
    json tj = piece_json(t, static_cast<size_t>(i));
    tj["meta"] = t.meta;
    for (auto& c : t.columns) c.take_values();   // frees the rows (the returned copy dies here): they travel in the stream now
    return store(tj);
  } catch (const std::bad_alloc&) {
    g_ipc.clear();
    return store({{"ok", false},
                  {"error", {{"code", "core.out_of_memory"},
                             {"fr", "Mémoire insuffisante pour le résultat de ce fichier (4 Go au plus dans le navigateur)."},
                             {"en", "Not enough memory for this file's result (the browser allows 4 GB at most)."}}}});
  } catch (const std::exception& e) {
    g_ipc.clear();
    return internal_error(e.what());
  }
}

// Frees everything of the session (the JS side has copied the buffers out).
EMSCRIPTEN_KEEPALIVE void core_end() {
  g_session.reset();
  g_ipc = std::vector<std::vector<uint8_t>>();
  g_staging = std::vector<uint8_t>();
  g_result = std::string();
}

}  // extern "C"

int main() { return 0; }
