// Listening, viewing and Google activity histories -> activity: Spotify streaming history (format "spotify":
// StreamingHistory_music_0.json / StreamingHistory0.json and the extended Streaming_History_Audio_*.json),
// Netflix ViewingActivity.csv ("netflix"), Google Takeout My Activity / YouTube history JSON ("my_activity").
// Streamed: one record in memory at a time.
// Does not own: JSON tokenizing (parsers/readers/json_reader.h), the CSV grammar (parsers/readers/csv.h).
#pragma once
#include <memory>
#include <string>
#include <string_view>

#include "parsers/core/parser.h"

namespace sdw {

int spotify_detect(std::string_view head, std::string_view file_name);      // endTime+msPlayed, or ms_played+track/episode: 90
int netflix_detect(std::string_view head, std::string_view file_name);      // Profile Name, Start Time, Duration, Title header: 92
int my_activity_detect(std::string_view head, std::string_view file_name);  // [{header, title, time, products|titleUrl}]: 90
std::unique_ptr<Parser> spotify_create(const ParseOptions& opts);
std::unique_ptr<Parser> netflix_create(const ParseOptions& opts);
std::unique_ptr<Parser> my_activity_create(const ParseOptions& opts);

// A My Activity title split into our kind and its object: "Vous avez regardé X" / "Watched X" -> ("view", "X");
// "Searched for X" / "Vous avez recherché X" -> search; visit, use, listen, like, subscribe, install, share,
// comment, voice… Unknown verbs: ("activity", whole title).
struct ActivityVerb {
  std::string kind;
  std::string object;
};
ActivityVerb my_activity_verb(std::string_view title);
// "00:42:10" / "1:02:03" / "42:10" -> seconds; false when malformed.
bool parse_hms(std::string_view s, double& seconds);

}  // namespace sdw
