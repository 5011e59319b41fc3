// Arrow IPC stream writer (see arrow_ipc.h). The flatbuffers are built front to back: a table's vtable
// is written just before it, and every offset field (string, vector, union, child table) is patched once
// its target has been written after it, so all offsets point forward as the format requires.
// Format references: Arrow columnar format "Serialization and Interprocess Communication (IPC)"
// (encapsulated message: 0xFFFFFFFF, int32 metadata size, Message flatbuffer padded to 8, body) and
// format/Message.fbs + format/Schema.fbs of apache/arrow (field ids below follow their declaration order).
#include "parsers/core/arrow_ipc.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <stdexcept>

namespace sdw {

namespace {

// [SECTION] flatbuffer writing

// Schema.fbs Type union ids and enums used here.
enum : uint8_t { k_type_int = 2, k_type_float = 3, k_type_utf8 = 5, k_type_bool = 6, k_type_date = 8, k_type_timestamp = 10 };
enum : uint8_t { k_header_schema = 1, k_header_record_batch = 3 };
constexpr int16_t k_metadata_v5 = 4;

class Fb {
 public:
  Fb(std::vector<uint8_t>& out) : m_b(out), m_base(out.size()) {}

  size_t here() const { return m_b.size(); }
  void pad_to(size_t a) { while ((m_b.size() - m_base) % a) m_b.push_back(0); }
  template <class T> void put(T v) {
    uint8_t tmp[sizeof(T)];
    std::memcpy(tmp, &v, sizeof(T));   // wasm and x86-64 are little-endian, as Arrow IPC here
    m_b.insert(m_b.end(), tmp, tmp + sizeof(T));
  }
  template <class T> void set(size_t at, T v) { std::memcpy(m_b.data() + at, &v, sizeof(T)); }
  // An offset field at `at` (u32) now points to `target` (later in the buffer).
  void link(size_t at, size_t target) { set<uint32_t>(at, uint32_t(target - at)); }

  struct Field {
    uint16_t id;
    uint8_t size;       // 1, 2, 4 or 8 bytes; offset fields: 4 with is_offset
    uint64_t value;
    bool is_offset = false;
  };
  // Writes a vtable and its table; returns the table's position. slots[i]: position of fields[i] in it
  // (for offset fields to be linked later).
  size_t table(std::initializer_list<Field> fields, size_t* slots = nullptr) {
    uint16_t n_ids = 0;
    for (const Field& f : fields) n_ids = std::max<uint16_t>(n_ids, uint16_t(f.id + 1));
    // layout: soffset at 0, then fields by decreasing size, each aligned to its size
    uint16_t at[16] = {};
    uint16_t cursor = 4;
    for (uint8_t sz : {8, 4, 2, 1})
      for (const Field& f : fields)
        if (f.size == sz) {
          cursor = uint16_t((cursor + sz - 1) / sz * sz);
          at[&f - fields.begin()] = cursor;
          cursor = uint16_t(cursor + sz);
        }
    pad_to(2);
    const size_t vt = here();
    put<uint16_t>(uint16_t(4 + 2 * n_ids));
    put<uint16_t>(cursor);
    std::vector<uint16_t> by_id(n_ids, 0);
    for (const Field& f : fields) by_id[f.id] = at[&f - fields.begin()];
    for (uint16_t o : by_id) put<uint16_t>(o);
    pad_to(8);
    const size_t tbl = here();
    m_b.resize(m_b.size() + cursor, 0);
    set<int32_t>(tbl, int32_t(tbl - vt));   // vtable = table - soffset
    size_t i = 0;
    for (const Field& f : fields) {
      const size_t p = tbl + at[i];
      switch (f.size) {
        case 1: set<uint8_t>(p, uint8_t(f.value)); break;
        case 2: set<uint16_t>(p, uint16_t(f.value)); break;
        case 4: set<uint32_t>(p, uint32_t(f.value)); break;
        default: set<uint64_t>(p, f.value); break;
      }
      if (slots) slots[i] = p;
      ++i;
    }
    return tbl;
  }
  size_t string(std::string_view s) {
    pad_to(4);
    const size_t p = here();
    put<uint32_t>(uint32_t(s.size()));
    m_b.insert(m_b.end(), s.begin(), s.end());
    m_b.push_back(0);
    return p;
  }
  // Vector of n offsets (to tables); returns its position, the slots are at pos + 4 + 4 i.
  size_t offset_vector(size_t n) {
    pad_to(4);
    const size_t p = here();
    put<uint32_t>(uint32_t(n));
    m_b.resize(m_b.size() + 4 * n, 0);
    return p;
  }
  // Vector of n 16-byte structs of two int64 (FieldNode, Buffer), elements 8-aligned.
  size_t struct_vector(const std::vector<std::pair<int64_t, int64_t>>& v) {
    while ((m_b.size() - m_base + 4) % 8) m_b.push_back(0);
    const size_t p = here();
    put<uint32_t>(uint32_t(v.size()));
    for (auto [a, b] : v) { put<int64_t>(a); put<int64_t>(b); }
    return p;
  }

