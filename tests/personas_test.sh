#!/usr/bin/env bash
# Sample personas (samples/make_personas.py): generates them twice into a temp dir (byte-identical), then
# checks with `workbench inspect --json` / `workbench challenge --json` that every file is recognised by
# the expected parser with the row counts the generator wrote (OUT/stats.json) and that the dashboards'
# figures are sensible. Prints "ok - …" / "FAIL - …" lines, ends with "N passed, N failed"; exits 1 on
# any failure.
#   bash tests/personas_test.sh [path/to/workbench]      (default build/native/workbench)
set -uo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
WB="${1:-$ROOT/build/native/workbench}"
if [ ! -x "$WB" ]; then echo "workbench not found: $WB (cmake --build build/native)"; echo "0 passed, 1 failed"; exit 1; fi
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
python3 "$ROOT/samples/make_personas.py" "$TMP/a" || { echo "FAIL - generator (first run)"; echo "0 passed, 1 failed"; exit 1; }
python3 "$ROOT/samples/make_personas.py" "$TMP/b" || { echo "FAIL - generator (second run)"; echo "0 passed, 1 failed"; exit 1; }

WB="$WB" OUT="$TMP/a" OUT2="$TMP/b" python3 - <<'PY'
import json, os, subprocess, sys

WB, OUT, OUT2 = os.environ["WB"], os.environ["OUT"], os.environ["OUT2"]
passed = failed = 0


def check(cond, what, detail=""):
    global passed, failed
    if cond:
        passed += 1
        print("ok - " + what)
    else:
        failed += 1
        print("FAIL - " + what + (" (" + str(detail) + ")" if detail != "" else ""))
    return cond


def run(args):
    r = subprocess.run([WB] + args, cwd=OUT, capture_output=True)
    if r.returncode != 0:
        return None, r.stderr.decode("utf-8", "replace")
    try:
        return json.loads(r.stdout.decode("utf-8")), ""
    except ValueError as e:
        return None, str(e)


def near(a, b, tol):
    return a is not None and b is not None and abs(a - b) <= tol


manifest = json.load(open(os.path.join(OUT, "manifest.json"), encoding="utf-8"))
stats = json.load(open(os.path.join(OUT, "stats.json"), encoding="utf-8"))

# ---- manifest, determinism, size
personas = {p["id"]: p for p in manifest.get("personas", [])}
check(sorted(personas) == ["lea", "martin", "noah"], "manifest lists lea, martin, noah", sorted(personas))
total = 0
for pid, p in personas.items():
    check(all(p.get(k) for k in ("name_fr", "name_en", "description_fr", "description_en")),
          pid + ": names and descriptions in French and English")
    check(p.get("challenge") in ("mobility", "energy", "food", "learning", "budget", "footprint"), pid + ": challenge " + str(p.get("challenge")))
    for f in p.get("files", []):
        path = os.path.join(OUT, f)
        if check(os.path.isfile(path), pid + ": file " + f + " exists"):
            total += os.path.getsize(path)
            same = open(path, "rb").read() == open(os.path.join(OUT2, f), "rb").read()
            check(same, f + ": byte-identical on a second run (deterministic)")
check(total < 15 * 1024 * 1024, "all personas under 15 MB", "%d bytes" % total)
print("# total size: %.2f MB" % (total / 1048576))

# ---- inspect: format, domain tables and row counts


def inspect(rel, fmt, expected_rows, encoding=None):
    data, err = run(["inspect", "--json", rel])
    if not check(data is not None, rel + ": inspect --json", err):
        return None
    d = data[0]
    check(d.get("format") == fmt, rel + ": format " + fmt, d.get("format"))
    if encoding:
        check(d.get("encoding") == encoding, rel + ": encoding " + encoding, d.get("encoding"))
    rows = {t.get("domain") or t["name"].split("_")[0]: t["rows"] for t in d.get("tables", [])}
    for dom, n in expected_rows.items():
        check(rows.get(dom) == n, "%s: %s rows = %d" % (rel, dom, n), rows.get(dom))
    bad = [w for w in d.get("warnings", []) if not (isinstance(w, dict) and w.get("info"))]
    check(not bad, rel + ": no warnings other than info", bad[:3])
    for w in d.get("warnings", []):
        print("#   %s: [%s] %s" % (rel, w.get("code"), w.get("en")) if isinstance(w, dict) else "#   %s: %s" % (rel, w))
    return d


L, M, N = stats["lea"], stats["martin"], stats["noah"]
inspect("lea/Timeline.json", "google_android",
        {"visits": L["visits"], "trips": L["trips"], "location_points": L["path_points"] + L["raw_positions"]})
