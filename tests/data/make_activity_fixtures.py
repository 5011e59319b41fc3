#!/usr/bin/env python3
"""Writes the activity fixtures of tests/social_test.cpp and tests/media_test.cpp into tests/data/{facebook,
instagram,spotify,netflix,my_activity}/. Run from anywhere: python3 tests/data/make_activity_fixtures.py.
Outputs are committed; this script documents the quirk each one carries and regenerates them byte for byte.

Quirks, as the real exports have them:
  - Facebook and Instagram write every string as its UTF-8 bytes in \\u00XX escapes ("Ã©" for "é", "Ã§" for
    "ç", "ð\\u009f\\u0098\\u0080" for 😀), 2-space indented, newest first;
  - Facebook posts carry {"update_timestamp"} items in "data", photo posts have no text, the thread title of a
    message file comes after its messages, the account holder is the last participant;
  - Spotify's account-data history writes endTime as "YYYY-MM-DD HH:MM" in UTC, the extended history writes
    ts as "…Z" (both are the end of playback); one play ends at 01:30 UTC on 2024-03-31 (Paris DST day);
  - Netflix writes a UTF-8 BOM, CRLF, HH:MM:SS durations, trailers and hooks marked in Supplemental Video Type;
  - Google My Activity in French ("Vous avez regardé …") and English ("Watched …"), fractions of seconds or
    none, an ad from Google Ads, a removed video without titleUrl.
"""
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))


def write(rel, data: bytes):
    path = os.path.join(HERE, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)


def mojibake(v):
    """Facebook's encoding: each UTF-8 byte becomes one \\u00XX code point."""
    if isinstance(v, str):
        return v.encode("utf-8").decode("latin-1")
    if isinstance(v, list):
        return [mojibake(x) for x in v]
    if isinstance(v, dict):
        return {mojibake(k): mojibake(x) for k, x in v.items()}
    return v


def meta_json(v) -> bytes:
    return json.dumps(mojibake(v), indent=2, ensure_ascii=True).encode("ascii")


# [SECTION] Facebook

def facebook():
    posts = [
        {"timestamp": 1709401452,
         "attachments": [{"data": [{"external_context": {"url": "https://www.lyon.fr/evenement/fete-des-lumieres"}}]}],
         "data": [{"post": "Trop bien la fête de l'école ! 😀"}, {"update_timestamp": 1709401460}],
         "title": "Léa Martin a partagé un lien."},
        {"timestamp": 1709300000,
         "data": [{"post": "Leçon de français : ça y est, j'ai compris le subjonctif"}],
         "title": "Léa Martin a mis à jour son statut."},
        {"timestamp": 1709200000,
         "attachments": [{"data": [{"media": {"uri": "your_facebook_activity/posts/media/Photos_123/456.jpg",
                                              "creation_timestamp": 1709199990, "title": ""}}]}],
         "data": [{"update_timestamp": 1709200100}],
         "title": "Léa Martin a ajouté une nouvelle photo."},
        {"data": [{"post": "Brouillon sans date"}], "title": "Léa Martin a écrit."},
    ]
    write("facebook/your_posts_1.json", meta_json(posts))

    comments = {"comments_v2": [
        {"timestamp": 1709402000,
         "data": [{"comment": {"timestamp": 1709402000, "comment": "Bravo à toute l'équipe ! 👏", "author": "Léa Martin"}}],
         "title": "Léa Martin a commenté la publication de Marc Dubois."},
        {"timestamp": 1709310000,
         "data": [{"comment": {"timestamp": 1709310000, "comment": "Je viens avec des crêpes",
                               "author": "Léa Martin", "group": "Parents d'élèves Lyon 7e"}}],
         "title": "Léa Martin a répondu à son propre commentaire."},
        {"timestamp": 1709100000,
         "attachments": [{"data": [{"media": {"uri": "your_facebook_activity/comments_and_reactions/gif.gif"}}]}],
         "title": "Léa Martin a commenté sa propre publication."},
    ]}
    write("facebook/comments.json", meta_json(comments))

    reactions = {"reactions_v2": [
        {"timestamp": 1709403000, "data": [{"reaction": {"reaction": "LIKE", "actor": "Léa Martin"}}],
         "title": "Léa Martin a aimé la publication de Marc Dubois."},
        {"timestamp": 1709303000, "data": [{"reaction": {"reaction": "LOVE", "actor": "Léa Martin"}}],
         "title": "Léa Martin a réagi à la photo de François."},
    ]}
    write("facebook/posts_and_comments.json", meta_json(reactions))

    thread = {
        "participants": [{"name": "Marc Dubois"}, {"name": "Léa Martin"}],
        "messages": [
            {"sender_name": "Léa Martin", "timestamp_ms": 1709405000123,
             "content": "Ça marche, à demain 😀", "is_geoblocked_for_viewer": False},
            {"sender_name": "Marc Dubois", "timestamp_ms": 1709404900000,
             "content": "On se retrouve devant le lycée ? marc.dubois@exemple.fr si besoin",
             "is_geoblocked_for_viewer": False},
            {"sender_name": "Léa Martin", "timestamp_ms": 1709404800500,
             "photos": [{"uri": "messages/inbox/marcdubois_123/photos/1.jpg", "creation_timestamp": 1709404800}],
             "is_geoblocked_for_viewer": False},
            {"sender_name": "Marc Dubois", "timestamp_ms": 1709404700000,
             "share": {"link": "https://www.tcl.fr/horaires"}, "content": "Marc a envoyé un lien.",
             "is_geoblocked_for_viewer": False},
        ],
        "title": "Marc Dubois",
        "is_still_participant": True,
        "thread_path": "inbox/marcdubois_123",
        "magic_words": [],
    }
    write("facebook/message_1.json", meta_json(thread))


