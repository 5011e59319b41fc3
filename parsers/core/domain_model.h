// The domain model as data, in one place: for each domain table (location_points, visits, trips…) its
// standard columns (name, type, unit, FR/EN description), its dedup key and source priority (the one
// merge rule, below), and how its rows become `timeline` events. The browser's merged views
// (domain_view_sql…, called by web/views.js through the wasm modules) and the CLI's collectors
// (challenges/tables.cpp, through merge_keep) both come from this table.
// Does not own: parsing (each parser writes its table), the domain names' constants (parsers/core/domains.h).
//
// THE MERGE RULE (one rule for every domain, browser and CLI alike)
//   Rows of DIFFERENT source tables that have the same dedup key describe the same thing (the same Semantic
//   month dropped twice, a Semantic month and the phone's Timeline.json of the same days, two Apple Health
//   exports, overlapping Enedis files). For each key value only the rows of the BEST source table are kept:
//   the lowest rank of the row's `source` value in the domain's source_priority (values not listed rank
//   after the listed ones), then the source table added first (CLI: argument order; browser: drop order).
//   Every row of that best table with the key is kept, so two identical coffees of one bank statement stay
//   two: rows of ONE table are never deduplicated against each other (the parser decides within a file).
//   A key is a list of alternatives tried in order; an alternative applies to a row when all its required
//   columns are non-null (components marked optional take part with NULL as a value). A row to which no
//   alternative applies is always kept. Values compare exactly (strings byte for byte, times to the µs,
//   numbers as doubles, a date as its midnight timestamp).
//   Different granularities of the same quantity (a Linky daily index overlapping a 30-min load curve)
//   have different keys and are both kept: the energy challenge (challenges/energy.cpp) ignores coarse
//   readings on a day that has fine ones, in the CLI and the browser alike.
#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "parsers/core/table.h"

namespace sdw::model {

// One standard column of a domain.
struct ColumnSpec {
  const char* name;
  ColumnType type;
  const char* unit;       // "" when the column has no unit
  const char* fr;         // description, French
  const char* en;         // description, English
  bool required = false;  // every parser of the domain writes it (others are written when the export has them)
};

// One alternative of a dedup key: column names, "?" suffix = optional component (NULL compares as a value).
struct KeyAlternative {
  std::span<const char* const> columns;
};

// How a row becomes a timeline event: SQL expressions where {col} is the column (quoted) or NULL when the
// view lacks it. kind == nullptr: the domain is not on the timeline.
struct TimelineSpec {
  const char *kind, *start, *end, *label, *value, *unit, *lat, *lon;
};

struct DomainSpec {
  const char* name;                           // "trips"
  const char* fr;                             // what one row is, French
  const char* en;                             // what one row is, English
  std::span<const ColumnSpec> columns;        // standard columns, in the order parsers write them
  std::span<const KeyAlternative> key;        // dedup key alternatives, tried in order
  std::span<const char* const> source_priority;  // `source` values, best first (empty: table order only)
  const char* priority_why;                   // why this order (documentation, shown in the README)
  TimelineSpec timeline;
};

// Every domain, in the order the views are built and the timeline unions them.
std::span<const DomainSpec> domains();
// The domain named `name`, nullptr if none.
const DomainSpec* find_domain(std::string_view name);
// The standard column `name` of `d`, nullptr if none.
const ColumnSpec* find_column(const DomainSpec& d, std::string_view name);
// Provenance columns every domain table ends with: _file, _entry (string), _record (int64).
std::span<const ColumnSpec> provenance_columns();

// [SECTION] the merge rule, natively (the CLI's collectors)

// Which rows the merge rule keeps: `tables` are the source tables of ONE domain in source order;
// keep[t][r] is 1 for a kept row. One table: everything is kept.
std::vector<std::vector<uint8_t>> merge_keep(const DomainSpec& d, std::span<const Table* const> tables);
// Rows the merge rule drops, over all tables of `d` (for messages and tests).
size_t merge_dropped(const std::vector<std::vector<uint8_t>>& keep);

// [SECTION] the merge rule as SQL (the browser's views, DuckDB)

// One source relation (a DuckDB table) of a domain and the names of its columns. `order`, when set, names
// an ENUM column that splits the relation into parts ranked by the enum's order, each part counting as its
// own table for the merge rule: an archive's entries gathered in one table (web/main.js), `_entry` listing
// them in archive order, merge as they would as one table each.
struct SourceRelation {
  std::string name;
  std::vector<std::string> columns;
  std::string order = {};
};

// Quoted SQL identifier: "a""b".
std::string sql_ident(std::string_view name);
// SELECT of the merged view of `d` over `rels` (source order): UNION ALL BY NAME, then the merge rule.
std::string domain_view_sql(const DomainSpec& d, std::span<const SourceRelation> rels);
// Columns of the merged view (union of the relations' columns, first appearance first).
std::vector<std::string> view_columns(std::span<const SourceRelation> rels);
// One SELECT of the timeline's union for a domain view having `view_cols` ("" when not on the timeline).
// Columns: ts_start, ts_end, source (_file), domain, kind, label, value, unit, lat, lon.
std::string timeline_part_sql(const DomainSpec& d, std::span<const std::string> view_cols);
// SELECT of the `places` view over the merged `visits` view having `visit_cols`: visits gathered by the
// export's place id, else by a cell of about 110 m, named by their most frequent name.
std::string places_view_sql(std::span<const std::string> visit_cols);

// Every statement that rebuilds the merged views (one per domain, `places`, `timeline`) for the tables
// present now, as JSON. In: {"tables":[{"name","domain","columns":["ts",…] or [{"name":…},…], "order"?}]}
// (source order; "order": SourceRelation::order). Out: {"views":["trips",…], "statements":["CREATE OR REPLACE VIEW …" | "DROP VIEW IF EXISTS …"]}
// or {"error": "…"}.
std::string views_plan_json(std::string_view tables_json);

}  // namespace sdw::model
