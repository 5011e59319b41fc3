#!/usr/bin/env python3
"""Apple Health fixtures shaped like the iPhone Health app's "Export All Health Data" (export.zip holding
apple_health_export/export.xml, its internal DTD, and workout-routes/*.gpx). Run from this directory:
python3 make_fixtures.py. Deterministic; the tests repeat the values."""
import zipfile

DTD = """<!DOCTYPE HealthData [
<!-- HealthKit Export Version: 13 -->
<!ELEMENT HealthData (ExportDate,Me,(Record|Correlation|Workout|ActivitySummary|ClinicalRecord|Audiogram|VisionPrescription)*)>
<!ATTLIST HealthData
  locale CDATA #REQUIRED
>
<!ELEMENT ExportDate EMPTY>
<!ATTLIST ExportDate
  value CDATA #REQUIRED
>
<!ELEMENT Me EMPTY>
<!ATTLIST Me
  HKCharacteristicTypeIdentifierDateOfBirth                   CDATA #REQUIRED
  HKCharacteristicTypeIdentifierBiologicalSex                 CDATA #REQUIRED
  HKCharacteristicTypeIdentifierBloodType                     CDATA #REQUIRED
>
<!ELEMENT Record ((MetadataEntry|HeartRateVariabilityMetadataList)*)>
<!ATTLIST Record
  type          CDATA #REQUIRED
  unit          CDATA #IMPLIED
  value         CDATA #IMPLIED
  sourceName    CDATA #REQUIRED
  sourceVersion CDATA #IMPLIED
  device        CDATA #IMPLIED
  creationDate  CDATA #IMPLIED
  startDate     CDATA #REQUIRED
  endDate       CDATA #REQUIRED
>
<!ELEMENT MetadataEntry EMPTY>
<!ATTLIST MetadataEntry
  key   CDATA #REQUIRED
  value CDATA #REQUIRED
>
<!ELEMENT Correlation ((MetadataEntry|Record)*)>
<!ELEMENT Workout ((MetadataEntry|WorkoutEvent|WorkoutRoute|WorkoutStatistics)*)>
<!ATTLIST Workout
  workoutActivityType   CDATA #REQUIRED
  duration              CDATA #IMPLIED
  durationUnit          CDATA #IMPLIED
  totalDistance         CDATA #IMPLIED
  totalDistanceUnit     CDATA #IMPLIED
  totalEnergyBurned     CDATA #IMPLIED
  totalEnergyBurnedUnit CDATA #IMPLIED
  sourceName            CDATA #REQUIRED
  startDate             CDATA #REQUIRED
  endDate               CDATA #REQUIRED
>
<!ELEMENT WorkoutRoute ((MetadataEntry|FileReference)*)>
<!ELEMENT FileReference EMPTY>
<!ATTLIST FileReference
  path CDATA #REQUIRED
>
<!ELEMENT ActivitySummary EMPTY>
]>
"""

DEV = '&lt;&lt;HKDevice: 0x283f1a0d0&gt;, name:iPhone, manufacturer:Apple Inc., model:iPhone, hardware:iPhone14,5, software:17.3.1&gt;'


def record(t, unit, value, start, end, source="iPhone de Léa", created=None, inner=""):
    s = (f' <Record type="{t}" sourceName="{source}" sourceVersion="17.3.1" device="{DEV}" unit="{unit}" '
         f'creationDate="{created or end}" startDate="{start}" endDate="{end}" value="{value}"')
    return s + (f">\n{inner}  </Record>\n" if inner else "/>\n")


x = '<?xml version="1.0" encoding="UTF-8"?>\n' + DTD + '<HealthData locale="fr_FR">\n'
x += ' <ExportDate value="2024-04-02 21:14:33 +0200"/>\n'
x += (' <Me HKCharacteristicTypeIdentifierDateOfBirth="1991-06-14" HKCharacteristicTypeIdentifierBiologicalSex='
      '"HKBiologicalSexFemale" HKCharacteristicTypeIdentifierBloodType="HKBloodTypeNotSet"/>\n')
