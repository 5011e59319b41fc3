#!/usr/bin/env python3
"""Google Maps Timeline on-device exports with the quirks seen in 2024-2026 files (run: python3 make_fixtures.py).

Shapes follow the public parsers of these exports (none of their data is copied): Android "Timeline.json"
{"semanticSegments": [...], "rawSignals": [...], "userLocationProfile": {...}} with "lat°, lng°" strings and
per-point "time" in timelinePath; iOS "location-history.json" as a top-level array with "geo:lat,lng" and
numbers as strings. People rename nothing: the phone names the file in its own language ("Chronologie.json"
on a French Android, "Vos trajets.json"), so detection must go by content.
Quirks written here:
  - an Android segment holding BOTH timelinePath and visit (hierarchyLevel 1, no level-0 visit contains it):
    the path points and the visit must both be kept;
  - a level-1 visit inside a level-0 visit: dropped as nested (counted);
  - a rawSignals entry listing activityRecord before position: the position must be kept.
"""
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))

android = {
    "semanticSegments": [
        {   # path + visit in one segment, level 1, no parent
            "startTime": "2025-06-14T09:00:00.000+02:00", "endTime": "2025-06-14T10:00:00.000+02:00",
            "startTimeTimezoneUtcOffsetMinutes": 120, "endTimeTimezoneUtcOffsetMinutes": 120,
            "timelinePath": [
                {"point": "48.8566°, 2.3522°", "time": "2025-06-14T09:00:00.000+02:00"},
                {"point": "48.8606°, 2.3376°", "time": "2025-06-14T09:20:00.000+02:00"},
            ],
            "visit": {"hierarchyLevel": 1, "probability": 0.7,
                      "topCandidate": {"placeId": "ChIJLouvre", "semanticType": "UNKNOWN", "probability": 0.6,
                                       "placeLocation": {"latLng": "48.8606°, 2.3376°"}}},
        },
        {   # a level-0 visit 12:00-18:00 ...
            "startTime": "2025-06-14T12:00:00.000+02:00", "endTime": "2025-06-14T18:00:00.000+02:00",
            "visit": {"hierarchyLevel": 0, "probability": 0.9,
                      "topCandidate": {"placeId": "ChIJHome", "semanticType": "HOME", "probability": 0.9,
                                       "placeLocation": {"latLng": "48.8500°, 2.3400°"}}},
        },
        {   # ... and a level-1 visit inside it: nested, not counted
            "startTime": "2025-06-14T13:00:00.000+02:00", "endTime": "2025-06-14T14:00:00.000+02:00",
            "visit": {"hierarchyLevel": 1, "probability": 0.5,
                      "topCandidate": {"placeId": "ChIJCafe", "semanticType": "UNKNOWN", "probability": 0.5,
                                       "placeLocation": {"latLng": "48.8510°, 2.3410°"}}},
        },
    ],
    "rawSignals": [
        {"activityRecord": {"probableActivities": [{"type": "WALKING", "confidence": 0.8}],
                            "timestamp": "2025-06-14T09:05:00.000+02:00"},
         "position": {"LatLng": "48.8570°, 2.3500°", "accuracyMeters": 12, "altitudeMeters": 41.5,
                      "source": "WIFI", "timestamp": "2025-06-14T09:05:00.000+02:00", "speedMetersPerSecond": 1.2}},
        {"activityRecord": {"probableActivities": [{"type": "STILL", "confidence": 0.9}],
                            "timestamp": "2025-06-14T15:00:00.000+02:00"}},
    ],
    "userLocationProfile": {"frequentPlaces": [{"placeId": "ChIJHome", "placeLocation": "48.8500°, 2.3400°", "label": "HOME"}]},
}

ios = [
    {"startTime": "2025-06-15T09:00:00.000+02:00", "endTime": "2025-06-15T11:00:00.000+02:00",
     "visit": {"hierarchyLevel": "0", "probability": "0.8",
               "topCandidate": {"probability": "0.7", "semanticType": "Work", "placeID": "ChIJWork",
                                "placeLocation": "geo:48.870000,2.330000"}}},
    {"startTime": "2025-06-15T11:00:00.000+02:00", "endTime": "2025-06-15T13:00:00.000+02:00",
     "timelinePath": [{"point": "geo:48.870000,2.330000", "durationMinutesOffsetFromStartTime": "0"},
                      {"point": "geo:48.880000,2.340000", "durationMinutesOffsetFromStartTime": "30"}]},
]

for name, data in [("Chronologie.json", android), ("Vos trajets.json", android), ("location-history.json", ios)]:
    with open(os.path.join(HERE, name), "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False, indent=1)
