// Spotify, Netflix and Google My Activity histories -> activity (see media.h). What each record gives:
//   spotify      ts = endTime ("2024-03-02 18:44", UTC, minute precision) or ts ("…Z"), both the END of playback
//                as Spotify writes it; kind "listen"; title = track / episode / audiobook chapter; target =
//                artist / show / audiobook; duration_s = msPlayed / ms_played; url = spotify:track:… URI;
//                device = platform (extended); extras album, skipped. IP address, country, user agent: not read.
//   netflix      ts = Start Time (UTC); kind "view", or "preview" for a trailer / hook (Supplemental Video
//                Type); title = Title; target = the series (Title before its first ": "); duration_s =
//                Duration (HH:MM:SS); device = Device Type; extras profile, country. Bookmarks: not read.
//   my_activity  ts = time; platform = header ("YouTube", "Search", "Recherche", "Chrome"…); kind and title
//                from the title's verb (my_activity_verb), "ad" when details name Google Ads; target =
//                subtitles[0].name (the channel); url = titleUrl. Location infos: not read.
#include "parsers/formats/media.h"

#include <cmath>

#include "parsers/core/activity_table.h"
#include "parsers/core/domain_table.h"
#include "parsers/readers/json.h"

namespace sdw {

// [SECTION] helpers

bool parse_hms(std::string_view s, double& seconds) {
  s = trim(s);
  double parts[3];
  int n = 0;
  size_t i = 0;
  while (true) {
    if (n == 3) return false;
    size_t j = i;
    int64_t v = 0;
    while (j < s.size() && s[j] >= '0' && s[j] <= '9' && j - i < 6) v = v * 10 + (s[j++] - '0');
    if (j == i) return false;
    if (n > 0 && (j - i != 2 || v > 59)) return false;
    parts[n++] = double(v);
    if (j == s.size()) break;
    if (s[j] != ':') return false;
    i = j + 1;
  }
  if (n < 2) return false;
  seconds = n == 3 ? parts[0] * 3600 + parts[1] * 60 + parts[2] : parts[0] * 60 + parts[1];
  return true;
}

ActivityVerb my_activity_verb(std::string_view title) {
  static const std::pair<const char*, const char*> k_verbs[] = {
      // English
      {"Watched ", "view"}, {"Viewed ", "view"}, {"Searched for ", "search"}, {"Searched ", "search"},
      {"Visited ", "visit"}, {"Used ", "use"}, {"Listened to ", "listen"}, {"Liked ", "like"},
      {"Disliked ", "dislike"}, {"Subscribed to ", "subscribe"}, {"Installed ", "install"}, {"Shared ", "share"},
      {"Commented on ", "comment"}, {"Said ", "voice"}, {"Read ", "read"}, {"Played ", "play"},
      {"Opened ", "open"}, {"Called ", "call"}, {"Directions to ", "directions"}, {"Answered ", "answer"},
      // French
      {"Vous avez regard\xC3\xA9 ", "view"}, {"Vous avez consult\xC3\xA9 ", "visit"}, {"Vous avez visit\xC3\xA9 ", "visit"},
      {"Vous avez recherch\xC3\xA9 ", "search"}, {"Vous avez effectu\xC3\xA9 une recherche sur ", "search"},
      {"Vous avez utilis\xC3\xA9 ", "use"}, {"Vous avez \xC3\xA9" "cout\xC3\xA9 ", "listen"},
      {"Vous avez aim\xC3\xA9 ", "like"}, {"Vous n'avez pas aim\xC3\xA9 ", "dislike"},
      {"Vous vous \xC3\xAAtes abonn\xC3\xA9 \xC3\xA0 ", "subscribe"}, {"Vous vous \xC3\xAAtes abonn\xC3\xA9" "e \xC3\xA0 ", "subscribe"},
      {"Vous avez install\xC3\xA9 ", "install"}, {"Vous avez partag\xC3\xA9 ", "share"},
      {"Vous avez comment\xC3\xA9 ", "comment"}, {"Vous avez dit ", "voice"}, {"Vous avez lu ", "read"},
      {"Vous avez jou\xC3\xA9 \xC3\xA0 ", "play"}, {"Vous avez ouvert ", "open"}, {"Vous avez appel\xC3\xA9 ", "call"},
      {"Itin\xC3\xA9raire vers ", "directions"}, {"Vous avez r\xC3\xA9pondu \xC3\xA0 ", "answer"},
  };
  title = trim(title);
  for (const auto& [prefix, kind] : k_verbs)
    if (starts_with(title, prefix)) return {kind, std::string(trim(title.substr(std::string_view(prefix).size())))};
  return {"activity", std::string(title)};
}

namespace {

bool contains(std::string_view s, std::string_view part) { return s.find(part) != std::string_view::npos; }

// A UTC time as the exports write it ("2024-03-02 18:44", "…Z"); `offset` is the one written, if any.
bool utc_time(std::string_view s, int64_t& us, int16_t& offset) {
  DateTime dt;
  if (!parse_datetime(trim(s), LocalZone::Utc, dt, false)) return false;
  if (dt.utc_us < int64_t(631152000) * 1000000 || dt.utc_us >= int64_t(4102444800) * 1000000) return false;
  us = dt.utc_us;
  offset = dt.local_offset();
  return true;
}

// [SECTION] Spotify

enum SpotifyCol : size_t { c_sp_album = c_act_extra, c_sp_skipped };

class SpotifyParser final : public JsonActivityParser {
 public:
  explicit SpotifyParser(const ParseOptions& o) : JsonActivityParser(o, "spotify", false) {
    m_table = make_activity_table({{"album", ColumnType::String}, {"skipped", ColumnType::Bool}});
    m_w = RowWriter(m_table);
  }