 private:
  std::vector<uint8_t>& m_b;
  size_t m_base;
};

// One Arrow field of the stream.
struct OutField {
  std::string name;
  uint8_t type;
  int bits = 0;          // Int: bit width
  const Column* col;
  bool offsets = false;  // the Int16 offsets field of a timestamp column
  int64_t nulls = 0;
};

// Message header: continuation marker and metadata size, patched once the flatbuffer is written.
size_t begin_message(std::vector<uint8_t>& out) {
  const uint32_t cont = 0xFFFFFFFFu, zero = 0;
  out.insert(out.end(), reinterpret_cast<const uint8_t*>(&cont), reinterpret_cast<const uint8_t*>(&cont) + 4);
  out.insert(out.end(), reinterpret_cast<const uint8_t*>(&zero), reinterpret_cast<const uint8_t*>(&zero) + 4);
  return out.size();
}
void end_message(std::vector<uint8_t>& out, size_t fb_start) {
  while ((out.size() - fb_start) % 8) out.push_back(0);
  const int32_t n = int32_t(out.size() - fb_start);
  std::memcpy(out.data() + fb_start - 4, &n, 4);
}

// Message { version, header_type, header, bodyLength }; returns the position of the header slot.
size_t message(Fb& fb, uint8_t header_type, int64_t body_length) {
  const size_t root = fb.here();
  fb.put<uint32_t>(0);
  size_t slots[4];
  const size_t msg = fb.table({{0, 2, uint64_t(k_metadata_v5)}, {1, 1, header_type}, {2, 4, 0, true},
                               {3, 8, uint64_t(body_length)}}, slots);
  fb.link(root, msg);
  return slots[2];
}

void write_schema(std::vector<uint8_t>& out, const std::vector<OutField>& fields) {
  const size_t start = begin_message(out);
  Fb fb(out);
  const size_t header_slot = message(fb, k_header_schema, 0);
  size_t fields_slot;
  const size_t schema = fb.table({{1, 4, 0, true}}, &fields_slot);   // endianness: Little (default)
  fb.link(header_slot, schema);
  const size_t vec = fb.offset_vector(fields.size());
  fb.link(fields_slot, vec);
  for (size_t i = 0; i < fields.size(); ++i) {
    const OutField& f = fields[i];
    // Field { name 0, nullable 1, type_type 2, type 3, dictionary 4, children 5 }; slots follow this list
    size_t s[5];
    const size_t field = fb.table({{0, 4, 0, true}, {1, 1, 1}, {2, 1, f.type}, {3, 4, 0, true}, {5, 4, 0, true}}, s);
    fb.link(vec + 4 + 4 * i, field);
    fb.link(s[0], fb.string(f.name));
    size_t type = 0;
    switch (f.type) {
      case k_type_int: type = fb.table({{0, 4, uint64_t(f.bits)}, {1, 1, 1}}); break;        // bitWidth, is_signed
      case k_type_float: type = fb.table({{0, 2, 2}}); break;                                 // DOUBLE
      case k_type_date: type = fb.table({{0, 2, 0}}); break;                                  // DAY (default: MILLISECOND)
      case k_type_timestamp: type = fb.table({{0, 2, 2}}); break;                             // MICROSECOND, no tz
      default: type = fb.table({}); break;                                                    // Utf8, Bool
    }
    fb.link(s[3], type);
    fb.link(s[4], fb.offset_vector(0));   // children: empty, but present (readers require the vector)
  }
  end_message(out, start);
}

inline void pack_bits(const uint8_t* bytes, size_t n, uint8_t* bits) {
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    bits[i >> 3] = uint8_t((bytes[i] != 0) | (bytes[i + 1] != 0) << 1 | (bytes[i + 2] != 0) << 2 | (bytes[i + 3] != 0) << 3 |
                           (bytes[i + 4] != 0) << 4 | (bytes[i + 5] != 0) << 5 | (bytes[i + 6] != 0) << 6 |
                           (bytes[i + 7] != 0) << 7);
  }
  if (i < n) {
    uint8_t b = 0;
    for (size_t k = 0; i + k < n; ++k) b |= uint8_t((bytes[i + k] != 0) << k);
    bits[i >> 3] = b;
  }
}

bool same_values(const Column& c, size_t rows) {
  switch (c.type) {
    case ColumnType::Bool:
    case ColumnType::Int64:
      for (size_t i = 1; i < rows; ++i) if (c.i64[i] != c.i64[0]) return false;
      return true;
    case ColumnType::Float64:
      for (size_t i = 1; i < rows; ++i) if (std::memcmp(&c.f64[i], &c.f64[0], 8) != 0) return false;
      return true;
    case ColumnType::Date:
      for (size_t i = 1; i < rows; ++i) if (c.i32[i] != c.i32[0]) return false;
      return true;
    case ColumnType::String: {
      const int32_t len = c.offsets[1] - c.offsets[0];
      const char* first = c.chars.data() + c.offsets[0];
      if (std::memchr(first, 0, size_t(len))) return false;
      for (size_t i = 1; i < rows; ++i)
        if (c.offsets[i + 1] - c.offsets[i] != len || std::memcmp(c.chars.data() + c.offsets[i], first, size_t(len)) != 0)
          return false;
      return true;
    }
    case ColumnType::Timestamp: return false;   // offsets travel beside it: always data
  }
  return false;
}

std::string double_sql(double v);

std::string literal_of(const Column& c) {
  switch (c.type) {
    case ColumnType::Bool: return c.i64[0] ? "TRUE" : "FALSE";
    case ColumnType::Int64: return "CAST(" + std::to_string(c.i64[0]) + " AS BIGINT)";
    case ColumnType::Float64: return double_sql(c.f64[0]);
    case ColumnType::Date:
      // ISO text for 0001..9999; beyond (DuckDB reads neither "-001-…" nor five-digit years), days from the epoch
      if (c.i32[0] >= -719162 && c.i32[0] <= 2932896) return "CAST('" + format_date(c.i32[0]) + "' AS DATE)";
      return "CAST(DATE '1970-01-01' + CAST(" + std::to_string(c.i32[0]) + " AS INTEGER) AS DATE)";
    case ColumnType::String: return sql_string_literal(c.string_at(0));
    case ColumnType::Timestamp: break;
  }
  return "NULL";
}

std::string quoted(std::string_view name) {
  std::string out = "\"";
  for (char ch : name) {
    if (ch == '"') out.push_back('"');
    out.push_back(ch);
  }
  out.push_back('"');
  return out;
}

std::string double_sql(double v) {
  if (std::isnan(v)) return "CAST('nan' AS DOUBLE)";   // printf's "-nan" is not DuckDB's
  if (std::isinf(v)) return v > 0 ? "CAST('inf' AS DOUBLE)" : "CAST('-inf' AS DOUBLE)";
  return "CAST('" + format_double(v) + "' AS DOUBLE)";
}

// Does `d` hold for every row of x (target) from y (source)? Same validity, values as the formula says.
bool derivation_holds(const Derived& d, const Column& x, const Column& y, size_t rows) {
  if (x.type != y.type && !(d.op == Derived::Op::Scale && x.type == ColumnType::Float64 && y.type == ColumnType::Float64))
    return false;
  if (std::memcmp(x.valid.data(), y.valid.data(), rows) != 0) return false;
  switch (d.op) {
    case Derived::Op::Same:
    case Derived::Op::Add:
      if (x.type == ColumnType::Int64 || x.type == ColumnType::Timestamp) {
        for (size_t i = 0; i < rows; ++i)
          if (x.valid[i] && x.i64[i] != y.i64[i] + d.add) return false;
        return true;
      }
      if (d.op == Derived::Op::Same && x.type == ColumnType::Float64) {
        for (size_t i = 0; i < rows; ++i)
          if (x.valid[i] && std::memcmp(&x.f64[i], &y.f64[i], 8) != 0) return false;
        return true;
      }
      return false;
    case Derived::Op::Scale:
      if (x.type != ColumnType::Float64) return false;
      for (size_t i = 0; i < rows; ++i) {
        if (!x.valid[i]) continue;
        const double v = y.f64[i] * d.mul / d.div1 / d.div2;
        if (std::memcmp(&v, &x.f64[i], 8) != 0) return false;
      }
      return true;
    case Derived::Op::Literal:
    case Derived::Op::Null: return false;
  }
  return false;
}

std::string derivation_sql(const Derived& d, ColumnType t) {
  const std::string y = quoted(d.from);
  switch (d.op) {
    case Derived::Op::Same: return y;
    case Derived::Op::Add:
      if (t == ColumnType::Timestamp) return "(" + y + " + to_microseconds(CAST(" + std::to_string(d.add) + " AS BIGINT)))";
      return "(" + y + " + CAST(" + std::to_string(d.add) + " AS BIGINT))";
    case Derived::Op::Scale:
      return "(" + y + " * " + double_sql(d.mul) + " / " + double_sql(d.div1) + " / " + double_sql(d.div2) + ")";
    case Derived::Op::Literal: return d.sql;
    case Derived::Op::Null: return "NULL";
  }
  return y;
}

}  // namespace

