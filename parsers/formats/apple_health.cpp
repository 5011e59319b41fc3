// Apple Health export.xml -> health_measures and trips, row by row as expat streams the file (exports of
// several GB are common; rows are final once written, so the caller may ship them in batches).
//
//   <Record type="HKQuantityTypeIdentifierStepCount" sourceName="iPhone de Léa" unit="count"
//           startDate="2024-03-02 07:55:00 +0100" endDate="…" value="523"/>  -> one health_measures row; the type
//           is shortened ("steps"); category samples (sleep…) keep their value as text in `category`
//   <Workout workoutActivityType="HKWorkoutActivityTypeCycling" duration="35.2" durationUnit="min"
//            totalDistance="9.8" totalDistanceUnit="km" totalEnergyBurned="…" startDate=… endDate=…>
//       <WorkoutStatistics type="HKQuantityTypeIdentifierDistanceCycling" sum="9.8" unit="km"/>  (iOS 16+)
//       <WorkoutRoute><FileReference path="/workout-routes/route_….gpx"/></WorkoutRoute>
//   </Workout>  -> one trips row (mode walk/run/bike/…, distance_m, duration_s, route_file)
//   <ActivitySummary dateComponents="2024-03-02" activeEnergyBurned="412" appleExerciseTime="32"
//                    appleStandHours="10"/>  -> summary_* rows over that local day
// Only Records directly under <HealthData> are read (those inside <Correlation> repeat top-level ones).
// <Me> (birth date, sex, blood type) and <ClinicalRecord> are not read. The internal DTD at the top is parsed
// by expat with external entities refused and entity expansion bounded (parsers/readers/xml.cpp).
#include "parsers/formats/apple_health.h"

#include <cmath>
#include <cstring>

#include "parsers/core/domain_table.h"
#include "parsers/core/domains.h"
#include "parsers/readers/xml.h"