inspect("lea/releve_compte_2025.csv", "bank", {"transactions": L["bank_operations"]}, "windows-1252")
inspect("lea/sncf_connect_voyages.csv", "trains", {"trips": L["train_rows"]})
ENEDIS = "martin/Enedis_Conso_Heure_20240301-20250228_21457896325874.csv"
inspect(ENEDIS, "enedis", {"energy_readings": 17520})
inspect("martin/carte_fidelite_achats.csv", "receipts", {"purchases": M["receipt_lines"]}, "windows-1252")
GRDF = "martin/grdf_consommations_quotidiennes_21546083927715.csv"
g = inspect(GRDF, "grdf", {"energy_readings": M["gas_rows"]}, "windows-1252")
if g:
    sums = g["tables"][0].get("sums", {})
    check(near(sums.get("kwh"), M["gas_kwh_total"], 0.05), "martin: gas %.2f kWh as generated" % M["gas_kwh_total"], sums.get("kwh"))
    check(near(sums.get("m3"), M["gas_m3_total"], 0.01), "martin: gas %.2f m3 as generated" % M["gas_m3_total"], sums.get("m3"))
inspect("noah/lrs_statements_trimestre1.json", "xapi", {"learning_statements": N["statements"]})
inspect("noah/StreamingHistory_music_0.json", "spotify", {"activity": N["spotify_listens"]})
inspect("noah/MyActivity.json", "my_activity", {"activity": N["youtube_events"]})
check("footprint" in personas["noah"].get("challenges", []), "noah: manifest lists the footprint dashboard")
check(M["load_curve_rows"] == 17520, "martin: 365 days x 48 half-hours (46 and 50 on the DST days)", M["load_curve_rows"])

# ---- Léa: mobility (Timeline alone, then with the SNCF trips and the bank)
MODE = {"WALKING": "walk", "CYCLING": "bike", "IN_BUS": "bus", "IN_PASSENGER_VEHICLE": "car", "IN_TRAIN": "train",
        "IN_TRAM": "tram"}
mob, err = run(["challenge", "mobility", "--json", "lea/Timeline.json"])
if check(mob is not None, "lea: challenge mobility (Timeline)", err):
    by = {m["mode"]: m for m in mob["mobility"]["by_mode"]}
    for raw, km in L["modes_km"].items():
        m = MODE[raw]
        check(m in by and near(by[m]["km"], km, 0.2) and by[m]["trips"] == L["modes_trips"][raw],
              "lea: %s %d trips, %.1f km as generated" % (m, L["modes_trips"][raw], km), by.get(m))
        check(m not in by or by[m]["inferred"] == 0, "lea: %s mode read, not inferred" % m)
    check(600 < by["bike"]["km"] < 1600, "lea: bike km plausible for a 6 km commute", by["bike"]["km"])
    check(by["bike"]["kgco2e"] == 0 and by["car"]["kgco2e"] > 100, "lea: bike 0 kgCO2e, car > 100 kgCO2e")
    check(by["car"]["kgco2e"] > by["bus"]["kgco2e"] > by["train"]["kgco2e"], "lea: kgCO2e car > bus > train")
    months = sorted({m["period"] for m in mob["mobility"]["by_month"]})
    check(months == ["2025-%02d" % k for k in range(3, 12)], "lea: months 2025-03 .. 2025-11", months)
mob, err = run(["challenge", "mobility", "--json", "lea/Timeline.json", "lea/releve_compte_2025.csv",
                "lea/sncf_connect_voyages.csv"])
if check(mob is not None, "lea: challenge mobility (all three files)", err):
    by = {m["mode"]: m for m in mob["mobility"]["by_mode"]}
    check(sorted(by) == ["bike", "bus", "car", "train", "tram", "walk"], "lea: six modes", sorted(by))
    check(by["train"]["trips"] == L["modes_trips"]["IN_TRAIN"] + L["train_rows"],
          "lea: train trips = Timeline + SNCF rows (no cross-source dedup in the CLI)", by["train"]["trips"])
    check(150 < mob["mobility"]["total_kgco2e"] < 600, "lea: total kgCO2e plausible", mob["mobility"]["total_kgco2e"])
    cats = {c["category"]: c for c in mob["budget"]["by_category"]}
    for c in ("fuel", "tolls", "parking", "train", "transit"):
        check(c in cats and cats[c]["eur"] > 0, "lea: mobility budget has " + c, cats.get(c))
    check(cats.get("transit", {}).get("count", 0) >= 8, "lea: a Yélo pass every month", cats.get("transit"))
bud, err = run(["challenge", "budget", "--json", "lea/releve_compte_2025.csv"])
if check(bud is not None, "lea: challenge budget", err):
    b = bud["budget"]
    check([m["month"] for m in b["months"]] == ["2025-%02d" % k for k in range(3, 12)], "lea: budget months 2025-03 .. 2025-11")
    check(b["income"] > b["spending"] > 5000, "lea: income > spending", (b["income"], b["spending"]))
    cats = {c["category"] for c in b["by_category"]}
    check({"housing", "groceries", "transport", "energy", "telecom"} <= cats, "lea: budget categories", sorted(cats))