# steps across the spring-forward night (31 March 2024: 02:00 +0100 -> 03:00 +0200)
x += record("HKQuantityTypeIdentifierStepCount", "count", "523", "2024-03-02 07:55:00 +0100", "2024-03-02 08:05:00 +0100",
            created="2024-03-02 08:10:00 +0100")
x += record("HKQuantityTypeIdentifierStepCount", "count", "1204", "2024-03-30 23:50:00 +0100", "2024-03-31 01:40:00 +0100")
x += record("HKQuantityTypeIdentifierStepCount", "count", "311", "2024-03-31 03:10:00 +0200", "2024-03-31 03:20:00 +0200",
            source="Apple Watch de Léa")
x += record("HKQuantityTypeIdentifierHeartRate", "count/min", "72", "2024-03-31 03:12:00 +0200", "2024-03-31 03:12:00 +0200",
            source="Apple Watch de Léa",
            inner='   <MetadataEntry key="HKMetadataKeyHeartRateMotionContext" value="0"/>\n')
x += record("HKQuantityTypeIdentifierDistanceWalkingRunning", "km", "0.8642", "2024-03-31 03:10:00 +0200",
            "2024-03-31 03:20:00 +0200")
x += record("HKQuantityTypeIdentifierActiveEnergyBurned", "kcal", "12.5", "2024-03-31 03:10:00 +0200", "2024-03-31 03:20:00 +0200",
            source="Apple Watch de Léa")
x += record("HKCategoryTypeIdentifierSleepAnalysis", "", "HKCategoryValueSleepAnalysisAsleepCore",
            "2024-03-31 00:30:00 +0100", "2024-03-31 04:15:00 +0200", source="Apple Watch de Léa").replace(' unit=""', "")
x += record("HKQuantityTypeIdentifierEnvironmentalSoundReduction", "dBASPL", "3.2", "2024-03-31 10:00:00 +0200",
            "2024-03-31 10:00:30 +0200", source="AirPods Pro")
# blood pressure: the Records inside a Correlation repeat top-level ones and are not read twice
x += (' <Correlation type="HKCorrelationTypeIdentifierBloodPressure" sourceName="Withings" creationDate="2024-03-31 09:00:00 +0200" '
      'startDate="2024-03-31 09:00:00 +0200" endDate="2024-03-31 09:00:00 +0200">\n')
x += "  " + record("HKQuantityTypeIdentifierBloodPressureSystolic", "mmHg", "121", "2024-03-31 09:00:00 +0200",
                   "2024-03-31 09:00:00 +0200", source="Withings")
x += " </Correlation>\n"
x += record("HKQuantityTypeIdentifierBloodPressureSystolic", "mmHg", "121", "2024-03-31 09:00:00 +0200",
            "2024-03-31 09:00:00 +0200", source="Withings")
# a workout with its attributes and route (iOS 16 and earlier)
x += (' <Workout workoutActivityType="HKWorkoutActivityTypeCycling" duration="35.2" durationUnit="min" totalDistance="9.8" '
      'totalDistanceUnit="km" totalEnergyBurned="243.1" totalEnergyBurnedUnit="kcal" sourceName="Apple Watch de Léa" '
      'sourceVersion="10.3" creationDate="2024-03-02 08:41:00 +0100" startDate="2024-03-02 08:05:00 +0100" '
      'endDate="2024-03-02 08:40:12 +0100">\n'
      '  <MetadataEntry key="HKIndoorWorkout" value="0"/>\n'
      '  <WorkoutEvent type="HKWorkoutEventTypeSegment" date="2024-03-02 08:05:00 +0100" duration="10" durationUnit="min"/>\n'
      '  <WorkoutRoute sourceName="Apple Watch de Léa" sourceVersion="10.3" creationDate="2024-03-02 08:41:00 +0100" '
      'startDate="2024-03-02 08:05:00 +0100" endDate="2024-03-02 08:40:12 +0100">\n'
      '   <FileReference path="/workout-routes/route_2024-03-02_8.05am.gpx"/>\n'
      '  </WorkoutRoute>\n'
      ' </Workout>\n')
