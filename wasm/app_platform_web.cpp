// Browser implementation of wasm/app_platform.h: every call goes to Module.wb in web/main.js.
#include "wasm/app_platform.h"

#include <emscripten/emscripten.h>

#include <cstdlib>

EM_JS(void, js_wb_first_frame, (), { Module.wb.firstFrame(); });
EM_JS(void, js_wb_settings_changed, (const char* json), {
  if (globalThis.sdwSettingsChanged) globalThis.sdwSettingsChanged(UTF8ToString(json >>> 0));
});
EM_JS(void, js_wb_open_files, (int folder), { Module.wb.openFiles(!!folder); });
EM_JS(void, js_wb_remove_source, (int id), { Module.wb.removeSource(id); });
EM_JS(void, js_wb_undo_remove, (), { Module.wb.undoRemove(); });
EM_JS(void, js_wb_end_session, (), { Module.wb.endSession(); });
EM_JS(void, js_wb_open_persistence, (), { Module.wb.openPersistence(); });
EM_JS(void, js_wb_cancel_source, (int id), { Module.wb.cancelSource(id); });
EM_JS(void, js_wb_run_sql, (int req, const char* sql), { Module.wb.runSql(req, UTF8ToString(sql >>> 0)); });
EM_JS(void, js_wb_cancel_sql, (), { Module.wb.cancelSql(); });
EM_JS(void, js_wb_export_result, (const char* f), { Module.wb.exportResult(UTF8ToString(f >>> 0)); });
EM_JS(void, js_wb_export_table, (const char* t, const char* f), { Module.wb.exportTable(UTF8ToString(t >>> 0), UTF8ToString(f >>> 0)); });
EM_JS(void, js_wb_fetch_columns, (int req, const char* sql), { Module.wb.fetchColumns(req, UTF8ToString(sql >>> 0)); });
EM_JS(void, js_wb_load_persona, (const char* id, const char* tab), {
  Module.wb.loadPersona(UTF8ToString(id >>> 0), tab ? UTF8ToString(tab >>> 0) : null);
});
EM_JS(void, js_wb_set_lang, (const char* code), { Module.wb.setLang(UTF8ToString(code >>> 0)); });
EM_JS(char*, js_wb_initial_lang, (), {
  const s = Module.wb.initialLang();
  const n = lengthBytesUTF8(s) + 1, p = _malloc(n);
  stringToUTF8(s, p, n);
  return p;
});
EM_JS(void, js_wb_save_bytes, (const char* name, const char* mime, const char* data, double n), {
  Module.wb.saveBytes(UTF8ToString(name >>> 0), UTF8ToString(mime >>> 0), HEAPU8.slice(data >>> 0, (data >>> 0) + n));
});
EM_JS(double, js_wb_dpr, (), { return window.devicePixelRatio || 1; });
EM_JS(void, js_wb_fit_canvas, (), { Module.wb.fitCanvas(); });
EM_JS(void, js_wb_publish_a11y, (const char* json), { Module.wb.publishA11y(UTF8ToString(json >>> 0)); });
EM_JS(void, js_wb_save_svg, (const char* name, const char* svg, int png), {
  Module.wb.saveSvg(UTF8ToString(name >>> 0), UTF8ToString(svg >>> 0), !!png);
});

namespace sdw::platform {

void first_frame() { js_wb_first_frame(); }
void open_files(bool folder) { js_wb_open_files(folder ? 1 : 0); }
void remove_source(int id) { js_wb_remove_source(id); }
void cancel_source(int id) { js_wb_cancel_source(id); }
void undo_remove() { js_wb_undo_remove(); }
void end_session() { js_wb_end_session(); }
void open_persistence() { js_wb_open_persistence(); }
void run_sql(int request_id, const char* sql) { js_wb_run_sql(request_id, sql); }
void cancel_sql() { js_wb_cancel_sql(); }
void set_lang(const char* code) { js_wb_set_lang(code); }
void load_persona(const char* id, const char* tab) { js_wb_load_persona(id, tab); }
void fetch_columns(int request_id, const char* sql) { js_wb_fetch_columns(request_id, sql); }
void export_result(const char* format) { js_wb_export_result(format); }
void export_table(const char* table, const char* format) { js_wb_export_table(table, format); }
std::string initial_lang() {
  char* p = js_wb_initial_lang();
  std::string s(p ? p : "fr");
  std::free(p);
  return s;
}
void save_bytes(const char* file_name, const char* mime, const std::string& bytes) {
  js_wb_save_bytes(file_name, mime, bytes.data(), static_cast<double>(bytes.size()));
}
double device_pixel_ratio() { return js_wb_dpr(); }
void fit_canvas() { js_wb_fit_canvas(); }
void publish_a11y(const std::string& json) { js_wb_publish_a11y(json.c_str()); }
void settings_changed(const std::string& json) { js_wb_settings_changed(json.c_str()); }
void save_svg(const char* file_name, const std::string& svg, bool also_png) { js_wb_save_svg(file_name, svg.c_str(), also_png ? 1 : 0); }

}  // namespace sdw::platform
