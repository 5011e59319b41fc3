#!/usr/bin/env python3
"""Writes the JSON, NDJSON and GeoJSON fixtures of tests/json_test.cpp and tests/geojson_test.cpp.
Hand-shaped after real exports (Facebook, Cozy, Google Takeout), with their quirks: BOM, CRLF,
\\u escapes, surrogate pairs, Facebook's mojibake, late keys, duplicate keys, one bad NDJSON line."""
import os

HERE = os.path.dirname(os.path.abspath(__file__))
GEO = os.path.join(os.path.dirname(HERE), "geojson")


def write(path, data):
    with open(path, "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))


def fb(s):
    """Facebook's export encoding: every UTF-8 byte written as a \\u00XX escape."""
    return "".join(c if ord(c) < 0x80 else "".join("\\u00%02x" % b for b in c.encode("utf-8")) for c in s)


# 1. Facebook Messenger export: pretty printed, CRLF, mojibake escapes, participants + messages arrays
msgs = [
    ("Cl\u00e9ment Dupr\u00e9", 1679794200123, "Salut, \u00e7a va ?", None),
    ("Ana\u00efs", 1679794260000, "Oui ! On se voit \u00e0 la f\u00eate \u2764", "\u2764"),
    ("Cl\u00e9ment Dupr\u00e9", 1679794320500, None, None),
]
out = ['{', '  "participants": [', '    {', '      "name": "%s"' % fb("Cl\u00e9ment Dupr\u00e9"), '    },',
       '    {', '      "name": "%s"' % fb("Ana\u00efs"), '    }', '  ],', '  "messages": [']
items = []
for sender, ts, content, reaction in msgs:
    lines = ['    {', '      "sender_name": "%s",' % fb(sender), '      "timestamp_ms": %d,' % ts]
    if content is not None:
        lines.append('      "content": "%s",' % fb(content))
    else:
        lines.append('      "photos": [{"uri": "messages/inbox/photos/123.jpg", "creation_timestamp": 1679794320}],')
    if reaction:
        lines.append('      "reactions": [{"reaction": "%s", "actor": "%s"}],' % (fb(reaction), fb("Cl\u00e9ment Dupr\u00e9")))
    lines.append('      "is_geoblocked_for_viewer": false')
    lines.append('    }')
    items.append("\r\n".join(lines))
out.append(",\r\n".join(items))
out += ['  ],', '  "title": "%s",' % fb("Ana\u00efs"), '  "is_still_participant": true,',
        '  "thread_path": "inbox/anais_123"', '}', '']
write(os.path.join(HERE, "facebook_message_1.json"), "\r\n".join(out))

# 2. Cozy-like {"docs":[...]} with a BOM, \u escapes, a late key, an int column meeting a decimal,
# a nested object, an array of scalars, local and offset times
docs = r'''{"total_rows": 4, "offset": 0, "docs": [
 {"_id": "a1", "_rev": "1-9f", "label": "Boulangerie \u00ab Cr\u00eape & C\u0153ur \u00bb", "amount": -12, "date": "2023-03-24",
  "metadata": {"datetime": "2023-03-24T08:15:00+01:00", "version": 1}, "tags": ["food", "caf\u00e9"], "reconciled": true},
 {"_id": "a2", "_rev": "2-c4", "label": "Salaire mars", "amount": 2150, "date": "2023-03-25",
  "metadata": {"datetime": "2023-03-25T09:00:00Z", "version": 1}, "tags": [], "reconciled": false},
 {"_id": "a3", "_rev": "1-01", "label": "Librairie l\u2019\u0152il \u00e9coute", "amount": -23.9, "date": "2023-03-26",
  "metadata": {"datetime": "2023-03-26T02:30:00", "version": 2}, "tags": ["livres"], "reconciled": null},
 {"_id": "a4", "_rev": "1-77", "label": "Remboursement", "amount": 40, "date": "2023-03-27",
  "metadata": {"datetime": "2023-03-27T18:45:10.250+02:00", "version": 2}, "reconciled": true, "category": "sant\u00e9"}
]}
'''
write(os.path.join(HERE, "cozy_bank_operations.json"), b"\xef\xbb\xbf" + docs.encode("ascii"))

# 3. Takeout Records.json: latitudeE7, a nested activity array, an id beyond int64, a late key
write(os.path.join(HERE, "Records.json"), '''{
  "locations": [{
    "latitudeE7": 488566140,
    "longitudeE7": 23522219,
    "accuracy": 20,
    "source": "WIFI",
    "deviceTag": 18446744073709551617,
    "timestamp": "2023-03-26T01:30:00.123Z"
  }, {
    "latitudeE7": 488570001,
    "longitudeE7": 23530000,
    "accuracy": 13,
    "activity": [{"activity": [{"type": "STILL", "confidence": 100}], "timestamp": "2023-03-26T01:31:00Z"}],
    "source": "GPS",
    "deviceTag": -1507351204,
    "timestamp": "2023-03-26T01:31:02Z"
  }, {
    "latitudeE7": 488575555,
    "longitudeE7": 23541234,
    "accuracy": 8,
    "altitude": 35,
    "source": "GPS",
    "deviceTag": -1507351204,
    "timestamp": "2023-03-26T03:02:00+02:00"
  }]
}
''')

# 4. Top-level array, CRLF, emoji as surrogate pairs and raw UTF-8, French text, a duplicate key, mixed types
write(os.path.join(HERE, "notes_emoji.json"), "[\r\n" + ",\r\n".join([
    '  {"titre": "Cr\\u00e8me br\\u00fbl\\u00e9e \\ud83c\\udf6e", "note": 5, "ok": true, "quand": "2023-10-29T02:30:00"}',
    '  {"titre": "Fête 🎉 à l’école", "note": 4.5, "ok": false, "quand": "2023-10-29T02:15:00", "note": 3.5}',
    '  {"titre": "Ligne\\nsuivante \\"citée\\" \\\\ \\/", "note": "pas noté", "ok": null, "quand": null}',
]) + "\r\n]\r\n")

# 5. NDJSON with CRLF, a blank line, one bad line, a late key
write(os.path.join(HERE, "activity.jsonl"), "\r\n".join([
    '{"ts": "2024-01-05T07:30:00Z", "type": "walk", "steps": 5400, "km": 4.1}',
    '{"ts": "2024-01-06T07:31:00Z", "type": "run", "steps": 8100, "km": 8.25}',
    '',
    '{"ts": "2024-01-07T07:29:00Z", "type": "walk", "steps": 3200, km: 2.4}',
    '{"ts": "2024-01-08T07:35:00Z", "type": "v\\u00e9lo", "steps": 0, "km": 21.5, "bpm_max": 151}',
]) + "\r\n")

# [SECTION] GeoJSON
fc = '''{
  "type": "FeatureCollection",
  "name": "sorties",
  "features": [
    {"type": "Feature", "id": "p1", "geometry": {"type": "Point", "coordinates": [2.3522219, 48.856614]},
     "properties": {"nom": "Notre-Dame \\u00e0 Paris", "visites": 3, "info": {"ouvert": true}}},
    {"type": "Feature", "id": "t1",
     "properties": {"nom": "Balade \\u00e0 v\\u00e9lo", "visites": 1, "temps": ["2023-05-01T08:00:00Z", "2023-05-01T08:05:00Z"]},
     "geometry": {"coordinates": [[2.35, 48.85, 35.0], [2.36, 48.86, 36.5], [2.37, 48.861, 37.25]], "type": "LineString"}},
    {"type": "Feature", "id": "z1", "geometry": {"type": "Polygon", "coordinates": [
       [[2.0, 48.0], [2.1, 48.0], [2.1, 48.1], [2.0, 48.0]],
       [[2.02, 48.02], [2.03, 48.02], [2.02, 48.03], [2.02, 48.02]]]},
     "properties": {"nom": "Parc", "surface_ha": 12.5}},
    {"type": "Feature", "id": "m1", "geometry": {"type": "MultiLineString", "coordinates": [
       [[5.0, 45.0], [5.1, 45.1]], [[5.2, 45.2], [5.3, 95.0], [5.4, 45.4]]]},
     "properties": {"nom": "Trajets", "visites": 2}},
    {"type": "Feature", "id": "n1", "geometry": null, "properties": null},
    {"type": "Feature", "id": 42, "geometry": {"type": "MultiPoint", "coordinates": [[-1.55, 47.21], [-0.57, 44.84]]},
     "properties": {"nom": "Villes 🏙", "visites": 7}}
  ]
}
'''
write(os.path.join(GEO, "sorties.geojson"), fc.replace("\n", "\r\n"))

write(os.path.join(GEO, "single_feature.json"), '''{"type": "Feature",
 "properties": {"name": "Trace du matin", "sport": "course"},
 "geometry": {"type": "LineString", "coordinates": [[4.83, 45.76], [4.84, 45.77], [4.85, 45.78], [4.86, 45.79]]}}
''')