# iOS 17: distance and energy in WorkoutStatistics children, duration in minutes, after the DST change
x += (' <Workout workoutActivityType="HKWorkoutActivityTypeRunning" duration="28.5" durationUnit="min" '
      'sourceName="Apple Watch de Léa" sourceVersion="10.3" creationDate="2024-03-31 19:00:00 +0200" '
      'startDate="2024-03-31 18:30:00 +0200" endDate="2024-03-31 18:58:30 +0200">\n'
      '  <WorkoutStatistics type="HKQuantityTypeIdentifierActiveEnergyBurned" startDate="2024-03-31 18:30:00 +0200" '
      'endDate="2024-03-31 18:58:30 +0200" sum="301.4" unit="kcal"/>\n'
      '  <WorkoutStatistics type="HKQuantityTypeIdentifierDistanceWalkingRunning" startDate="2024-03-31 18:30:00 +0200" '
      'endDate="2024-03-31 18:58:30 +0200" sum="5.02" unit="km"/>\n'
      ' </Workout>\n')
x += (' <Workout workoutActivityType="HKWorkoutActivityTypeYoga" duration="20" durationUnit="min" sourceName="Apple Watch de Léa" '
      'startDate="2024-04-01 07:00:00 +0200" endDate="2024-04-01 07:20:00 +0200"/>\n')
x += (' <ActivitySummary dateComponents="2024-03-31" activeEnergyBurned="412.5" activeEnergyBurnedGoal="500" '
      'activeEnergyBurnedUnit="kcal" appleMoveTime="0" appleMoveTimeGoal="0" appleExerciseTime="32" appleExerciseTimeGoal="30" '
      'appleStandHours="10" appleStandHoursGoal="12"/>\n')
x += "</HealthData>\n"
with open("export.xml", "w", encoding="utf-8", newline="\n") as f:
    f.write(x)

gpx = """<?xml version="1.0" encoding="UTF-8"?>
<gpx version="1.1" creator="Apple Health Export" xmlns="http://www.topografix.com/GPX/1/1">
<metadata><time>2024-04-02T19:14:33Z</time></metadata>
<trk><name>Route 2024-03-02 8:05am</name><trkseg>
<trkpt lon="-1.553621" lat="47.218371"><ele>12.1</ele><time>2024-03-02T07:05:00Z</time><extensions><speed>4.6</speed><course>88.1</course><hAcc>3.2</hAcc><vAcc>2.1</vAcc></extensions></trkpt>
<trkpt lon="-1.549105" lat="47.218902"><ele>13.0</ele><time>2024-03-02T07:06:10Z</time><extensions><speed>4.9</speed><course>85.3</course><hAcc>3.1</hAcc><vAcc>2.0</vAcc></extensions></trkpt>
<trkpt lon="-1.544387" lat="47.219615"><ele>14.2</ele><time>2024-03-02T07:07:20Z</time><extensions><speed>5.1</speed><course>80.0</course><hAcc>3.0</hAcc><vAcc>2.0</vAcc></extensions></trkpt>
</trkseg></trk>
</gpx>
"""
with zipfile.ZipFile("export.zip", "w", zipfile.ZIP_DEFLATED) as z:
    for name, data in [("apple_health_export/export.xml", x), ("apple_health_export/export_cda.xml",
                       '<?xml version="1.0"?>\n<ClinicalDocument xmlns="urn:hl7-org:v3"></ClinicalDocument>\n'),
                       ("apple_health_export/workout-routes/route_2024-03-02_8.05am.gpx", gpx)]:
        zi = zipfile.ZipInfo(name, date_time=(2024, 4, 2, 21, 14, 32))
        zi.compress_type = zipfile.ZIP_DEFLATED
        z.writestr(zi, data.encode("utf-8"))
