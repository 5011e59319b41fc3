#!/usr/bin/env python3
"""xAPI fixtures shaped like what a school LRS (Learning Locker, Veracity, SCORM Cloud…) returns.
Run from this directory: python3 make_fixtures.py."""
import json

ADL = "http://adlnet.gov/expapi/verbs/"
COURSE = {"id": "https://college-exemple.fr/cours/maths-5e", "objectType": "Activity",
          "definition": {"name": {"en-US": "Mathematics 5th grade", "fr-FR": "Mathématiques 5e"}}}
MODULE = {"id": "https://college-exemple.fr/cours/maths-5e/fractions",
          "definition": {"name": {"fr-FR": "Les fractions"}}}


def activity(slug, fr=None, en=None):
    names = {}
    if en:
        names["en-US"] = en
    if fr:
        names["fr-FR"] = fr
    return {"objectType": "Activity", "id": "https://college-exemple.fr/activites/" + slug,
            "definition": {"name": names, "type": "http://adlnet.gov/expapi/activities/assessment"}}


statements = [
    {   # 0: name, both languages, full result, grouping + parent
        "id": "6690e6c9-3ef0-4ed3-8b37-7f3964730bee",
        "actor": {"objectType": "Agent", "name": "Léa Martin", "mbox": "mailto:lea.martin@college-exemple.fr"},
        "verb": {"id": ADL + "completed", "display": {"en-US": "completed", "fr-FR": "a terminé"}},
        "object": activity("quiz-fractions-1", "Quiz fractions n°1", "Fractions quiz 1"),
        "result": {"score": {"scaled": 0.85, "raw": 17, "min": 0, "max": 20}, "success": True, "completion": True,
                   "duration": "PT1H2M3.5S"},
        "context": {"contextActivities": {"parent": [MODULE], "grouping": [COURSE]}},
        "timestamp": "2023-10-12T09:15:30.250+02:00",
        "stored": "2023-10-12T07:15:31.004Z",
        "authority": {"objectType": "Agent", "account": {"homePage": "https://lrs.example", "name": "ent"}},
        "version": "1.0.3",
    },
    {   # 1: account actor, en-GB only display, failed
        "id": "a1b2c3d4-0000-4000-8000-000000000001",
        "actor": {"objectType": "Agent", "account": {"homePage": "https://ent.college-exemple.fr", "name": "eleve-0042"}},
        "verb": {"id": ADL + "failed", "display": {"en-GB": "failed", "de-DE": "nicht bestanden"}},
        "object": activity("quiz-fractions-2", en="Fractions quiz 2"),
        "result": {"score": {"scaled": 0.4}, "success": False, "completion": True, "duration": "PT12M"},
        "context": {"contextActivities": {"parent": [MODULE]}},
        "timestamp": "2023-10-12T09:40:00Z",
        "stored": "2023-10-12T09:40:01Z",
    },
    {   # 2: mbox only: must be hashed, never stored
        "id": "a1b2c3d4-0000-4000-8000-000000000002",
        "actor": {"mbox": "mailto:Tom.Durand@college-exemple.fr"},
        "verb": {"id": ADL + "experienced"},
        "object": {"id": "https://college-exemple.fr/videos/fractions-intro"},
        "result": {"duration": "P1DT2H"},
        "timestamp": "2023-10-13T17:05:00+02:00",
    },
    {   # 3: invalid: no verb
        "id": "a1b2c3d4-0000-4000-8000-000000000003",
        "actor": {"name": "Léa Martin"},
        "object": activity("quiz-fractions-3", "Quiz fractions n°3"),
        "timestamp": "2023-10-14T10:00:00+02:00",
    },
    {   # 4: mbox_sha1sum, bad duration, no timestamp (stored used)
        "id": "a1b2c3d4-0000-4000-8000-000000000004",
        "actor": {"mbox_sha1sum": "ebd31e95054c018b10727ccffd2ef2ec3a016ee9"},
        "verb": {"id": ADL + "attempted", "display": {"fr-CA": "a essayé", "en-US": "attempted"}},
        "object": activity("quiz-fractions-3", "Quiz fractions n°3"),
        "result": {"duration": "1h30"},
        "stored": "2023-10-14T08:00:00Z",
    },
]
result = {"statements": statements, "more": "/xapi/statements?more=7d3f2c"}
with open("lrs_statement_result.json", "w", encoding="utf-8") as f:
    json.dump(result, f, ensure_ascii=False, indent=2)