namespace sdw {

int apple_health_detect(std::string_view head, std::string_view file_name) {
  if (xml_head_has_root(head, "HealthData")) return 95;
  // a DTD longer than the head: the DOCTYPE names the root
  const std::string_view h = head.substr(0, 4096);
  if (h.find("<!DOCTYPE HealthData") != std::string_view::npos) return 95;
  return 0;
}

namespace {

struct TypeName {
  const char* id;     // without its HK…TypeIdentifier prefix
  const char* short_name;
};
constexpr TypeName k_types[] = {
    {"StepCount", "steps"},
    {"HeartRate", "heart_rate"},
    {"RestingHeartRate", "resting_heart_rate"},
    {"WalkingHeartRateAverage", "walking_heart_rate"},
    {"HeartRateVariabilitySDNN", "hrv_sdnn"},
    {"DistanceWalkingRunning", "distance_walking_running"},
    {"DistanceCycling", "distance_cycling"},
    {"DistanceSwimming", "distance_swimming"},
    {"ActiveEnergyBurned", "active_energy"},
    {"BasalEnergyBurned", "basal_energy"},
    {"FlightsClimbed", "flights_climbed"},
    {"AppleExerciseTime", "exercise_time"},
    {"AppleStandTime", "stand_time"},
    {"AppleStandHour", "stand_hour"},
    {"BodyMass", "body_mass"},
    {"BodyMassIndex", "bmi"},
    {"Height", "height"},
    {"BodyFatPercentage", "body_fat"},
    {"OxygenSaturation", "oxygen_saturation"},
    {"RespiratoryRate", "respiratory_rate"},
    {"VO2Max", "vo2max"},
    {"WalkingSpeed", "walking_speed"},
    {"WalkingStepLength", "walking_step_length"},
    {"BloodPressureSystolic", "blood_pressure_systolic"},
    {"BloodPressureDiastolic", "blood_pressure_diastolic"},
    {"BloodGlucose", "blood_glucose"},
    {"EnvironmentalAudioExposure", "audio_exposure"},
    {"HeadphoneAudioExposure", "headphone_audio_exposure"},
    {"SleepAnalysis", "sleep"},
    {"MindfulSession", "mindful_session"},
};

std::string_view strip_prefix(std::string_view s) {
  for (const char* p : {"HKQuantityTypeIdentifier", "HKCategoryTypeIdentifier", "HKDataType", "HKCorrelationTypeIdentifier"}) {
    const size_t n = std::strlen(p);
    if (s.size() > n && s.substr(0, n) == p) return s.substr(n);
  }
  return s;
}

std::string short_type(std::string_view raw) {
  const std::string_view id = strip_prefix(raw);
  for (const TypeName& t : k_types)
    if (id == t.id) return t.short_name;
  return std::string(id);
}

// "HKWorkoutActivityTypeCycling" -> our mode ids (parsers/core/domains.h)
const char* workout_mode(std::string_view raw) {
  if (raw == "Walking" || raw == "Hiking") return "walk";
  if (raw == "Running") return "run";
  if (raw == "Cycling" || raw == "HandCycling") return "bike";
  if (raw == "Rowing" || raw == "PaddleSports" || raw == "Sailing" || raw == "SurfingSports") return "boat";
  return "other";
}

// "2024-03-02 07:55:00 +0100": Apple puts a space before the offset
bool apple_time(const char* s, LocalZone zone, DateTime& dt) {
  if (!s) return false;
  std::string t(trim(s));
  if (t.size() >= 25 && t[19] == ' ' && (t[20] == '+' || t[20] == '-')) t.erase(19, 1);
  return parse_datetime(t, zone, dt);
}

double to_metres(double v, std::string_view unit) {
  if (unit == "km") return v * 1000;
  if (unit == "mi") return v * 1609.344;
  if (unit == "yd") return v * 0.9144;
  if (unit == "ft") return v * 0.3048;
  if (unit == "cm") return v / 100;
  return v;  // "m"
}

double to_seconds(double v, std::string_view unit) {
  if (unit == "s") return v;
  if (unit == "h" || unit == "hr") return v * 3600;
  if (unit == "ms") return v / 1000;
  return v * 60;  // "min", Apple's default
}

double to_kcal(double v, std::string_view unit) {
  if (unit == "kJ") return v / 4.184;
  if (unit == "Cal" || unit == "kcal") return v;
  if (unit == "cal") return v / 1000;
  return v;
}

enum MCol : size_t { m_ts_start, m_ts_end, m_type, m_value, m_unit, m_device, m_source, m_type_raw, m_category };
enum TCol : size_t { t_ts_start, t_ts_end, t_duration, t_distance, t_mode, t_mode_raw, t_mode_inferred, t_source,
                     t_energy, t_route, t_device };

struct Workout {
  bool open = false;
  std::string raw, device, route;
  int64_t start = 0, end = 0;
  int16_t start_off = k_unknown_offset, end_off = k_unknown_offset;
  bool has_start = false, has_end = false;
  double duration_s = NAN, distance_m = NAN, kcal = NAN;
  uint64_t record = 0, line = 0, offset = 0;
};

class AppleHealthParser final : public Parser, public XmlHandler {
 public:
  explicit AppleHealthParser(const ParseOptions& o) : m_prov(provenance_of(o)), m_reader(*this, diag, 64 * 1024) {
    m_zone = zone_of_options(o, diag);
    tables.reserve(2);  // the writers point into it: never more than these two tables
    tables.push_back(make_domain_table(domain::k_health_measures,
                                       {{"ts_start", ColumnType::Timestamp}, {"ts_end", ColumnType::Timestamp},
                                        {"type", ColumnType::String}, {"value", ColumnType::Float64},
                                        {"unit", ColumnType::String}, {"device", ColumnType::String},
                                        {"source", ColumnType::String}, {"type_raw", ColumnType::String},
                                        {"category", ColumnType::String}}));
    tables.push_back(make_domain_table(domain::k_trips,
                                       {{"ts_start", ColumnType::Timestamp}, {"ts_end", ColumnType::Timestamp},
                                        {"duration_s", ColumnType::Float64}, {"distance_m", ColumnType::Float64},
                                        {"mode", ColumnType::String}, {"mode_raw", ColumnType::String},
                                        {"mode_inferred", ColumnType::Bool}, {"source", ColumnType::String},
                                        {"energy_kcal", ColumnType::Float64}, {"route_file", ColumnType::String},
                                        {"device", ColumnType::String}}));
    m_mw = RowWriter(tables[0]);
    m_tw = RowWriter(tables[1]);
  }

  uint64_t rows_so_far() const override { return m_mw.rows() + m_tw.rows(); }
  const char* encoding() const override { return "utf-8"; }
  bool streams_rows() const override { return true; }

  void feed(std::span<const uint8_t> chunk) override {
    if (m_done) return;
    m_reader.feed(chunk);
    check_reader(false);
  }

  void finish() override {
    if (m_done) return;
    m_reader.finish();
    if (!check_reader(true)) return;
    m_done = true;
    if (!m_saw_root) {
      fail_now(make_message("apple_health.no_root", "Pas d'élément <HealthData> : ce n'est pas un export Apple Santé",
                            "No <HealthData> element: not an Apple Health export"));
      return;
    }
    end_notes();
  }

  // [SECTION] XML events

