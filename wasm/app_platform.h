// What the UI asks of the page it runs in (file dialogs, DuckDB, language). Implemented for the
// browser in wasm/app_platform_web.cpp; the UI code calls only these functions, never EM_JS.
#pragma once
#include <string>

namespace sdw::platform {

void first_frame();                           // lets the page start DuckDB once something is on screen
void open_files(bool folder);                 // shows the browser's file (or folder) picker
void remove_source(int id);
void undo_remove();                           // puts back the source removed last (for a few seconds)
void end_session();                           // workshop mode: wipe everything, reload a blank app
void open_persistence();                      // the encrypted-workspace dialog (turn on, reopen, forget)
void cancel_source(int id);
void run_sql(int request_id, const char* sql);  // answer arrives through app_sql_result()
void cancel_sql();                            // stops the query run_sql started (its answer says cancelled)
void set_lang(const char* code);
void load_persona(const char* id, const char* tab = nullptr);   // sample data shipped with the app; opens `tab` (else its own)
void fetch_columns(int request_id, const char* sql);   // answer arrives through app_columns_frame() (wasm/app_columns.h)
void export_result(const char* format);       // last query's result as a file: csv, csv_fr, parquet, ndjson, geojson
void export_table(const char* table, const char* format);
// Saves bytes as a download (a Blob in the page, never a request); state.last_save tells the tests.
void save_bytes(const char* file_name, const char* mime, const std::string& bytes);
// The accessibility tree (viz/a11y.h) of the frame just drawn, when it changed: web/a11y.js mirrors it as DOM.
void publish_a11y(const std::string& json);
// A chart picture made by the app (viz/svg.h) saved as SVG, and as PNG rendered from that SVG by the browser.
void save_svg(const char* file_name, const std::string& svg, bool also_png);
// The person's decisions (trip corrections…) changed: the page keeps them with the encrypted workspace.
void settings_changed(const std::string& json);
std::string initial_lang();
double device_pixel_ratio();
void fit_canvas();                            // resize the canvas backing store to CSS size × pixel ratio

}  // namespace sdw::platform