# [SECTION] Instagram

def instagram():
    likes = {"likes_media_likes": [
        {"title": "noah.skate.lyon", "string_list_data": [
            {"href": "https://www.instagram.com/p/C4xYz12AbCd/", "value": "👍", "timestamp": 1709476200}]},
        {"title": "musee_confluences", "string_list_data": [
            {"href": "https://www.instagram.com/p/C4aBc34DeFg/", "value": "👍", "timestamp": 1709390000}]},
        {"title": "boulangerie.ça.croustille", "string_list_data": [
            {"href": "https://www.instagram.com/p/C3zZz56HiJk/", "value": "👍", "timestamp": 1709290000}]},
    ]}
    write("instagram/liked_posts.json", meta_json(likes))

    posts = [
        {"media": [{"uri": "media/posts/202403/431_n.jpg", "creation_timestamp": 1709480000,
                    "media_metadata": {"photo_metadata": {"exif_data": [{"latitude": 45.76, "longitude": 4.83}]}},
                    "title": "Skatepark de Gerland, première figure réussie 🛹", "cross_post_source": {"source_app": "FB"}}]},
        {"media": [{"uri": "media/posts/202402/9_n.jpg", "creation_timestamp": 1708600000, "title": ""},
                   {"uri": "media/posts/202402/10_n.jpg", "creation_timestamp": 1708600000, "title": ""}],
         "title": "Vacances à Annecy, ça caille ❄", "creation_timestamp": 1708600000},
    ]
    write("instagram/posts_1.json", meta_json(posts))

    comments = [
        {"string_map_data": {"Comment": {"value": "Trop stylé ! 🔥"}, "Media Owner": {"value": "noah.skate.lyon"},
                             "Time": {"timestamp": 1709477000}}},
        {"string_map_data": {"Comment": {"value": "Grave, on y retourne cet été"}, "Media Owner": {"value": "lea.mrtn"},
                             "Time": {"timestamp": 1708700000}}},
    ]
    write("instagram/post_comments_1.json", meta_json(comments))

    thread = {
        "participants": [{"name": "Léa"}, {"name": "Noah B."}],
        "messages": [
            {"sender_name": "Noah B.", "timestamp_ms": 1709480500000, "content": "T'as vu ma vidéo ? 😀",
             "is_geoblocked_for_viewer": False},
            {"sender_name": "Léa", "timestamp_ms": 1709480400000, "content": "Ouais trop fort ! Ça m'a fait rire",
             "reactions": [{"reaction": "❤", "actor": "Noah B."}], "is_geoblocked_for_viewer": False},
        ],
        "title": "Léa",
        "is_still_participant": True,
        "thread_path": "inbox/lea_9876543210",
        "magic_words": [],
    }
    write("instagram/message_1.json", meta_json(thread))


