#!/usr/bin/env python3
"""Sample personas for workshops and public demos, generated (never hand-written) with the quirks of the
real exports, in shapes the parsers under parsers/ read (see tests/data/*/make_fixtures.py, docs/exports.md).

  python3 samples/make_personas.py OUT_DIR

writes OUT_DIR/manifest.json and, per persona, OUT_DIR/<id>/<files>:

  lea/     "Léa, La Rochelle": Google Maps Timeline Android on-device export (Timeline.json), a Crédit
           Agricole-style bank CSV (Windows-1252) and an SNCF Connect trips CSV, 15 March - 2 November 2025
           (both DST changes of 2025).
  martin/  "Famille Martin, Nantes": a year of Linky load curve (30 min, W, 2024-03-01 .. 2025-02-28), the
           same year of GRDF daily gas (gas boiler for the ground floor: winter heating, summer near zero) and
           loyalty-card receipts (October 2024 - January 2025).
  noah/    "Noah, collégien à Lyon": an LRS StatementResult of xAPI statements, a Spotify streaming history
           (account data) and a Google Takeout My Activity for YouTube in French, autumn term 2025 (the
           DST change of 26 October inside).

Deterministic: fixed seeds, no clock, no network; Python 3 standard library only. Every person, place,
account and reference is made up."""
import json
import math
import os
import random
import sys
import unicodedata
from datetime import date, datetime, timedelta

# [SECTION] time helpers (Europe/Paris, EU rule)


def last_sunday(y, m):
    d = date(y, m, 31)
    while d.weekday() != 6:
        d -= timedelta(days=1)
    return d


def paris_offset(utc):
    """Hours east of UTC for a naive UTC datetime: CEST from the last Sunday of March 01:00 UTC to the last
    Sunday of October 01:00 UTC."""
    start = datetime.combine(last_sunday(utc.year, 3), datetime.min.time()).replace(hour=1)
    end = datetime.combine(last_sunday(utc.year, 10), datetime.min.time()).replace(hour=1)
    return 2 if start <= utc < end else 1


def to_utc(local):
    """Naive local Paris time -> naive UTC. Non-existent times (spring gap) move forward; ambiguous ones
    (fall back) take the first (summer) instant."""
    for off in (2, 1):
        utc = local - timedelta(hours=off)
        if paris_offset(utc) == off:
            return utc
    return local - timedelta(hours=1)  # in the gap: 02:30 -> 01:30 UTC = 03:30 CEST


def local_of(utc):
    off = paris_offset(utc)
    return utc + timedelta(hours=off), off


