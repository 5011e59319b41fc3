// Facebook and Instagram "Download your information" JSON exports (formats "facebook", "instagram") -> activity.
// Facebook: posts (your_posts_1.json), comments (comments_v2), reactions (reactions_v2), Messenger threads
// (messages/inbox/<thread>/message_1.json). Instagram: liked posts and comments, posts (posts_1.json), post
// comments (post_comments_1.json), stories, DM threads. Text written as UTF-8 bytes in \u00XX escapes
// (mojibake) is repaired. Streamed: one record in memory at a time.
// Does not own: JSON tokenizing (parsers/readers/json_reader.h), the mojibake rule (parsers/readers/json.h).
#pragma once
#include <memory>
#include <string_view>

#include "parsers/core/parser.h"

namespace sdw {

// comments_v2 / reactions_v2 objects: 90; a posts array (timestamp + data/title): 85; a message thread
// (participants + messages) not hinted as Instagram by its path: 80.
int facebook_detect(std::string_view head, std::string_view file_name);
// likes_media_likes, comments_media_comments, ig_stories…: 90; posts (media + creation_timestamp) or
// comments (string_map_data) arrays: 85; a message thread whose path names Instagram: 85.
int instagram_detect(std::string_view head, std::string_view file_name);
std::unique_ptr<Parser> facebook_create(const ParseOptions& opts);
std::unique_ptr<Parser> instagram_create(const ParseOptions& opts);

}  // namespace sdw
