// Native harness of the parse worker's path (wasm/core_exports.cpp + web/parse_worker.js), for profiling
// and for checking that a speed change leaves the output byte for byte as it was. Not part of the product.
//   parse_dump FILE [--full] [--dump OUT] [--chunk BYTES] [--reps N]
// Feeds FILE through a Session in 1 MiB chunks with lean tables (as the worker does; --full: full tables as
// the CLI gets them), drains batches of >= 131072 rows every 8 MiB and writes each batch and each final
// table as an Arrow IPC stream (parsers/core/arrow_ipc.h), then prints the parse time, MB/s and one FNV-1a hash
// of everything produced: the IPC streams and their plans, the canonical text of every row of every batch
// and table (as tests/test_util.h dumps them), metadata and diagnostics. --dump also writes that text.
// Timing covers parsing, draining and IPC writing only (not the hashing). Built by bench/parse_native.sh.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "parsers/core/arrow_ipc.h"
#include "parsers/core/parser.h"

namespace {

struct Hasher {
  uint64_t h = 1469598103934665603ull;
  std::FILE* dump = nullptr;
  void add(std::string_view s) {
    for (unsigned char c : s) { h ^= c; h *= 1099511628211ull; }
    if (dump) std::fwrite(s.data(), 1, s.size(), dump);
  }
  void add(const std::vector<uint8_t>& b) {
    for (unsigned char c : b) { h ^= c; h *= 1099511628211ull; }
  }
};

struct Piece {
  sdw::Table table;
  std::vector<uint8_t> ipc;
  std::vector<sdw::ShippedColumn> plan;
};

void hash_piece(Hasher& H, const Piece& p, const char* what) {
  const sdw::Table& t = p.table;
  H.add(std::string(what) + " " + t.name + " entry=" + t.entry + " domain=" + t.domain + " rows=" + std::to_string(t.rows()) +
        " ipc=" + std::to_string(p.ipc.size()) + "\n");
  H.add(p.ipc);
  for (const auto& s : p.plan)
    H.add("P " + std::to_string(int(s.kind)) + " " + s.literal_sql + " " + s.offsets_sql + " " + std::to_string(s.null_count) +
          " " + std::to_string(s.offsets) + "\n");
  for (const auto& [k, v] : t.meta) H.add("M " + k + "=" + v + "\n");
  for (const auto& d : t.derived) H.add("D " + d.column + " " + d.from + " " + std::to_string(int(d.op)) + " " + d.sql + "\n");
  for (const sdw::Column& c : t.columns) {
    H.add("C " + c.name + ":" + sdw::column_type_name(c.type) + " size=" + std::to_string(c.size()) + "\n");
    std::string line;
    for (size_t i = 0; i < c.size(); ++i) {
      line += c.valid[i] ? c.value_text(i) : "<null>";
      if (c.type == sdw::ColumnType::Timestamp && c.valid[i]) line += "@" + std::to_string(c.utc_offset_min[i]);
      line += "\x1f";
      if (line.size() > 1 << 16) { H.add(line); line.clear(); }
    }
    line += "\n";
    H.add(line);
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: parse_dump FILE [--full] [--dump OUT] [--chunk BYTES] [--reps N] [--nohash]\n");
    return 2;
  }
  std::string file = argv[1], dump_path;
  bool lean = true, hash = true;
  size_t chunk = 1 << 20;
  int reps = 1;
  for (int i = 2; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--full") lean = false;
    else if (a == "--nohash") hash = false;
    else if (a == "--dump" && i + 1 < argc) dump_path = argv[++i];
    else if (a == "--chunk" && i + 1 < argc) chunk = size_t(std::atoll(argv[++i]));
    else if (a == "--reps" && i + 1 < argc) reps = std::atoi(argv[++i]);
  }
  std::string data;
  {
    std::FILE* in = std::fopen(file.c_str(), "rb");
    if (!in) { std::fprintf(stderr, "cannot read %s\n", file.c_str()); return 2; }
    std::fseek(in, 0, SEEK_END);
    data.resize(size_t(std::ftell(in)));
    std::fseek(in, 0, SEEK_SET);
    if (std::fread(data.data(), 1, data.size(), in) != data.size()) { std::fprintf(stderr, "short read\n"); return 2; }
    std::fclose(in);
  }
  const size_t slash = file.find_last_of('/');
  const std::string name = slash == std::string::npos ? file : file.substr(slash + 1);

  double best = 1e300;
  for (int rep = 0; rep < reps; ++rep) {
    Hasher H;
    if (rep == 0 && !dump_path.empty()) H.dump = std::fopen(dump_path.c_str(), "wb");
    std::vector<Piece> pieces;
    const auto t0 = std::chrono::steady_clock::now();
    sdw::ParseOptions o;
    o.file_name = name;
    o.total_bytes = data.size();
    o.lean_tables = lean;
    sdw::Session s(o);
    size_t since_drain = 0;
    for (size_t p = 0; p < data.size(); p += chunk) {
      const size_t n = std::min(chunk, data.size() - p);
      s.feed(std::span<const uint8_t>(reinterpret_cast<const uint8_t*>(data.data()) + p, n));
      if (s.diagnostics().failed) break;
      since_drain += n;
      if (since_drain >= (8u << 20)) {
        since_drain = 0;
        if (s.can_take_rows()) {
          auto& tables = s.tables();
          const bool archive = !s.entries().empty();
          for (size_t i = 0; i < tables.size(); ++i) {
            if (tables[i].rows() == 0 || (!archive && tables[i].rows() < (1u << 17))) continue;
            Piece& pc = pieces.emplace_back();
            pc.table = s.take_rows(i);
            sdw::write_arrow_ipc(pc.table, pc.ipc, pc.plan);
            if (!hash) pc = Piece{};
          }
        }
      }
    }
    if (!s.done()) s.finish();
    const size_t batches = pieces.size();
    for (auto& t : s.tables()) {
      Piece& pc = pieces.emplace_back();
      pc.table = std::move(t);
      sdw::write_arrow_ipc(pc.table, pc.ipc, pc.plan);
    }
    const auto t1 = std::chrono::steady_clock::now();
    const double sec = std::chrono::duration<double>(t1 - t0).count();
    if (sec < best) best = sec;
    uint64_t rows = 0;
    for (const Piece& p : pieces) rows += p.table.rows();
    if (hash && rep == 0) {
      H.add(std::string("F ") + (s.format() ? s.format()->id : "") + " " + (s.encoding() ? s.encoding() : "") + "\n");
      for (size_t i = 0; i < pieces.size(); ++i) hash_piece(H, pieces[i], i < batches ? "B" : "T");
      const auto& d = s.diagnostics();
      for (const sdw::Message& m : d.warnings)
        H.add("W " + m.code + " line=" + std::to_string(m.where.line) + " off=" + std::to_string(m.where.byte_offset) + " " + m.en + "\n");
      for (const auto& [code, n] : d.suppressed) H.add("S " + code + " " + std::to_string(n) + "\n");
      if (d.failed) H.add("E " + d.error.code + " " + d.error.en + "\n");
      std::printf("hash %016llx ", static_cast<unsigned long long>(H.h));
    }
    if (H.dump) std::fclose(H.dump);
    std::printf("%s %s%s rows=%llu pieces=%zu %.3f s %.1f MB/s\n", name.c_str(), s.format() ? s.format()->id : "?",
                lean ? " lean" : " full", static_cast<unsigned long long>(rows), pieces.size(), sec, data.size() / 1e6 / sec);
  }
  if (reps > 1) std::printf("best %.3f s %.1f MB/s\n", best, data.size() / 1e6 / best);
  return 0;
}
