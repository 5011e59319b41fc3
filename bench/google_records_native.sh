#!/usr/bin/env bash
# Native throughput of the Google Takeout Records.json path (parsers/formats/google/, format
# google_records): generates a Takeout-shaped file (pretty-printed, E7 integers, ISO timestamps with
# milliseconds, activity guesses on a third of the records, Wi-Fi scans, a few legacy timestampMs) and times
# `workbench inspect` on it. Not a timed test; the browser side is measured elsewhere.
#   bench/google_records_native.sh [SIZE_MB=500] [OUT=/tmp/Records.json]
# Needs build/native/workbench (cmake --build build/native). The file is reused when it exists already.
set -euo pipefail
cd "$(dirname "$0")/.."
SIZE_MB="${1:-500}"
OUT="${2:-/tmp/Records.json}"
BIN="${SDW_BUILD:-build}/native/workbench"   # SDW_BUILD: another build folder (absolute or relative to the root)
[ -x "$BIN" ] || { echo "build first: cmake --build build/native" >&2; exit 2; }

if [ ! -s "$OUT" ]; then
  python3 - "$SIZE_MB" "$OUT" <<'PY'
import random, sys
size = int(sys.argv[1]) << 20
out = sys.argv[2]
rnd = random.Random(42)
t = 1577836800000  # 2020-01-01T00:00:00Z in ms
lat, lon = 461580419, -11530201  # La Rochelle
types = ["STILL", "ON_FOOT", "WALKING", "IN_VEHICLE", "ON_BICYCLE", "TILTING", "UNKNOWN", "IN_ROAD_VEHICLE"]
def iso(ms):
    import datetime
    return datetime.datetime.utcfromtimestamp(ms / 1000).strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (ms % 1000)
written = 0
n = 0
with open(out, "w", buffering=1 << 22) as f:
    f.write('{\n  "locations": [')
    while written < size:
        t += rnd.randint(5000, 120000)
        lat += rnd.randint(-3000, 3000)
        lon += rnd.randint(-3000, 3000)
        parts = ['"latitudeE7": %d' % lat, '"longitudeE7": %d' % lon, '"accuracy": %d' % rnd.randint(3, 60)]
        if rnd.random() < 0.5:
            parts += ['"velocity": %d' % rnd.randint(0, 30), '"heading": %d' % rnd.randint(0, 359),
                      '"altitude": %d' % rnd.randint(0, 80), '"verticalAccuracy": %d' % rnd.randint(2, 20)]
        if rnd.random() < 0.33:
            guesses = rnd.sample(types, 3)
            confs = sorted((rnd.randint(1, 100) for _ in guesses), reverse=True)
            g = ", ".join('{\n          "type": "%s",\n          "confidence": %d\n        }' % (a, c) for a, c in zip(guesses, confs))
            parts.append('"activity": [{\n      "activity": [%s],\n      "timestamp": "%s"\n    }]' % (g, iso(t - 2000)))
        if rnd.random() < 0.1:
            parts.append('"activeWifiScan": {\n      "accessPoints": [{\n        "mac": "%d",\n        "strength": -%d,\n        "frequencyMhz": 2437\n      }]\n    }' % (rnd.getrandbits(47), rnd.randint(30, 90)))
        parts.append('"source": "%s"' % rnd.choice(["WIFI", "GPS", "CELL"]))
        parts.append('"deviceTag": %d' % -1507351204)
        parts.append('"platformType": "ANDROID"')
        if rnd.random() < 0.02:
            parts.append('"timestampMs": "%d"' % t)
        else:
            parts.append('"timestamp": "%s"' % iso(t))
        rec = ("," if n else "") + "{\n    " + ",\n    ".join(parts) + "\n  }"
        f.write(rec)
        written += len(rec)
        n += 1
    f.write("]\n}\n")
print("generated %s: %d records" % (out, n), file=sys.stderr)
PY
fi

BYTES=$(stat -c %s "$OUT")
echo "file: $OUT ($((BYTES >> 20)) MiB)"
START=$(date +%s.%N)
/usr/bin/time -f "max RSS %M KiB, user %U s, sys %S s" "$BIN" inspect "$OUT" --lang en > /tmp/google_records_inspect.txt
END=$(date +%s.%N)
grep -E "^Format|^Table|\[google" /tmp/google_records_inspect.txt || true
python3 - "$BYTES" "$START" "$END" <<'PY'
import sys
b, s, e = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3])
print("wall %.2f s, %.1f MB/s" % (e - s, b / 1e6 / (e - s)))
PY
