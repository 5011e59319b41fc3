#!/usr/bin/env python3
"""Overlapping exports for the one merge rule (parsers/core/domain_model.h), read by tests/merge_test.cpp,
tests/views_native_test.cjs and tests/e2e/suites/same_figures.cjs:
  * Semantic Location History/2024/2024_JANUARY.json  Takeout Semantic month (English keys, E7 integers)
  * Chronologie.json                                   Android on-device Timeline.json (2025 shape) of
                                                       15 Jan - 1 Feb 2024: three trips and a visit of the
                                                       Semantic month seen again (other distances), one more
  * apple_health_mars.xml, apple_health_avril.xml       two Apple Health exports of one person: the April
                                                       one repeats March's two workouts and steps, adds one
Shapes follow the project's own fixtures (tests/data/google/make_fixtures.py, tests/data/apple_health/),
which were written after Google's Takeout layouts and Apple's HealthKit export DTD (Export Version 13).
Hand-worked truths are in tests/merge_test.cpp. Run: python3 tests/data/merge/make_fixtures.py"""
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))

HOME = (461580419, -11530201)   # E7, La Rochelle
WORK = (461472103, -11688230)
MID = (461600000, -11534567)
SHOP = (461700000, -11400000)


def write(rel, data):
    path = os.path.join(HERE, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))


def loc(e7, **kw):
    d = {"latitudeE7": e7[0], "longitudeE7": e7[1]}
    d.update(kw)
    return d


def ll(e7):
    return "%.7f°, %.7f°" % (e7[0] / 1e7, e7[1] / 1e7)


def segment(start, end, a, b, meters, kind):
    return {"activitySegment": {"startLocation": loc(a), "endLocation": loc(b),
                                "duration": {"startTimestamp": start, "endTimestamp": end},
                                "distance": meters, "activityType": kind,
                                "activities": [{"activityType": kind, "probability": 90.0}]}}


# Semantic, January 2024 (UTC times): trips 800 + 5210 + 5190 + 3000 m = 14 200 m
january = {"timelineObjects": [
    segment("2024-01-03T09:00:00Z", "2024-01-03T09:12:00Z", HOME, SHOP, 800, "WALKING"),
    {"placeVisit": {"location": loc(HOME, placeId="ChIJhome", name="Domicile", semanticType="TYPE_HOME"),
                    "duration": {"startTimestamp": "2024-01-14T22:00:00Z", "endTimestamp": "2024-01-15T07:30:00Z"},
                    "visitConfidence": 95}},
    segment("2024-01-15T07:30:00Z", "2024-01-15T07:50:00Z", HOME, WORK, 5210, "IN_PASSENGER_VEHICLE"),
    segment("2024-01-15T17:00:00Z", "2024-01-15T17:25:00Z", WORK, HOME, 5190, "IN_PASSENGER_VEHICLE"),
    segment("2024-01-31T08:00:00Z", "2024-01-31T08:15:00Z", HOME, MID, 3000, "CYCLING"),
]}
write("Semantic Location History/2024/2024_JANUARY.json", json.dumps(january, indent=2, ensure_ascii=False) + "\n")


def activity(start, end, a, b, meters, kind):
    return {"startTime": start, "endTime": end, "startTimeTimezoneUtcOffsetMinutes": 60,
            "endTimeTimezoneUtcOffsetMinutes": 60,
            "activity": {"start": {"latLng": ll(a)}, "end": {"latLng": ll(b)}, "distanceMeters": meters,
                         "probability": 0.95, "topCandidate": {"type": kind, "probability": 0.9}}}