# [SECTION] Spotify

def spotify():
    basic = [
        {"endTime": "2024-03-02 18:44", "artistName": "Angèle", "trackName": "Balance ton quoi", "msPlayed": 188000},
        {"endTime": "2024-03-02 18:47", "artistName": "Stromae", "trackName": "Santé", "msPlayed": 9150},
        {"endTime": "2024-03-31 01:30", "artistName": "Aya Nakamura", "trackName": "Djadja", "msPlayed": 170533},
        {"endTime": "2024-03-31 07:05", "artistName": "Christine and the Queens", "trackName": "Christine", "msPlayed": 0},
    ]
    write("spotify/StreamingHistory_music_0.json",
          json.dumps(basic, indent=2, ensure_ascii=False).replace("\n", "\r\n").encode("utf-8"))

    def ext(ts, ms, track=None, artist=None, album=None, uri=None, episode=None, show=None, euri=None, skipped=None,
            reason_end="trackdone"):
        return {"ts": ts, "username": "lea.m", "platform": "Android OS 14 API 34 (samsung, SM-A546B)",
                "ms_played": ms, "conn_country": "FR", "ip_addr_decrypted": "92.184.10.1",
                "user_agent_decrypted": "unknown", "master_metadata_track_name": track,
                "master_metadata_album_artist_name": artist, "master_metadata_album_album_name": album,
                "spotify_track_uri": uri, "episode_name": episode, "episode_show_name": show,
                "spotify_episode_uri": euri, "reason_start": "clickrow", "reason_end": reason_end,
                "shuffle": False, "skipped": skipped, "offline": False, "offline_timestamp": 1709404888,
                "incognito_mode": False}
    extended = [
        ext("2024-03-02T18:44:12Z", 188000, "Balance ton quoi", "Angèle", "Brol",
            "spotify:track:4bqFhcCjdYfBJuVQqzTz9O"),
        ext("2024-03-02T18:47:03Z", 9150, "Santé", "Stromae", "Multitude", "spotify:track:5ZmH4hxCHJ6Ht0p3xJfVWM",
            skipped=True, reason_end="fwdbtn"),
        ext("2024-03-03T07:15:40Z", 1802000, episode="Les pieds sur terre : la colo", show="Les Pieds sur terre",
            euri="spotify:episode:1JqNM9F6dQ3dLbE5xv3R0a"),
        ext("2024-03-03T07:20:00Z", 0),
    ]
    write("spotify/Streaming_History_Audio_2023-2024_0.json",
          json.dumps(extended, indent=None, ensure_ascii=False).encode("utf-8"))


# [SECTION] Netflix

def netflix():
    rows = [
        ["Léa", "2024-01-05 20:13:45", "00:42:10", "", "Lupin : Partie 1: Chapitre 1", "", "Samsung 2021 Tizen TV", "00:42:10",
         "00:42:10", "FR (France)"],
        ["Léa", "2024-01-05 20:12:58", "00:00:31", "Autoplayed: user action: None; ", "Lupin : Partie 1 (Trailer)",
         "TRAILER", "Samsung 2021 Tizen TV", "00:00:31", "00:00:31", "FR (France)"],
        ["Noah", "2024-01-06 16:02:11", "01:45:03", "", "Miraculous, le film", "", "Android Tablet", "01:45:03",
         "Not latest view", "FR (France)"],
        ["Noah", "2024-01-06 15:59:40", "00:00:12", "Autoplayed: user action: None; ", "Stranger Things: Saison 4 (Hook)",
         "HOOK", "Android Tablet", "00:00:12", "Not latest view", "FR (France)"],
        ["Léa", "2024-01-07 23:50:02", "1:02:03", "", "Stranger Things: Saison 4: Chapitre 1 : Le Club Hellfire", "",
         "Chrome PC (Cadmium)", "01:02:03", "01:02:03", "FR (France)"],
        ["Léa", "date inconnue", "00:10:00", "", "Sans date", "", "Chrome PC (Cadmium)", "00:10:00", "00:10:00", "FR (France)"],
    ]
    head = ["Profile Name", "Start Time", "Duration", "Attributes", "Title", "Supplemental Video Type", "Device Type",
            "Bookmark", "Latest Bookmark", "Country"]

    def line(cells):
        return ",".join('"' + c.replace('"', '""') + '"' if ("," in c or '"' in c) else c for c in cells)
    text = "\r\n".join([line(head)] + [line(r) for r in rows]) + "\r\n"
    write("netflix/ViewingActivity.csv", b"\xef\xbb\xbf" + text.encode("utf-8"))