# xAPI 2.0 array (BOM, compact), with a null element, a pre-1.0 single-object parent and a statement
# without object.
arr = [
    {"id": "b0000000-0000-4000-8000-000000000000", "version": "2.0.0",
     "actor": {"name": "Inès Benali", "account": {"homePage": "https://ent.example", "name": "ines.b"}},
     "verb": {"id": "https://w3id.org/xapi/adl/verbs/logged-in", "display": {"en-US": "logged in"}},
     "object": {"id": "https://ent.example/plateforme", "definition": {"name": {"fr-FR": "Plateforme ENT"}}},
     "timestamp": "2024-01-08T07:58:12Z"},
    None,
    {"id": "b0000000-0000-4000-8000-000000000002", "version": "2.0.0",
     "actor": {"name": "Inès Benali"},
     "verb": {"id": "http://adlnet.gov/expapi/verbs/answered", "display": {"fr-FR": "a répondu", "en-US": "answered"}},
     "object": {"id": "https://ent.example/q/42", "definition": {"name": {"fr": "Question 42"}}},
     "result": {"score": {"scaled": 1}, "success": True, "duration": "PT0.5H"},
     "context": {"contextActivities": {"parent": {"id": "https://ent.example/cours/svt", "definition": {"name": {"fr-FR": "SVT 4e"}}}}},
     "timestamp": "2024-01-08T08:05:00+01:00"},
    {"id": "b0000000-0000-4000-8000-000000000003", "version": "2.0.0",
     "actor": {"name": "Inès Benali"},
     "verb": {"id": "http://adlnet.gov/expapi/verbs/answered"},
     "timestamp": "2024-01-08T08:06:00+01:00"},
]
with open("statements_2_0.json", "w", encoding="utf-8") as f:
    f.write("\ufeff" + json.dumps(arr, ensure_ascii=False, separators=(",", ":")))

single = statements[0]
with open("single_statement.json", "w", encoding="utf-8") as f:
    json.dump(single, f, ensure_ascii=False)

# Moodle's logstore_xapi statements as an LRS export gives them back (shapes: the xAPI-vle profile examples
# of the Moodle plugin, and its Learning Locker context extensions "…/extensions/info" and
# "…/extensions/moodle_logstore_standard_log" holding the Moodle log row, timecreated in epoch seconds).
# #0 has a timestamp; #1 only "stored"; #2 neither, but the log row's timecreated (1709633700 =
# 2024-03-05T10:15:00Z); #3 no time at all (kept, no date); #4 has no verb (skipped, counted).
LL = "http://lrs.learninglocker.net/define/extensions/"
def moodle(i, verb, name, **extra):
    st = {"id": f"c0000000-0000-4000-8000-00000000000{i}",
          "actor": {"objectType": "Agent", "name": "Léa Martin",
                    "account": {"name": "lea.martin", "homePage": "https://moodle.lycee.example"}},
          "verb": {"id": f"http://id.tincanapi.com/verb/{verb}", "display": {"en": verb}},
          "object": {"objectType": "Activity", "id": f"https://moodle.lycee.example/mod/page/view.php?id={40 + i}",
                     "definition": {"type": "http://id.tincanapi.com/activitytype/lms", "name": {"en": name}}},
          "context": {"platform": "Moodle", "language": "fr",
                      "contextActivities": {"grouping": [{"id": "https://moodle.lycee.example/course/view.php?id=7",
                                                          "definition": {"name": {"en": "Physique-chimie 1re"}}}]},
                      "extensions": {LL + "info": {"https://moodle.org/": "4.1.2", "event_name": "\\mod_page\\event\\course_module_viewed"}}}}
    st.update(extra)
    return st

moodle_arr = [
    moodle(0, "viewed", "Cours : la mole", timestamp="2024-03-04T08:30:00+01:00"),
    moodle(1, "viewed", "Exercices : la mole", stored="2024-03-04T17:45:10.123Z"),
    moodle(2, "viewed", "Vidéo : dosages"),
    moodle(3, "viewed", "Fiche méthode"),
    {"id": "c0000000-0000-4000-8000-000000000004", "actor": {"name": "Léa Martin"},
     "object": {"id": "https://moodle.lycee.example/mod/quiz/view.php?id=99"}, "timestamp": "2024-03-06T09:00:00Z"},
]
moodle_arr[2]["context"]["extensions"][LL + "moodle_logstore_standard_log"] = {
    "eventname": "\\mod_page\\event\\course_module_viewed", "component": "mod_page", "action": "viewed",
    "target": "course_module", "courseid": "7", "timecreated": 1709633700, "origin": "web"}
with open("moodle_no_timestamp.json", "w", encoding="utf-8") as f:
    json.dump(moodle_arr, f, ensure_ascii=False, indent=2)