 private:
  struct Record {
    std::string time, track, artist, episode, show, chapter, book, album, uri, device;
    double ms = NAN;
    int skipped = -1;
    bool extended = false;
  };
  bool records_in(std::string_view key) override { return key.empty(); }
  void begin_record(std::string_view) override { m_rec = Record{}; }

  void field(std::string_view p, const JsonEvent& e) override {
    if (e.kind == JsonKind::Number) {
      if (p == "msPlayed" || p == "ms_played") m_rec.ms = e.f64;
      return;
    }
    if (e.kind == JsonKind::Bool) {
      if (p == "skipped") m_rec.skipped = e.boolean;
      return;
    }
    if (e.kind != JsonKind::String) return;
    std::string* dst = nullptr;
    if (p == "endTime") dst = &m_rec.time;
    else if (p == "ts") { dst = &m_rec.time; m_rec.extended = true; }
    else if (p == "trackName" || p == "master_metadata_track_name") dst = &m_rec.track;
    else if (p == "artistName" || p == "master_metadata_album_artist_name") dst = &m_rec.artist;
    else if (p == "episodeName" || p == "episode_name") dst = &m_rec.episode;
    else if (p == "podcastName" || p == "episode_show_name") dst = &m_rec.show;
    else if (p == "audiobook_chapter_title") dst = &m_rec.chapter;
    else if (p == "audiobook_title") dst = &m_rec.book;
    else if (p == "master_metadata_album_album_name") dst = &m_rec.album;
    else if (p == "spotify_track_uri" || p == "spotify_episode_uri" || p == "audiobook_uri") dst = &m_rec.uri;
    else if (p == "platform") dst = &m_rec.device;
    if (dst && dst->empty()) *dst = text_of(e);
  }

  void end_record() override {
    int64_t us;
    int16_t off;
    if (!utc_time(m_rec.time, us, off)) {
      skip("sans date de fin d'écoute (endTime / ts) lisible", "no readable end time (endTime / ts)");
      return;
    }
    m_w.ts(c_act_ts, us, off);
    m_w.str(c_act_platform, "Spotify");
    m_w.str(c_act_kind, "listen");
    const std::string& title = !m_rec.track.empty() ? m_rec.track : !m_rec.episode.empty() ? m_rec.episode : m_rec.chapter;
    const std::string& target = !m_rec.track.empty() ? m_rec.artist : !m_rec.episode.empty() ? m_rec.show : m_rec.book;
    if (!title.empty()) m_w.str(c_act_title, title);
    if (!target.empty()) m_w.str(c_act_target, target);
    m_w.str(c_act_source, m_rec.extended ? "spotify_extended" : "spotify");
    if (std::isfinite(m_rec.ms) && m_rec.ms >= 0) m_w.f64(c_act_duration, m_rec.ms / 1000.0);
    if (!m_rec.uri.empty()) m_w.str(c_act_url, m_rec.uri);
    if (!m_rec.device.empty()) m_w.str(c_act_device, m_rec.device);
    if (!m_rec.album.empty()) m_w.str(c_sp_album, m_rec.album);
    if (m_rec.skipped >= 0) m_w.boolean(c_sp_skipped, m_rec.skipped == 1);
    write_row();
  }