# [SECTION] Google My Activity

def my_activity():
    fr = [
        {"header": "YouTube", "title": "Vous avez regardé Minecraft : la meilleure base de survie",
         "titleUrl": "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
         "subtitles": [{"name": "Frigiel", "url": "https://www.youtube.com/channel/UCA0"}],
         "time": "2024-02-01T19:22:10.123Z", "products": ["YouTube"], "activityControls": ["Historique des vidéos regardées sur YouTube"]},
        {"header": "YouTube", "title": "Vous avez regardé Forfait mobile -50 % ce mois-ci",
         "titleUrl": "https://www.youtube.com/watch?v=ad123",
         "time": "2024-02-01T19:21:00Z", "products": ["YouTube"],
         "details": [{"name": "Provenant de Google Ads"}], "activityControls": ["Historique YouTube"]},
        {"header": "Recherche", "title": "Vous avez recherché recette crêpes sans œufs",
         "titleUrl": "https://www.google.com/search?q=recette+cr%C3%AApes+sans+%C5%93ufs",
         "time": "2024-02-02T07:05:33.5Z", "products": ["Recherche"],
         "locationInfos": [{"name": "À proximité de cet endroit : Lyon", "url": "https://www.google.com/maps/@?api=1"}]},
        {"header": "Chrome", "title": "Vous avez consulté Pronote - Espace élève",
         "titleUrl": "https://0690000a.index-education.net/pronote/eleve.html",
         "time": "2024-02-02T17:30:00Z", "products": ["Chrome"]},
        {"header": "YouTube", "title": "Vous avez regardé une vidéo qui a été supprimée",
         "time": "2024-02-03T22:45:12Z", "products": ["YouTube"]},
        {"header": "YouTube", "title": "Vous vous êtes abonné à Frigiel",
         "titleUrl": "https://www.youtube.com/channel/UCA0", "time": "2024-02-04T10:00:00Z", "products": ["YouTube"]},
        {"header": "YouTube", "title": "Vidéo sans date", "products": ["YouTube"]},
    ]
    write("my_activity/MonActivité.json", json.dumps(fr, indent=2, ensure_ascii=False).encode("utf-8"))
    en = [
        {"header": "YouTube", "title": "Watched Lo-fi beats to study to",
         "titleUrl": "https://www.youtube.com/watch?v=jfKfPfyJRdk",
         "subtitles": [{"name": "Lofi Girl", "url": "https://www.youtube.com/channel/UCSJ4"}],
         "time": "2024-02-05T21:10:00.001Z", "products": ["YouTube"]},
        {"header": "Search", "title": "Searched for how to ollie", "titleUrl": "https://www.google.com/search?q=how+to+ollie",
         "time": "2024-02-05T21:05:00Z", "products": ["Search"]},
        {"header": "Maps", "title": "Used Maps", "titleUrl": "https://www.google.com/maps",
         "time": "2024-02-06T08:00:00Z", "products": ["Maps"]},
        {"header": "Chrome", "title": "Visited Skatepark de Gerland - Lyon", "titleUrl": "https://www.lyon.fr/skatepark",
         "time": "2024-02-06T08:01:30Z", "products": ["Chrome"]},
    ]
    write("my_activity/MyActivity.json", json.dumps(en, indent=1, ensure_ascii=True).encode("ascii"))


if __name__ == "__main__":
    facebook()
    instagram()
    spotify()
    netflix()
    my_activity()
