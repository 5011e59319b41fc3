#!/usr/bin/env python3
"""Deterministic raw-position fixtures with a known truth for the segmentation (challenges/segment.h).

  records_workday.json  Google Takeout Records.json, raw points only (no Semantic): home 07:00-08:00 Paris,
                        car commute 14 071.07 m, work until 17:00, bike back 12 708.20 m, home. Quirks of real
                        files: E7 integers, ISO "timestamp" with and without milliseconds, an older record with
                        "timestampMs" only, a cell fix (accuracy 1 800 m) while at work, a record without any
                        time (the parser skips and counts it), activity guesses on some moving points
                        (IN_VEHICLE / ON_BICYCLE, as Records.json writes them).
  strava_run.gpx        Strava-shaped export (creator "StravaGPX", metadata/time, <type>running</type>, trkpt
                        with ele + time every 5 s) of a 9 600 m loop, a Garmin TrackPointExtension hr, and a
                        second track without <type> (a 20 000 m ride at 24 km/h: mode inferred).
  aggregate_la_rochelle.csv  a territory aggregate in the donation CSV format (challenges/donation.h columns):
                        km per mode per month for two areas.

Layouts followed (public files read with the search tool):
  - Records.json: parsers/formats/google/ and its fixtures (tests/data/google), keys latitudeE7,
    longitudeE7, accuracy, timestamp / timestampMs, activity[].activity[].type/confidence.
  - Strava GPX: the shape found in public tests, e.g. a vitest fixture with <gpx creator="StravaGPX" version="1.1"> <metadata><time> <trk><name>
    <type>running</type><trkseg><trkpt><ele><time> (find_string "creator=\"StravaGPX"), and Garmin Connect's
    <gpx creator="Garmin Connect"> with <type>running</type> (find_string "<type>running</type>").
Run: python3 tests/data/segment/make_traces.py  (rewrites the files next to this script)
"""
import math
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
LAT0, LON0 = 46.1591, -1.1520          # La Rochelle
M_PER_DEG = 111194.93                    # haversine sphere (6 371 008.8 m)


def ll(x, y):
    return LAT0 + y / M_PER_DEG, LON0 + x / (M_PER_DEG * math.cos(math.radians(LAT0)))


def length(line):
    return sum(math.hypot(b[0] - a[0], b[1] - a[1]) for a, b in zip(line, line[1:]))


def at(line, s):
    for a, b in zip(line, line[1:]):
        seg = math.hypot(b[0] - a[0], b[1] - a[1])
        if s <= seg:
            return a[0] + (b[0] - a[0]) * s / seg, a[1] + (b[1] - a[1]) * s / seg
        s -= seg
    return line[-1]


def iso(t, ms=True):
    import datetime
    d = datetime.datetime.fromtimestamp(t, datetime.timezone.utc)
    return d.strftime("%Y-%m-%dT%H:%M:%S") + (".%03dZ" % int(round((t % 1) * 1000)) if ms else "Z")


DAY = 1710460800  # 2024-03-15T00:00:00Z, a Friday (CET: Paris = UTC+1)
HOME, WORK = (0.0, 0.0), (9000.0, 6000.0)
CAR = [(0, 0), (2000, 0), (2000, 5000), (9000, 6000)]       # 2000 + 5000 + 7071.07 = 14 071.07 m
BIKE = [(9000, 6000), (3000, 6000), (0, 0)]                 # 6000 + 6708.20 = 12 708.20 m


def records():
    rnd = random.Random(2024)
    recs = []
    t = DAY + 6 * 3600                                      # 07:00 Paris

    def add(x, y, acc, sigma, act=None, conf=None):
        la, lo = ll(x + rnd.gauss(0, sigma), y + rnd.gauss(0, sigma))
        r = {"latitudeE7": int(round(la * 1e7)), "longitudeE7": int(round(lo * 1e7)), "accuracy": acc,
             "source": "WIFI" if sigma > 5 else "GPS", "deviceTag": 1234567890, "timestamp": iso(t, len(recs) % 3 != 0)}
        if act:
            r["activity"] = [{"activity": [{"type": act, "confidence": conf}, {"type": "STILL", "confidence": 100 - conf}],
                              "timestamp": iso(t)}]
        recs.append(r)

    while t < DAY + 7 * 3600:                               # home, a point a minute
        add(*HOME, 20 + len(recs) % 3 * 5, 10)
        t += 60
    s, total = 0.0, length(CAR)
    while s < total:                                        # car, a point every 10 s
        x, y = at(CAR, s)
        add(x, y, 8, 4, "IN_VEHICLE" if len(recs) % 2 else None, 85)
        s += (13.9 if s < 2000 else 22.2 if s < 7000 else 15.3) * 10
        t += 10
    t_end = DAY + 16 * 3600                                 # work until 17:00 Paris, a point every 3 min
    while t < t_end:
        add(*WORK, 25, 12)
        t += 180
    s, total = 0.0, length(BIKE)
    while s < total:                                        # bike, 18 km/h, a point every 10 s
        x, y = at(BIKE, s)
        add(x, y, 8, 4, "ON_BICYCLE" if len(recs) % 3 == 0 else None, 70)
        s += 50
        t += 10
    end = t + 3 * 3600
    while t < end:
        add(*HOME, 20, 10)
        t += 120
    # quirks
    work_i = next(i for i, r in enumerate(recs) if r["timestamp"] >= iso(DAY + 12 * 3600)[:16])
    cell = dict(recs[work_i])
    la, lo = ll(9800, 5200)                                  # a cell fix 1.1 km off, 1 800 m accuracy
    cell.update({"latitudeE7": int(la * 1e7), "longitudeE7": int(lo * 1e7), "accuracy": 1800, "source": "CELL"})
    recs[work_i] = cell
    old = recs[3]                                            # an older export's record: timestampMs only
    old["timestampMs"] = str(int(round(1000 * (DAY + 6 * 3600 + 3 * 60))))
    del old["timestamp"]
    notime = {"latitudeE7": recs[5]["latitudeE7"], "longitudeE7": recs[5]["longitudeE7"], "accuracy": 20}
    recs.insert(6, notime)
    import json
    with open(os.path.join(HERE, "records_workday.json"), "w", encoding="utf-8", newline="\n") as f:
        f.write('{\n  "locations": [')
        f.write(",".join("\n    " + json.dumps(r, separators=(", ", ": ")) for r in recs))
        f.write("\n  ]\n}\n")