# ---- Martins: energy and food
en, err = run(["challenge", "energy", "--json", ENEDIS])
if check(en is not None, "martin: challenge energy", err):
    e = en["energy"][0]
    check(near(e["total_kwh"], M["kwh_total"], 0.5), "martin: total %.1f kWh as generated" % M["kwh_total"], e["total_kwh"])
    months = {m["month"]: m["kwh"] for m in e["months"]}
    check(sorted(months) == sorted(M["kwh_month"]) and all(near(months[k], v, 0.2) for k, v in M["kwh_month"].items()),
          "martin: 12 months, kWh per month as generated", months)
    check(7000 < e["total_kwh"] < 12000, "martin: yearly kWh plausible with electric heating upstairs only", e["total_kwh"])
    peak = max(months, key=months.get)
    check(peak in ("2024-12", "2025-01", "2025-02"), "martin: winter peak month", peak)
    check(months["2025-01"] > 2.5 * months["2024-08"], "martin: January > 2.5 x August (heating upstairs)")
    check(250 <= e["base_load_w"] <= 350, "martin: base load ~300 W", e["base_load_w"])
    hours = {d["day"]: d["hours"] for d in e["days"]}
    check(len(hours) == 365, "martin: 365 local days", len(hours))
    check(hours.get("2024-03-31") == 23 and hours.get("2024-10-27") == 25, "martin: 23 h and 25 h DST days",
          (hours.get("2024-03-31"), hours.get("2024-10-27")))
    check({p["hour"] for p in e["peak_hours"]} & {18, 19, 20}, "martin: an evening peak hour", e["peak_hours"])
    wp = e["weekly_profile_kwh"]
    check(sum(wp[5][9:18]) > sum(wp[1][9:18]), "martin: weekend daytime above weekday daytime")
en, err = run(["challenge", "energy", "--json", ENEDIS, GRDF])
if check(en is not None, "martin: challenge energy, Linky + GRDF", err):
    by = {x["energy"]: x for x in en["energy"]}
    check(sorted(by) == ["electricity", "gas"], "martin: electricity and gas figures", sorted(by))
    e, gz = by.get("electricity", {}), by.get("gas", {})
    check(near(e.get("total_kwh"), M["kwh_total"], 0.5), "martin: electricity unchanged next to gas", e.get("total_kwh"))
    check(near(gz.get("total_kwh"), M["gas_kwh_total"], 0.05), "martin: gas total %.2f kWh" % M["gas_kwh_total"], gz.get("total_kwh"))
    check(near(gz.get("total_m3"), M["gas_m3_total"], 0.01), "martin: gas total %.2f m3" % M["gas_m3_total"], gz.get("total_m3"))
    gm = {m["month"]: m["kwh"] for m in gz.get("months", [])}
    check(sorted(gm) == sorted(M["gas_kwh_month"]) and all(near(gm[k], v, 0.2) for k, v in M["gas_kwh_month"].items()),
          "martin: gas 12 months as generated", gm)
    check(gm.get("2025-01", 0) > 20 * gm.get("2024-07", 1), "martin: gas January > 20 x July (heating, summer cooking only)")
    gd = {d["day"]: d["hours"] for d in gz.get("days", [])}
    check(len(gd) == 365 and gd.get("2024-03-31") == 23 and gd.get("2024-10-27") == 25,
          "martin: gas 365 days, 23 h and 25 h DST days", (len(gd), gd.get("2024-03-31"), gd.get("2024-10-27")))
    check(gz.get("base_from") == "summer" and gz.get("base_kwh_per_day", 99) < 1.5, "martin: gas need without heating < 1.5 kWh/day",
          (gz.get("base_from"), gz.get("base_kwh_per_day")))
    check(0.85 < (gz.get("heating_share") or 0) < 1, "martin: gas is mostly heating", gz.get("heating_share"))
    check(gz.get("tariff", {}).get("base_eur_kwh") == 0.12, "martin: gas priced with the gas tariff", gz.get("tariff"))
