#!/usr/bin/env python3
# Writes the Tempo calendar fixtures (parsers/formats/tempo.h), shaped on the files people get; deterministic.
#   eCO2mix_RTE_tempo_2025-2026.xls  RTE éCO2mix "Calendrier Tempo" download: tab-separated text in Windows-1252,
#                                    "Date<TAB>Type de jour TEMPO", RTE's notice as the last line
#   tempo_like_calendars.json        RTE API Tempo Like Supply Contract answer (newest day first, as RTE sends)
#   joursTempo.json                  api-couleur-tempo.fr / GaboFlo tempo.json shape (dateJour, codeJour, libCouleur)
#   tempo_2026_communaute.csv        a community "date;couleur" CSV: BOM, dd/mm/yyyy, French names, one bad row
# The colours are those of the shipped calendar (data/energy/tempo_calendar.csv) where it has them; the days after
# 2026-01-15 are made up for the tests (a calendar newer than the shipped one), not RTE's.
import datetime as dt
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
SHIPPED = os.path.join(HERE, "..", "..", "..", "data", "energy", "tempo_calendar.csv")
FR = {"BLEU": "BLEU", "BLANC": "BLANC", "ROUGE": "ROUGE"}
EN = {"BLEU": "BLUE", "BLANC": "WHITE", "ROUGE": "RED"}
LIB = {"BLEU": "Bleu", "BLANC": "Blanc", "ROUGE": "Rouge"}
CODE = {"BLEU": 1, "BLANC": 2, "ROUGE": 3}
# made-up colours for 2026-01-16 .. 2026-02-28 (weekdays of the first half of February red or white)
EXTRA_RED = {"2026-01-19", "2026-01-20", "2026-02-02", "2026-02-03", "2026-02-04"}
EXTRA_WHITE = {"2026-01-16", "2026-01-21", "2026-01-22", "2026-02-05", "2026-02-06", "2026-02-09", "2026-02-10"}


def calendar():
    days = {}
    with open(SHIPPED, encoding="utf-8") as f:
        next(f)
        for line in f:
            d, c = line.strip().split(",")
            days[d] = c
    d = dt.date(2026, 1, 16)
    while d <= dt.date(2026, 2, 28):
        k = d.isoformat()
        days[k] = "ROUGE" if k in EXTRA_RED else "BLANC" if k in EXTRA_WHITE else "BLEU"
        d += dt.timedelta(days=1)
    return days


def main():
    days = calendar()
    season = sorted(k for k in days if "2025-09-01" <= k <= "2026-02-28")
    # éCO2mix: Windows-1252, CRLF, notice last
    lines = ["Date\tType de jour TEMPO"] + ["%s\t%s" % (k, FR[days[k]]) for k in season]
    lines.append("L'ensemble des informations disponibles sur éCO2mix sont fournies à titre informatif\t")
    with open(os.path.join(HERE, "eCO2mix_RTE_tempo_2025-2026.xls"), "wb") as f:
        f.write(("\r\n".join(lines) + "\r\n").encode("cp1252"))
    # RTE API: newest first, local midnights with their offset
    vals = []
    for k in reversed([k for k in season if k >= "2026-01-01"]):
        d = dt.date.fromisoformat(k)
        nxt = d + dt.timedelta(days=1)
        vals.append({"start_date": k + "T00:00:00+01:00", "end_date": nxt.isoformat() + "T00:00:00+01:00",
                     "value": EN[days[k]], "updated_date": (d - dt.timedelta(days=1)).isoformat() + "T10:20:00+01:00"})
    api = {"tempo_like_calendars": {"start_date": "2026-01-01T00:00:00+01:00", "end_date": "2026-03-01T00:00:00+01:00", "values": vals}}
    with open(os.path.join(HERE, "tempo_like_calendars.json"), "w", encoding="utf-8", newline="\n") as f:
        json.dump(api, f, separators=(",", ":"))
    # api-couleur-tempo: one element a line, the next day "Inconnu"
    rows = [{"dateJour": k, "codeJour": CODE[days[k]], "periode": "2025-2026", "libCouleur": LIB[days[k]]} for k in season]
    rows.append({"dateJour": "2026-03-01", "codeJour": 0, "periode": "2025-2026", "libCouleur": "Inconnu"})
    with open(os.path.join(HERE, "joursTempo.json"), "w", encoding="utf-8", newline="\n") as f:
        f.write("[\n" + ",\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n]\n")
    # community CSV: BOM, ';', dd/mm/yyyy, one unknown colour
    feb = [k for k in season if k >= "2026-02-01"]
    out = ["date;couleur"] + ["%s;%s" % (dt.date.fromisoformat(k).strftime("%d/%m/%Y"), FR[days[k]]) for k in feb]
    out.insert(5, "05/02/2026;VIOLET")
    with open(os.path.join(HERE, "tempo_2026_communaute.csv"), "w", encoding="utf-8-sig", newline="\n") as f:
        f.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