# Android, local times +01:00: the Semantic trips of the 15th and the 31st again (same start minute and
# position, the phone's own distances) and one trip on 1 February: 5234.5 + 5201 + 2987 + 1500 = 14 922.5 m
android = {"semanticSegments": [
    {"startTime": "2024-01-14T23:00:00.000+01:00", "endTime": "2024-01-15T08:30:00.000+01:00",
     "startTimeTimezoneUtcOffsetMinutes": 60, "endTimeTimezoneUtcOffsetMinutes": 60,
     "visit": {"hierarchyLevel": 0, "probability": 0.9,
               "topCandidate": {"placeId": "ChIJhome", "semanticType": "HOME", "probability": 0.95,
                                "placeLocation": {"latLng": ll(HOME)}}}},
    activity("2024-01-15T08:30:00.000+01:00", "2024-01-15T08:50:00.000+01:00", HOME, WORK, 5234.5, "IN_PASSENGER_VEHICLE"),
    activity("2024-01-15T18:00:00.000+01:00", "2024-01-15T18:25:00.000+01:00", WORK, HOME, 5201.0, "IN_PASSENGER_VEHICLE"),
    activity("2024-01-31T09:00:00.000+01:00", "2024-01-31T09:15:00.000+01:00", HOME, MID, 2987.0, "CYCLING"),
    activity("2024-02-01T08:00:00.000+01:00", "2024-02-01T08:20:00.000+01:00", HOME, WORK, 1500.0, "WALKING"),
], "rawSignals": [], "userLocationProfile": {"frequentPlaces": []}}
write("Chronologie.json", json.dumps(android, indent=2, ensure_ascii=False) + "\n")

# Apple Health: March export (2 workouts 9.8 + 5.2 km, steps 523 + 1200), April export = March + a
# 3.1 km walk and 800 steps.
DTD = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE HealthData [
<!-- HealthKit Export Version: 13 -->
<!ELEMENT HealthData (ExportDate,Me,(Record|Correlation|Workout|ActivitySummary|ClinicalRecord|Audiogram|VisionPrescription)*)>
<!ATTLIST HealthData
  locale CDATA #REQUIRED
>
]>
"""
STEPS = [("2024-03-02 07:55:00 +0100", "2024-03-02 08:05:00 +0100", 523),
         ("2024-03-05 18:00:00 +0100", "2024-03-05 18:30:00 +0100", 1200)]
WORKOUTS = [("HKWorkoutActivityTypeCycling", "2024-03-02 08:05:00 +0100", "2024-03-02 08:40:12 +0100", "35.2", "9.8"),
            ("HKWorkoutActivityTypeRunning", "2024-03-05 18:00:00 +0100", "2024-03-05 18:30:00 +0100", "30", "5.2")]


def health(export_date, steps, workouts):
    out = [DTD, '<HealthData locale="fr_FR">\n', ' <ExportDate value="%s"/>\n' % export_date,
           ' <Me HKCharacteristicTypeIdentifierDateOfBirth="1991-06-14" HKCharacteristicTypeIdentifierBiologicalSex='
           '"HKBiologicalSexFemale" HKCharacteristicTypeIdentifierBloodType="HKBloodTypeNotSet"/>\n']
    for s, e, v in steps:
        out.append(' <Record type="HKQuantityTypeIdentifierStepCount" sourceName="iPhone de Léa" unit="count" '
                   'creationDate="%s" startDate="%s" endDate="%s" value="%d"/>\n' % (e, s, e, v))
    for kind, s, e, minutes, km in workouts:
        out.append(' <Workout workoutActivityType="%s" duration="%s" durationUnit="min" totalDistance="%s" '
                   'totalDistanceUnit="km" sourceName="Apple Watch de Léa" startDate="%s" endDate="%s">\n'
                   '  <WorkoutStatistics type="HKQuantityTypeIdentifier%s" sum="%s" unit="km"/>\n'
                   ' </Workout>\n' % (kind, minutes, km, s, e,
                                      "DistanceCycling" if "Cycling" in kind else "DistanceWalkingRunning", km))
    out.append('</HealthData>\n')
    return "".join(out)


write("apple_health_mars.xml", health("2024-03-31 21:14:33 +0200", STEPS, WORKOUTS))
write("apple_health_avril.xml", health(
    "2024-04-30 20:00:00 +0200", STEPS + [("2024-04-10 12:00:00 +0200", "2024-04-10 12:40:00 +0200", 800)],
    WORKOUTS + [("HKWorkoutActivityTypeWalking", "2024-04-10 12:00:00 +0200", "2024-04-10 12:40:00 +0200", "40", "3.1")]))