fd, err = run(["challenge", "food", "--json", "martin/carte_fidelite_achats.csv"])
if check(fd is not None, "martin: challenge food", err):
    f = fd["food"]
    check([m["month"] for m in f["months"]] == ["2024-10", "2024-11", "2024-12", "2025-01"], "martin: food months Oct-Jan")
    check(f["lines"]["mapped"] >= 100, "martin: >= 100 lines mapped to ADEME", f["lines"])
    top = [t["slug"] for t in f["top"]]
    check(top[:1] == ["boeuf"] and "poulet" in top, "martin: beef first, chicken in the top", top)
    missed = {n["product"] for n in f["not_counted"]}
    check(not any(w in p for p in missed for w in ("STEAK", "POULET", "LENTILLES", "YAOURT")),
          "martin: steak, poulet, lentilles, yaourt all counted", sorted(missed))
    check(any(s["from"] == "boeuf" and s["to"] == "lentilles" for s in f["swaps"]), "martin: beef -> lentils swap")

# ---- Noah: learning
ln, err = run(["challenge", "learning", "--json", "noah/lrs_statements_trimestre1.json"])
if check(ln is not None, "noah: challenge learning (everyone)", err):
    actors = [(a["actor"], a["statements"]) for a in ln["actors"]]
    check(actors == sorted(N["by_actor"].items(), key=lambda kv: -kv[1]), "noah: four actors, counts as generated", actors)
    check(actors and actors[0][0] == "Noah Girard" and actors[0][1] > 0.6 * N["statements"], "noah: Noah is the main actor")
ln, err = run(["challenge", "learning", "--json", "--actor", "Noah Girard", "noah/lrs_statements_trimestre1.json"])
if check(ln is not None, "noah: challenge learning --actor 'Noah Girard'", err):
    l = ln["learning"]
    check(l["statements"] == N["by_actor"]["Noah Girard"], "noah: his statements only", l["statements"])
    courses = {c["name"]: c["seconds"] for c in l["by_course"]}
    check(sorted(courses) == ["Anglais", "Français", "Mathématiques", "SVT"], "noah: four courses", sorted(courses))
    check(all(v > 1800 for v in courses.values()), "noah: over 30 min in each course", courses)
    check(max(courses, key=courses.get) == "Mathématiques", "noah: most time in maths")
    check(10 * 3600 < l["total_seconds"] < 60 * 3600, "noah: 10-60 h over the term", l["total_seconds"])
    check(len(l["scores"]) == N["quizzes_by_actor"]["Noah Girard"], "noah: one score per quiz", len(l["scores"]))
    check(0.5 < l["success_rate"] < 0.95, "noah: success rate between 50 and 95 %", l["success_rate"])
    days = [d["day"] for d in l["days"]]
    check(days and days[0] >= "2025-09-01" and days[-1] <= "2025-12-19", "noah: days within the term", (days[:1], days[-1:]))
    check(len(l["sessions"]) >= 30, "noah: >= 30 sessions", len(l["sessions"]))
    verbs = {v["verb"] for v in l["verbs"]}
    check({"experienced", "attempted", "answered", "completed", "passed", "failed"} <= verbs, "noah: six verbs", sorted(verbs))

# ---- Noah: digital footprint (Spotify listens + YouTube My Activity in French)
fp, err = run(["challenge", "footprint", "--json", "noah/StreamingHistory_music_0.json", "noah/MyActivity.json"])
if check(fp is not None, "noah: challenge footprint (Spotify + YouTube)", err):
    f = fp["footprint"]
    check(f["events"] == N["spotify_listens"] + N["youtube_events"], "noah: footprint events = rows of both files", f["events"])
    plats = {p["name"]: p["count"] for p in f["by_platform"]}
    check(plats == {"Spotify": N["spotify_listens"], "YouTube": N["youtube_events"]}, "noah: Spotify and YouTube events", plats)
    kinds = {k["name"]: k["count"] for k in f["by_kind"]}
    want = dict({"listen": N["spotify_listens"]}, **{k: v for k, v in N["youtube_by_kind"].items() if v})
    check(kinds == want, "noah: listen / view / search / ad as generated", kinds)
    check(f["by_hour"] == N["footprint_by_hour"], "noah: events per local hour as generated (Paris time, both sides of 26 October)",
          f["by_hour"])
    busiest = f["busiest_hours"][0]["hour"] if f["busiest_hours"] else None
    check(busiest is not None and 17 <= busiest <= 21, "noah: busiest hour in the evening", f["busiest_hours"])
    check(0 < f["night_events"] < 0.05 * f["events"], "noah: a few late-night events (00-06 h)", f["night_events"])
    check(f["first_day"] >= "2025-09-01" and f["last_day"] <= "2025-12-19", "noah: events within the term", (f["first_day"], f["last_day"]))
    wh = f["by_weekday_hour"]
    school = sum(sum(wh[d][9:17]) for d in (0, 1, 3, 4))
    check(sum(wh[5][9:17]) + sum(wh[6][9:17]) > school, "noah: more daytime activity at weekends than on school days",
          (school, sum(wh[5][9:17]) + sum(wh[6][9:17])))

print("%d passed, %d failed" % (passed, failed))
sys.exit(1 if failed else 0)
PY
