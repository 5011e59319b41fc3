// "Comment récupérer mes données": how to obtain each export the workbench reads, in French and
// English, for the first-steps guide and for dashboards that lack a source.
// Owns: the text. Does not own: drawing (wasm/app_main.cpp).
#pragma once
#include <cstddef>
#include <string_view>

#include "viz/locale.h"

namespace sdw {

struct Guide {
  const char* id;                  // "google_timeline", "enedis", …
  const char* title_fr;
  const char* title_en;
  const char* steps_fr[6];         // ordered steps, nullptr-terminated
  const char* steps_en[6];
  const char* result_fr;           // what file you get and what the workbench reads in it
  const char* result_en;
};

size_t guide_count();
const Guide& guide_at(size_t i);
const Guide* find_guide(std::string_view id);
inline const char* guide_title(const Guide& g, Lang l) { return l == Lang::En ? g.title_en : g.title_fr; }
inline const char* const* guide_steps(const Guide& g, Lang l) { return l == Lang::En ? g.steps_en : g.steps_fr; }
inline const char* guide_result(const Guide& g, Lang l) { return l == Lang::En ? g.result_en : g.result_fr; }

}  // namespace sdw