RUN = [(0, 0), (2400, 0), (2400, 2400), (0, 2400), (0, 0)]     # 9 600 m loop
RIDE = [(0, 0), (0, 10000), (0, 0)]                             # 20 000 m out and back


def gpx():
    rnd = random.Random(9)
    t0 = DAY + 3 * 86400 + 7 * 3600                              # Monday 18 March 2024, 08:00 Paris
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<gpx creator="StravaGPX" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
           'xsi:schemaLocation="http://www.topografix.com/GPX/1/1 http://www.topografix.com/GPX/1/1/gpx.xsd '
           'http://www.garmin.com/xmlschemas/TrackPointExtension/v1 http://www.garmin.com/xmlschemas/TrackPointExtensionv1.xsd" '
           'version="1.1" xmlns="http://www.topografix.com/GPX/1/1" '
           'xmlns:gpxtpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v1">',
           ' <metadata>', '  <time>%s</time>' % iso(t0, False), ' </metadata>']

    def track(name, typ, line, speed, t, every):
        out.append(' <trk>')
        out.append('  <name>%s</name>' % name)
        if typ:
            out.append('  <type>%s</type>' % typ)
        out.append('  <trkseg>')
        s, total = 0.0, length(line)
        while True:
            x, y = at(line, min(s, total))
            la, lo = ll(x + rnd.gauss(0, 3), y + rnd.gauss(0, 3))
            out.append('   <trkpt lat="%.7f" lon="%.7f">' % (la, lo))
            out.append('    <ele>%.1f</ele>' % (4 + 3 * math.sin(s / 900)))
            out.append('    <time>%s</time>' % iso(t, False))
            out.append('    <extensions>\n     <gpxtpx:TrackPointExtension>\n      <gpxtpx:hr>%d</gpxtpx:hr>\n'
                       '     </gpxtpx:TrackPointExtension>\n    </extensions>' % (120 + int(s) % 40))
            out.append('   </trkpt>')
            if s >= total:
                break
            s += speed * every
            t += every
        out.append('  </trkseg>')
        out.append(' </trk>')

    track("Course du matin", "running", RUN, 2.9, t0, 5)           # 10.4 km/h, a point every 5 s
    track("Sortie v\u00e9lo", None, RIDE, 6.67, t0 + 8 * 3600, 5)   # 24 km/h, no <type>
    out.append('</gpx>')
    with open(os.path.join(HERE, "strava_run.gpx"), "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(out) + "\n")


def aggregate():
    # donation CSV (challenges/donation.h k_donation_columns), mobility rows by month, two communes.
    # 17300 (La Rochelle), both months: bike 220, bus 80, car 1180, walk 20 = 1500 km -> car 78.67 %, bike 14.67 %,
    # bus 5.33 %, walk 1.33 %. The energy row is not mobility: counted as another part's row.
    rows = [
        ("2024-03", "17300", "bike", 120.0, 40), ("2024-03", "17300", "bus", 80.0, 30),
        ("2024-03", "17300", "car", 580.0, 90), ("2024-03", "17300", "walk", 20.0, 25),
        ("2024-04", "17300", "bike", 100.0, 35), ("2024-04", "17300", "car", 600.0, 95),
        ("2024-03", "17306", "car", 900.0, 60), ("2024-03", "17306", "bike", 100.0, 10),
    ]
    lines = ["part,period,period_start,area,cell_lat,cell_lon,category,value,unit,records"]
    for period, area, mode, km, n in rows:
        lines.append("mobility,%s,%s-01,%s,,,%s,%.3f,km,%d" % (period, period, area, mode, km, n))
    lines.append("energy,2024-03,2024-03-01,17300,,,electricity,1234.000,kWh,12")
    with open(os.path.join(HERE, "aggregate_la_rochelle.csv"), "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    records()
    gpx()
    aggregate()
