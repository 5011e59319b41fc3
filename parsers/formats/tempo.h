// Tempo calendars (format "tempo"): the colour RTE gave each day of EDF's Tempo option, in the layouts people
// actually get, recognised by content -> the domain table tempo_days (day DATE, colour "blue" | "white" | "red",
// source). The tariff comparison (challenges/tariffs.h) puts these days over the shipped calendar.
//
//   eCO2mix download   "Calendrier Tempo" of RTE's éCO2mix (eCO2mix_RTE_tempo_2024-2025.xls): tab-separated text,
//                      Windows-1252, "Date<TAB>Type de jour TEMPO", rows "2024-09-01<TAB>BLEU", and RTE's notice
//                      ("L'ensemble des informations disponibles sur éCO2mix…") as the last line      source "eco2mix"
//   RTE API JSON       Tempo Like Supply Contract: {"tempo_like_calendars": {"values": [{"start_date":
//                      "2023-02-27T00:00:00+01:00", "end_date": …, "value": "WHITE", "updated_date": …}]}}  "rte_api"
//   api-couleur-tempo  [{"dateJour": "2022-09-01", "codeJour": 1, "periode": "2022-2023", "libCouleur": "Bleu"}]
//                      (also GaboFlo's tempo.json, the shipped calendar's source)                      "api_couleur_tempo"
//   CSV                community files and ours (data/energy/tempo_calendar.csv): "date;couleur", "Date,Color",
//                      with or without a header, ';' ',' or tab, BOM, dates yyyy-mm-dd or dd/mm/yyyy   "csv"
//   JSON of days       [{"date": "2024-01-15", "couleur": "ROUGE"}] or {"2024-01-15": "RED", …}          "json"
//
// Colours: BLEU/BLANC/ROUGE, BLUE/WHITE/RED, "Tempo Bleu", TEMPO_BLEU, any case; RTE's codes 1/2/3 in a code
// column (codeJour) or alone in the colour column. 0, INCONNU, UNKNOWN, NON_DEFINI or empty: not published
// yet (counted, no row). A bad row (unreadable date, unknown colour) is skipped with a warning naming its line
// (JSON: its line and element) and what is wrong; the parse goes on. A day given twice keeps the last row
// (said when the colours differ). JSON calendars are read whole (a 12-year calendar is ~0.5 MB; over 16 MiB
// is refused with a message).
// Does not own: which calendar wins over which (challenges/tariffs.h merge_tempo_calendars).
#pragma once
#include <memory>
#include <string_view>

#include "parsers/core/parser.h"

namespace sdw {

int tempo_detect(std::string_view head, std::string_view file_name);
std::unique_ptr<Parser> tempo_create(const ParseOptions& opts);

// The colour a calendar writes: 1 blue, 2 white, 3 red; 0 written as not published yet (0, INCONNU, UNKNOWN,
// NON_DEFINI, empty); -1 not a colour. Digits count only when `codes` (a code column, or a colour column).
int tempo_colour_code(std::string_view written, bool codes = true);
// "blue", "white", "red" for 1..3, "" otherwise (the table's colour values).
const char* tempo_colour_name(int code);

}  // namespace sdw
