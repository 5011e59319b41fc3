// Conformance of every parser's output to the domain model (parsers/core/domain_model.h): each domain table
// of each fixture under tests/data and of the generated personas (samples/make_personas.py) names a known
// domain, has the domain's required columns, gives every standard column its declared type, writes the
// standard columns in the declared order before its own, and ends with the provenance columns.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <map>
#include <set>

#include "parsers/core/domain_model.h"
#include "tests/test_util.h"

using namespace sdw;
namespace fs = std::filesystem;

namespace {

// Problems of one table against the model ("" when it conforms).
std::string nonconformities(const Table& t) {
  const model::DomainSpec* d = model::find_domain(t.domain);
  if (!d) return "unknown domain '" + t.domain + "'";
  std::string out;
  const auto prov = model::provenance_columns();
  if (t.columns.size() < prov.size()) return "fewer columns than the provenance";
  const size_t own_end = t.columns.size() - prov.size();
  for (size_t i = 0; i < prov.size(); ++i) {
    const Column& c = t.columns[own_end + i];
    if (c.name != prov[i].name || c.type != prov[i].type)
      out += "provenance column " + std::to_string(i) + " is " + c.name + ":" + column_type_name(c.type) + "; ";
  }
  size_t last_std = 0;        // position in the model of the previous standard column met
  bool own_seen = false;      // a parser's own column met (standard ones must all come before)
  std::set<std::string> present;
  for (size_t i = 0; i < own_end; ++i) {
    const Column& c = t.columns[i];
    present.insert(c.name);
    const model::ColumnSpec* s = model::find_column(*d, c.name);
    if (!s) {
      own_seen = true;
      continue;
    }
    const size_t pos = size_t(s - d->columns.data());
    if (c.type != s->type)
      out += c.name + " is " + column_type_name(c.type) + ", the model says " + column_type_name(s->type) + "; ";
    if (own_seen) out += c.name + " comes after the parser's own columns; ";
    if (i > 0 && pos < last_std) out += c.name + " is out of the model's order; ";
    last_std = pos;
  }
  for (const model::ColumnSpec& s : d->columns)
    if (s.required && !present.count(s.name)) out += "required " + std::string(s.name) + " missing; ";
  return out;
}

// Parses every file under `dir` (recursively, sorted) and checks its domain tables; returns how many.
size_t check_tree(const fs::path& dir, std::map<std::string, size_t>& per_domain) {
  std::vector<fs::path> files;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (!e.is_regular_file()) continue;
    const std::string p = e.path().generic_string();
    if (p.find("fuzz_regressions") != std::string::npos || e.path().extension() == ".py") continue;
    if (e.file_size() > (8u << 20)) continue;
    files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  size_t checked = 0;
  for (const fs::path& f : files) {
    std::ifstream in(f, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    const test::Parsed p = test::parse_session(ss.str(), f.filename().string());
    for (const Table& t : p.tables) {
      if (t.domain.empty()) continue;
      ++checked;
      ++per_domain[t.domain];
      const std::string why = nonconformities(t);
      CHECK_MESSAGE(why.empty(), f.generic_string() << " -> " << t.name << ": " << why);
    }
  }
  return checked;
}

}  // namespace

TEST_CASE("domain model: the table itself is consistent") {
  std::set<std::string> names;
  for (const model::DomainSpec& d : model::domains()) {
    CAPTURE(d.name);
    CHECK(names.insert(d.name).second);
    CHECK(model::find_domain(d.name) == &d);
    CHECK(!d.columns.empty());
    std::set<std::string> cols;
    for (const model::ColumnSpec& c : d.columns) {
      CHECK(cols.insert(c.name).second);
      CHECK((*c.fr && *c.en));
    }
    CHECK(model::find_column(d, "source"));
    // every key component is a column of the domain or a key column the parsers add
    for (const model::KeyAlternative& k : d.key)
      for (const char* c : k.columns) {
        std::string n(c);
        if (!n.empty() && n.back() == '?') n.pop_back();
        CHECK_MESSAGE(model::find_column(d, n), d.name << " key component " << n);
      }
    // timeline expressions reference only declared columns
    if (d.timeline.kind)
      for (const char* e : {d.timeline.kind, d.timeline.start, d.timeline.end, d.timeline.label, d.timeline.value,
                            d.timeline.unit, d.timeline.lat, d.timeline.lon})
        for (const char* p = e; (p = std::strchr(p, '{')); ++p) {
          const std::string n(p + 1, std::strchr(p, '}') - p - 1);
          CHECK_MESSAGE(model::find_column(d, n), d.name << " timeline uses " << n);
        }
  }
  CHECK(names.size() == 11);
  CHECK(model::find_domain("frequent_places") == nullptr);   // Android's frequent places stay a plain table
  CHECK(model::find_domain("nope") == nullptr);
}

TEST_CASE("domain model: every parser's domain tables on the fixtures conform") {
  std::map<std::string, size_t> per_domain;
  const size_t n = check_tree(SDW_TEST_DATA, per_domain);
  MESSAGE("domain tables checked: " << n);
  // the fixtures cover every domain
  for (const model::DomainSpec& d : model::domains()) CHECK_MESSAGE(per_domain[d.name] > 0, "no fixture for " << d.name);
}

TEST_CASE("domain model: the personas' generated exports conform") {
  const fs::path root = fs::path(SDW_TEST_DATA).parent_path().parent_path();
  const fs::path out = fs::temp_directory_path() / "sdw_domain_model_personas";
  std::error_code ec;
  fs::remove_all(out, ec);
  const std::string cmd = "python3 \"" + (root / "samples" / "make_personas.py").string() + "\" \"" + out.string() +
                          "\" > /dev/null 2>&1";
  if (std::system(cmd.c_str()) != 0) {
    MESSAGE("python3 samples/make_personas.py did not run: personas not checked");
    return;
  }
  std::map<std::string, size_t> per_domain;
  CHECK(check_tree(out, per_domain) >= 10);
  fs::remove_all(out, ec);
}

TEST_CASE("domain model: the conformance check names what is wrong") {
  // trips with distance_m as text, mode_raw before mode, an own column before `source`, no duration_s,
  // and provenance without _record
  Table t;
  t.domain = "trips";
  for (auto [name, type] : std::initializer_list<std::pair<const char*, ColumnType>>{
           {"ts_start", ColumnType::Timestamp}, {"ts_end", ColumnType::Timestamp}, {"distance_m", ColumnType::String},
           {"mode_raw", ColumnType::String}, {"mode", ColumnType::String}, {"mode_inferred", ColumnType::Bool},
           {"carrier", ColumnType::String}, {"source", ColumnType::String}, {"_file", ColumnType::String},
           {"_entry", ColumnType::String}, {"_rec", ColumnType::Int64}}) {
    Column& c = t.columns.emplace_back();
    c.name = name;
    c.type = type;
  }
  const std::string why = nonconformities(t);
  CHECK(why.find("provenance column 2 is _rec:int64") != std::string::npos);
  CHECK(why.find("distance_m is string, the model says float64") != std::string::npos);
  CHECK(why.find("mode is out of the model's order") != std::string::npos);
  CHECK(why.find("source comes after the parser's own columns") != std::string::npos);
  CHECK(why.find("required duration_s missing") != std::string::npos);
  t.domain = "itineraries";
  CHECK(nonconformities(t) == "unknown domain 'itineraries'");
}