def iso_ms_offset(utc):
    """2025-03-30T08:05:00.000+02:00 (Google Android)."""
    loc, off = local_of(utc)
    return loc.strftime("%Y-%m-%dT%H:%M:%S") + ".%03d" % (loc.microsecond // 1000) + "+%02d:00" % off


def iso_offset(utc):
    loc, off = local_of(utc)
    return loc.strftime("%Y-%m-%dT%H:%M:%S") + "+%02d:00" % off


def iso_z(utc, ms=True):
    s = utc.strftime("%Y-%m-%dT%H:%M:%S")
    return s + (".%03dZ" % (utc.microsecond // 1000) if ms else "Z")


def days(d0, d1):
    d = d0
    while d <= d1:
        yield d
        d += timedelta(days=1)


def at(d, hh, mm=0, ss=0):
    return datetime(d.year, d.month, d.day) + timedelta(hours=hh, minutes=mm, seconds=ss)


# [SECTION] output helpers


def write_bytes(out_dir, rel, data):
    path = os.path.join(out_dir, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)
    return rel


def fr_num(x, decimals=2, thousands=True):
    """1234.5 -> '1 234,50' (French bank style, plain space thousands)."""
    s = "%.*f" % (decimals, abs(x))
    ip, _, dp = s.partition(".")
    if thousands and len(ip) > 3:
        groups = []
        while len(ip) > 3:
            groups.insert(0, ip[-3:])
            ip = ip[:-3]
        ip = " ".join([ip] + groups)
    return ("-" if x < 0 else "") + ip + ("," + dp if dp else "")


def haversine_m(a, b):
    la1, lo1, la2, lo2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371008.8 * math.asin(math.sqrt(h))


def ll(p, decimals=7):
    return "%.*f°, %.*f°" % (decimals, p[0], decimals, p[1])


def place_id(rng):
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-"
    return "ChIJ" + "".join(rng.choice(alphabet) for _ in range(23))


def uuid4(rng):
    h = "%032x" % rng.getrandbits(128)
    return "%s-%s-4%s-%s%s-%s" % (h[:8], h[8:12], h[13:16], "89ab"[int(h[16], 16) % 4], h[17:20], h[20:32])


# [SECTION] Léa, La Rochelle

LEA_START, LEA_END = date(2025, 3, 15), date(2025, 11, 2)

# (lat, lon); made-up addresses, real towns
P = {
    "home": (46.158042, -1.153020),          # centre-ville, La Rochelle
    "work": (46.154953, -1.075981),          # zone d'activités de Périgny, ~6 km east
    "stop_home": (46.159120, -1.149870),     # Yélo bus stop near home
    "stop_work": (46.155870, -1.079310),
    "station": (46.152700, -1.145300),       # La Rochelle-Ville
    "leclerc": (46.178700, -1.113500),       # hypermarket, Puilboreau
    "market": (46.161300, -1.151700),        # marché central
    "ile_de_re": (46.203200, -1.366000),     # Saint-Martin-de-Ré
    "chatelaillon": (46.074000, -1.089000),
    "rochefort": (45.942000, -0.960000),
    "royan": (45.624000, -1.029000),
    "fouras": (45.987000, -1.093000),
    "esnandes": (46.247800, -1.164000),
    "poitiers_gare": (46.582300, 0.333300),
    "poitiers_centre": (46.584100, 0.345600),
    "nantes_gare": (47.217300, -1.542000),
    "nantes_friend": (47.210000, -1.566000),
    "nantes_chateau": (47.216100, -1.549700),
    "sarlat": (44.889000, 1.216000),
}

# weekend car outings: place, road km one way, parking / toll hints
OUTINGS = [("ile_de_re", 26.5), ("chatelaillon", 17.2), ("rochefort", 38.4), ("royan", 74.8),
           ("fouras", 31.9), ("esnandes", 13.6)]

PUBLIC_HOLIDAYS_2025 = {date(2025, 4, 21), date(2025, 5, 1), date(2025, 5, 8), date(2025, 5, 29),
                        date(2025, 6, 9), date(2025, 7, 14), date(2025, 8, 15), date(2025, 11, 1)}
LEA_LEAVE = set(days(date(2025, 5, 26), date(2025, 5, 30))) | set(days(date(2025, 7, 28), date(2025, 8, 15)))
TER_POITIERS = date(2025, 4, 12)            # day trip (Saturday)
TER_NANTES = (date(2025, 10, 4), date(2025, 10, 5))   # weekend at a friend's
HOLIDAY_DRIVE = (date(2025, 7, 26), date(2025, 8, 16))  # to Sarlat (Dordogne) and back


class Timeline:
    """Builds the semanticSegments of an Android on-device export: visits, activities and timelinePath
    segments grouped in 2-hour windows, as the phone writes them."""

    def __init__(self, rng):
        self.rng = rng
        self.segments = []      # (utc start, order, dict)
        self.paths = {}         # window start (utc) -> [(utc, point)]
        self.places = {}
        self.pos = "home"
        self.since = to_utc(at(LEA_START, 0, 0)) - timedelta(hours=9, minutes=12)
        self.trip_log = []      # (utc start, mode, metres) for the README and the checks
        self.pending_nested = None   # (name, start, end) inside the next visit of the current place

    def pid(self, name):
        if name not in self.places:
            self.places[name] = place_id(self.rng)
        return self.places[name]

    def jitter(self, p, metres=25):
        r = self.rng
        return (p[0] + r.uniform(-1, 1) * metres / 111000.0, p[1] + r.uniform(-1, 1) * metres / 77000.0)

    def visit(self, name, start, end, semantic=None, nested=None):
        sem = semantic or {"home": "HOME", "work": "WORK"}.get(name, "UNKNOWN")
        v = {"hierarchyLevel": 0, "probability": round(self.rng.uniform(0.62, 0.97), 6),
             "topCandidate": {"placeId": self.pid(name), "semanticType": sem,
                              "probability": round(self.rng.uniform(0.55, 0.99), 6),
                              "placeLocation": {"latLng": ll(P[name])}}}
        seg = {"startTime": iso_ms_offset(start), "endTime": iso_ms_offset(end),
               "startTimeTimezoneUtcOffsetMinutes": 60 * paris_offset(start),
               "endTimeTimezoneUtcOffsetMinutes": 60 * paris_offset(end), "visit": v}
        self.segments.append((start, 1, seg))
        if nested:  # a shop inside the visited area: hierarchyLevel 1, overlapping its parent
            n_name, n_start, n_end = nested
            child = json.loads(json.dumps(seg))
            child["startTime"], child["endTime"] = iso_ms_offset(n_start), iso_ms_offset(n_end)
            child["startTimeTimezoneUtcOffsetMinutes"] = 60 * paris_offset(n_start)
            child["endTimeTimezoneUtcOffsetMinutes"] = 60 * paris_offset(n_end)
            child["visit"]["hierarchyLevel"] = 1
            child["visit"]["topCandidate"]["placeId"] = self.pid(n_name)
            child["visit"]["topCandidate"]["placeLocation"]["latLng"] = ll(self.jitter(P[name], 60))
            self.segments.append((n_start, 2, child))

    def go(self, dest, start, mode, metres, minutes):
        """Ends the visit at the current place, adds the activity and its path points; returns arrival."""
        if start - self.since >= timedelta(minutes=6):   # shorter stops (bus stop, platform) make no visit
            self.visit(self.pos, self.since, start, nested=self.pending_nested)
        self.pending_nested = None
        end = start + timedelta(minutes=minutes)
        a, b = P[self.pos], P[dest]
        act = {"start": {"latLng": ll(self.jitter(a))}, "end": {"latLng": ll(self.jitter(b))},
               "distanceMeters": round(metres, 6), "probability": round(self.rng.uniform(0.8, 0.99), 6),
               "topCandidate": {"type": mode, "probability": round(self.rng.uniform(0.55, 0.98), 6)}}
        if mode == "IN_PASSENGER_VEHICLE" and self.rng.random() < 0.5:
            act["parking"] = {"location": {"latLng": ll(self.jitter(b, 80))}, "startTime": iso_ms_offset(end)}
        seg = {"startTime": iso_ms_offset(start), "endTime": iso_ms_offset(end),
               "startTimeTimezoneUtcOffsetMinutes": 60 * paris_offset(start),
               "endTimeTimezoneUtcOffsetMinutes": 60 * paris_offset(end), "activity": act}
        self.segments.append((start, 1, seg))
        self.trip_log.append((start, mode, metres))
        # path points every ~2-4 minutes along a slightly bent line
        n = max(2, int(minutes // self.rng.choice((2, 3, 4))) + 1)
        bend = self.rng.uniform(-0.08, 0.08)
        for k in range(n + 1):
            f = k / n
            lat = a[0] + (b[0] - a[0]) * f + bend * (b[1] - a[1]) * 0.6 * math.sin(math.pi * f)
            lon = a[1] + (b[1] - a[1]) * f - bend * (b[0] - a[0]) * 1.4 * math.sin(math.pi * f)
            t = start + timedelta(seconds=int(minutes * 60 * f))
            w = t.replace(minute=0, second=0, microsecond=0)
            w -= timedelta(hours=(local_of(w)[0].hour % 2))
            self.paths.setdefault(w, []).append((t, self.jitter((lat, lon), 8)))
        self.pos = dest
        self.since = end
        return end

    def memory(self, day, dest, km):
        start = to_utc(at(day, 0, 0))
        end = to_utc(at(day + timedelta(days=1), 0, 0))
        seg = {"startTime": iso_ms_offset(start), "endTime": iso_ms_offset(end),
               "timelineMemory": {"trip": {"distanceFromOriginKms": km,
                                           "destinations": [{"identifier": {"placeId": self.pid(dest)}}]}}}
        self.segments.append((start, 0, seg))

    def finish(self, end_utc):
        if end_utc > self.since:
            self.visit(self.pos, self.since, end_utc)
        for w, pts in self.paths.items():
            pts.sort()
            seg = {"startTime": iso_ms_offset(w), "endTime": iso_ms_offset(w + timedelta(hours=2)),
                   "timelinePath": [{"point": ll(p), "time": iso_ms_offset(t)} for t, p in pts]}
            self.segments.append((w, 0, seg))
        self.segments.sort(key=lambda s: (s[0], s[1]))
        return [s[2] for s in self.segments]


def lea_days(rng):
    """Plans every day; returns the timeline, bank operations and train trips."""
    tl = Timeline(rng)
    bank = []   # (date, label, amount)
    fuel_km = [0.0]

    def car(dest, start, km, minutes):
        fuel_km[0] += km
        return tl.go(dest, start, "IN_PASSENGER_VEHICLE", km * 1000 * rng.uniform(0.98, 1.03), minutes)

    def walk(dest, start, metres, minutes):
        return tl.go(dest, start, "WALKING", metres, minutes)

    for d in days(LEA_START, LEA_END):
        if fuel_km[0] > 330:
            fuel_km[0] = 0
            bank.append((d, "CARTE X4512 %s \r\nTOTALENERGIES LA ROCHELLE " % d.strftime("%d/%m"),
                         -round(rng.uniform(48, 66), 2)))
        wd = d.weekday()
        month = d.month
        rainy = rng.random() < {3: 0.45, 4: 0.35, 5: 0.25, 6: 0.15, 7: 0.1, 8: 0.1, 9: 0.2, 10: 0.4, 11: 0.5}[month]
        workday = wd < 5 and d not in PUBLIC_HOLIDAYS_2025 and d not in LEA_LEAVE
        if d == TER_POITIERS:
            t = walk("station", to_utc(at(d, 8, 9)), 1180, 14)
            t = tl.go("poitiers_gare", to_utc(at(d, 8, 31)), "IN_TRAIN", 144800, 111)
            t = walk("poitiers_centre", t + timedelta(minutes=6), 1300, 17)
            t = walk("poitiers_gare", to_utc(at(d, 18, 2)), 1350, 18)
            t = tl.go("station", to_utc(at(d, 18, 36)), "IN_TRAIN", 144800, 111)
            walk("home", t + timedelta(minutes=4), 1180, 15)
            tl.memory(d, "poitiers_centre", 120)
            continue
        if d == TER_NANTES[0]:
            t = walk("station", to_utc(at(d, 8, 41)), 1180, 14)
            t = tl.go("nantes_gare", to_utc(at(d, 9, 4)), "IN_TRAIN", 186300, 114)
            t = tl.go("nantes_friend", t + timedelta(minutes=9), "IN_TRAM", 2700, 16)
            t = tl.go("nantes_chateau", to_utc(at(d, 15, 10)), "WALKING", 2100, 28)
            walk("nantes_friend", to_utc(at(d, 18, 45)), 2050, 27)
            tl.memory(d, "nantes_friend", 125)
            continue
        if d == TER_NANTES[1]:
            t = tl.go("nantes_gare", to_utc(at(d, 16, 21)), "IN_TRAM", 2700, 15)
            t = tl.go("station", to_utc(at(d, 17, 2)), "IN_TRAIN", 186300, 116)
            walk("home", t + timedelta(minutes=5), 1180, 15)
            continue
        if d == HOLIDAY_DRIVE[0]:
            car("sarlat", to_utc(at(d, 9, 12)), 291.4, 212)
            bank.append((d, "CARTE X4512 26/07 \r\nASF PEAGE SAINTES ", -4.30))
            continue
        if d == HOLIDAY_DRIVE[1]:
            car("home", to_utc(at(d, 14, 37)), 292.1, 219)
            bank.append((d, "CARTE X4512 16/08 \r\nASF PEAGE SAINTES ", -4.30))
            continue
        if HOLIDAY_DRIVE[0] < d < HOLIDAY_DRIVE[1]:
            continue  # stays in Dordogne: one long visit (walks there are not recorded)
        if workday and wd != 2:          # Wednesdays: telework
            leave = at(d, 7, 48) + timedelta(minutes=rng.randint(0, 22))
            by_bus = rainy or rng.random() < 0.12
            if by_bus:
                t = walk("stop_home", to_utc(leave), rng.uniform(330, 380), 5)
                t = tl.go("stop_work", t + timedelta(minutes=rng.randint(2, 7)), "IN_BUS",
                          rng.uniform(7100, 7600), rng.randint(27, 34))
                walk("work", t + timedelta(minutes=1), rng.uniform(330, 400), 5)
            else:
                tl.go("work", to_utc(leave), "CYCLING", rng.uniform(6600, 7050), rng.randint(20, 26))
            back = at(d, 17, 5) + timedelta(minutes=rng.randint(0, 70))
            errand = wd in (1, 4) and not by_bus and rng.random() < 0.7
            if by_bus:
                t = walk("stop_work", to_utc(back), rng.uniform(330, 400), 5)
                t = tl.go("stop_home", t + timedelta(minutes=rng.randint(1, 9)), "IN_BUS",
                          rng.uniform(7100, 7600), rng.randint(28, 38))
                walk("home", t + timedelta(minutes=1), rng.uniform(330, 380), 5)
            elif errand:
                t = tl.go("leclerc", to_utc(back), "CYCLING", rng.uniform(4600, 5000), rng.randint(16, 20))
                if rng.random() < 0.3:   # the chemist's inside the shopping centre
                    tl.pending_nested = ("pharmacie", t + timedelta(minutes=3), t + timedelta(minutes=9))
                t = tl.go("home", t + timedelta(minutes=rng.randint(18, 32)), "CYCLING",
                          rng.uniform(4700, 5100), rng.randint(17, 21))
                bank.append((d, "CARTE X4512 %s \r\nE.LECLERC PUILBOREAU " % d.strftime("%d/%m"),
                             -round(rng.uniform(18, 64), 2)))
            else:
                tl.go("home", to_utc(back), "CYCLING", rng.uniform(6600, 7050), rng.randint(21, 28))
            continue
        if wd == 5 and d.month not in (8,):   # Saturday market on foot
            t = walk("market", to_utc(at(d, 10, 5) + timedelta(minutes=rng.randint(0, 40))), rng.uniform(420, 520), 7)
            walk("home", t + timedelta(minutes=rng.randint(35, 70)), rng.uniform(420, 520), 8)
            bank.append((d, "CARTE X4512 %s \r\nMARCHE CENTRAL FROMAGERIE " % d.strftime("%d/%m"),
                         -round(rng.uniform(9, 27), 2)))
        if wd >= 5 and rng.random() < 0.33:   # a car outing
            place, km = OUTINGS[rng.randrange(len(OUTINGS))]
            leave = at(d, 14, 0) + timedelta(minutes=rng.randint(-60, 60))
            mins = int(km / rng.uniform(52, 64) * 60) + 4
            t = car(place, to_utc(leave), km, mins)
            stay = timedelta(minutes=rng.randint(110, 230))
            if place == "ile_de_re":
                summer = date(2025, 6, 20) <= d <= date(2025, 9, 11)
                bank.append((d, "CARTE X4512 %s \r\nPEAGE PONT ILE DE RE " % d.strftime("%d/%m"),
                             -16.0 if summer else -8.0))
            if place in ("ile_de_re", "royan", "rochefort") or rng.random() < 0.3:
                bank.append((d, "CARTE X4512 %s \r\nPAYBYPHONE %s " % (d.strftime("%d/%m"), place.upper().replace("_", " ")),
                             -round(rng.choice((2.4, 3.6, 4.8, 6.0)), 2)))
            car("home", t + stay, km * rng.uniform(0.99, 1.02), mins + rng.randint(-3, 8))
    timeline = tl.finish(to_utc(at(LEA_END, 23, 40)))
    return tl, timeline, bank


def lea_raw_signals(rng, tl):
    """rawSignals: the phone keeps a few days of positions, activity guesses and Wi-Fi scans. Here: the
    last ten days of the export (crossing the 26 October fall-back)."""
    out = []   # (utc, signal)
    first = to_utc(at(date(2025, 10, 24), 0, 0))
    pts = sorted((t, p) for w, lst in tl.paths.items() if w >= first - timedelta(hours=2) for t, p in lst if t >= first)
    prev = None
    for t, p in pts:
        t += timedelta(seconds=rng.randint(1, 50), milliseconds=rng.randint(0, 999))
        p = tl.jitter(p, 6)
        speed = 0.0 if prev is None else min(25.0, haversine_m(prev[1], p) / max(1.0, (t - prev[0]).total_seconds()))
        src = "GPS" if speed > 1.5 else rng.choice(("WIFI", "WIFI", "CELL"))
        out.append((t, {"position": {"LatLng": ll(p), "accuracyMeters": rng.choice((4, 6, 9, 13, 16, 24)),
                                 "altitudeMeters": round(rng.uniform(2, 24), 1), "source": src,
                                 "timestamp": iso_ms_offset(t), "speedMetersPerSecond": round(speed, 6)}}))
        if rng.random() < 0.25:
            act = "ON_BICYCLE" if 3 < speed < 8 else ("IN_VEHICLE" if speed >= 8 else "ON_FOOT")
            out.append((t + timedelta(seconds=3), {"activityRecord": {"probableActivities": [
                {"type": act, "confidence": round(rng.uniform(0.5, 0.9), 2)},
                {"type": "STILL", "confidence": round(rng.uniform(0.05, 0.3), 2)}],
                "timestamp": iso_ms_offset(t + timedelta(seconds=3))}}))
        if rng.random() < 0.15:
            out.append((t + timedelta(seconds=7), {"wifiScan": {"deliveryTime": iso_ms_offset(t + timedelta(seconds=7)),
                                     "devicesRecords": [{"mac": rng.getrandbits(44), "rawRssi": -rng.randint(45, 90)}
                                                        for _ in range(rng.randint(1, 4))]}}))
        prev = (t, p)
    # the phone at home during the fall-back night: 02:30 CEST and 02:30 CET are one hour apart
    for utc in (datetime(2025, 10, 26, 0, 30), datetime(2025, 10, 26, 1, 30)):
        out.append((utc, {"position": {"LatLng": ll(tl.jitter(P["home"], 10)), "accuracyMeters": 13, "altitudeMeters": 8.0,
                                       "source": "WIFI", "timestamp": iso_ms_offset(utc), "speedMetersPerSecond": 0.0}}))
    out.sort(key=lambda s: s[0])
    return [s for _, s in out]


def lea_bank_text(rng, extra):
    ops = list(extra)
    for m in range(3, 12):
        first = date(2025, m, 1)
        pay_day = date(2025, m, 28)
        if LEA_START <= pay_day <= LEA_END:
            ops.append((pay_day, "VIREMENT EN VOTRE FAVEUR \r\nSALAIRE %s ATLANTIQUE INGENIERIE " %
                        ["", "", "", "MARS", "AVRIL", "MAI", "JUIN", "JUILLET", "AOUT", "SEPTEMBRE", "OCTOBRE"][m],
                        2184.37 if m != 7 else 2184.37 + 1050.00))
        for dd, label, amt in [
            (5, "VIREMENT EMIS \r\nLOYER SCI DU GABUT ", -640.00),
            (5, "PRELEVEMENT \r\nYELO ABONNEMENT MENSUEL RTCR ", -28.00),
            (8, "PRELEVEMENT \r\nFREE MOBILE ", -19.99),
            (10, "PRELEVEMENT \r\nEDF CLIENTS PARTICULIERS ", -46.00),
            (12, "PRELEVEMENT \r\nMAIF ASSURANCE AUTO HABITATION ", -54.37),
            (15, "PRELEVEMENT \r\nNETFLIX.COM ", -13.49),
            (29, "VIREMENT EMIS \r\nVERS LIVRET A ", -350.00),
        ]:
            d = date(2025, m, dd)
            if LEA_START <= d <= LEA_END:
                ops.append((d, label, amt))
        # groceries (weekly) and a few restaurants
        for d in days(first, date(2025, m, 28)):
            if not (LEA_START <= d <= LEA_END):
                continue
            if d.weekday() == 5 and rng.random() < 0.8:
                shop = rng.choice(("CARREFOUR CITY LA ROCHELLE", "INTERMARCHE LA ROCHELLE", "BIOCOOP LA ROCHELLE"))
                ops.append((d, "CARTE X4512 %s \r\n%s " % (d.strftime("%d/%m"), shop), -round(rng.uniform(24, 78), 2)))
            if d.weekday() in (3, 4) and rng.random() < 0.22:
                ops.append((d, "CARTE X4512 %s \r\nRESTAURANT LE COMPTOIR DES HALLES " % d.strftime("%d/%m"),
                            -round(rng.uniform(14, 38), 2)))
            if rng.random() < 0.03:
                shop = rng.choice(("PHARMACIE DU PORT", "DECATHLON LA ROCHELLE", "FNAC LA ROCHELLE", "CINEMA CGR DRAGON"))
                ops.append((d, "CARTE X4512 %s \r\n%s " % (d.strftime("%d/%m"), shop), -round(rng.uniform(8, 60), 2)))
            if rng.random() < 0.02:
                ops.append((d, "RETRAIT DAB %s \r\nLA ROCHELLE PORT " % d.strftime("%d/%m"), -40.00))
    # trains (bought on SNCF Connect) and the refund of the cancelled one
    ops += [(date(2025, 3, 28), "CARTE X4512 28/03 \r\nSNCF CONNECT PARIS ", -54.60),
            (date(2025, 5, 19), "CARTE X4512 19/05 \r\nSNCF CONNECT PARIS ", -39.00),
            (date(2025, 6, 3), "VIREMENT EN VOTRE FAVEUR \r\nREMBT SNCF VOYAGEURS ", 39.00),
            (date(2025, 9, 16), "CARTE X4512 16/09 \r\nSNCF CONNECT PARIS ", -61.20),
            (date(2025, 4, 11), "CARTE X4512 11/04 \r\nYELO VELO LOCATION LONGUE DUREE ", -35.00),
            (date(2025, 10, 5), "CARTE X4512 04/10 \r\nNAOLIB NANTES TICKET ", -3.40)]
    ops.sort(key=lambda o: (o[0], o[1]), reverse=True)   # newest first, as the bank lists them
    balance = 1834.52 + sum(a for _, _, a in ops)
    head = ("Téléchargement du 03/11/2025;\r\n"
            "\r\n"
            "Mme Léa Fradin;\r\n"
            "Compte de Dépôt carte n° 4512;00004512345;\r\n"
            "Solde au 02/11/2025 %s €;\r\n"
            "\r\n"
            "Liste des opérations du compte entre le 15/03/2025 et le 02/11/2025;\r\n"
            "\r\n"
            "Date;Libellé;Débit euros;Crédit euros;\r\n") % fr_num(balance)
    rows = []
    for d, label, amt in ops:
        deb, cred = (fr_num(-amt), "") if amt < 0 else ("", fr_num(amt))
        rows.append('%s;"%s";%s;%s;\r\n' % (d.strftime("%d/%m/%Y"), label, deb, cred))
    return (head + "".join(rows)).encode("cp1252"), len(ops), ops


LEA_TRAINS = [
    # ref, ordered, date, dep, from, to, arr, carrier, number, class, travellers, price, status
    ["KTR4QM", "05/12/2024", "20/12/2024", "07h05", "La Rochelle Ville", "Paris Montparnasse", "09h58", "TGV INOUI", "8370", "2", "1", "58,00", "Voyagé"],
    ["KTR4QM", "05/12/2024", "03/01/2025", "17h56", "Paris Montparnasse", "La Rochelle Ville", "20h49", "TGV INOUI", "8397", "2", "1", "64,00", "Voyagé"],
    ["PWD7XA", "28/03/2025", "12/04/2025", "08h31", "La Rochelle Ville", "Poitiers", "10h22", "TER Nouvelle-Aquitaine", "864507", "2", "1", "27,30", "Voyagé"],
    ["PWD7XA", "28/03/2025", "12/04/2025", "18h36", "Poitiers", "La Rochelle Ville", "20h27", "TER Nouvelle-Aquitaine", "864524", "2", "1", "27,30", "Voyagé"],
    ["BRX2LN", "19/05/2025", "14/06/2025", "09h43", "La Rochelle Ville", "Bordeaux Saint-Jean", "11h56", "TER Nouvelle-Aquitaine", "864316", "2", "1", "39,00", "Annulé"],
    ["NTE9GK", "16/09/2025", "04/10/2025", "09h04", "La Rochelle Ville", "Nantes", "10h58", "TER Pays de la Loire", "858610", "2", "1", "30,60", "Voyagé"],
    ["NTE9GK", "16/09/2025", "05/10/2025", "17h02", "Nantes", "La Rochelle Ville", "18h58", "TER Pays de la Loire", "858627", "2", "1", "30,60", "Voyagé"],
]


def lea_trains_text():
    head = ["Référence", "Date de commande", "Date de départ", "Heure de départ", "Gare de départ", "Gare d'arrivée",
            "Heure d'arrivée", "Transporteur", "N° de train", "Classe", "Voyageurs", "Prix (€)", "Statut"]
    text = "\ufeff" + ";".join(head) + "\r\n" + "".join(";".join(r) + "\r\n" for r in LEA_TRAINS)
    return text.encode("utf-8")


def make_lea(out):
    rng = random.Random(20250315)
    tl, segments, bank_extra = lea_days(rng)
    places = tl.places
    profile = {
        "frequentPlaces": [{"placeId": places["home"], "placeLocation": ll(P["home"]), "label": "HOME"},
                           {"placeId": places["work"], "placeLocation": ll(P["work"]), "label": "WORK"},
                           {"placeId": places["leclerc"], "placeLocation": ll(P["leclerc"])},
                           {"placeId": places["market"], "placeLocation": ll(P["market"])}],
        "frequentTrips": [{"waypointIds": [places["home"], places["work"]],
                           "modeDistribution": [{"mode": "CYCLING", "rate": 0.71}, {"mode": "IN_BUS", "rate": 0.24},
                                                {"mode": "WALKING", "rate": 0.05}],
                           "startTimeMinutes": 485, "endTimeMinutes": 508, "durationMinutes": 23,
                           "confidence": 0.83, "commuteDirection": "HOME_TO_WORK"},
                          {"waypointIds": [places["work"], places["home"]],
                           "modeDistribution": [{"mode": "CYCLING", "rate": 0.69}, {"mode": "IN_BUS", "rate": 0.26},
                                                {"mode": "WALKING", "rate": 0.05}],
                           "startTimeMinutes": 1050, "endTimeMinutes": 1076, "durationMinutes": 26,
                           "confidence": 0.79, "commuteDirection": "WORK_TO_HOME"}],
        "persona": {"travelModeAffinities": [{"mode": "CYCLING", "affinity": 0.62}, {"mode": "IN_BUS", "affinity": 0.21},
                                             {"mode": "IN_PASSENGER_VEHICLE", "affinity": 0.12},
                                             {"mode": "IN_TRAIN", "affinity": 0.05}]},
    }
    export = {"semanticSegments": segments, "rawSignals": lea_raw_signals(rng, tl), "userLocationProfile": profile}
    files = [write_bytes(out, "lea/Timeline.json",
                         (json.dumps(export, indent=2, ensure_ascii=False) + "\n").encode("utf-8"))]
    bank, n_ops, ops = lea_bank_text(rng, bank_extra)
    files.append(write_bytes(out, "lea/releve_compte_2025.csv", bank))
    files.append(write_bytes(out, "lea/sncf_connect_voyages.csv", lea_trains_text()))
    stats = {"segments": len(segments), "trips": len(tl.trip_log), "bank_operations": n_ops,
             "train_rows": len(LEA_TRAINS), "visits": sum(1 for s in segments if "visit" in s and s["visit"]["hierarchyLevel"] == 0),
             "nested_visits": sum(1 for s in segments if "visit" in s and s["visit"]["hierarchyLevel"] > 0),
             "raw_positions": sum(1 for s in export["rawSignals"] if "position" in s),
             "path_points": sum(len(s["timelinePath"]) for s in segments if "timelinePath" in s)}
    modes = {}
    for _, mode, m in tl.trip_log:
        k = modes.setdefault(mode, [0, 0.0])
        k[0] += 1
        k[1] += m / 1000
    stats["modes_km"] = {k: round(v[1], 1) for k, v in sorted(modes.items())}
    stats["modes_trips"] = {k: v[0] for k, v in sorted(modes.items())}
    return files, stats


# [SECTION] Famille Martin, Nantes

MARTIN_PRM = "21457896325874"
MARTIN_START, MARTIN_END = date(2024, 3, 1), date(2025, 2, 28)   # inclusive local days
MARTIN_AWAY = set(days(date(2024, 8, 3), date(2024, 8, 18))) | set(days(date(2024, 12, 26), date(2024, 12, 29)))
FR_HOLIDAYS = {date(2024, 4, 1), date(2024, 5, 1), date(2024, 5, 8), date(2024, 5, 9), date(2024, 5, 20),
               date(2024, 7, 14), date(2024, 8, 15), date(2024, 11, 1), date(2024, 11, 11), date(2024, 12, 25),
               date(2025, 1, 1)}


def nantes_temperature(d):
    """Daily mean temperature (°C), a seasonal curve (coldest mid-January ~5.5, warmest late July ~20.5) and
    weather spells (autocorrelated noise)."""
    doy = d.timetuple().tm_yday
    base = 13.0 - 7.5 * math.cos(2 * math.pi * (doy - 20) / 365.25)
    return base


def make_martin_load_curve(rng):
    spell = 0.0
    rows = []
    temps = {}
    for d in days(MARTIN_START, MARTIN_END):
        spell = 0.8 * spell + rng.gauss(0, 1.4)
        temps[d] = nantes_temperature(d) + spell
    t = to_utc(at(MARTIN_START, 0, 0))
    end = to_utc(at(MARTIN_END + timedelta(days=1), 0, 0))
    cooking_day = None
    while t < end:
        start_local, _ = local_of(t)
        d = start_local.date()
        h = start_local.hour + start_local.minute / 60.0
        if cooking_day != d:
            cooking_day = d
            dinner = rng.uniform(18.5, 19.6)
            morning = rng.uniform(6.6, 7.4)
            wash = rng.random() < 0.45
            wash_at = rng.choice((10.0, 14.5, 20.5, 21.0))
        wd = d.weekday()
        home_day = wd >= 5 or d in FR_HOLIDAYS or (date(2024, 7, 6) <= d <= date(2024, 9, 1)) \
            or (date(2024, 10, 19) <= d <= date(2024, 11, 3)) or (date(2024, 12, 21) <= d <= date(2025, 1, 5)) \
            or (date(2025, 2, 8) <= d <= date(2025, 2, 23)) or (date(2024, 4, 13) <= d <= date(2024, 4, 28))
        away = d in MARTIN_AWAY
        temp = temps[d]
        # fridge, freezer, VMC, box, standby: ~300 W with the compressors' ripple
        w = 325 + 35 * math.sin(t.minute / 30.0 * math.pi + h) + rng.uniform(-25, 25)
        if not away:
            # electric heating (convectors) with a night setback: thermostats cycle, so a half-hour is
            # either on or off; the mean power follows the gap to the 16.5 °C no-heating temperature
            deficit = max(0.0, 16.5 - temp)
            if deficit > 0:
                occupied = home_day or h < 8.2 or h >= 17.0
                factor = 1.0 if (6.0 <= h < 22.5 and occupied) else (0.5 if h >= 22.5 or h < 6.0 else 0.35)
                duty = min(0.95, 0.25 + deficit / 14.0)
                if rng.random() < duty:
                    # upstairs only (half the power): the ground floor is on the gas boiler (make_martin_gas)
                    w += 0.5 * 215 * deficit * factor / duty * rng.uniform(0.85, 1.15)
            # hot-water tank on off-peak hours from 22:30, longer in winter
            tank_h = 1.5 + max(0.0, (12 - temp) / 8.0)
            if 22.5 <= h < 22.5 + tank_h or h < max(0.0, 22.5 + tank_h - 24):
                w += 2200
            # weekday breakfast, daytime and lunch on home days, the evening peak around dinner
            if wd < 5 and morning <= h < morning + 1.0:
                w += rng.uniform(400, 1100)
            if home_day and 9.0 <= h < 18.0:
                w += rng.uniform(80, 350)
            if home_day and 12.0 <= h < 13.0:
                w += rng.uniform(700, 1500)
            if dinner - 0.5 <= h < dinner + 0.75:
                w += rng.uniform(1000, 2300)
            if 17.5 <= h < 23.0:
                w += rng.uniform(120, 380)   # lights, TV, computers
            if wash and wash_at <= h < wash_at + 1.5:
                w += rng.uniform(600, 1700)
        rows.append((t + timedelta(minutes=30), max(90, int(round(w)))))
        t += timedelta(minutes=30)
    return rows, temps


MARTIN_PCE = "21546083927715"


def make_martin_gas(temps):
    """GRDF "Mes consommations" daily CSV: Windows-1252, metadata lines with the PCE, the full layout (indexes in
    m3, volume, conversion coefficient per month, energy, reading type), decimal commas, a few estimated days
    (a Gazpar transmission gap in November), one day whose energy column is empty, a total line. Gas boiler for
    the ground floor: heating above ~15.5 °C no-heating temperature, cooking only in summer, nothing while away."""
    rng = random.Random(20240302)
    coef_month = {1: 11.38, 2: 11.36, 3: 11.31, 4: 11.27, 5: 11.22, 6: 11.19, 7: 11.18, 8: 11.2, 9: 11.23, 10: 11.27,
                  11: 11.33, 12: 11.37}
    index = 8412.37
    rows, kwh_month, m3_total = [], {}, 0.0
    for d in days(MARTIN_START, MARTIN_END):
        away = d in MARTIN_AWAY
        deficit = max(0.0, 15.5 - temps[d])
        heat = 0.0 if away else deficit * 5.2 * rng.uniform(0.9, 1.1)
        cooking = 0.0 if away else rng.uniform(0.3, 1.1)
        m3 = round((heat + cooking) / coef_month[d.month], 2)
        coef = coef_month[d.month]
        kwh = round(m3 * coef, 2)
        start = index
        index = round(index + m3, 2)
        kind = "Estimé" if date(2024, 11, 12) <= d <= date(2024, 11, 14) else "Mesuré"
        energy = "" if d == date(2024, 6, 11) else fr_num(kwh, 2, False)
        rows.append((d.strftime("%d/%m/%Y"), fr_num(start, 2, False), fr_num(index, 2, False), fr_num(m3, 2, False),
                     fr_num(coef, 2, False), energy, kind))
        kwh_month[d.strftime("%Y-%m")] = kwh_month.get(d.strftime("%Y-%m"), 0.0) + kwh
        m3_total += m3
    head = ("Consommations quotidiennes;;;;;;\r\n"
            "Numéro PCE : %s;;;;;;\r\n"
            "Adresse de consommation;7 ALLEE DES CAPUCINES 44300 NANTES;;;;;\r\n"
            "Période;du 01/03/2024 au 28/02/2025;;;;;\r\n"
            ";;;;;;\r\n"
            "Date de relevé;Index de début (m3);Index de fin (m3);Volume consommé (m3);"
            "Coefficient de conversion (kWh/m3);Énergie consommée (kWh);Type de relevé\r\n") % MARTIN_PCE
    text = head + "".join(";".join(r) + "\r\n" for r in rows)
    text += "Total;;;%s;;%s;\r\n" % (fr_num(m3_total, 2, False), fr_num(sum(kwh_month.values()), 2, False))
    return text.encode("cp1252"), len(rows), kwh_month, m3_total


def make_martin_receipts(rng):
    # product, department, EAN, unit ('kg' weighed / 'pièce'), unit price, weight range (kg) for weighed
    catalogue = [
        ("STEAK HACHE 5%MG 4X100G", "Boucherie", "3266980012345", "pièce", 5.49, None, 0.55),
        ("STEAK HACHE 15%MG 10X100G SURGELE", "Surgelés", "3266980067890", "pièce", 8.99, None, 0.18),
        ("POULET FERMIER LABEL ROUGE", "Volaille", "0219870000000", "kg", 9.95, (1.3, 1.9), 0.35),
        ("ESCALOPE POULET X2 280G", "Volaille", "3256220123457", "pièce", 4.89, None, 0.35),
        ("LENTILLES VERTES 500G", "Épicerie", "3380390000017", "pièce", 2.15, None, 0.3),
        ("LAIT DEMI ECREME UHT 1L X6", "Crèmerie", "3560070123456", "pièce", 5.94, None, 0.85),
        ("YAOURT NATURE 8X125G", "Crèmerie", "3033490004521", "pièce", 2.35, None, 0.8),
        ("YAOURT AUX FRUITS 12X125G", "Crèmerie", "3033490004538", "pièce", 3.95, None, 0.45),
        ("EMMENTAL RAPE 200G", "Crèmerie", "3228020000231", "pièce", 2.49, None, 0.5),
        ("CAMEMBERT NORMANDIE 250G", "Crèmerie", "3228021170015", "pièce", 2.79, None, 0.25),
        ("BEURRE DOUX 250G", "Crèmerie", "3451790000184", "pièce", 2.69, None, 0.35),
        ("OEUFS PLEIN AIR X12", "Crèmerie", "3256220008126", "pièce", 3.89, None, 0.5),
        ("JAMBON BLANC 4 TRANCHES 160G", "Charcuterie", "3095758000015", "pièce", 2.99, None, 0.6),
        ("LARDONS FUMES 2X100G", "Charcuterie", "3095758000077", "pièce", 2.39, None, 0.3),
        ("FILET DE CABILLAUD", "Poissonnerie", "0211256000000", "kg", 24.90, (0.35, 0.6), 0.12),
        ("SAUMON FUME 4 TRANCHES 120G", "Poissonnerie", "3263670012344", "pièce", 5.99, None, 0.15),
        ("PATES COQUILLETTES 1KG", "Épicerie", "3038350012005", "pièce", 1.69, None, 0.4),
        ("RIZ BASMATI 1KG", "Épicerie", "3038350013002", "pièce", 2.89, None, 0.25),
        ("POIS CHICHES 400G", "Épicerie", "3083680000563", "pièce", 1.25, None, 0.15),
        ("POMMES DE TERRE 2,5KG", "Fruits et légumes", "3270190022305", "pièce", 3.49, None, 0.45),
        ("CAROTTES", "Fruits et légumes", "0200312000000", "kg", 1.29, (0.8, 1.3), 0.55),
        ("POMMES GALA", "Fruits et légumes", "0200145000000", "kg", 2.49, (1.0, 1.8), 0.7),
        ("BANANES", "Fruits et légumes", "0200150000000", "kg", 1.99, (0.9, 1.4), 0.6),
        ("PAIN DE MIE COMPLET 500G", "Boulangerie", "3029330003533", "pièce", 1.89, None, 0.4),
        ("BAGUETTE TRADITION", "Boulangerie", "0200001000000", "pièce", 1.15, None, 0.75),
        ("CROISSANT X6", "Boulangerie", "3029330003540", "pièce", 2.99, None, 0.25),
        ("CAFE MOULU ARABICA 250G", "Épicerie", "3017620422003", "pièce", 3.15, None, 0.3),
        ("PIZZA JAMBON FROMAGE", "Surgelés", "3270160890011", "pièce", 3.29, None, 0.3),
        ("CHOCOLAT NOIR 70% 100G", "Épicerie", "3046920022606", "pièce", 1.79, None, 0.35),
        ("COMPOTE POMME 4X100G", "Épicerie", "3263850112017", "pièce", 1.99, None, 0.4),
        ("PAPIER TOILETTE X12", "Droguerie", "3600523456789", "pièce", 5.49, None, 0.2),
        ("LESSIVE LIQUIDE 2L", "Droguerie", "3600523456796", "pièce", 8.99, None, 0.1),
        ("TOFU NATURE 250G", "Épicerie", "3760074380015", "pièce", 2.59, None, 0.08),
    ]
    head = ("Date;Heure;N° ticket;Magasin;Rayon;Libellé produit;EAN;Quantité;Unité;Prix unitaire (€);Montant (€)\r\n")
    rows = []
    n_products = 0
    ticket = 4120
    d = date(2024, 10, 5)   # Saturdays, October 2024 - January 2025, plus a few mid-week top-ups
    shops = []
    while d <= date(2025, 1, 31):
        if d not in (date(2024, 12, 28),):
            shops.append((d, True))
        mid = d + timedelta(days=4)
        if rng.random() < 0.5 and mid <= date(2025, 1, 31):
            shops.append((mid, False))
        d += timedelta(days=7)
    for d, big in shops:
        ticket += rng.randint(40, 400)
        tno = "0117-%05d" % ticket
        hour = "%02d:%02d" % ((rng.randint(9, 11), rng.randint(0, 59)) if big else (rng.randint(17, 19), rng.randint(0, 59)))
        store = "Hyper Nantes Atlantis" if big else "Super Nantes Zola"
        total = 0.0
        for prod, rayon, ean, unit, price, kg_range, p in catalogue:
            if rng.random() >= (p if big else p * 0.35):
                continue
            if unit == "kg":
                qty = round(rng.uniform(*kg_range), 3)
                amount = round(qty * price, 2)
                q = fr_num(qty, 3, False)
            else:
                n = rng.choice((1, 1, 1, 2)) if "BAGUETTE" not in prod else rng.choice((1, 2, 3))
                amount = round(n * price, 2)
                q = str(n)
            total += amount
            n_products += 1
            rows.append([d.strftime("%d/%m/%Y"), hour, tno, store, rayon, prod, ean, q, unit,
                         fr_num(price, 2, False), fr_num(amount, 2, False)])
        if big and rng.random() < 0.4:
            disc = -round(rng.choice((1.0, 1.5, 2.0, 3.0)), 2)
            total += disc
            n_products += 1
            rows.append([d.strftime("%d/%m/%Y"), hour, tno, store, "Remises", "REMISE FIDELITE", "", "1", "",
                         fr_num(disc, 2, False), fr_num(disc, 2, False)])
        rows.append([d.strftime("%d/%m/%Y"), hour, tno, "", "", "", "", "", "", "", fr_num(total, 2, False)])
    text = head + "".join(";".join(r) + "\r\n" for r in rows)
    return text.encode("cp1252"), n_products, len(shops)


def make_martin(out):
    rng = random.Random(20240301)
    rows, temps = make_martin_load_curve(rng)
    keys = ["Identifiant PRM", "Type de donnees", "Date de debut", "Date de fin", "Grandeur physique",
            "Grandeur metier", "Etape metier", "Unite", "Pas en minutes"]
    vals = [MARTIN_PRM, "Courbe de charge", "01/03/2024", "01/03/2025", "Energie active", "Consommation",
            "Comptage Brut", "W", "30"]
    text = "\ufeff" + ";".join(keys) + "\r\n" + ";".join(vals) + "\r\n" + "Horodate;Valeur\r\n"
    text += "".join("%s;%d\r\n" % (iso_offset(t), w) for t, w in rows)
    files = [write_bytes(out, "martin/Enedis_Conso_Heure_20240301-20250228_%s.csv" % MARTIN_PRM, text.encode("utf-8"))]
    gas, gas_rows, gas_month, gas_m3 = make_martin_gas(temps)
    files.append(write_bytes(out, "martin/grdf_consommations_quotidiennes_%s.csv" % MARTIN_PCE, gas))
    receipts, n_lines, n_tickets = make_martin_receipts(rng)
    files.append(write_bytes(out, "martin/carte_fidelite_achats.csv", receipts))
    kwh_month = {}
    for t, w in rows:
        loc, _ = local_of(t - timedelta(minutes=30))
        kwh_month[loc.strftime("%Y-%m")] = kwh_month.get(loc.strftime("%Y-%m"), 0.0) + w * 0.5 / 1000
    return files, {"load_curve_rows": len(rows), "receipt_lines": n_lines, "tickets": n_tickets,
                   "kwh_total": round(sum(kwh_month.values()), 1),
                   "kwh_month": {k: round(v, 1) for k, v in sorted(kwh_month.items())},
                   "gas_rows": gas_rows, "gas_kwh_total": round(sum(gas_month.values()), 2), "gas_m3_total": round(gas_m3, 2),
                   "gas_kwh_month": {k: round(v, 1) for k, v in sorted(gas_month.items())}}


# [SECTION] Noah, collégien à Lyon

ADL = "http://adlnet.gov/expapi/verbs/"
VERBS = {
    "experienced": {"en-US": "experienced", "fr-FR": "a consulté"},
    "attempted": {"en-US": "attempted", "fr-FR": "a commencé"},
    "answered": {"en-US": "answered", "fr-FR": "a répondu"},
    "completed": {"en-US": "completed", "fr-FR": "a terminé"},
    "passed": {"en-US": "passed", "fr-FR": "a réussi"},
    "failed": {"en-US": "failed", "fr-FR": "a échoué"},
}
ENT = "https://ent.college-exemple.fr"
COURSES = {
    "maths": ("Mathématiques", "Mathematics", ["Nombres relatifs", "Fractions", "Calcul littéral", "Théorème de Pythagore",
                                               "Proportionnalité"], 0.5),
    "francais": ("Français", "French", ["Le récit d'aventure", "Conjugaison : le passé simple", "La poésie",
                                        "Orthographe : les accords"], 0.6),
    "svt": ("SVT", "Life and Earth sciences", ["La cellule", "Digestion et nutrition", "Les séismes",
                                               "Le système nerveux"], 0.66),
    "anglais": ("Anglais", "English", ["Past simple", "Describing people", "London trip", "Irregular verbs"], 0.7),
}
PUPILS = [  # name, account, weight (how much of the LRS export they make up), skill
    ("Noah Girard", "noah.girard", 1.0, 0.0),
    ("Inès Benali", "ines.benali", 0.07, 0.08),
    ("Lucas Moreau", "lucas.moreau", 0.05, -0.1),
    ("Chloé Nguyen", "chloe.nguyen", 0.04, 0.12),
]


def ascii_slug(text):
    """'Le système nerveux' -> 'le-systeme-nerveux' (IRIs stay ASCII)."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    return "-".join("".join(c if c.isalnum() else " " for c in plain).split())


def iso_duration(seconds):
    seconds = int(round(seconds))
    h, rem = divmod(seconds, 3600)
    m, s = divmod(rem, 60)
    out = "PT"
    if h:
        out += "%dH" % h
    if m:
        out += "%dM" % m
    if s or out == "PT":
        out += "%dS" % s
    return out


def make_noah(out):
    rng = random.Random(20250901)
    statements = []

    def course_act(key):
        fr, en, _, _ = COURSES[key]
        return {"objectType": "Activity", "id": "%s/cours/%s-4e" % (ENT, key),
                "definition": {"name": {"fr-FR": fr, "en-US": en},
                               "type": "http://adlnet.gov/expapi/activities/course"}}

    def chapter_act(key, ch):
        slug = ascii_slug(ch)
        return {"objectType": "Activity", "id": "%s/cours/%s-4e/%s" % (ENT, key, slug),
                "definition": {"name": {"fr-FR": ch}, "type": "http://adlnet.gov/expapi/activities/module"}}

    def add(pupil, verb, obj, when, ctx, result=None, tz_style="z"):
        name, account, _, _ = pupil
        st = {"id": uuid4(rng),
              "actor": {"objectType": "Agent", "name": name, "account": {"homePage": ENT, "name": account}},
              "verb": {"id": ADL + verb, "display": VERBS[verb]},
              "object": obj}
        if result:
            st["result"] = result
        st["context"] = ctx
        st["timestamp"] = iso_z(when) if tz_style == "z" else iso_offset(when)
        st["stored"] = iso_z(when + timedelta(seconds=rng.randint(1, 40), milliseconds=rng.randint(0, 999)))
        st["authority"] = {"objectType": "Agent", "name": "ENT Collège",
                           "account": {"homePage": ENT, "name": "lrs-ent-client"}}
        st["version"] = "1.0.3"
        statements.append(st)

    def work_on(pupil, key, start, quiz_no):
        """A lesson video, then a quiz: attempted, answered x N, completed, passed/failed. Returns end."""
        fr, _, chapters, base = COURSES[key]
        ch = chapters[min(len(chapters) - 1, quiz_no // 3)]
        ctx = {"registration": uuid4(rng), "platform": "ENT Collège - Parcours", "language": "fr-FR",
               "contextActivities": {"parent": [chapter_act(key, ch)], "grouping": [course_act(key)]}}
        t = start
        slug = ascii_slug(ch)
        if rng.random() < 0.8:
            watch = rng.randint(6 * 60, 18 * 60)
            video = {"objectType": "Activity", "id": "%s/ressources/%s/video-%d" % (ENT, slug, quiz_no % 3 + 1),
                     "definition": {"name": {"fr-FR": "Vidéo : %s (%d)" % (ch, quiz_no % 3 + 1)},
                                    "type": "https://w3id.org/xapi/video/activity-type/video"}}
            t += timedelta(seconds=watch)
            add(pupil, "experienced", video, t, ctx, {"duration": iso_duration(watch), "completion": watch > 9 * 60})
            t += timedelta(seconds=rng.randint(20, 120))
        quiz = {"objectType": "Activity", "id": "%s/ressources/%s/quiz-%d" % (ENT, slug, quiz_no % 3 + 1),
                "definition": {"name": {"fr-FR": "Quiz %s n°%d" % (ch, quiz_no % 3 + 1),
                                        "en-US": "Quiz %d" % (quiz_no % 3 + 1)},
                               "type": "http://adlnet.gov/expapi/activities/assessment"}}
        add(pupil, "attempted", quiz, t, ctx, tz_style="offset")
        q_start = t
        n_q = rng.randint(4, 8)
        skill = base + pupil[3] + 0.03 * min(quiz_no, 6) + rng.uniform(-0.3, 0.2)
        right = 0
        for q in range(n_q):
            t += timedelta(seconds=rng.randint(25, 140))
            ok = rng.random() < max(0.1, min(0.97, skill))
            right += ok
            question = {"objectType": "Activity", "id": "%s/q%d" % (quiz["id"], q + 1),
                        "definition": {"name": {"fr-FR": "Question %d" % (q + 1)},
                                       "type": "http://adlnet.gov/expapi/activities/cmi.interaction",
                                       "interactionType": "choice"}}
            add(pupil, "answered", question, t, ctx, {"success": ok, "response": rng.choice("abcd")}, tz_style="offset")
        t += timedelta(seconds=rng.randint(5, 30))
        scaled = round(right / n_q, 4)
        # as in cmi5: "completed" carries completion and duration, "passed"/"failed" the score
        add(pupil, "completed", quiz, t, ctx, {"completion": True, "duration": iso_duration((t - q_start).total_seconds())},
            tz_style="offset")
        add(pupil, "passed" if scaled >= 0.5 else "failed", quiz, t + timedelta(seconds=1), ctx,
            {"score": {"scaled": scaled, "raw": right, "min": 0, "max": n_q}, "success": scaled >= 0.5},
            tz_style="offset")
        return t + timedelta(seconds=1)

    term = list(days(date(2025, 9, 1), date(2025, 12, 19)))
    toussaint = set(days(date(2025, 10, 18), date(2025, 11, 2)))
    quiz_count = {}
    for pupil in PUPILS:
        for d in term:
            wd = d.weekday()
            p_day = {0: 0.55, 1: 0.5, 2: 0.8, 3: 0.5, 4: 0.25, 5: 0.15, 6: 0.45}[wd]
            if d in toussaint:
                p_day = 0.12
            if d == date(2025, 11, 11):
                p_day = 0.0
            if rng.random() >= p_day * pupil[2]:
                continue
            hh = rng.choice((14, 15, 16)) if wd == 2 else (rng.choice((10, 16, 17)) if wd >= 5 else rng.choice((17, 18, 19)))
            t = to_utc(at(d, hh, rng.randint(0, 50), rng.randint(0, 59)))
            keys = rng.sample(sorted(COURSES), rng.choice((1, 1, 2)))
            if "maths" not in keys and rng.random() < 0.3:
                keys[0] = "maths"    # Noah's weak spot: maths homework comes up more often
            for key in keys:
                k = (pupil[1], key)
                quiz_count[k] = quiz_count.get(k, 0) + 1
                t = work_on(pupil, key, t, quiz_count[k] - 1) + timedelta(seconds=rng.randint(60, 600))
    # the LRS returns the newest first
    statements.sort(key=lambda s: s["stored"], reverse=True)
    result = {"statements": statements, "more": ""}
    files = [write_bytes(out, "noah/lrs_statements_trimestre1.json",
                         json.dumps(result, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))]
    by_actor, quizzes = {}, {}
    for s in statements:
        name = s["actor"]["name"]
        by_actor[name] = by_actor.get(name, 0) + 1
        if s["verb"]["id"] in (ADL + "passed", ADL + "failed"):
            quizzes[name] = quizzes.get(name, 0) + 1
    fp_files, fp_stats = make_noah_footprint(out)
    return files + fp_files, dict({"statements": len(statements), "by_actor": by_actor, "quizzes_by_actor": quizzes},
                                  **fp_stats)


# [SECTION] Noah's digital footprint (Spotify, YouTube My Activity)

NOAH_TERM = (date(2025, 9, 1), date(2025, 12, 19))
NOAH_TOUSSAINT = set(days(date(2025, 10, 18), date(2025, 11, 2)))
NOAH_DAYS_OFF = {date(2025, 11, 11)}
# made-up artists and tracks (seconds): French pop and rap a 13-year-old in Lyon might play
ARTISTS = [
    ("Kévo", 3.0, [("Ligne D", 174), ("Capuche", 161), ("Mode avion", 188), ("Pas dormi", 152), ("Bellecour à minuit", 203)]),
    ("Célia Vortex", 2.2, [("Satellite", 196), ("Trop loin de toi", 211), ("Néon", 183), ("Minuit pile", 224)]),
    ("Les Fusées Blanches", 1.4, [("Décollage", 232), ("Rue de la Ré", 205), ("Hiver en août", 247)]),
    ("Saïd Monoxyde", 1.8, [("Béton", 149), ("Tout le bloc", 166), ("Brevet blanc", 158), ("Zéro stress", 171)]),
    ("Ambre Néon", 1.2, [("Cœur en veille", 199), ("Sans filtre", 187), ("Tempête douce", 215)]),
    ("Petit Yéti", 1.0, [("Avalanche", 142), ("Récré", 138), ("Flocon", 155)]),
    ("Nox & Léo", 1.5, [("Pixel", 178), ("Level up", 165), ("Boss final", 192), ("Respawn", 170)]),
    ("Trio Rhône", 0.6, [("Les quais", 241), ("Confluence", 226)]),
    ("Mélo Béton", 0.8, [("Skatepark", 163), ("Ollie", 147), ("Gerland", 181)]),
    ("Zoé Satellite", 0.7, [("Lune rousse", 208), ("Orbite", 194)]),
]
# made-up YouTube channels: (name, weight, [video titles])
CHANNELS = [
    ("Zélie Craft", 3.0, ["Minecraft : la base secrète sous la cascade", "Minecraft : j'ai construit Lyon en 100 jours",
                          "Minecraft : le piège à redstone ultime", "Minecraft hardcore, épisode %d"]),
    ("Chat Noir Gaming", 2.0, ["Je teste les pires jeux mobiles", "Speedrun raté (encore)", "Les secrets du nouveau patch",
                               "Défi : gagner sans sauter"]),
    ("Skate Rive Droite", 1.2, ["Apprendre l'ollie en 10 minutes", "Session au skatepark de Gerland", "Kickflip : les 5 erreurs",
                                "Skate sous la pluie, mauvaise idée ?"]),
    ("Les Maths en 5 min", 1.0, ["Théorème de Pythagore : la méthode", "Fractions : additionner sans se tromper",
                                 "Calcul littéral : développer et factoriser", "Nombres relatifs : les règles des signes"]),
    ("Conjug' Express", 0.5, ["Le passé simple en 4 minutes", "Accords du participe passé : le truc"]),
    ("SVT Facile", 0.5, ["La cellule expliquée simplement", "Pourquoi la Terre tremble ?", "Le trajet d'un aliment"]),
    ("English with Molly & Sam", 0.4, ["Irregular verbs song", "Past simple : les pièges"]),
    ("Le Coin des Sciences", 0.8, ["Peut-on creuser jusqu'au centre de la Terre ?", "L'expérience du mentos, expliquée",
                                   "Combien pèse un nuage ?"]),
    ("Freestyle Foot Lyon", 0.9, ["5 gestes techniques faciles", "Jongles : passer de 10 à 100", "Le défi de la barre transversale"]),
    ("Kévo Officiel", 1.0, ["Kévo - Ligne D (clip officiel)", "Kévo - Capuche (clip officiel)", "Kévo - Mode avion (live)"]),
]
SEARCHES = ["minecraft redstone porte secrète", "ollie tuto débutant", "théorème de pythagore exercice",
            "passé simple conjugaison", "kévo ligne d", "skatepark lyon", "fractions 4e", "jeux gratuits pc",
            "comment dessiner un manga", "fête des lumières 2025", "révisions brevet", "recette crêpes",
            "séisme explication", "irregular verbs", "kickflip", "meilleur build minecraft survie"]
ADS = ["Forfait mobile -50 % ce mois-ci", "Nouvelle saison, nouveaux défis : joue maintenant",
       "Baskets en promo jusqu'à dimanche"]
YT_ID = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-"


def noah_day_kind(d):
    if d in NOAH_TOUSSAINT or d in NOAH_DAYS_OFF:
        return "holiday"
    return {2: "wed", 5: "weekend", 6: "weekend"}.get(d.weekday(), "school")


def noah_sessions(rng, d, plan):
    """Local session starts for one day from a plan {kind: [(probability, first hour, last hour)]}: the
    rhythm of a pupil (after school on school days, Wednesday afternoons, all day at weekends and holidays)."""
    starts = []
    for p, h0, h1 in plan[noah_day_kind(d)]:
        if rng.random() < p:
            starts.append(at(d, 0) + timedelta(minutes=rng.randint(int(h0 * 60), int(h1 * 60))))
    return starts


def make_noah_footprint(out):
    """StreamingHistory_music_0.json (Spotify account data) and MyActivity.json (Google Takeout, YouTube,
    in French) for the digital-footprint dashboard. Returns the files and their stats (rows, local hours)."""
    rng = random.Random(20250903)
    tracks = [(a, t, s, w) for a, w, ts in ARTISTS for t, s in ts]
    # Spotify: sessions of consecutive tracks; endTime = end of playback, UTC, minute precision
    listen_plan = {"school": [(0.25, 7.5, 7.9), (0.8, 17.0, 20.5), (0.02, 22.5, 23.9)],
                   "wed": [(0.7, 13.0, 17.5), (0.35, 19.0, 21.0)],
                   "weekend": [(0.25, 10.0, 12.0), (0.4, 14.0, 18.0), (0.5, 18.0, 21.0), (0.08, 23.0, 24.5)],
                   "holiday": [(0.3, 10.5, 12.5), (0.4, 14.0, 18.0), (0.45, 18.0, 21.5), (0.06, 23.0, 24.5)]}
    listens = []   # (utc end, artist, track, ms)
    for d in days(*NOAH_TERM):
        for start in noah_sessions(rng, d, listen_plan):
            t = to_utc(start)
            n = rng.randint(2, 3) if start.hour < 9 or start.hour >= 22 else rng.randint(2, 6)
            for _ in range(n):
                artist, track, secs, _ = rng.choices(tracks, weights=[x[3] for x in tracks])[0]
                r = rng.random()
                ms = secs * 1000 + rng.randint(0, 999) if r < 0.76 else (0 if r < 0.78 else rng.randint(1500, 40000))
                t += timedelta(milliseconds=ms)
                listens.append((t, artist, track, ms))
                t += timedelta(seconds=rng.randint(0, 3))
    spotify = [{"endTime": t.strftime("%Y-%m-%d %H:%M"), "artistName": a, "trackName": tr, "msPlayed": ms}
               for t, a, tr, ms in listens]
    files = [write_bytes(out, "noah/StreamingHistory_music_0.json",
                         json.dumps(spotify, indent=2, ensure_ascii=False, separators=(",", " : ")).encode("utf-8"))]

    # YouTube My Activity: searches then videos, an ad now and then, two removed videos; newest first
    watch_plan = {"school": [(0.65, 17.5, 21.0), (0.02, 22.5, 23.9)],
                  "wed": [(0.8, 13.5, 17.5)],
                  "weekend": [(0.3, 9.5, 12.0), (0.45, 14.0, 18.5), (0.35, 19.0, 21.5), (0.08, 23.0, 24.5)],
                  "holiday": [(0.3, 10.0, 12.0), (0.4, 14.0, 18.0), (0.35, 19.0, 21.5), (0.06, 23.0, 24.5)]}
    channel_urls = {c: "https://www.youtube.com/channel/UC" + "".join(rng.choice(YT_ID) for _ in range(22))
                    for c, _, _ in CHANNELS}
    video_ids = {}
    events = []    # (utc, dict)

    def video_url(key):
        if key not in video_ids:
            video_ids[key] = "https://www.youtube.com/watch?v=" + "".join(rng.choice(YT_ID) for _ in range(11))
        return video_ids[key]

    def time_of(t):
        ms = rng.choice((rng.randint(0, 999), rng.randint(0, 999), rng.randint(0, 999), 0))
        t = t.replace(microsecond=ms * 1000)
        return t, iso_z(t, ms=ms != 0)

    removed = {date(2025, 9, 27), date(2025, 11, 15)}
    for d in days(*NOAH_TERM):
        for start in noah_sessions(rng, d, watch_plan):
            t = to_utc(start) + timedelta(seconds=rng.randint(0, 59))
            for k in range(rng.randint(1, 2) if start.hour >= 22 else rng.randint(1, 5)):
                if k == 0 and rng.random() < 0.35:
                    q = rng.choice(SEARCHES)
                    t, when = time_of(t)
                    events.append((t, {"header": "YouTube", "title": "Vous avez recherché " + q,
                                       "titleUrl": "https://www.youtube.com/results?search_query=" + q.replace(" ", "+"),
                                       "time": when, "products": ["YouTube"],
                                       "activityControls": ["Historique des recherches sur YouTube"]}))
                    t += timedelta(seconds=rng.randint(5, 40))
                if rng.random() < 0.04:
                    ad = rng.choice(ADS)
                    t, when = time_of(t)
                    events.append((t, {"header": "YouTube", "title": "Vous avez regardé " + ad, "titleUrl": video_url(ad),
                                       "time": when, "products": ["YouTube"],
                                       "details": [{"name": "Provenant de Google Ads"}],
                                       "activityControls": ["Historique des vidéos regardées sur YouTube"]}))
                    t += timedelta(seconds=rng.randint(6, 30))
                t, when = time_of(t)
                if d in removed and k == 1:
                    removed.discard(d)
                    events.append((t, {"header": "YouTube", "title": "Vous avez regardé une vidéo qui a été supprimée",
                                       "time": when, "products": ["YouTube"],
                                       "activityControls": ["Historique des vidéos regardées sur YouTube"]}))
                else:
                    ch, _, titles = rng.choices(CHANNELS, weights=[c[1] for c in CHANNELS])[0]
                    title = rng.choice(titles)
                    if "%d" in title:
                        title = title % rng.randint(1, 24)
                    events.append((t, {"header": "YouTube", "title": "Vous avez regardé " + title,
                                       "titleUrl": video_url(title), "subtitles": [{"name": ch, "url": channel_urls[ch]}],
                                       "time": when, "products": ["YouTube"],
                                       "activityControls": ["Historique des vidéos regardées sur YouTube"]}))
                t += timedelta(seconds=rng.randint(90, 16 * 60))
    events.sort(key=lambda e: e[0], reverse=True)
    files.append(write_bytes(out, "noah/MyActivity.json",
                             json.dumps([e for _, e in events], indent=2, ensure_ascii=False).encode("utf-8")))

    by_hour = [0] * 24
    for t in [datetime.strptime(s["endTime"], "%Y-%m-%d %H:%M") for s in spotify] + [t for t, _ in events]:
        by_hour[local_of(t)[0].hour] += 1
    kinds = {"search": 0, "view": 0, "ad": 0}
    for _, e in events:
        kinds["ad" if "details" in e else "search" if e["title"].startswith("Vous avez recherché") else "view"] += 1
    return files, {"spotify_listens": len(spotify), "youtube_events": len(events), "youtube_by_kind": kinds,
                   "footprint_by_hour": by_hour}


# [SECTION] manifest

PERSONAS = [
    {"id": "lea", "name_fr": "Léa, La Rochelle", "name_en": "Léa, La Rochelle",
     "description_fr": "Ingénieure à Périgny, elle va au travail à vélo (Yélo) ou en bus, prend la voiture le "
                       "week-end et le TER pour Poitiers et Nantes. Sa chronologie Google Maps (téléphone "
                       "Android, mars à novembre 2025), son relevé bancaire et ses voyages SNCF.",
     "description_en": "An engineer in Périgny who rides to work (Yélo bike) or takes the bus, drives at weekends "
                       "and takes the regional train to Poitiers and Nantes. Her Google Maps Timeline (Android "
                       "phone, March to November 2025), her bank statement and her SNCF trips.",
     "challenge": "mobility", "challenges": ["mobility", "budget"], "make": make_lea},
    {"id": "martin", "name_fr": "Famille Martin, Nantes", "name_en": "The Martin family, Nantes",
     "description_fr": "Une maison chauffée au gaz en bas et à l'électricité à l'étage : un an de courbe de "
                       "charge Linky (mars 2024 à février 2025, pas de 30 minutes), la même année de "
                       "consommation de gaz GRDF jour par jour et quatre mois d'achats avec la carte de fidélité.",
     "description_en": "A house heated by gas downstairs and electricity upstairs: a year of Linky load curve "
                       "(March 2024 to February 2025, 30-minute steps), the same year of daily GRDF gas "
                       "consumption and four months of loyalty-card purchases.",
     "challenge": "energy", "challenges": ["energy", "food"], "make": make_martin},
    {"id": "noah", "name_fr": "Noah, collégien à Lyon", "name_en": "Noah, a secondary-school pupil in Lyon",
     "description_fr": "Élève de 4e : les traces d'apprentissage de l'ENT (LRS xAPI) du premier trimestre "
                       "2025-2026, en mathématiques, français, SVT et anglais, et pour l'onglet Numérique son "
                       "historique Spotify et son activité YouTube (Google Takeout). Quelques camarades "
                       "apparaissent dans l'ENT : choisis d'abord le bon élève.",
     "description_en": "A Year 9 pupil: the school platform's learning traces (xAPI LRS) for the autumn term "
                       "2025, in maths, French, life sciences and English, and for the Digital tab his Spotify "
                       "history and YouTube activity (Google Takeout). A few classmates appear in the school "
                       "platform: pick the right pupil first.",
     "challenge": "learning", "challenges": ["learning", "footprint"], "make": make_noah},
]


def main(argv):
    if len(argv) != 2 or argv[1].startswith("-"):
        sys.stderr.write("usage: python3 samples/make_personas.py OUT_DIR\n")
        return 2
    out = argv[1]
    os.makedirs(out, exist_ok=True)
    manifest = {"version": 1, "sample": True, "personas": []}
    stats = {}
    for p in PERSONAS:
        files, st = p["make"](out)
        entry = {k: v for k, v in p.items() if k != "make"}
        entry["files"] = files
        entry["bytes"] = sum(os.path.getsize(os.path.join(out, f)) for f in files)
        manifest["personas"].append(entry)
        stats[p["id"]] = st
    with open(os.path.join(out, "manifest.json"), "w", encoding="utf-8", newline="\n") as f:
        f.write(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n")
    with open(os.path.join(out, "stats.json"), "w", encoding="utf-8", newline="\n") as f:
        f.write(json.dumps(stats, ensure_ascii=False, indent=2, sort_keys=True) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
