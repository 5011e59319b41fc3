// Domain tables -> challenge columns (see tables.h). Each collector applies the merge rule of
// parsers/core/domain_model.h first (merge_keep), so overlapping exports count once, as in the browser's views.
#include "challenges/tables.h"

#include <algorithm>
#include <climits>

#include "challenges/tz.h"
#include "parsers/core/domain_model.h"
#include "parsers/core/domains.h"

namespace sdw::challenge {

void StringColumn::finish() {
  views.assign(text.begin(), text.end());
}

namespace {

const Column* find(const Table& t, std::string_view name) {
  for (const Column& c : t.columns)
    if (c.name == name) return &c;
  return nullptr;
}
double num(const Column* c, size_t i) {
  if (!c || i >= c->size() || !c->valid[i]) return k_nan;
  if (c->type == ColumnType::Float64) return c->f64[i];
  if (c->type == ColumnType::Int64) return double(c->i64[i]);
  return k_nan;
}
std::string str(const Column* c, size_t i) {
  if (!c || i >= c->size() || !c->valid[i]) return "";
  if (c->type == ColumnType::String) return std::string(c->string_at(i));
  return c->value_text(i);
}
int8_t boolean(const Column* c, size_t i) {
  if (!c || i >= c->size() || !c->valid[i] || (c->type != ColumnType::Bool && c->type != ColumnType::Int64)) return -1;
  return c->i64[i] ? 1 : 0;
}
// Instant in UTC µs: a timestamp, or a date read as local midnight.
bool instant(const Column* c, size_t i, int64_t& out) {
  if (!c || i >= c->size() || !c->valid[i]) return false;
  if (c->type == ColumnType::Timestamp) out = c->i64[i];
  else if (c->type == ColumnType::Date) out = paris_midnight_utc_us(c->i32[i]);
  else return false;
  return true;
}
// The local offset the export wrote for a timestamp (k_no_offset: none, or a date: Paris).
int16_t offset(const Column* c, size_t i) {
  if (!c || c->type != ColumnType::Timestamp || i >= c->utc_offset_min.size() || !c->valid[i]) return k_no_offset;
  return offset_known(c->utc_offset_min[i]) ? c->utc_offset_min[i] : k_no_offset;
}
// Local day: a date as is, a timestamp at the offset its export wrote, else in Paris time.
bool local_day(const Column* c, size_t i, int32_t& out) {
  if (!c || i >= c->size() || !c->valid[i]) return false;
  if (c->type == ColumnType::Date) out = c->i32[i];
  else if (c->type == ColumnType::Timestamp) out = local_time(c->i64[i], offset(c, i)).day;
  else return false;
  return true;
}

// Calls f(table, keep) for each table of `domain` in order, keep[r] = 0 for a row the merge rule drops
// (a duplicate of a better source's row); returns how many rows it dropped.
template <class F>
size_t each_table(std::span<const Table> tables, const char* domain, F&& f) {
  std::vector<const Table*> of;
  for (const Table& t : tables)
    if (t.domain == domain) of.push_back(&t);
  const model::DomainSpec* d = model::find_domain(domain);
  std::vector<std::vector<uint8_t>> keep;
  if (d) keep = model::merge_keep(*d, of);
  else for (const Table* t : of) keep.emplace_back(t->rows(), uint8_t(1));
  for (size_t i = 0; i < of.size(); ++i) f(*of[i], keep[i]);
  return model::merge_dropped(keep);
}

}  // namespace

namespace {

TripsColumns collect_trips_ends(std::span<const Table> tables, DonationColumns* ends) {
  TripsColumns o;
  o.duplicates = each_table(tables, domain::k_trips, [&](const Table& t, const std::vector<uint8_t>& keep) {
    const Column *ts = find(t, "ts_start"), *dist = find(t, "distance_m"), *dur = find(t, "duration_s"),
                 *mode = find(t, "mode"), *raw = find(t, "mode_raw"), *inferred = find(t, "mode_inferred"),
                 *price = find(t, "price_eur");
    const Column *slat = find(t, "start_lat"), *slon = find(t, "start_lon"), *elat = find(t, "end_lat"), *elon = find(t, "end_lon");
    for (size_t i = 0; i < t.rows(); ++i) {
      if (!keep[i]) continue;
      int64_t us;
      if (!instant(ts, i, us)) continue;
      if (ends) {
        ends->start_lat.push_back(num(slat, i));
        ends->start_lon.push_back(num(slon, i));
        ends->end_lat.push_back(num(elat, i));
        ends->end_lon.push_back(num(elon, i));
      }
      o.ts_start_us.push_back(us);
      // the offset the export wrote, else the time zone of the start (challenges/tz.h), else Paris
      o.ts_start_off.push_back(record_offset(offset(ts, i), num(slat, i), num(slon, i), us));
      o.distance_m.push_back(num(dist, i));
      o.duration_s.push_back(num(dur, i));
      // a mode the parser itself guessed is guessed again here with our documented thresholds
      o.mode.text.push_back(boolean(inferred, i) == 1 ? "" : str(mode, i));
      o.mode_raw.text.push_back(str(raw, i));
      o.mode_inferred.push_back(0);
      o.confidence.push_back(k_nan);
      o.price_eur.push_back(num(price, i));
    }
  });
  o.mode.finish();
  o.mode_raw.finish();
  return o;
}

}  // namespace

TripsColumns collect_trips(std::span<const Table> tables) { return collect_trips_ends(tables, nullptr); }

// [SECTION] segmented trips

namespace {

std::string provenance_key(const Table& t) { return str(find(t, "_file"), 0) + "\n" + str(find(t, "_entry"), 0); }
// The GPX parser's point table (parsers/formats/gpx.cpp) and the KML one (parsers/formats/kml.cpp): no domain, own columns.
bool is_gpx_points(const Table& t) {
  return t.domain.empty() && find(t, "kind") && find(t, "track") && find(t, "seq") && find(t, "time") && find(t, "ele_m");
}
bool is_kml_points(const Table& t) {
  return t.domain.empty() && find(t, "placemark") && find(t, "kind") && find(t, "time") && find(t, "alt_m");
}
float fnum(const Column* c, size_t i) { return float(num(c, i)); }

// Appends one trace's result to `all`, visit indices shifted.
void append_result(SegmentResult& all, SegmentResult&& r) {
  const int32_t base = int32_t(all.visits.size());
  all.visits.insert(all.visits.end(), r.visits.begin(), r.visits.end());
  for (SegTrip& t : r.trips) {
    if (t.from_visit >= 0) t.from_visit += base;
    if (t.to_visit >= 0) t.to_visit += base;
    all.trips.push_back(t);
  }
  SegmentStats& a = all.stats;
  const SegmentStats& b = r.stats;
  a.points += b.points;
  a.no_time += b.no_time;
  a.bad_coord += b.bad_coord;
  a.low_accuracy += b.low_accuracy;
  a.not_after_previous += b.not_after_previous;
  a.jumps += b.jumps;
  a.spikes += b.spikes;
  a.used += b.used;
  a.jitter_merged += b.jitter_merged;
  a.tiny_trips += b.tiny_trips;
  a.sorted = a.sorted && b.sorted;
}

SegmentResult run_trace(std::span<const TracePoint> pts, const SegmentOptions& o, bool has_mode, Mode mode) {
  if (!has_mode) return segment_points(pts, o);
  std::vector<TracePoint> sorted(pts.begin(), pts.end());
  std::stable_sort(sorted.begin(), sorted.end(), [](const TracePoint& a, const TracePoint& b) { return a.ts_us < b.ts_us; });
  Segmenter s(o);
  s.set_export_mode(mode, true);
  for (const TracePoint& p : sorted) s.add(p);
  return s.finish();
}

}  // namespace

TripsColumns collect_trips_segmented(std::span<const Table> tables, const SegmentOptions& so, SegmentNotes* notes,
                                     SegmentResult* segments, std::span<const ModeCorrection> corrections) {
  TripsColumns o = collect_trips(tables);
  std::vector<PointTrace> traces;
  // files that gave trips: their points are not segmented (the export's trips win)
  std::vector<std::string> with_trips;
  for (const Table& t : tables)
    if (t.domain == domain::k_trips && t.rows() > 0) with_trips.push_back(provenance_key(t));
  // location_points, one trace per file (a Records.json arrives in several batches of one provenance)
  std::vector<std::string> keys;
  each_table(tables, domain::k_location_points, [&](const Table& t, const std::vector<uint8_t>& keep) {
    const std::string key = provenance_key(t);
    if (std::find(with_trips.begin(), with_trips.end(), key) != with_trips.end()) return;
    size_t k = size_t(std::find(keys.begin(), keys.end(), key) - keys.begin());
    if (k == keys.size()) {
      keys.push_back(key);
      traces.emplace_back();
      traces.back().file = key.substr(0, key.find('\n')) + (key.back() == '\n' ? "" : "/" + key.substr(key.find('\n') + 1));
    }
    const Column *ts = find(t, "ts"), *lat = find(t, "lat"), *lon = find(t, "lon"), *acc = find(t, "accuracy_m"),
                 *vel = find(t, "velocity_m_s"), *act = find(t, "activity"), *conf = find(t, "activity_confidence");
    for (size_t i = 0; i < t.rows(); ++i) {
      if (!keep[i]) continue;
      TracePoint p;
      if (!instant(ts, i, p.ts_us)) p.ts_us = k_no_time;
      p.offset_min = offset(ts, i);
      p.lat = num(lat, i);
      p.lon = num(lon, i);
      p.accuracy_m = fnum(acc, i);
      p.velocity_m_s = fnum(vel, i);
      const std::string a = str(act, i);
      if (!a.empty() && mode_from_id(a, p.activity)) {
        p.has_activity = true;
        const double c = num(conf, i);
        p.activity_confidence = uint8_t(c >= 0 && c <= 100 ? c : 0);
      }
      traces[k].points.push_back(p);
    }
  });
  // GPX tracks (one trace per track, <type> as the mode) and KML gx:Track placemarks
  for (const Table& t : tables) {
    const bool gpx = is_gpx_points(t), kml = !gpx && is_kml_points(t);
    if (!gpx && !kml) continue;
    const Column *kind = find(t, "kind"), *group = find(t, gpx ? "track" : "placemark"), *ts = find(t, "time"),
                 *lat = find(t, "lat"), *lon = find(t, "lon");
    std::map<std::string, std::string> types;   // GPX track label -> <type> (meta "track.N.name" / "track.N.type")
    for (const auto& [key, value] : t.meta)
      if (key.size() > 5 && key.compare(key.size() - 5, 5, ".type") == 0) {
        const std::string stem = key.substr(0, key.size() - 5);
        for (const auto& [k2, v2] : t.meta)
          if (k2 == stem + ".name") types[v2] = value;
      }
    PointTrace cur;
    std::string current;
    bool started = false;
    auto flush = [&]() {
      if (cur.points.empty()) return;
      auto it = types.find(current);
      cur.has_mode = it != types.end() && mode_from_activity_type(it->second, cur.mode);
      cur.file = t.name;
      traces.push_back(std::move(cur));
      cur = PointTrace{};
    };
    for (size_t i = 0; i < t.rows(); ++i) {
      if (str(kind, i) != "track") continue;
      const std::string g = str(group, i);
      if (!started || g != current) {
        flush();
        current = g;
        started = true;
      }
      TracePoint p;
      if (!instant(ts, i, p.ts_us)) p.ts_us = k_no_time;
      p.offset_min = offset(ts, i);
      p.lat = num(lat, i);
      p.lon = num(lon, i);
      cur.points.push_back(p);
    }
    flush();
  }
  add_segmented(o, traces, so, notes, segments, corrections);
  return o;
}

void add_segmented(TripsColumns& o, std::span<const PointTrace> traces, const SegmentOptions& so, SegmentNotes* notes,
                   SegmentResult* segments, std::span<const ModeCorrection> corrections) {
  SegmentNotes n;
  SegmentResult all;
  // per segmented trip: the offset of the trace's last fix at or before its start (written, else its zone's)
  std::vector<int16_t> trip_off;
  for (const PointTrace& tr : traces) {
    SegmentResult one = run_trace(tr.points, so, tr.has_mode, tr.mode);
    std::vector<std::pair<int64_t, size_t>> fixes;
    for (size_t i = 0; i < tr.points.size(); ++i)
      if (tr.points[i].ts_us != k_no_time) fixes.emplace_back(tr.points[i].ts_us, i);
    std::sort(fixes.begin(), fixes.end());
    for (const SegTrip& s : one.trips) {
      auto it = std::upper_bound(fixes.begin(), fixes.end(), std::pair<int64_t, size_t>{s.start_us, SIZE_MAX});
      if (fixes.empty()) { trip_off.push_back(k_no_offset); continue; }
      const TracePoint& p = tr.points[(it == fixes.begin() ? it : std::prev(it))->second];
      trip_off.push_back(record_offset(p.offset_min, p.lat, p.lon, s.start_us));
    }
    append_result(all, std::move(one));
    if (std::find(n.files.begin(), n.files.end(), tr.file) == n.files.end()) n.files.push_back(tr.file);
    ++n.traces;
  }
  apply_corrections(all.trips, corrections);
  // an export's trip covering the same time wins over a segmented one
  std::vector<std::pair<int64_t, int64_t>> given;
  for (size_t i = 0; i < o.ts_start_us.size(); ++i) {
    const double d = o.duration_s[i];
    given.emplace_back(o.ts_start_us[i], o.ts_start_us[i] + (d > 0 ? int64_t(d * 1e6) : 0));
  }
  std::sort(given.begin(), given.end());
  std::vector<int64_t> max_end(given.size());
  for (size_t i = 0; i < given.size(); ++i) max_end[i] = std::max(i ? max_end[i - 1] : INT64_MIN, given[i].second);
  // the columns collect_trips may leave short (exports without a guessed mode)
  o.mode_inferred.resize(o.ts_start_us.size(), 0);
  o.confidence.resize(o.ts_start_us.size(), k_nan);
  o.price_eur.resize(o.ts_start_us.size(), k_nan);
  o.ts_start_off.resize(o.ts_start_us.size(), k_no_offset);
  for (size_t ti = 0; ti < all.trips.size(); ++ti) {
    const SegTrip& s = all.trips[ti];
    const size_t k = size_t(std::upper_bound(given.begin(), given.end(), std::pair<int64_t, int64_t>{s.end_us, INT64_MAX}) - given.begin());
    if (k > 0 && max_end[k - 1] > s.start_us && given[k - 1].first < s.end_us) {
      ++n.dropped_overlap;
      continue;
    }
    o.ts_start_us.push_back(s.start_us);
    o.ts_start_off.push_back(ti < trip_off.size() ? trip_off[ti] : k_no_offset);
    o.distance_m.push_back(s.distance_m);
    o.duration_s.push_back(s.duration_s);
    o.mode.text.push_back(mode_id(s.mode));
    o.mode_raw.text.push_back(s.mode_source == ModeSource::ExportType ? "export_type" : "");
    o.mode_inferred.push_back(s.mode_inferred ? 1 : 0);
    o.confidence.push_back(s.confidence);
    o.price_eur.push_back(k_nan);
    ++n.trips;
  }
  o.mode.finish();
  o.mode_raw.finish();
  const SegmentStats& st = all.stats;
  n.points = st.points;
  n.no_time = st.no_time;
  n.low_accuracy = st.low_accuracy;
  n.jumps = st.jumps;
  n.spikes = st.spikes;
  n.not_after_previous = st.not_after_previous;
  n.visits = int64_t(all.visits.size());
  n.tiny_trips = st.tiny_trips;
  if (notes) *notes = std::move(n);
  if (segments) *segments = std::move(all);
}

std::map<std::string, EnergyColumns> collect_energy(std::span<const Table> tables) {
  std::map<std::string, EnergyColumns> m;
  const size_t dropped = each_table(tables, domain::k_energy_readings, [&](const Table& t, const std::vector<uint8_t>& keep) {
    const Column *s = find(t, "ts_start"), *e = find(t, "ts_end"), *iv = find(t, "interval_s"), *k = find(t, "kwh"),
                 *energy = find(t, "energy"), *kind = find(t, "kind"), *m3 = find(t, "m3");
    for (size_t i = 0; i < t.rows(); ++i) {
      if (!keep[i]) continue;
      if (str(kind, i) == "max_power") continue;
      int64_t start, end;
      if (!instant(s, i, start)) continue;
      if (!instant(e, i, end)) {
        const double sec = num(iv, i);
        if (!(sec > 0)) continue;
        end = start + int64_t(sec * 1e6);
      }
      std::string en = str(energy, i);
      EnergyColumns& c = m[en.empty() ? "electricity" : en];
      c.ts_start_us.push_back(start);
      c.ts_end_us.push_back(end);
      c.kwh.push_back(num(k, i));
      c.m3.push_back(num(m3, i));
    }
  });
  for (auto& [energy, c] : m) c.duplicates = dropped;
  return m;
}

TransactionColumns collect_transactions(std::span<const Table> tables) {
  TransactionColumns o;
  o.duplicates = each_table(tables, domain::k_transactions, [&](const Table& t, const std::vector<uint8_t>& keep) {
    const Column *d = find(t, "date"), *l = find(t, "label"), *a = find(t, "amount"), *c = find(t, "category"),
                 *cur = find(t, "currency");
    for (size_t i = 0; i < t.rows(); ++i) {
      if (!keep[i]) continue;
      int32_t day;
      if (!local_day(d, i, day)) continue;
      o.day.push_back(day);
      o.label.text.push_back(str(l, i));
      o.amount.push_back(num(a, i));
      o.category.text.push_back(str(c, i));
      o.currency.text.push_back(str(cur, i));
    }
  });
  o.label.finish();
  o.category.finish();
  o.currency.finish();
  return o;
}

HealthColumns collect_health(std::span<const Table> tables) {
  HealthColumns o;
  o.duplicates = each_table(tables, domain::k_health_records, [&](const Table& t, const std::vector<uint8_t>& keep) {
    const Column *d = find(t, "date"), *p = find(t, "amount_paid"), *r = find(t, "amount_reimbursed");
    for (size_t i = 0; i < t.rows(); ++i) {
      if (!keep[i]) continue;
      int32_t day;
      if (!local_day(d, i, day)) continue;
      o.day.push_back(day);
      o.paid.push_back(num(p, i));
      o.reimbursed.push_back(num(r, i));
    }
  });
  return o;
}

PurchaseColumns collect_purchases(std::span<const Table> tables) {
  PurchaseColumns o;
  o.duplicates = each_table(tables, domain::k_purchases, [&](const Table& t, const std::vector<uint8_t>& keep) {
    const Column *ts = find(t, "ts"), *d = find(t, "date"), *p = find(t, "product"), *q = find(t, "quantity"),
                 *u = find(t, "unit"), *a = find(t, "amount"), *e = find(t, "ean");
    for (size_t i = 0; i < t.rows(); ++i) {
      if (!keep[i]) continue;
      int32_t day;
      if (!local_day(ts, i, day) && !local_day(d, i, day)) continue;
      o.day.push_back(day);
      o.product.text.push_back(str(p, i));
      o.quantity.push_back(num(q, i));
      o.unit.text.push_back(str(u, i));
      o.amount.push_back(num(a, i));
      o.ean.text.push_back(str(e, i));
    }
  });
  o.product.finish();
  o.unit.finish();
  o.ean.finish();
  return o;
}

LearningColumns collect_learning(std::span<const Table> tables) {
  LearningColumns o;
  o.duplicates = each_table(tables, domain::k_learning_statements, [&](const Table& t, const std::vector<uint8_t>& keep) {
    const Column *ts = find(t, "ts"), *actor = find(t, "actor"), *verb = find(t, "verb"), *vid = find(t, "verb_id"),
                 *oid = find(t, "object_id"), *oname = find(t, "object_name"), *course = find(t, "course"),
                 *dur = find(t, "duration_s"), *score = find(t, "score_scaled"), *succ = find(t, "success"),
                 *comp = find(t, "completion");
    for (size_t i = 0; i < t.rows(); ++i) {
      if (!keep[i]) continue;
      int64_t us;
      if (!instant(ts, i, us)) continue;
      o.ts_us.push_back(us);
      o.ts_off.push_back(offset(ts, i));
      o.actor.text.push_back(str(actor, i));
      o.verb.text.push_back(str(verb, i));
      o.verb_id.text.push_back(str(vid, i));
      o.object_id.text.push_back(str(oid, i));
      o.object_name.text.push_back(str(oname, i));
      o.course.text.push_back(str(course, i));
      o.duration_s.push_back(num(dur, i));
      o.score_scaled.push_back(num(score, i));
      o.success.push_back(boolean(succ, i));
      o.completion.push_back(boolean(comp, i));
    }
  });
  for (StringColumn* c : {&o.actor, &o.verb, &o.verb_id, &o.object_id, &o.object_name, &o.course}) c->finish();
  return o;
}

ActivityColumns collect_activity(std::span<const Table> tables) {
  ActivityColumns o;
  o.duplicates = each_table(tables, domain::k_activity, [&](const Table& t, const std::vector<uint8_t>& keep) {
    const Column *ts = find(t, "ts"), *p = find(t, "platform"), *k = find(t, "kind");
    for (size_t i = 0; i < t.rows(); ++i) {
      if (!keep[i]) continue;
      int64_t us;
      if (!instant(ts, i, us)) continue;
      o.ts_us.push_back(us);
      o.ts_off.push_back(offset(ts, i));
      o.platform.text.push_back(str(p, i));
      o.kind.text.push_back(str(k, i));
    }
  });
  o.platform.finish();
  o.kind.finish();
  return o;
}

DonationColumns collect_donation(std::span<const Table> tables) {
  DonationColumns o;
  o.trips = collect_trips_ends(tables, &o);
  each_table(tables, domain::k_visits, [&](const Table& t, const std::vector<uint8_t>& keep) {
    const Column *s = find(t, "ts_start"), *e = find(t, "ts_end"), *dur = find(t, "duration_s"), *lat = find(t, "lat"), *lon = find(t, "lon");
    for (size_t i = 0; i < t.rows(); ++i) {
      if (!keep[i]) continue;
      int64_t start, end;
      if (!instant(s, i, start)) continue;
      if (!instant(e, i, end)) {
        const double sec = num(dur, i);
        if (!(sec > 0)) continue;
        end = start + int64_t(sec * 1e6);
      }
      o.visit_start_us.push_back(start);
      o.visit_end_us.push_back(end);
      o.visit_lat.push_back(num(lat, i));
      o.visit_lon.push_back(num(lon, i));
    }
  });
  each_table(tables, domain::k_location_points, [&](const Table& t, const std::vector<uint8_t>& keep) {
    const Column *ts = find(t, "ts"), *lat = find(t, "lat"), *lon = find(t, "lon");
    for (size_t i = 0; i < t.rows(); ++i) {
      if (!keep[i]) continue;
      int64_t us;
      if (!instant(ts, i, us)) continue;
      o.point_ts_us.push_back(us);
      o.point_lat.push_back(num(lat, i));
      o.point_lon.push_back(num(lon, i));
    }
  });
  auto energy = collect_energy(tables);
  if (auto it = energy.find("electricity"); it != energy.end()) o.electricity = std::move(it->second);
  if (auto it = energy.find("gas"); it != energy.end()) o.gas = std::move(it->second);
  o.learning = collect_learning(tables);
  return o;
}

DonationInput DonationColumns::input() const {
  DonationInput in;
  const TripsView tv = trips.view();
  in.trips = {tv.ts_start_us, tv.distance_m, tv.duration_s, tv.mode, tv.mode_raw, start_lat, start_lon, end_lat, end_lon, {}, {}};
  in.places = {visit_start_us, visit_end_us, visit_lat, visit_lon, point_ts_us, point_lat, point_lon};
  in.electricity = electricity.view();
  in.gas = gas.view();
  in.learning = learning.view();
  return in;
}

RevealColumns collect_reveal(std::span<const Table> tables, std::span<const int32_t> source_of_table) {
  RevealColumns o;
  for (size_t ti = 0; ti < tables.size(); ++ti) {
    const Table& t = tables[ti];
    const int32_t src = ti < source_of_table.size() ? source_of_table[ti] : -1;
    const std::span<const Table> one = tables.subspan(ti, 1);
    if (t.domain == domain::k_visits) {
      const Column *s = find(t, "ts_start"), *e = find(t, "ts_end"), *dur = find(t, "duration_s"), *lat = find(t, "lat"),
                   *lon = find(t, "lon"), *name = find(t, "name"), *sem = find(t, "semantic_type"), *pid = find(t, "place_id");
      for (size_t i = 0; i < t.rows(); ++i) {
        int64_t start, end;
        if (!instant(s, i, start)) continue;
        if (!instant(e, i, end)) end = start + int64_t(std::max(0.0, std::isfinite(num(dur, i)) ? num(dur, i) : 0.0) * 1e6);
        o.visit_start_us.push_back(start);
        o.visit_end_us.push_back(end);
        o.visit_start_off.push_back(offset(s, i));
        o.visit_end_off.push_back(e && e->type == ColumnType::Timestamp && i < e->size() && e->valid[i] ? offset(e, i) : offset(s, i));
        o.visit_lat.push_back(num(lat, i));
        o.visit_lon.push_back(num(lon, i));
        o.visit_name.text.push_back(str(name, i));
        o.visit_semantic.text.push_back(str(sem, i));
        o.visit_place_id.text.push_back(str(pid, i));
        o.visit_source.push_back(src);
      }
    } else if (t.domain == domain::k_location_points) {
      const Column *ts = find(t, "ts"), *lat = find(t, "lat"), *lon = find(t, "lon");
      for (size_t i = 0; i < t.rows(); ++i) {
        int64_t us;
        if (!instant(ts, i, us)) continue;
        o.point_ts_us.push_back(us);
        o.point_off.push_back(offset(ts, i));
        o.point_lat.push_back(num(lat, i));
        o.point_lon.push_back(num(lon, i));
        o.point_source.push_back(src);
      }
    } else if (t.domain == domain::k_trips) {
      const Column *ts = find(t, "ts_start"), *lat = find(t, "end_lat"), *lon = find(t, "end_lon");
      for (size_t i = 0; i < t.rows(); ++i) {
        int64_t us;
        if (!instant(ts, i, us)) continue;
        o.trip_start_us.push_back(us);
        o.trip_start_off.push_back(offset(ts, i));
        o.trip_end_lat.push_back(num(lat, i));
        o.trip_end_lon.push_back(num(lon, i));
        o.trip_source.push_back(src);
      }
    } else if (t.domain == domain::k_activity) {
      ActivityColumns a = collect_activity(one);
      o.activity.ts_us.insert(o.activity.ts_us.end(), a.ts_us.begin(), a.ts_us.end());
      o.activity.ts_off.insert(o.activity.ts_off.end(), a.ts_off.begin(), a.ts_off.end());
      o.activity.platform.text.insert(o.activity.platform.text.end(), a.platform.text.begin(), a.platform.text.end());
      o.activity.kind.text.insert(o.activity.kind.text.end(), a.kind.text.begin(), a.kind.text.end());
      o.activity_source.insert(o.activity_source.end(), a.ts_us.size(), src);
    } else if (t.domain == domain::k_transactions) {
      TransactionColumns x = collect_transactions(one);
      TransactionColumns& d = o.transactions;
      d.day.insert(d.day.end(), x.day.begin(), x.day.end());
      d.amount.insert(d.amount.end(), x.amount.begin(), x.amount.end());
      for (auto [to, from] : {std::pair{&d.label, &x.label}, {&d.category, &x.category}, {&d.currency, &x.currency}})
        to->text.insert(to->text.end(), from->text.begin(), from->text.end());
      o.transaction_source.insert(o.transaction_source.end(), x.day.size(), src);
    } else if (t.domain == domain::k_energy_readings) {
      auto m = collect_energy(one);
      auto it = m.find("electricity");
      if (it == m.end()) continue;
      EnergyColumns& d = o.electricity;
      d.ts_start_us.insert(d.ts_start_us.end(), it->second.ts_start_us.begin(), it->second.ts_start_us.end());
      d.ts_end_us.insert(d.ts_end_us.end(), it->second.ts_end_us.begin(), it->second.ts_end_us.end());
      d.kwh.insert(d.kwh.end(), it->second.kwh.begin(), it->second.kwh.end());
      d.m3.insert(d.m3.end(), it->second.m3.begin(), it->second.m3.end());
      o.electricity_source.insert(o.electricity_source.end(), it->second.ts_start_us.size(), src);
    } else if (t.domain == domain::k_learning_statements) {
      LearningColumns x = collect_learning(one);
      LearningColumns& d = o.learning;
      d.ts_us.insert(d.ts_us.end(), x.ts_us.begin(), x.ts_us.end());
      d.ts_off.insert(d.ts_off.end(), x.ts_off.begin(), x.ts_off.end());
      for (auto [to, from] : {std::pair{&d.actor, &x.actor}, {&d.verb, &x.verb}, {&d.verb_id, &x.verb_id}, {&d.object_id, &x.object_id},
                              {&d.object_name, &x.object_name}, {&d.course, &x.course}})
        to->text.insert(to->text.end(), from->text.begin(), from->text.end());
      d.duration_s.insert(d.duration_s.end(), x.duration_s.begin(), x.duration_s.end());
      d.score_scaled.insert(d.score_scaled.end(), x.score_scaled.begin(), x.score_scaled.end());
      d.success.insert(d.success.end(), x.success.begin(), x.success.end());
      d.completion.insert(d.completion.end(), x.completion.begin(), x.completion.end());
      o.learning_source.insert(o.learning_source.end(), x.ts_us.size(), src);
    }
  }
  for (StringColumn* c : {&o.visit_name, &o.visit_semantic, &o.visit_place_id, &o.activity.platform, &o.activity.kind,
                          &o.transactions.label, &o.transactions.category, &o.transactions.currency, &o.learning.actor,
                          &o.learning.verb, &o.learning.verb_id, &o.learning.object_id, &o.learning.object_name, &o.learning.course})
    c->finish();
  return o;
}

RevealInput RevealColumns::input(std::span<const SourceDesc> sources) const {
  RevealInput in;
  in.sources = sources;
  in.places = {{visit_start_us, visit_end_us, visit_lat, visit_lon, point_ts_us, point_lat, point_lon, visit_start_off, visit_end_off, point_off},
               visit_name.views, visit_semantic.views, visit_place_id.views, visit_source, point_source};
  in.trips = {trip_start_us, trip_end_lat, trip_end_lon, trip_source, trip_start_off};
  in.activity = activity.view();
  in.activity_source = activity_source;
  in.transactions = transactions.view();
  in.transaction_source = transaction_source;
  in.electricity = electricity.view();
  in.electricity_source = electricity_source;
  in.learning = learning.view();
  in.learning_source = learning_source;
  return in;
}

void describe_table(const Table& t, SourceDesc& s) {
  if (!t.domain.empty() && std::find(s.domains.begin(), s.domains.end(), t.domain) == s.domains.end()) s.domains.push_back(t.domain);
  for (const Column& c : t.columns)
    if (std::find(s.columns.begin(), s.columns.end(), c.name) == s.columns.end()) s.columns.push_back(c.name);
  s.records += int64_t(t.rows());
  // rows that reveal() reads on their local clock (the export's offset, else their place's zone) widen the
  // period there, as in the browser; here only the others (dates, Paris time)
  for (const char* d : {domain::k_visits, domain::k_location_points, domain::k_trips, domain::k_activity, domain::k_learning_statements})
    if (t.domain == d) return;
  const Column* c = find(t, "ts");
  if (!c) c = find(t, "ts_start");
  if (!c) c = find(t, "date");
  for (size_t i = 0; c && i < t.rows(); ++i) {
    int32_t day;
    if (!local_day(c, i, day)) continue;
    if (s.first_day == k_no_day || day < s.first_day) s.first_day = day;
    if (s.last_day == k_no_day || day > s.last_day) s.last_day = day;
  }
}

}  // namespace sdw::challenge
