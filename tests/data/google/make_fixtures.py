#!/usr/bin/env python3
"""Writes the Google location-history fixtures of tests/google_timeline_test.cpp, shaped after real exports
around La Rochelle (46.16 N, 1.15 W: negative longitudes) with their quirks: E7 integers, an overflowed E7
(Takeout's unsigned 32-bit bug), legacy timestampMs strings, fractional seconds, offsets, both 2023 DST
days (03-26 and 10-29) and 2025-03-30, a BOM, French file names, an exact duplicate point, a location
without coordinates, iOS "geo:" strings and numbers as strings, Android "lat°, lng°" strings, and the same
points/visits seen in several shapes (for the dedup keys). Also a Takeout-like ZIP holding them all.
Run: python3 tests/data/google/make_fixtures.py (deterministic output)."""
import json
import os
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))

HOME = (461580419, -11530201)   # E7, La Rochelle
WORK = (461472103, -11688230)
MID = (461600000, -11534567)


def write(rel, data):
    path = os.path.join(HERE, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


def dumps(obj):
    # Takeout pretty-prints with two spaces and keeps non-ASCII as is
    return json.dumps(obj, indent=2, ensure_ascii=False) + "\n"


def ll(e7):
    return "%.7f°, %.7f°" % (e7[0] / 1e7, e7[1] / 1e7)


# 1. Records.json: 8 entries -> 6 points (one without coordinates, one exact duplicate)
U32 = 1 << 32
records = {"locations": [
    {"latitudeE7": HOME[0], "longitudeE7": HOME[1], "accuracy": 15, "source": "WIFI",
     "deviceTag": 18446744073709551617, "timestamp": "2023-03-26T00:30:00Z",
     "activity": [{"activity": [{"type": "STILL", "confidence": 100}], "timestamp": "2023-03-26T00:29:00Z"}]},
    {"latitudeE7": 461580500, "longitudeE7": -11530100, "accuracy": 8, "source": "GPS",
     "timestamp": "2023-03-26T03:00:00.250+02:00"},                       # just after the spring-forward jump
    {"latitudeE7": HOME[0], "longitudeE7": HOME[1], "accuracy": 10, "altitude": 12, "velocity": 3,
     "source": "GPS", "timestampMs": "1679813100000",                     # legacy ms string = 06:45:00Z
     "activity": [{"timestampMs": "1679813090000", "activity": [{"type": "IN_VEHICLE", "confidence": 75},
                                                                  {"type": "ON_FOOT", "confidence": 20}]},
                  {"timestampMs": "1679813000000", "activity": [{"type": "STILL", "confidence": 100}]}]},
    {"latitudeE7": MID[0], "longitudeE7": MID[1] + U32, "accuracy": 12, "source": "WIFI",   # overflowed E7
     "timestamp": "2023-03-26T06:50:00Z",
     "activity": [{"activity": [{"type": "TILTING", "confidence": 100}], "timestamp": "2023-03-26T06:50:00Z"}]},
    {"latitudeE7": MID[0], "longitudeE7": MID[1] + U32, "accuracy": 12, "source": "WIFI",   # exact duplicate
     "timestamp": "2023-03-26T06:50:00Z"},
    {"timestamp": "2023-03-26T06:55:00Z", "accuracy": 30, "source": "CELL"},           # no coordinates
    {"latitudeE7": 461620000, "longitudeE7": -11450000, "accuracy": 5, "source": "GPS",
     "timestamp": "2023-03-26T07:05:00.5Z", "deviceTag": -1507351204,
     "activeWifiScan": {"accessPoints": [{"mac": "1234567890", "strength": -60, "frequencyMhz": 2437}]},
     "activity": [{"activity": [{"type": "IN_BUS", "confidence": 60}, {"type": "STILL", "confidence": 40}],
                   "timestamp": "2023-03-26T07:05:00Z"}]},
    {"latitudeE7": HOME[0], "longitudeE7": HOME[1], "accuracy": 15, "source": "WIFI",
     "timestampMs": "1698539400000"},                                     # 2023-10-29T00:30:00Z (fall-back day)
]}
records_text = dumps(records)
write("Records.json", records_text)


# 2. Semantic Location History, March 2023 (English) and October 2023 (French Takeout, BOM)
def loc(e7, **kw):
    d = {"latitudeE7": e7[0], "longitudeE7": e7[1]}
    d.update(kw)
    return d


march = {"timelineObjects": [
    {"placeVisit": {
        "location": loc(HOME, placeId="ChIJhome", address="12 rue des Gentilshommes, 17000 La Rochelle",
                        name="Domicile", semanticType="TYPE_HOME", locationConfidence=98.1),
        "duration": {"startTimestamp": "2023-03-25T23:00:00Z", "endTimestamp": "2023-03-26T06:45:00Z"},
        "placeConfidence": "HIGH_CONFIDENCE", "visitConfidence": 95, "centerLatE7": HOME[0], "centerLngE7": HOME[1],
        "otherCandidateLocations": [loc(WORK, placeId="ChIJother", semanticType="TYPE_SEARCHED_ADDRESS")]}},
    {"activitySegment": {
        "startLocation": loc(HOME), "endLocation": loc((461620000, -11450000)),
        "duration": {"startTimestamp": "2023-03-26T06:45:00.000Z", "endTimestamp": "2023-03-26T07:05:00.000Z"},
        "distance": 2345, "activityType": "IN_PASSENGER_VEHICLE", "confidence": "HIGH",
        "activities": [{"activityType": "IN_PASSENGER_VEHICLE", "probability": 92.5},
                       {"activityType": "WALKING", "probability": 5.1}],
        "waypointPath": {"waypoints": [{"latE7": HOME[0], "lngE7": HOME[1]}, {"latE7": 461600000, "lngE7": -11500000},
                                       {"latE7": 461620000, "lngE7": -11450000}],
                         "source": "INFERRED", "distanceMeters": 2400.5, "travelMode": "DRIVE"},
        "simplifiedRawPath": {"points": [
            {"latE7": HOME[0], "lngE7": HOME[1], "accuracyMeters": 10, "timestamp": "2023-03-26T06:45:00Z"},
            {"latE7": MID[0], "lngE7": MID[1], "accuracyMeters": 12, "timestampMs": "1679813400000"}]}}},
    {"placeVisit": {
        "location": loc(WORK, placeId="ChIJwork", address="Avenue Michel Crépeau, 17000 La Rochelle",
                        name="Bureau", semanticType="TYPE_WORK"),
        "duration": {"startTimestampMs": "1679814300000", "endTimestampMs": "1679842800000"},
        "visitConfidence": 80,
        "childVisits": [{"location": loc(WORK, placeId="ChIJcafe", name="Cafétéria"),
                         "duration": {"startTimestampMs": "1679828400000", "endTimestampMs": "1679832000000"}}]}},
    {"activitySegment": {
        "startLocation": loc((461527000, -11453000)), "endLocation": loc((463167000, -4700000)),
        "duration": {"startTimestamp": "2023-03-26T15:10:00Z", "endTimestamp": "2023-03-26T15:50:00Z"},
        "activityType": "IN_TRAIN", "activities": [{"activityType": "IN_TRAIN", "probability": 99.0}],
        "transitPath": {"transitStops": [loc((461527000, -11453000), placeId="ChIJlrv", name="La Rochelle-Ville"),
                                         loc((461060000, -8000000), placeId="ChIJsur", name="Surgères"),
                                         loc((463167000, -4700000), placeId="ChIJnio", name="Niort")],
                        "name": "TER", "hexRgbColor": "0088CE"},
        "simplifiedRawPath": {"distanceMeters": 61234.0}}},
    {"activitySegment": {
        "startLocation": loc((463167000, -4700000)), "endLocation": loc((463200000, -4600000)),
        "duration": {"startTimestampMs": "1679846400000", "endTimestampMs": "1679847300000"},
        "activities": [{"activityType": "CYCLING", "probability": 80.0}, {"activityType": "WALKING", "probability": 15.0}]}},
]}
march_text = dumps(march)
write("Semantic Location History/2023/2023_MARCH.json", march_text)

october = {"timelineObjects": [
    {"placeVisit": {
        "location": loc(HOME, placeId="ChIJhome", address="12 rue des Gentilshommes, 17000 La Rochelle",
                        name="Domicile", semanticType="TYPE_HOME"),
        "duration": {"startTimestamp": "2023-10-28T22:30:00Z", "endTimestamp": "2023-10-29T02:30:00Z"},
        "visitConfidence": 90}},
    {"activitySegment": {
        "startLocation": loc(HOME), "endLocation": loc(WORK),
        "duration": {"startTimestamp": "2023-10-29T02:30:00Z", "endTimestamp": "2023-10-29T02:50:00Z"},
        "distance": 1234, "activityType": "WALKING", "activities": [{"activityType": "WALKING", "probability": 97.0}]}},
]}
october_bytes = b"\xef\xbb\xbf" + dumps(october).encode("utf-8")
write("Historique des positions/Semantic Location History/2023/2023_OCTOBRE.json", october_bytes)

# 3. iOS on-device export (2024): top-level array, numbers as strings, "geo:" positions
ios = [
    {"endTime": "2024-01-01T10:00:00.000+01:00", "startTime": "2024-01-01T08:00:00.000+01:00",
     "visit": {"hierarchyLevel": "0", "topCandidate": {"probability": "0.9", "semanticType": "Home", "placeID": "ChIJhome",
                                                       "placeLocation": "geo:46.158042,-1.153020"}, "probability": "0.85"}},
    {"endTime": "2024-01-01T10:20:30.000+01:00", "startTime": "2024-01-01T10:00:00.000+01:00",
     "activity": {"probability": "0.95", "end": "geo:46.147210,-1.168823",
                  "topCandidate": {"type": "walking", "probability": "0.8"}, "distanceMeters": "1234.5",
                  "start": "geo:46.158042,-1.153020"}},
    {"endTime": "2024-01-01T10:20:00.000+01:00", "startTime": "2024-01-01T10:00:00.000+01:00",
     "timelinePath": [{"point": "geo:46.158042,-1.153020", "durationMinutesOffsetFromStartTime": "0"},
                      {"point": "geo:46.152000,-1.160000", "durationMinutesOffsetFromStartTime": "10"},
                      {"point": "geo:46.147210,-1.168823", "durationMinutesOffsetFromStartTime": "20"}]},
    {"endTime": "2024-01-01T09:00:00.000+01:00", "startTime": "2024-01-01T08:30:00.000+01:00",
     "visit": {"hierarchyLevel": "1", "topCandidate": {"probability": "0.5", "semanticType": "Unknown", "placeID": "ChIJcafe",
                                                       "placeLocation": "geo:46.158100,-1.153100"}, "probability": "0.4"}},
    {"endTime": "2024-01-02T00:00:00.000+01:00", "startTime": "2024-01-01T00:00:00.000+01:00",
     "timelineMemory": {"destinations": [{"identifier": "ChIJhome"}], "distanceFromOriginKms": "0"}},
    {"endTime": "2024-03-31T03:30:00.000+02:00", "startTime": "2024-03-31T01:30:00.000+01:00",
     "activity": {"probability": "0.9", "end": "geo:46.316700,-0.470000",
                  "topCandidate": {"type": "in passenger vehicle", "probability": "0.7"}, "distanceMeters": "61000",
                  "start": "geo:46.158042,-1.153020"}},
]
write("location-history.json", json.dumps(ios, separators=(",", ":"), ensure_ascii=False))

# 4. Android on-device export (2025), French name: semanticSegments, rawSignals, userLocationProfile
android = {
    "semanticSegments": [
        {"startTime": "2023-10-29T00:30:00.000+02:00", "endTime": "2023-10-29T03:30:00.000+01:00",
         "startTimeTimezoneUtcOffsetMinutes": 120, "endTimeTimezoneUtcOffsetMinutes": 60,
         "visit": {"hierarchyLevel": 0, "probability": 0.9,
                   "topCandidate": {"placeId": "ChIJhome", "semanticType": "HOME", "probability": 0.95,
                                    "placeLocation": {"latLng": ll(HOME)}}}},
        {"startTime": "2025-03-30T01:30:00.000+01:00", "endTime": "2025-03-30T03:30:00.000+02:00",
         "startTimeTimezoneUtcOffsetMinutes": 60, "endTimeTimezoneUtcOffsetMinutes": 120,
         "visit": {"hierarchyLevel": 0, "probability": 0.8,
                   "topCandidate": {"placeId": "ChIJwork", "semanticType": "WORK", "probability": 0.85,
                                    "placeLocation": {"latLng": ll(WORK)}}}},
        {"startTime": "2025-03-30T03:30:00.000+02:00", "endTime": "2025-03-30T04:00:00.000+02:00",
         "startTimeTimezoneUtcOffsetMinutes": 120, "endTimeTimezoneUtcOffsetMinutes": 120,
         "activity": {"start": {"latLng": ll(WORK)}, "end": {"latLng": ll(HOME)}, "distanceMeters": 1234.5,
                      "probability": 0.99, "topCandidate": {"type": "IN_PASSENGER_VEHICLE", "probability": 0.9},
                      "parking": {"location": {"latLng": ll(HOME)}, "startTime": "2025-03-30T04:00:00.000+02:00"}}},
        {"startTime": "2025-03-30T03:00:00.000+02:00", "endTime": "2025-03-30T05:00:00.000+02:00",
         "timelinePath": [{"point": ll(WORK), "time": "2025-03-30T03:31:00.000+02:00"},
                          {"point": "46.1500000°, -1.1600000°", "time": "2025-03-30T03:40:00.000+02:00"}]},
        {"startTime": "2025-04-01T08:00:00.000", "endTime": "2025-04-01T08:30:00.000",     # no offset in the text
         "startTimeTimezoneUtcOffsetMinutes": 120, "endTimeTimezoneUtcOffsetMinutes": 120,
         "activity": {"start": {"latLng": ll(HOME)}, "end": {"latLng": ll(WORK)}, "distanceMeters": 2000,
                      "topCandidate": {"type": "CYCLING", "probability": 0.7}}},
        {"startTime": "2025-03-01T00:00:00.000+01:00", "endTime": "2025-03-02T00:00:00.000+01:00",
         "timelineMemory": {"trip": {"distanceFromOriginKms": 61, "destinations": [{"identifier": {"placeId": "ChIJnio"}}]}}},
    ],
    "rawSignals": [
        {"position": {"LatLng": ll(HOME), "accuracyMeters": 12, "altitudeMeters": 5.0, "source": "WIFI",
                      "timestamp": "2023-10-29T02:35:00.000+01:00", "speedMetersPerSecond": 0.0}},
        {"activityRecord": {"probableActivities": [{"type": "STILL", "confidence": 0.98}],
                            "timestamp": "2023-10-29T02:36:00.000+01:00"}},
        {"wifiScan": {"deliveryTime": "2023-10-29T02:37:00.000+01:00",
                      "devicesRecords": [{"mac": 123456789, "rawRssi": -50}]}},
        {"position": {"LatLng": ll(HOME), "accuracyMeters": 12, "altitudeMeters": 5.0, "source": "WIFI",
                      "timestamp": "2023-10-29T02:35:00.000+01:00", "speedMetersPerSecond": 0.0}},   # duplicate
        {"position": {"LatLng": ll(MID), "accuracyMeters": 20, "source": "GPS",
                      "timestamp": "2023-03-26T08:50:00.000+02:00", "speedMetersPerSecond": 1.5}},   # = Records
    ],
    "userLocationProfile": {
        "frequentPlaces": [{"placeId": "ChIJhome", "placeLocation": ll(HOME), "label": "HOME"},
                           {"placeId": "ChIJwork", "placeLocation": ll(WORK), "label": "WORK"}],
        "persona": {"travelModeAffinities": [{"mode": "WALKING", "affinity": 0.5}]}},
}
android_text = json.dumps(android, indent=2, ensure_ascii=False) + "\n"
write("Chronologie.json", android_text)

# 5. Android timeline edits: recognised and skipped
edits = {"timelineEdits": [{"deviceId": "1", "placeAggregates": {"placeAggregateInfo": [{"score": 1.0}]}}]}
write("Timeline Edits.json", dumps(edits))

# 6. A Takeout-like archive with every shape (overlapping points and visits across shapes)
zpath = os.path.join(HERE, "takeout.zip")
with zipfile.ZipFile(zpath, "w", zipfile.ZIP_DEFLATED) as z:
    def add(name, data):
        info = zipfile.ZipInfo(name, date_time=(2025, 4, 2, 10, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        z.writestr(info, data)
    add("Takeout/Historique des positions/Records.json", records_text)
    add("Takeout/Historique des positions/Semantic Location History/2023/2023_MARS.json", march_text)
    add("Takeout/Historique des positions/Semantic Location History/2023/2023_OCTOBRE.json", october_bytes)
    add("Takeout/Historique des positions/Timeline Edits.json", dumps(edits))
    add("Chronologie.json", android_text)