  void on_start(std::string_view local, const char** a) override {
    const size_t depth = m_reader.depth();
    if (depth == 1) {
      if (local == "HealthData") {
        m_saw_root = true;
        if (const char* l = xml_attr(a, "locale")) tables[0].meta.emplace_back("locale", l);
      }
      return;
    }
    if (!m_saw_root) return;
    if (depth == 2) {
      if (local == "Record") record(a);
      else if (local == "Workout") start_workout(a);
      else if (local == "ActivitySummary") summary(a);
      else if (local == "ExportDate") {
        if (const char* v = xml_attr(a, "value")) tables[0].meta.emplace_back("export_date", v);
      }
      return;
    }
    if (!m_workout.open) return;
    if (local == "WorkoutStatistics") workout_statistics(a);
    else if (local == "FileReference") {
      if (const char* p = xml_attr(a, "path"); p && m_workout.route.empty()) m_workout.route = p;
    }
  }

  void on_end(std::string_view local, std::string_view) override {
    if (m_workout.open && local == "Workout" && m_reader.depth() == 2) end_workout();
  }

 private:
  bool number(const char* s, double& v) const { return s && parse_float(trim(s), v) && std::isfinite(v); }

  void bad_time(const char* what, const char* value) {
    if (m_bad_times++ == 0) {
      m_bad_line = m_reader.line();
      m_bad_off = m_reader.byte_offset();
    }
    const char* code = "apple_health.bad_time";
    if (diag.at_cap(code)) { diag.suppress(code); return; }
    const std::string v = std::string(value ? value : "").substr(0, 40);
    diag.warn(make_message(code,
                           std::string(what) + " ignoré : date illisible « " + v + " » (ligne " + num_str(m_reader.line()) + ")",
                           std::string(what) + " skipped: unreadable date \"" + v + "\" (line " + num_str(m_reader.line()) + ")",
                           m_reader.byte_offset(), m_reader.line()));
  }

  void record(const char** a) {
    const uint64_t rec = m_records++;
    DateTime s, e;
    if (!apple_time(xml_attr(a, "startDate"), m_zone, s)) { bad_time("Record", xml_attr(a, "startDate")); return; }
    const bool has_end = apple_time(xml_attr(a, "endDate"), m_zone, e);
    const char* type = xml_attr(a, "type");
    const std::string_view raw = type ? std::string_view(type) : std::string_view();
    m_mw.ts(m_ts_start, s.utc_us, s.local_offset());
    if (has_end) m_mw.ts(m_ts_end, e.utc_us, e.local_offset());
    m_mw.str(m_type, short_type(raw));
    const char* value = xml_attr(a, "value");
    double v;
    if (number(value, v)) m_mw.f64(m_value, v);
    else if (value && *value) {
      std::string_view c = trim(value);
      if (starts_with(c, "HKCategoryValue")) {  // "HKCategoryValueSleepAnalysisAsleepCore" -> "AsleepCore"
        c.remove_prefix(15);
        const std::string_view id = strip_prefix(raw);
        if (starts_with(c, id)) c.remove_prefix(id.size());
      }
      m_mw.str(m_category, c);
    }
    if (const char* u = xml_attr(a, "unit")) m_mw.str(m_unit, u);
    if (const char* d = xml_attr(a, "sourceName")) m_mw.str(m_device, d);
    m_mw.str(m_source, "apple_health");
    m_mw.str(m_type_raw, raw);
    m_mw.end_row(m_prov, rec);
  }

  void summary(const char** a) {
    const uint64_t rec = m_records++;
    const char* dc = xml_attr(a, "dateComponents");
    int32_t day;
    if (!dc || !parse_date(trim(dc), day)) { bad_time("ActivitySummary", dc); return; }
    int64_t start, end;
    local_day_bounds(day, m_zone, start, end);
    const char* energy_unit = xml_attr(a, "activeEnergyBurnedUnit");
    const struct { const char* attr; const char* type; const char* unit; } parts[] = {
        {"activeEnergyBurned", "summary_active_energy", energy_unit ? energy_unit : "kcal"},
        {"appleExerciseTime", "summary_exercise_time", "min"},
        {"appleStandHours", "summary_stand_hours", "count"},
    };
    for (const auto& p : parts) {
      double v;
      if (!number(xml_attr(a, p.attr), v)) continue;
      m_mw.ts(m_ts_start, start);
      m_mw.ts(m_ts_end, end);
      m_mw.str(m_type, p.type);
      m_mw.f64(m_value, v);
      m_mw.str(m_unit, p.unit);
      m_mw.str(m_source, "apple_health");
      m_mw.str(m_type_raw, std::string("ActivitySummary.") + p.attr);
      m_mw.end_row(m_prov, rec);
    }
  }

