// The merged views' SQL for the page (web/views.js): one export over the core's domain model
// (parsers/core/domain_model.h), so the browser's views apply the same merge rule as the CLI's collectors.
// Owns: this C ABI entry only. Does not own: the SQL (domain_model.cpp) or running it (web/views.js).
#include <emscripten/emscripten.h>

#include <string>

#include "parsers/core/domain_model.h"

namespace {
std::string g_views_plan;   // the last answer, valid until the next call
}  // namespace

extern "C" {

// tables_json: {"tables":[{name, domain, columns}]} of every ready source, in source order. Returns
// {"views":[…], "statements":[…]} (see sdw::model::views_plan_json), or {"error": …}.
EMSCRIPTEN_KEEPALIVE const char* app_views_sql(const char* tables_json) {
  g_views_plan = sdw::model::views_plan_json(tables_json ? tables_json : "");
  return g_views_plan.c_str();
}

}  // extern "C"
