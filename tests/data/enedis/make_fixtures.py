#!/usr/bin/env python3
"""Enedis / Linky fixtures shaped like the customer-space downloads ("Télécharger mes données").
Run from this directory: python3 make_fixtures.py. Deterministic; values are formulas the tests repeat."""
from datetime import datetime, timedelta, timezone

BOM = "\ufeff"
PRM = "09876543210987"


def last_sunday(y, m):
    d = datetime(y, m, 31) if m in (3, 10) else None
    while d.weekday() != 6:
        d -= timedelta(days=1)
    return d


def paris_offset(utc):
    """EU rule: CEST from the last Sunday of March 01:00 UTC to the last Sunday of October 01:00 UTC."""
    start = last_sunday(utc.year, 3).replace(hour=1)
    end = last_sunday(utc.year, 10).replace(hour=1)
    return 2 if start <= utc.replace(tzinfo=None) < end else 1


def iso_local(utc, with_offset=True):
    off = paris_offset(utc)
    local = utc.replace(tzinfo=None) + timedelta(hours=off)
    s = local.strftime("%Y-%m-%dT%H:%M:%S")
    return s + ("+%02d:00" % off if with_offset else "")


def local_midnight_utc(y, m, d):
    guess = datetime(y, m, d) - timedelta(hours=1)
    return datetime(y, m, d) - timedelta(hours=paris_offset(guess))


def preamble(kind, unit, step=None):
    keys = ["Identifiant PRM", "Type de donnees", "Date de debut", "Date de fin", "Grandeur physique",
            "Grandeur metier", "Etape metier", "Unite"]
    vals = [PRM, kind, "25/03/2023", "28/03/2023", "Energie active", "Consommation", "Comptage Brut", unit]
    if step:
        keys.append("Pas en minutes")
        vals.append(str(step))
    return ";".join(keys) + "\r\n" + ";".join(vals) + "\r\n"


def write(name, text, encoding="utf-8"):
    with open(name, "w", encoding=encoding, newline="") as f:
        f.write(text)


# 1. Load curve, 30 min, local days 25, 26 (spring forward: 46 half-hours) and 27 March 2023, explicit offsets,
#    Horodate = end of interval; one empty value (2023-03-25T10:00). W = 200 + (i * 53) % 1800.
out = BOM + preamble("Courbe de charge", "W", 30) + "Horodate;Valeur\r\n"
t = local_midnight_utc(2023, 3, 25)
end = local_midnight_utc(2023, 3, 28)
i = 0
while t < end:
    t += timedelta(minutes=30)
    v = "" if i == 19 else str(200 + (i * 53) % 1800)
    out += iso_local(t) + ";" + v + "\r\n"
    i += 1
write("courbe_de_charge_printemps.csv", out)

# 2. Load curve without preamble, 10 min, local times WITHOUT offsets over 29 October 2023 (fall back:
#    25 h = 150 steps; wall clock 02:00..02:50 written twice). W = 1000 + (i * 7) % 600.
out = "Horodate;Valeur\n"
t = local_midnight_utc(2023, 10, 29)
end = local_midnight_utc(2023, 10, 30)
i = 0
while t < end:
    t += timedelta(minutes=10)
    out += iso_local(t, False).replace("T", " ") + ";" + str(1000 + (i * 7) % 600) + "\n"
    i += 1
write("courbe_automne_sans_offset.csv", out)

# 3. Daily consumption (Wh), 24..28 March 2023, day starts with offsets.
out = preamble("Consommation quotidienne", "Wh") + "Horodate;Valeur\r\n"
for k, wh in enumerate([9876, 10450, 8123, 11002, 9540]):
    day = datetime(2023, 3, 24) + timedelta(days=k)
    out += iso_local(local_midnight_utc(day.year, day.month, day.day)) + ";" + str(wh) + "\r\n"
write("consommation_quotidienne.csv", out)

# 4. Daily index (Wh): supplier classes F1 (HP) F2 (HC), distributor D1..D4, total EAS T; 27 Oct .. 31 Oct 2023.
cols = ["Horodate", "Type de releve"] + ["EAS F%d" % k for k in range(1, 11)] + ["EAS D%d" % k for k in range(1, 5)] + ["EAS T"]
out = preamble("Index", "Wh") + ";".join(cols) + "\r\n"
hp, hc = 12345678, 6543210
for k, (dhp, dhc) in enumerate([(0, 0), (7000, 3500), (8200, 4100), (6100, 2900), (5000, 2500)]):
    hp += dhp
    hc += dhc
    day = datetime(2023, 10, 27) + timedelta(days=k)
    row = [iso_local(local_midnight_utc(day.year, day.month, day.day)), "Arrêté quotidien", str(hp), str(hc)] + [""] * 8
    row += [str(hp), str(hc), "", ""] + [str(hp + hc)]
    out += ";".join(row) + "\r\n"
write("index_quotidien.csv", out)

# 5. Daily maximum power (VA), the Horodate is the instant of the peak.
out = preamble("Puissance maximale quotidienne", "VA") + "Horodate;Valeur\r\n"
for day, hh, mm, va in [(25, 19, 42, 5230), (26, 8, 4, 6120), (27, 20, 16, 4890)]:
    utc = datetime(2023, 3, day, hh, mm) - timedelta(hours=paris_offset(datetime(2023, 3, day, hh - 2, mm)))
    out += iso_local(utc) + ";" + str(va) + "\r\n"
write("puissance_max.csv", out)