  Record m_rec;
};

// [SECTION] Google My Activity

class MyActivityParser final : public JsonActivityParser {
 public:
  explicit MyActivityParser(const ParseOptions& o) : JsonActivityParser(o, "my_activity", false) {
    m_table = make_activity_table();
    m_w = RowWriter(m_table);
  }

 private:
  struct Record {
    std::string header, title, url, time, product, subtitle;
    bool ad = false;
  };
  bool records_in(std::string_view key) override { return key.empty(); }
  void begin_record(std::string_view) override { m_rec = Record{}; }

  void field(std::string_view p, const JsonEvent& e) override {
    if (e.kind != JsonKind::String) return;
    std::string* dst = nullptr;
    if (p == "header") dst = &m_rec.header;
    else if (p == "title") dst = &m_rec.title;
    else if (p == "titleUrl") dst = &m_rec.url;
    else if (p == "time") dst = &m_rec.time;
    else if (p == "products[]") dst = &m_rec.product;
    else if (p == "subtitles[].name") dst = &m_rec.subtitle;
    else if (p == "details[].name" && contains(e.text, "Google Ads")) m_rec.ad = true;
    if (dst && dst->empty()) *dst = text_of(e);
  }

  void end_record() override {
    int64_t us;
    int16_t off;
    if (!utc_time(m_rec.time, us, off)) {
      skip("sans heure (time) lisible", "no readable time");
      return;
    }
    ActivityVerb v = my_activity_verb(m_rec.title);
    m_w.ts(c_act_ts, us, off);
    const std::string& platform = !m_rec.header.empty() ? m_rec.header : m_rec.product;
    if (!platform.empty()) m_w.str(c_act_platform, platform);
    m_w.str(c_act_kind, m_rec.ad ? "ad" : v.kind);
    if (!v.object.empty()) m_w.str(c_act_title, v.object);
    if (!m_rec.subtitle.empty()) m_w.str(c_act_target, m_rec.subtitle);
    m_w.str(c_act_source, "my_activity");
    if (!m_rec.url.empty()) m_w.str(c_act_url, m_rec.url);
    write_row();
  }

  Record m_rec;
};

// [SECTION] Netflix

enum NetflixRole : int { r_profile, r_start, r_duration, r_attributes, r_title, r_supplemental, r_device, r_country, r_count };

int netflix_role(const std::string& n) {
  if (n == "profile name") return r_profile;
  if (n == "start time") return r_start;
  if (n == "duration") return r_duration;
  if (n == "attributes") return r_attributes;
  if (n == "title") return r_title;
  if (n == "supplemental video type") return r_supplemental;
  if (n == "device type") return r_device;
  if (n == "country") return r_country;
  return -1;
}

struct NetflixLayout {
  int col[r_count];
  bool ok = false;
  NetflixLayout() { for (int& c : col) c = -1; }
};

NetflixLayout netflix_layout(const std::vector<std::string>& folded) {
  NetflixLayout l;
  for (size_t i = 0; i < folded.size(); ++i) {
    const int r = netflix_role(folded[i]);
    if (r >= 0 && l.col[r] < 0) l.col[r] = int(i);
  }
  l.ok = l.col[r_start] >= 0 && l.col[r_title] >= 0 && l.col[r_duration] >= 0 && l.col[r_profile] >= 0;
  return l;
}

enum NetflixCol : size_t { c_nf_profile = c_act_extra, c_nf_country };

class NetflixParser final : public CsvDomainParser {
 public:
  explicit NetflixParser(const ParseOptions& o) : CsvDomainParser(o) {
    m_table = make_activity_table({{"profile", ColumnType::String}, {"country", ColumnType::String}});
    m_w = RowWriter(m_table);
  }
  uint64_t rows_so_far() const override { return m_w.rows(); }

