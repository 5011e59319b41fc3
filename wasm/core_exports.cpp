// The parse worker's C ABI (core.wasm): one streaming session at a time, fed from File.stream() by
// web/parse_worker.js. Owns: the JS-facing functions and the result description (JSON with pointers
// to the Arrow-ready buffers). Does not own parsing (parsers/) or Arrow building (the worker does that).
#include <emscripten/emscripten.h>
#include <emscripten/heap.h>

#include <cstdint>
#include <cstdlib>
#include <memory>
#include <new>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "parsers/parser.h"

namespace {

uint64_t g_memory_limit = 0;         // test-only ceiling below MAXIMUM_MEMORY (core_set_memory_limit), 0: none

std::unique_ptr<sdw::Session> g_session;
std::vector<sdw::Table> g_batches;   // rows moved out by core_drain(), alive until core_release_batches()
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

json column_json(sdw::Column& c) {
  json j = {{"name", c.name}, {"type", sdw::column_type_name(c.type)}, {"null_count", c.null_count},
            {"validity", ptr_len(c.validity_bits.data(), c.validity_bits.size())}};
  switch (c.type) {
    case sdw::ColumnType::Bool: j["data"] = ptr_len(c.bool_bits.data(), c.bool_bits.size()); break;
    case sdw::ColumnType::Int64:
    case sdw::ColumnType::Timestamp: j["data"] = ptr_len(c.i64.data(), c.i64.size() * 8); break;
    case sdw::ColumnType::Float64: j["data"] = ptr_len(c.f64.data(), c.f64.size() * 8); break;
    case sdw::ColumnType::Date: j["data"] = ptr_len(c.i32.data(), c.i32.size() * 4); break;
    case sdw::ColumnType::String:
      j["data"] = ptr_len(c.chars.data(), c.chars.size());
      j["offsets"] = ptr_len(c.offsets.data(), c.offsets.size() * 4);
      break;
  }
  if (c.type == sdw::ColumnType::Timestamp && c.has_offsets())
    j["offsets_min"] = ptr_len(c.utc_offset_min.data(), c.utc_offset_min.size() * 2);
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
  size_t index = 0;
  for (auto& t : s.tables()) {
    t.finalize();
    json tj = {{"index", index++}, {"name", t.name}, {"entry", t.entry}, {"domain", t.domain}, {"rows", t.rows()},
               {"columns", json::array()}, {"meta", t.meta}};
    for (auto& c : t.columns) tj["columns"].push_back(column_json(c));
    out["tables"].push_back(std::move(tj));
  }
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
EMSCRIPTEN_KEEPALIVE int core_begin(const char* file_name, double total_bytes, const char* time_zone) {
  try {
    sdw::ParseOptions o;
    o.file_name = file_name;
    o.total_bytes = total_bytes > 0 ? static_cast<uint64_t>(total_bytes) : 0;
    o.time_zone = time_zone;
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

// Moves out the rows of every table holding at least min_rows (formats that stream rows only), so the
// worker ships them to DuckDB while parsing goes on and the wasm heap stays flat. Returns
// {"batches":[{index, name, entry, domain, rows, columns:[…]}]}; buffers live until core_release_batches().
EMSCRIPTEN_KEEPALIVE const char* core_drain(int min_rows) {
  json out = {{"batches", json::array()}};
  if (!g_session || !g_session->can_take_rows()) return store(out);
  try {
    auto& tables = g_session->tables();
    for (size_t i = 0; i < tables.size(); i++) {
      if (tables[i].rows() == 0 || tables[i].rows() < static_cast<size_t>(min_rows)) continue;
      g_batches.push_back(g_session->take_rows(i));
      sdw::Table& b = g_batches.back();
      b.finalize();
      json bj = {{"index", i}, {"name", b.name}, {"entry", b.entry}, {"domain", b.domain}, {"rows", b.rows()},
                 {"columns", json::array()}};
      for (auto& c : b.columns) bj["columns"].push_back(column_json(c));
      out["batches"].push_back(std::move(bj));
    }
  } catch (const std::bad_alloc&) {
    g_batches.clear();
    return internal_error("out of memory while taking a batch");
  }
  return store(out);
}

EMSCRIPTEN_KEEPALIVE void core_release_batches() { g_batches = std::vector<sdw::Table>(); }

// Ends the input and describes the result (JSON; pointers stay valid until core_end()).
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

// Frees everything of the session (the JS side has copied the buffers out).
EMSCRIPTEN_KEEPALIVE void core_end() {
  g_session.reset();
  g_batches = std::vector<sdw::Table>();
  g_staging = std::vector<uint8_t>();
  g_result = std::string();
}

}  // extern "C"

int main() { return 0; }