const char* duckdb_type_name(ColumnType t) {
  switch (t) {
    case ColumnType::Bool: return "BOOLEAN";
    case ColumnType::Int64: return "BIGINT";
    case ColumnType::Float64: return "DOUBLE";
    case ColumnType::Date: return "DATE";
    case ColumnType::Timestamp: return "TIMESTAMP";
    case ColumnType::String: return "VARCHAR";
  }
  return "VARCHAR";
}

std::string sql_string_literal(std::string_view s) {
  std::string out = "'";
  for (char ch : s) {
    if (ch == '\'') out.push_back('\'');
    out.push_back(ch);
  }
  out.push_back('\'');
  return out;
}

void write_arrow_ipc(const Table& t, std::vector<uint8_t>& out, std::vector<ShippedColumn>& plan, const IpcOptions& opts) {
  out.clear();
  const size_t rows = t.rows();
  plan.assign(t.columns.size(), ShippedColumn{});
  auto index_of = [&](const std::string& name) {
    for (size_t ci = 0; ci < t.columns.size(); ++ci) if (t.columns[ci].name == name) return ci;
    return t.columns.size();
  };
  // lean columns: left empty by the parser (ParseOptions::lean_tables), restored from their Derived entry
  std::vector<const Derived*> lean(t.columns.size(), nullptr);
  std::vector<uint8_t> pinned(t.columns.size(), 0);   // sources of a formula stay data
  if (rows > 0)
    for (const Derived& d : t.derived) {
      const size_t xi = index_of(d.column);
      if (xi == t.columns.size() || t.columns[xi].size() != 0) continue;
      lean[xi] = &d;
      if (d.op != Derived::Op::Literal && d.op != Derived::Op::Null) {
        const size_t yi = index_of(d.from);
        if (yi == t.columns.size() || t.columns[yi].size() != rows)
          throw std::runtime_error("arrow ipc: lean column " + d.column + " derives from missing column " + d.from);
        pinned[yi] = 1;
      }
    }
  for (size_t ci = 0; ci < t.columns.size(); ++ci)
    if (!lean[ci] && t.columns[ci].size() != rows)
      throw std::runtime_error("arrow ipc: column " + t.columns[ci].name + " has " + std::to_string(t.columns[ci].size()) +
                               " rows, the table " + std::to_string(rows));
  std::vector<OutField> fields;
  size_t data_columns = 0;
  for (size_t ci = 0; ci < t.columns.size(); ++ci) {
    const Column& c = t.columns[ci];
    ShippedColumn& p = plan[ci];
    if (const Derived* d = lean[ci]) {
      if (d->op == Derived::Op::Null) { p.kind = ShipKind::Null; p.null_count = int64_t(rows); continue; }
      p.kind = ShipKind::Literal;
      if (d->op == Derived::Op::Literal) p.literal_sql = d->sql;
      else {
        p.literal_sql = derivation_sql(*d, c.type);
        const Column& y = t.columns[index_of(d->from)];
        if (c.type == ColumnType::Timestamp && y.has_offsets()) p.offsets_sql = quoted(y.name + "_utc_offset_min");
      }
      continue;
    }
    int64_t nulls = 0;
    for (size_t i = 0; i < rows; ++i) nulls += c.valid[i] == 0;
    p.null_count = nulls;
    if (pinned[ci]) { ++data_columns; continue; }
    if (rows > 0 && opts.drop_null && size_t(nulls) == rows) { p.kind = ShipKind::Null; continue; }
    if (rows > 0 && opts.literals && nulls == 0 && same_values(c, rows)) {
      p.kind = ShipKind::Literal;
      p.literal_sql = literal_of(c);
      continue;
    }
    ++data_columns;
  }
  // the part table needs one column at least to carry its row count
  if (data_columns == 0 && !plan.empty() && !lean[0]) { plan[0].kind = ShipKind::Data; plan[0].literal_sql.clear(); ++data_columns; }
  // derived columns: a formula over a column that travels as data, once every row is checked
  if (opts.derived && rows > 0)
    for (const Derived& d : t.derived) {
      if (d.op == Derived::Op::Literal || d.op == Derived::Op::Null) continue;
      const size_t xi = index_of(d.column), yi = index_of(d.from);
      if (xi == t.columns.size() || yi == t.columns.size() || xi == yi || lean[xi]) continue;
      if (plan[xi].kind != ShipKind::Data || plan[yi].kind != ShipKind::Data || pinned[xi] || data_columns < 2) continue;
      const Column& x = t.columns[xi];
      const Column& y = t.columns[yi];
      if (!derivation_holds(d, x, y, rows)) continue;
      std::string offsets_sql;
      if (x.type == ColumnType::Timestamp && x.has_offsets()) {
        if (!y.has_offsets() || std::memcmp(x.utc_offset_min.data(), y.utc_offset_min.data(), rows * 2) != 0) continue;
        offsets_sql = quoted(y.name + "_utc_offset_min");
      }
      plan[xi].kind = ShipKind::Literal;
      plan[xi].literal_sql = derivation_sql(d, x.type);
      plan[xi].offsets_sql = offsets_sql;
      pinned[yi] = 1;
      --data_columns;
    }
  for (size_t ci = 0; ci < t.columns.size(); ++ci) {
    if (plan[ci].kind != ShipKind::Data) continue;
    const Column& c = t.columns[ci];
    OutField f{c.name, k_type_utf8, 0, &c, false, plan[ci].null_count};
    switch (c.type) {
      case ColumnType::Bool: f.type = k_type_bool; break;
      case ColumnType::Int64: f.type = k_type_int; f.bits = 64; break;
      case ColumnType::Float64: f.type = k_type_float; break;
      case ColumnType::Date: f.type = k_type_date; break;
      case ColumnType::Timestamp: f.type = k_type_timestamp; break;
      case ColumnType::String: break;
    }
    fields.push_back(f);
    if (c.type == ColumnType::Timestamp && c.has_offsets()) {
      plan[ci].offsets = true;
      fields.push_back(OutField{c.name + "_utc_offset_min", k_type_int, 16, &c, true, 0});
    }
  }
  write_schema(out, fields);

  // body layout: per field its buffers (validity, then data or offsets + data), each padded to 8
  std::vector<std::pair<int64_t, int64_t>> nodes, buffers;
  int64_t body = 0;
  auto buffer = [&](int64_t len) {
    buffers.emplace_back(len ? body : 0, len);
    body += (len + 7) / 8 * 8;
  };
  const int64_t bitmap = int64_t((rows + 7) / 8);
  for (const OutField& f : fields) {
    nodes.emplace_back(int64_t(rows), f.nulls);
    buffer(f.nulls ? bitmap : 0);
    const Column& c = *f.col;
    if (f.offsets) buffer(int64_t(rows) * 2);
    else switch (c.type) {
      case ColumnType::Bool: buffer(bitmap); break;
      case ColumnType::Int64:
      case ColumnType::Timestamp:
      case ColumnType::Float64: buffer(int64_t(rows) * 8); break;
      case ColumnType::Date: buffer(int64_t(rows) * 4); break;
      case ColumnType::String:
        buffer(int64_t(rows + 1) * 4);
        buffer(int64_t(c.offsets[rows] - c.offsets[0]));
        break;
    }
  }

  const size_t start = begin_message(out);
  {
    Fb fb(out);
    const size_t header_slot = message(fb, k_header_record_batch, body);
    size_t s[3];
    // RecordBatch { length 0, nodes 1, buffers 2 }
    const size_t rb = fb.table({{0, 8, uint64_t(rows)}, {1, 4, 0, true}, {2, 4, 0, true}}, s);
    fb.link(header_slot, rb);
    fb.link(s[1], fb.struct_vector(nodes));
    fb.link(s[2], fb.struct_vector(buffers));
  }
  end_message(out, start);

  // body
  const size_t body_at = out.size();
  out.reserve(body_at + size_t(body) + 8);   // the end-of-stream marker too: no reallocation (a copy of the body)
  out.resize(body_at + size_t(body), 0);
  uint8_t* const b = out.data() + body_at;
  size_t bi = 0;
  for (const OutField& f : fields) {
    const Column& c = *f.col;
    auto next = [&]() { return b + buffers[bi++].first; };
    uint8_t* validity = next();
    if (f.nulls) pack_bits(c.valid.data(), rows, validity);
    if (f.offsets) {
      std::memcpy(next(), c.utc_offset_min.data(), rows * 2);
      continue;
    }
    switch (c.type) {
      case ColumnType::Bool: {
        uint8_t* bits = next();
        for (size_t i = 0; i < rows; ++i) if (c.i64[i]) bits[i >> 3] |= uint8_t(1u << (i & 7));
        break;
      }
      case ColumnType::Int64:
      case ColumnType::Timestamp: std::memcpy(next(), c.i64.data(), rows * 8); break;
      case ColumnType::Float64: std::memcpy(next(), c.f64.data(), rows * 8); break;
      case ColumnType::Date: std::memcpy(next(), c.i32.data(), rows * 4); break;
      case ColumnType::String: {
        uint8_t* offs = next();
        const int32_t base = c.offsets[0];
        if (base == 0) std::memcpy(offs, c.offsets.data(), (rows + 1) * 4);
        else for (size_t i = 0; i <= rows; ++i) { const int32_t v = c.offsets[i] - base; std::memcpy(offs + 4 * i, &v, 4); }
        std::memcpy(next(), c.chars.data() + base, size_t(c.offsets[rows] - base));
        break;
      }
    }
  }
  // end of stream
  const uint32_t eos[2] = {0xFFFFFFFFu, 0};
  out.insert(out.end(), reinterpret_cast<const uint8_t*>(eos), reinterpret_cast<const uint8_t*>(eos) + 8);
}

}  // namespace sdw