  void on_record(std::span<const std::string_view> f, uint64_t off, uint64_t line) override {
    if (!m_header) {
      std::vector<std::string> folded;
      for (std::string_view s : f) folded.push_back(fold_name(s));
      NetflixLayout l = netflix_layout(folded);
      if (l.ok) { m_header = true; m_layout = l; }
      return;
    }
    const uint64_t record = m_records++;
    int64_t us;
    int16_t written;
    if (!utc_time(cell(f, r_start), us, written)) {
      if (m_skipped++ == 0) { m_skip_line = line; m_skip_off = off; }
      return;
    }
    m_w.ts(c_act_ts, us, written);
    m_w.str(c_act_platform, "Netflix");
    const std::string_view supplemental = cell(f, r_supplemental);
    m_w.str(c_act_kind, supplemental.empty() ? "view" : "preview");
    const std::string_view title = cell(f, r_title);
    if (!title.empty()) {
      m_w.str(c_act_title, title);
      const size_t colon = title.find(": ");
      if (colon != std::string_view::npos && colon > 0) m_w.str(c_act_target, trim(title.substr(0, colon)));
    }
    m_w.str(c_act_source, "netflix");
    double secs;
    if (parse_hms(cell(f, r_duration), secs)) m_w.f64(c_act_duration, secs);
    else if (!cell(f, r_duration).empty()) ++m_bad_duration;
    if (std::string_view d = cell(f, r_device); !d.empty()) m_w.str(c_act_device, d);
    if (std::string_view p = cell(f, r_profile); !p.empty()) m_w.str(c_nf_profile, p);
    if (std::string_view c = cell(f, r_country); !c.empty()) m_w.str(c_nf_country, c);
    m_w.end_row(m_prov, record);
  }

 private:
  std::string_view cell(std::span<const std::string_view> f, int role) const {
    const int c = m_layout.col[role];
    return c >= 0 && size_t(c) < f.size() ? trim(f[size_t(c)]) : std::string_view();
  }

  void end_of_input() override {
    if (!m_header)
      diag.warn(make_message("netflix.no_header", "En-tête (Profile Name, Start Time, Duration, Title) introuvable",
                             "No header (Profile Name, Start Time, Duration, Title) found"));
    info_skipped_rows(diag, "netflix.skipped_rows", m_skipped, m_skip_line, m_skip_off,
                      "sans heure de début (Start Time) lisible ignorée(s)", "without a readable Start Time skipped");
    if (m_bad_duration)
      diag.warn(make_message("netflix.bad_duration", num_str(m_bad_duration) + " durée(s) illisible(s) laissée(s) vide(s)",
                             num_str(m_bad_duration) + " unreadable duration(s) left empty"));
    tables.push_back(std::move(m_table));
  }

  Table m_table;
  RowWriter m_w;
  bool m_header = false;
  NetflixLayout m_layout;
  uint64_t m_records = 0, m_skipped = 0, m_skip_line = 0, m_skip_off = 0, m_bad_duration = 0;
};

}  // namespace

// [SECTION] detection

int spotify_detect(std::string_view head, std::string_view) {
  std::string_view o = json_first_object(head);
  if (o.empty()) return 0;
  if (json_has_key(o, "endTime") && json_has_key(o, "msPlayed")) return 90;
  if (json_has_key(o, "ms_played") &&
      (json_has_key(o, "master_metadata_track_name") || json_has_key(o, "spotify_track_uri") || json_has_key(o, "episode_name")))
    return 90;
  return 0;
}

int my_activity_detect(std::string_view head, std::string_view) {
  std::string_view o = json_first_object(head);
  if (o.empty()) return 0;
  if (json_has_key(o, "header") && json_has_key(o, "title") && json_has_key(o, "time") &&
      (json_has_key(o, "products") || json_has_key(o, "titleUrl")))
    return 90;
  return 0;
}

int netflix_detect(std::string_view head, std::string_view) {
  const std::string text = head_text(head);
  if (text.empty()) return 0;
  for (const auto& l : folded_lines(text, ',', 3))
    if (netflix_layout(l).ok) return 92;
  return 0;
}

std::unique_ptr<Parser> spotify_create(const ParseOptions& opts) { return std::make_unique<SpotifyParser>(opts); }
std::unique_ptr<Parser> netflix_create(const ParseOptions& opts) { return std::make_unique<NetflixParser>(opts); }
std::unique_ptr<Parser> my_activity_create(const ParseOptions& opts) { return std::make_unique<MyActivityParser>(opts); }

}  // namespace sdw
