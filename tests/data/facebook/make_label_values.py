#!/usr/bin/env python3
"""2024+ "label_values" layouts of Facebook and Instagram exports, for tests/social_test.cpp (run here:
python3 make_label_values.py). Shapes as the newer "Download your information" JSON files write them and as
public parsers read them (a saved-posts reader: {l["label"]: l["value"] for l in entry["label_values"]}):
records with "timestamp", "fbid", "media" and a "label_values" list of {"label", "value"[, "href"]},
{"label", "timestamp_value"} and {"label", "dict": [{"label", "value"}]}. Text mojibake ("\\u00c3\\u00a9") as
Meta writes it. Names and texts are invented."""
import json

fb = [
    {"timestamp": 1717236000, "media": [], "fbid": "101",
     "label_values": [{"label": "Comment", "value": "Bravo pour le concours \u00c3\u00a0 Rennes !"},
                      {"label": "URL", "value": "https://www.facebook.com/groups/123/posts/456",
                       "href": "https://www.facebook.com/groups/123/posts/456"},
                      {"label": "Name", "value": "Club photo de Rennes"}]},
    {"timestamp": 1717322400, "media": [], "fbid": "102",
     "label_values": [{"label": "Reaction", "value": "LIKE"},
                      {"label": "Name", "value": "Marc Lef\u00c3\u00a8vre"}]},
    {"media": [], "fbid": "103",
     "label_values": [{"label": "Date", "timestamp_value": 1717408800},
                      {"label": "Text", "value": "Premier jour de vacances"}]},
    {"fbid": "104", "label_values": [{"label": "Comment", "value": "sans date"}]},
]
with open("label_values_2024.json", "w", encoding="utf-8") as f:
    json.dump(fb, f, ensure_ascii=True, indent=2)

ig = [
    {"timestamp": 1717495200, "media": [], "label_values": [
        {"label": "Comment", "value": "trop beau \u00f0\u009f\u0098\u008d"},
        {"label": "Owner", "dict": [{"label": "Username", "value": "lea.photo"}, {"label": "Name", "value": "L\u00c3\u00a9a"}]}]},
    {"timestamp": 1717581600, "media": [], "label_values": [
        {"label": "URL", "value": "https://www.instagram.com/p/Cxyz/", "href": "https://www.instagram.com/p/Cxyz/"},
        {"label": "Owner", "dict": [{"label": "Username", "value": "musee.rennes"}]}]},
]
with open("../instagram/label_values_2024.json", "w", encoding="utf-8") as f:
    json.dump(ig, f, ensure_ascii=True, indent=2)
