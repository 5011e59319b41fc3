// xAPI statements (format "xapi"): a single statement, an array of statements or an LRS StatementResult
// ({"statements": [...], "more": "..."}), versions 1.0.x and 2.0 -> learning_statements. Streamed: one
// statement in memory at a time. Invalid statements are skipped with a warning naming their index.
// Does not own: JSON tokenizing (parsers/readers/json_reader.h).
#pragma once
#include <memory>
#include <string>
#include <string_view>

#include "parsers/core/parser.h"

namespace sdw {

int xapi_detect(std::string_view head, std::string_view file_name);  // JSON with "verb" and "actor"/"statements": 85
std::unique_ptr<Parser> xapi_create(const ParseOptions& opts);

// ISO 8601 duration ("PT1H2M3.5S", "P1DT2H", "PT0.5H", "P2W") in seconds; Y = 365 days, M = 30 days.
// False when malformed.
bool parse_iso_duration(std::string_view s, double& seconds);
// SHA-1 of `s` as 40 lower-case hex digits (xAPI mbox_sha1sum of "mailto:…").
std::string sha1_hex(std::string_view s);

}  // namespace sdw