  void start_workout(const char** a) {
    m_workout = Workout();
    m_workout.open = true;
    m_workout.record = m_records++;
    m_workout.line = m_reader.line();
    m_workout.offset = m_reader.byte_offset();
    const char* t = xml_attr(a, "workoutActivityType");
    std::string_view raw = t ? std::string_view(t) : std::string_view();
    if (starts_with(raw, "HKWorkoutActivityType")) raw.remove_prefix(21);
    m_workout.raw = std::string(raw);
    if (const char* d = xml_attr(a, "sourceName")) m_workout.device = d;
    DateTime dt;
    if (apple_time(xml_attr(a, "startDate"), m_zone, dt)) {
      m_workout.has_start = true;
      m_workout.start = dt.utc_us;
      m_workout.start_off = dt.local_offset();
    }
    if (apple_time(xml_attr(a, "endDate"), m_zone, dt)) {
      m_workout.has_end = true;
      m_workout.end = dt.utc_us;
      m_workout.end_off = dt.local_offset();
    }
    double v;
    const char* du = xml_attr(a, "durationUnit");
    if (number(xml_attr(a, "duration"), v)) m_workout.duration_s = to_seconds(v, du ? du : "min");
    const char* dist_unit = xml_attr(a, "totalDistanceUnit");
    if (number(xml_attr(a, "totalDistance"), v)) m_workout.distance_m = to_metres(v, dist_unit ? dist_unit : "km");
    const char* eu = xml_attr(a, "totalEnergyBurnedUnit");
    if (number(xml_attr(a, "totalEnergyBurned"), v)) m_workout.kcal = to_kcal(v, eu ? eu : "kcal");
  }

  void workout_statistics(const char** a) {
    const char* t = xml_attr(a, "type");
    const char* u = xml_attr(a, "unit");
    double v;
    if (!t || !number(xml_attr(a, "sum"), v)) return;
    const std::string_view id = strip_prefix(t);
    if (starts_with(id, "Distance") && std::isnan(m_workout.distance_m)) m_workout.distance_m = to_metres(v, u ? u : "km");
    else if (id == "ActiveEnergyBurned" && std::isnan(m_workout.kcal)) m_workout.kcal = to_kcal(v, u ? u : "kcal");
  }

  void end_workout() {
    Workout& w = m_workout;
    w.open = false;
    if (!w.has_start) {
      if (m_bad_times++ == 0) { m_bad_line = w.line; m_bad_off = w.offset; }
      return;
    }
    m_tw.ts(t_ts_start, w.start, w.start_off);
    if (w.has_end) m_tw.ts(t_ts_end, w.end, w.end_off);
    double dur = w.duration_s;
    if (std::isnan(dur) && w.has_end) dur = double(w.end - w.start) / 1e6;
    m_tw.f64(t_duration, dur);
    m_tw.f64(t_distance, w.distance_m);
    m_tw.str(t_mode, workout_mode(w.raw));
    m_tw.str(t_mode_raw, w.raw);
    m_tw.boolean(t_mode_inferred, false);
    m_tw.str(t_source, "apple_health");
    m_tw.f64(t_energy, w.kcal);
    if (!w.route.empty()) m_tw.str(t_route, w.route);
    if (!w.device.empty()) m_tw.str(t_device, w.device);
    m_tw.end_row(m_prov, w.record);
  }

  // [SECTION] end, errors

  void end_notes() {
    if (m_bad_times)
      diag.warn(make_message("apple_health.skipped",
                             num_str(m_bad_times) + " élément(s) sans date lisible ignoré(s), premier ligne " + num_str(m_bad_line),
                             num_str(m_bad_times) + " element(s) without a readable date skipped, first at line " + num_str(m_bad_line),
                             m_bad_off, m_bad_line));
    for (Table& t : tables) t.finalize();
  }

  // false when the parse is over (failed, or kept as truncated)
  bool check_reader(bool at_end) {
    if (!m_reader.failed() || m_done) return !m_done;
    const Message& e = m_reader.error();
    if (rows_so_far() > 0 && m_saw_root) {  // keep what was read: a cut or damaged multi-GB export is common
      m_done = true;
      diag.warn(make_message("apple_health.truncated",
                             "Export Apple Santé interrompu (" + e.fr + ") : les " + num_str(rows_so_far()) + " lignes lues sont gardées",
                             "Apple Health export cut short (" + e.en + "): the " + num_str(rows_so_far()) + " rows read are kept",
                             e.where.byte_offset, e.where.line));
      if (m_workout.open && at_end) end_workout();
      end_notes();
      return false;
    }
    fail_now(e);
    return false;
  }

  void fail_now(Message m) {
    m_done = true;
    diag.fail(std::move(m));
    tables.clear();
  }

  Provenance m_prov;
  LocalZone m_zone = LocalZone::Paris;
  XmlReader m_reader;
  RowWriter m_mw, m_tw;
  bool m_done = false, m_saw_root = false;
  Workout m_workout;
  uint64_t m_records = 0, m_bad_times = 0, m_bad_line = 0, m_bad_off = 0;
};

}  // namespace

std::unique_ptr<Parser> apple_health_create(const ParseOptions& opts) { return std::make_unique<AppleHealthParser>(opts); }

}  // namespace sdw
