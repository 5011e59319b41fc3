// The stated answers (see headline.h): sentences from the challenges' results, periods, references.
// Does not own: the figures, the factor tables, drawing.
#include "challenges/headline.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>

#include "challenges/common.h"
#include "viz/locale.h"

namespace sdw::challenge {
namespace embedded {
extern const char* const comparisons_csv;   // generated from data/references/ (CMakeLists.txt)
}

namespace {

const char* const k_nbsp = "\u00A0";

const char* month_name(int m, bool fr) {
  static const char* fr_names[] = {"janvier", "février", "mars", "avril", "mai", "juin",
                                   "juillet", "août", "septembre", "octobre", "novembre", "décembre"};
  static const char* en_names[] = {"January", "February", "March", "April", "May", "June",
                                   "July", "August", "September", "October", "November", "December"};
  return m >= 1 && m <= 12 ? (fr ? fr_names : en_names)[m - 1] : "?";
}

struct Ymd { int y = 1970, m = 1, d = 1; };
Ymd ymd(int32_t day) {
  const std::string k = day_key(day);   // "2024-03-05"
  return {std::atoi(k.c_str()), std::atoi(k.c_str() + 5), std::atoi(k.c_str() + 8)};
}

std::string day_text(int32_t day, bool fr, bool with_year) {
  const Ymd t = ymd(day);
  std::string s = fr ? (t.d == 1 ? "1er" : std::to_string(t.d)) : std::to_string(t.d);
  s += " ";
  s += month_name(t.m, fr);
  if (with_year) s += " " + std::to_string(t.y);
  return s;
}

Lang lang(bool fr) { return fr ? Lang::Fr : Lang::En; }
std::string num(bool fr, double v, int decimals) { return format_number(lang(fr), v, decimals); }
std::string count(bool fr, int64_t n) { return format_count(lang(fr), static_cast<uint64_t>(std::max<int64_t>(0, n))); }
// "1 jour", "3 jours", "0 jour" (French: 0 and 1 are singular); "1 day", "0 days".
std::string count(bool fr, int64_t n, const char* one, const char* many) {
  const bool singular = fr ? (n == 0 || n == 1) : n == 1;
  return count(fr, n) + k_nbsp + (singular ? one : many);
}
std::string with_unit(bool fr, double v, int decimals, const char* unit) { return num(fr, v, decimals) + k_nbsp + unit; }

// Mass of CO₂e in the unit a person reads best: kg below 10 t, tonnes above.
std::string co2(bool fr, double kg) {
  if (std::fabs(kg) >= 10000) return with_unit(fr, kg / 1000, 1, "t CO₂e");
  return with_unit(fr, kg, kg < 100 ? 1 : 0, "kg CO₂e");
}

// First letter upper case (ASCII: "du …" -> "Du …", "from …" -> "From …").
std::string cap(std::string s) {
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

std::string quote(bool fr, std::string_view s) { return fr ? "« " + std::string(s) + " »" : "“" + std::string(s) + "”"; }

// A period shorter than ~11 months is scaled to a year (stated as such); longer ones are not.
bool partial_year(const Period& p) { return !p.empty() && p.days() < 335; }
double per_year(const Period& p, double v) { return p.empty() ? v : v * 365.0 / p.days(); }

std::string source_of(const Reference& r, bool fr) {
  return "(" + r.source + (fr ? ", données " : ", data ") + r.year + ")";
}

std::string partial_months_note(const Period& p, std::span<const std::string> months, bool fr) {
  int n = 0;
  for (const auto& m : months) n += month_is_partial(m, p);
  if (n == 0) return "";
  return fr ? "Les mois marqués * ne sont couverts qu’en partie par vos fichiers."
            : "Months marked * are only partly covered by your files.";
}

}  // namespace

void Period::add(int32_t day) {
  if (empty()) { first = last = day; return; }
  first = std::min(first, day);
  last = std::max(last, day);
}

std::string period_text(const Period& p, bool fr) {
  if (p.empty()) return "";
  if (p.first == p.last) return (fr ? "le " : "on ") + day_text(p.first, fr, true);
  const Ymd a = ymd(p.first), b = ymd(p.last);
  const bool same_year = a.y == b.y;
  if (fr) return "du " + day_text(p.first, fr, !same_year) + " au " + day_text(p.last, fr, true);
  return "from " + day_text(p.first, fr, !same_year) + " to " + day_text(p.last, fr, true);
}

bool month_is_partial(std::string_view key, const Period& p) {
  if (p.empty() || key.size() < 7) return false;
  const std::string first = month_key(p.first), last = month_key(p.last);
  if (key == first && ymd(p.first).d != 1) return true;
  if (key == last && ymd(p.last).d != days_in_month(p.last)) return true;
  return false;
}

std::string month_text(std::string_view key, bool fr, bool partial) {
  if (key.size() < 7) return std::string(key);
  const int m = std::atoi(std::string(key.substr(5, 2)).c_str());
  std::string s = std::string(month_name(m, fr)) + " " + std::string(key.substr(0, 4));
  if (partial) s += " *";
  return s;
}

const std::vector<Reference>& references() {
  static const std::vector<Reference> refs = [] {
    std::vector<Reference> out;
    std::string_view text = embedded::comparisons_csv;
    bool header = true;
    while (!text.empty()) {
      const size_t nl = text.find('\n');
      std::string_view line = text.substr(0, nl);
      text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      if (header || line.empty()) { header = false; continue; }
      std::vector<std::string> f;
      size_t p = 0;
      for (;;) {
        const size_t sc = line.find(';', p);
        f.emplace_back(line.substr(p, sc == std::string_view::npos ? std::string_view::npos : sc - p));
        if (sc == std::string_view::npos) break;
        p = sc + 1;
      }
      if (f.size() < 7) continue;
      Reference r;
      r.id = f[0];
      r.value = std::strtod(f[1].c_str(), nullptr);
      r.unit = f[2];
      r.label_fr = f[3];
      r.label_en = f[4];
      r.source = f[5];
      r.year = f[6];
      out.push_back(std::move(r));
    }
    return out;
  }();
  return refs;
}

const Reference* find_reference(std::string_view id) {
  for (const auto& r : references())
    if (r.id == id) return &r;
  return nullptr;
}

// ---------------------------------------------------------------- mobility
static Headline mobility_words(const MobilityResult& r, const MobilityOptions& o, bool fr) {
  Headline h;
  for (const auto& t : r.trips)
    if (t.day != 0 || t.km > 0) h.period.add(t.day);
  if (r.trips.empty() || h.period.empty()) {
    h.sentence = fr ? "Aucun trajet dans vos fichiers pour l’instant." : "No trips in your files yet.";
    return h;
  }
  const std::string when = period_text(h.period, fr);
  const int64_t n = static_cast<int64_t>(r.trips.size());
  if (fr)
    h.sentence = cap(when) + " (" +
                 count(fr, h.period.days(), "jour", "jours") + "), " + (n == 1 ? std::string("votre trajet fait ") : "vos " + count(fr, n, "trajet", "trajets") + " font ") + with_unit(fr, r.total_km, 1, "km") +
                 (n == 1 ? " et émet " : " et émettent ") + co2(fr, r.total_kgco2e) + ".";
  else
    h.sentence = cap(when) + " (" + count(fr, h.period.days(), "day", "days") + "), your " + count(fr, n, "trip", "trips") + (n == 1 ? " covers " : " cover ") +
                 with_unit(fr, r.total_km, 1, "km") + (n == 1 ? " and emits " : " and emit ") + co2(fr, r.total_kgco2e) + ".";
  const double year_kg = per_year(h.period, r.total_kgco2e);
  if (partial_year(h.period))
    h.yearly = fr ? "Sur un an au même rythme, cela ferait environ " + co2(fr, year_kg) + " et " +
                        with_unit(fr, per_year(h.period, r.total_km), 0, "km") + "."
                  : "Over a year at the same pace, that would be about " + co2(fr, year_kg) + " and " +
                        with_unit(fr, per_year(h.period, r.total_km), 0, "km") + ".";
  if (const Reference* ref = find_reference("mobility_co2_person_year")) {
    const double share = ref->value > 0 ? year_kg / ref->value * 100 : 0;
    h.comparison = fr ? "Pour comparer : " + ref->label_fr + " émettent " + with_unit(fr, ref->value, 0, "kg CO₂") + " par an " +
                            source_of(*ref, fr) + " ; votre rythme annuel en représente " + num(fr, share, 0) + k_nbsp + "%."
                      : "To compare: " + ref->label_en + " emits " + with_unit(fr, ref->value, 0, "kg CO₂") + " a year " +
                            source_of(*ref, fr) + "; your yearly pace is " + num(fr, share, 0) + "% of it.";
  }
  int64_t inferred = 0;
  for (const auto& m : r.by_mode) inferred += m.inferred;
  const std::string occupants = num(fr, o.car_occupants, 0);
  // carpooling: the method chosen is stated (ImpactCO₂ divides a car's emissions by its occupants; the other
  // method counts the whole car to the person)
  const bool whole_car = o.carpool == CarpoolMethod::Vehicle;
  const std::string car_fr = whole_car ? "Voiture : toute la voiture vous est comptée (" + occupants + (o.car_occupants > 1 ? " occupants déclarés" : " occupant déclaré") +
                                             ", non divisé) ; la règle d’ImpactCO₂ diviserait par les occupants."
                                       : "Voiture : facteur par véhicule divisé par " + occupants + (o.car_occupants > 1 ? " occupants" : " occupant") +
                                             " (covoiturage, règle d’ImpactCO₂ ; autre méthode possible : toute la voiture comptée).";
  const std::string car_en = whole_car ? "Car: the whole car counted to you (" + occupants + (o.car_occupants > 1 ? " occupants stated" : " occupant stated") +
                                             ", not divided); ImpactCO₂'s rule would divide by the occupants."
                                       : "Car: per-vehicle factor divided by " + occupants + (o.car_occupants > 1 ? " occupants" : " occupant") +
                                             " (carpooling, ImpactCO₂'s rule; alternative: the whole car counted).";
  h.method = fr ? "Chaque trajet : ses kilomètres × le facteur de son mode (ADEME, Impact CO₂, par personne et par km). " + car_fr +
                  " Fabrication des véhicules " + (o.include_construction ? "incluse" : "non incluse") +
                  ". Bus et car : facteur moyen par passager, qui tient compte du remplissage moyen observé — un bus presque vide "
                  "peut donc émettre plus par personne qu’une voiture."
                : "Each trip: its kilometres × its mode's factor (ADEME, Impact CO₂, per person and km). " + car_en + " Vehicle "
                  "manufacturing " + (o.include_construction ? "included" : "not included") + ". Bus and coach: average factor per "
                  "passenger, which includes the average occupancy observed — so a nearly empty bus can emit more per person than a car.";
  if (inferred > 0)
    h.note = fr ? count(fr, inferred, "trajet", "trajets") + " sans mode dans vos fichiers : le mode a été deviné d’après la vitesse."
                : count(fr, inferred, "trip", "trips") + " had no mode in your files: it was guessed from their speed.";
  if (r.km_without_factor > 0)
    h.note += std::string(h.note.empty() ? "" : " ") +
              (fr ? with_unit(fr, r.km_without_factor, 1, "km") + " (bateau, autre) sont comptés sans émissions faute de facteur."
                  : with_unit(fr, r.km_without_factor, 1, "km") + " (boat, other) are counted without emissions: no factor.");
  return h;
}

// ---------------------------------------------------------------- energy
static Headline energy_words(const EnergyResult& r, bool fr) {
  Headline h;
  for (const auto& d : r.days) h.period.add(d.day);
  const bool gas = r.energy == "gas";
  if (h.period.empty()) {
    h.sentence = fr ? "Aucun relevé de consommation dans vos fichiers pour l’instant." : "No consumption readings in your files yet.";
    return h;
  }
  const std::string when = period_text(h.period, fr);
  const std::string what = fr ? (gas ? "de gaz" : "d’électricité") : (gas ? "gas" : "electricity");
  if (fr)
    h.sentence = cap(when) + " (" + count(fr, h.period.days(), "jour", "jours") + "), votre logement a consommé " +
                 with_unit(fr, r.total_kwh, 0, "kWh") + " " + what + ", soit " + with_unit(fr, r.total_kwh / h.period.days(), 1, "kWh") +
                 " par jour.";
  else
    h.sentence = cap(when) + " (" + count(fr, h.period.days(), "day", "days") + "), your home used " + with_unit(fr, r.total_kwh, 0, "kWh") +
                 " of " + what + ", " + with_unit(fr, r.total_kwh / h.period.days(), 1, "kWh") + " a day.";
  const double year_kwh = per_year(h.period, r.total_kwh);
  if (partial_year(h.period))
    h.yearly = fr ? "Sur un an au même rythme, cela ferait environ " + with_unit(fr, year_kwh, 0, "kWh") +
                        " (l’hiver et l’été ne consomment pas pareil : c’est un ordre de grandeur)."
                  : "Over a year at the same pace, that would be about " + with_unit(fr, year_kwh, 0, "kWh") +
                        " (winter and summer differ: an order of magnitude only).";
  if (!gas) {
    const Reference* a = find_reference("electricity_kwh_home_no_electric_heating");
    const Reference* b = find_reference("electricity_kwh_home_electric_heating");
    if (a && b)
      h.comparison = fr ? "Pour comparer : " + a->label_fr + " consomme de l’ordre de " + with_unit(fr, a->value, 0, "kWh") + " par an, " +
                              b->label_fr + " de l’ordre de " + with_unit(fr, b->value, 0, "kWh") + " " + source_of(*a, fr) + "."
                        : "To compare: " + a->label_en + " uses about " + with_unit(fr, a->value, 0, "kWh") + " a year, " + b->label_en +
                              " about " + with_unit(fr, b->value, 0, "kWh") + " " + source_of(*a, fr) + ".";
  }
  h.method = fr ? "Somme des relevés de votre compteur, jour par jour à l’heure de Paris (les jours de changement d’heure ont 23 ou 25 h). "
                  "Consommation de fond la nuit : la plus petite puissance entre 1 h et 5 h, médiane sur les jours (appareils en veille, "
                  "frigo, box). Coût : au prix du kWh et à l’abonnement indiqués, modifiables."
                : "Sum of your meter's readings, day by day in Paris time (clock-change days have 23 or 25 hours). Night-time background "
                  "use: the lowest power between 1 and 5 am, median over days (standby devices, fridge, router). Cost: at the price per "
                  "kWh and subscription shown, adjustable.";
  std::vector<std::string> months;
  for (const auto& m : r.months) months.push_back(m.month);
  h.note = partial_months_note(h.period, months, fr);
  return h;
}

// ---------------------------------------------------------------- food
static Headline food_words(const FoodResult& r, std::span<const int32_t> line_days, bool fr) {
  Headline h;
  for (int32_t d : line_days) h.period.add(d);
  const int64_t lines = static_cast<int64_t>(r.lines.size());
  if (lines == 0 || h.period.empty()) {
    h.sentence = fr ? "Aucun achat dans vos fichiers pour l’instant." : "No purchases in your files yet.";
    return h;
  }
  const std::string when = period_text(h.period, fr);
  const int64_t food_lines = lines - r.not_food;
  // Coverage is part of the answer: the share of food spending counted, when the receipts carry amounts.
  const FoodMatchSummary& m = r.match;
  const bool spend = !m.lines.empty() && m.spend_food > 0;
  const std::string share = spend ? num(fr, 100 * m.spend_recognised_share, 0) + (fr ? "\u00A0%" : "%") : "";
  if (fr)
    h.sentence = cap(when) + ", vos achats alimentaires reconnus (" + count(fr, r.mapped) + " lignes sur " + count(fr, food_lines) +
                 (spend ? ", " + share + " des dépenses alimentaires" : std::string()) + ") représentent " + co2(fr, r.total_kgco2e) +
                 " pour " + with_unit(fr, r.total_kg, 1, "kg") + ".";
  else
    h.sentence = cap(when) + ", the food purchases recognised (" + count(fr, r.mapped) + " of " + count(fr, food_lines) + " lines" +
                 (spend ? ", " + share + " of food spending" : std::string()) + ") amount to " + co2(fr, r.total_kgco2e) + " for " +
                 with_unit(fr, r.total_kg, 1, "kg") + ".";
  if (partial_year(h.period))
    h.yearly = fr ? "Sur un an au même rythme : environ " + co2(fr, per_year(h.period, r.total_kgco2e)) + "."
                  : "Over a year at the same pace: about " + co2(fr, per_year(h.period, r.total_kgco2e)) + ".";
  if (const Reference* ref = find_reference("food_co2_person_year"))
    h.comparison = fr ? "Pour comparer : " + ref->label_fr + " pèse " + co2(fr, ref->value) + " par an et par personne " + source_of(*ref, fr) +
                            " — tous repas compris, restaurants et cantines aussi."
                      : "To compare: " + ref->label_en + " weighs " + co2(fr, ref->value) + " a year per person " + source_of(*ref, fr) +
                            " — every meal, canteens and restaurants included.";
  h.method = fr ? "Chaque ligne de ticket est rapprochée d’un produit de référence (Agribalyse, ADEME) ; son poids vient de la ligne "
                  "(« 1KG », « X6 »…) ou d’une portion type ; poids × facteur kg CO₂e par kg. Les lignes non alimentaires (remises, sacs, "
                  "hygiène…) sont mises à part ; les lignes non reconnues ne sont pas comptées."
                : "Each receipt line is matched to a reference product (Agribalyse, ADEME); its weight comes from the line (\"1KG\", "
                  "\"X6\"…) or a typical portion; weight × kg CO₂e per kg factor. Non-food lines (discounts, bags, hygiene…) are set "
                  "apart; unrecognised lines are not counted.";
  if (r.not_mapped + r.no_weight + r.no_factor > 0)
    h.note = fr ? count(fr, r.not_mapped + r.no_weight + r.no_factor) + " lignes alimentaires ne sont pas comptées (produit non reconnu, "
                  "poids ou facteur inconnu) : le total est donc un minimum."
                : count(fr, r.not_mapped + r.no_weight + r.no_factor) + " food lines are not counted (product not recognised, weight or "
                  "factor unknown): the total is a minimum.";
  return h;
}

// ---------------------------------------------------------------- learning
static Headline learning_words(const LearningResult& r, bool fr) {
  Headline h;
  for (const auto& d : r.days) h.period.add(d.day);
  if (r.statements == 0 || h.period.empty()) {
    h.sentence = fr ? "Aucune trace d’apprentissage dans vos fichiers pour l’instant." : "No learning traces in your files yet.";
    return h;
  }
  const std::string when = period_text(h.period, fr);
  const double hours = r.total_seconds / 3600;
  const std::string who = r.actor.empty() ? (fr ? "l’élève" : "the pupil") : r.actor;
  const std::string top = r.by_course.empty() ? "" : r.by_course.front().name;
  if (fr)
    h.sentence = cap(when) + ", " + who + " a passé " + with_unit(fr, hours, 1, "h") + " sur la plateforme en " +
                 count(fr, static_cast<int64_t>(r.sessions.size()), "séance", "séances") + (top.empty() ? "" : ", surtout en " + quote(fr, top)) + ".";
  else
    h.sentence = cap(when) + ", " + who + " spent " + with_unit(fr, hours, 1, "h") + " on the platform in " +
                 count(fr, static_cast<int64_t>(r.sessions.size()), "session", "sessions") + (top.empty() ? "" : ", mostly on " + quote(fr, top)) + ".";
  const double weeks = std::max(1.0, h.period.days() / 7.0);
  h.comparison = fr ? "En moyenne " + with_unit(fr, r.total_seconds / 60 / weeks, 0, "min") + " par semaine sur la période (comparé à vos propres traces)."
                    : "On average " + with_unit(fr, r.total_seconds / 60 / weeks, 0, "min") + " a week over the period (compared with your own traces).";
  h.method = fr ? "Temps d’une trace : sa durée quand la plateforme la donne, sinon le temps jusqu’à la trace suivante de la même séance "
                  "(une pause de plus de 30 min commence une nouvelle séance). Heure locale de chaque trace : le décalage écrit par "
                  "la plateforme, sinon l’heure de Paris."
                : "Time of a trace: its duration when the platform gives it, else the time until the next trace of the same session "
                  "(a break of over 30 min starts a new session). Each trace at its local time: the offset the platform wrote, "
                  "else Paris time.";
  return h;
}

// ---------------------------------------------------------------- budget
static Headline budget_words(const BudgetResult& r, bool fr) {
  Headline h;
  if (r.months.empty()) {
    h.sentence = fr ? "Aucune opération bancaire dans vos fichiers pour l’instant." : "No bank transactions in your files yet.";
    return h;
  }
  const std::string cur = r.currency.empty() ? "EUR" : r.currency;
  auto money = [&](double v) { return cur == "EUR" ? with_unit(fr, v, 2, "€") : with_unit(fr, v, 2, cur.c_str()); };
  const std::string from = month_text(r.months.front().month, fr), to = month_text(r.months.back().month, fr);
  const std::string span = r.months.size() == 1 ? (fr ? "En " + from : "In " + from) : (fr ? "De " + from + " à " + to : "From " + from + " to " + to);
  std::string top;
  if (!r.by_category.empty()) {   // the category in words ("Autres", "Courses"); a bank's own label as it came
    const std::string key = "budget.cat." + r.by_category.front().category;
    top = has_translation(key) ? tr(lang(fr), key) : r.by_category.front().category;
  }
  if (fr)
    h.sentence = span + ", " + money(r.spending) + " sont sortis de vos comptes et " + money(r.income) + " sont entrés" +
                 (top.empty() ? "" : " ; premier poste de dépenses : " + quote(fr, top) + " (" + money(r.by_category.front().eur) + ")") + ".";
  else
    h.sentence = span + ", " + money(r.spending) + " went out of your accounts and " + money(r.income) + " came in" +
                 (top.empty() ? "" : "; largest spending: " + quote(fr, top) + " (" + money(r.by_category.front().eur) + ")") + ".";
  const double months = static_cast<double>(r.months.size());
  h.comparison = fr ? "En moyenne " + money(r.spending / months) + " de dépenses par mois sur " + (r.months.size() == 1 ? std::string("ce mois") : "ces " + count(fr, static_cast<int64_t>(r.months.size()), "mois", "mois")) + " (vos propres relevés)."
                    : "On average " + money(r.spending / months) + " spent a month over " + (r.months.size() == 1 ? std::string("this month") : "these " + count(fr, static_cast<int64_t>(r.months.size()), "month", "months")) + " (your own statements).";
  if (r.by_currency.size() > 1) {
    std::string others;
    for (size_t i = 1; i < r.by_currency.size(); i++)
      others += (others.empty() ? "" : ", ") + with_unit(fr, r.by_currency[i].spending, 2, r.by_currency[i].currency.c_str());
    h.note = fr ? "Autres devises, comptées à part (aucun taux de change n’est inventé) : " + others + " de dépenses."
                : "Other currencies, counted apart (no exchange rate is invented): " + others + " spent.";
  }
  h.method = fr ? "Toutes les opérations des relevés déposés, par mois ; une dépense est une sortie d’argent. Catégories : celles de la "
                  "banque quand elle les donne, sinon des règles de mots-clés modifiables (« CARBURANT » → carburant…)."
                : "Every transaction of the statements you dropped, by month; spending is money going out. Categories: the bank's when "
                  "given, else editable keyword rules (\"FUEL\" → fuel…).";
  return h;
}

// ---------------------------------------------------------------- footprint
static Headline footprint_words(const FootprintResult& r, bool fr) {
  Headline h;
  if (r.events == 0) {
    h.sentence = fr ? "Aucune activité en ligne dans vos fichiers pour l’instant." : "No online activity in your files yet.";
    return h;
  }
  h.period.first = r.first_day;
  h.period.last = r.last_day;
  const std::string when = period_text(h.period, fr);
  const double night = 100.0 * static_cast<double>(r.night_events) / static_cast<double>(r.events);
  const std::string top = r.by_platform.empty() ? "" : r.by_platform.front().name;
  if (fr)
    h.sentence = cap(when) + ", vos exports comptent " + count(fr, r.events) + " actions en ligne, dont " + num(fr, night, 0) + k_nbsp +
                 "% la nuit (minuit–6 h)" + (top.empty() ? "" : " ; service le plus présent : " + top) + ".";
  else
    h.sentence = cap(when) + ", your exports hold " + count(fr, r.events) + " online actions, " + num(fr, night, 0) +
                 "% of them at night (midnight–6 am)" + (top.empty() ? "" : "; most present service: " + top) + ".";
  const double days = std::max(1, h.period.days());
  h.comparison = fr ? "Soit " + num(fr, r.events / days, 1) + " actions par jour en moyenne sur la période (vos propres exports)."
                    : "That is " + num(fr, r.events / days, 1) + " actions a day on average over the period (your own exports).";
  h.method = fr ? "Chaque événement des exports (publication, « j’aime », message envoyé, vidéo regardée, écoute…) compté à son heure "
                  "locale (le décalage écrit par l’export, sinon l’heure de Paris). Seul ce que les services ont gardé est compté : ce n’est pas tout votre temps d’écran."
                : "Every event of the exports (post, like, message sent, video watched, track played…) counted at its local "
                  "time (the offset the export wrote, else Paris time). Only what the services kept is counted: this is not all your screen time.";
  return h;
}

// ---------------------------------------------------------------- French typography
// A no-break space before « : ; ! ? » and inside guillemets, so that a line never starts with a colon or
// ends with an opening guillemet (the UI wraps at spaces).
std::string french_spaces(std::string s) {
  static const std::pair<const char*, const char*> k_rules[] = {
      {" :", "\u00A0:"}, {" ;", "\u00A0;"}, {" !", "\u00A0!"}, {" ?", "\u00A0?"}, {"« ", "«\u00A0"}, {" »", "\u00A0»"}};
  for (const auto& [from, to] : k_rules)
    for (size_t p = s.find(from); p != std::string::npos; p = s.find(from, p + std::strlen(to))) s.replace(p, std::strlen(from), to);
  return s;
}
static Headline typeset(Headline h, bool fr) {
  if (fr)
    for (std::string* x : {&h.sentence, &h.yearly, &h.comparison, &h.method, &h.note}) *x = french_spaces(std::move(*x));
  return h;
}

Headline mobility_headline(const MobilityResult& r, const MobilityOptions& o, bool fr) { return typeset(mobility_words(r, o, fr), fr); }
Headline energy_headline(const EnergyResult& r, bool fr) { return typeset(energy_words(r, fr), fr); }
Headline food_headline(const FoodResult& r, std::span<const int32_t> line_days, bool fr) { return typeset(food_words(r, line_days, fr), fr); }
Headline learning_headline(const LearningResult& r, bool fr) { return typeset(learning_words(r, fr), fr); }
Headline budget_headline(const BudgetResult& r, bool fr) { return typeset(budget_words(r, fr), fr); }
Headline footprint_headline(const FootprintResult& r, bool fr) { return typeset(footprint_words(r, fr), fr); }

}  // namespace sdw::challenge
