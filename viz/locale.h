// User-facing text and number formatting in the UI language (French first, English).
// Owns: the string table, byte/count/number formatting with French typography (narrow no-break
// space for thousands, decimal comma). Does not own: drawing (viz/*_draw.cpp, wasm/).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace sdw {

enum class Lang { Fr, En };

Lang lang_from_code(std::string_view code);   // "fr", "fr-FR" -> Fr; "en…" -> En; anything else -> Fr
const char* lang_code(Lang l);

// Translated UI string for a key; an unknown key returns the key itself (visible in tests).
const char* tr(Lang l, std::string_view key);
bool has_translation(std::string_view key);    // both languages present
size_t translation_count();
std::string_view translation_key(size_t i);

std::string format_count(Lang l, uint64_t n);                 // 12 345 (fr: U+202F) / 12,345 (en)
std::string format_number(Lang l, double v, int decimals);    // 1 234,56 / 1,234.56
std::string format_bytes(Lang l, double bytes);               // 1,5 Mo / 1.5 MB
std::string format_duration_ms(Lang l, double ms);            // 850 ms, 2,4 s / 2.4 s

}  // namespace sdw
