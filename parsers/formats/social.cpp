// Facebook and Instagram JSON exports -> activity (see social.h). What each record gives:
//   ts        timestamp (s), timestamp_ms (messages), creation_timestamp, string_list_data[].timestamp,
//             string_map_data.<label>.timestamp: the first one met in the record
//   kind      by the array holding the record: messages -> "message" (sent by the account holder) or
//             "message_received"; *comments* -> comment; *likes* / *reactions* -> like; *stories* -> story;
//             the root array: post (Instagram: comment when it has string_map_data)
//   title     Facebook's sentence ("Léa a commenté la publication de Marc.")
//   text      what the user wrote: data[].post, data[].comment.comment, an Instagram caption or comment, the
//             reaction ("LIKE"), a message's content only when the account holder sent it
//   target    the thread title (messages), the liked account (Instagram likes), the media owner (Instagram
//             comments), the group (Facebook comments)
//   url       attachments' external_context.url, share.link, string_list_data[].href
// 2024+ "label_values" layouts (Facebook's and Instagram's newer files: a record holds "timestamp" and a list
// {"label": "Comment", "value": "…"}, {"label": "URL", "value": …, "href": …}, {"label": "Date",
// "timestamp_value": …}, {"label": "Owner", "dict": [{"label": "Username", "value": …}]}) are read like the
// older ones: the label names the field (English or French), and the kind of a root-array record comes from
// it (a "Comment" label: comment; "Reaction": like; else the file's key or post).
// The account holder of a message thread is its last participant (both services list the owner last).
// Other people's messages keep no text; other people's e-mail addresses are never read.
#include "parsers/formats/social.h"

#include "parsers/core/activity_table.h"
#include "parsers/readers/json.h"

namespace sdw {

namespace {

bool ends_with(std::string_view s, std::string_view suf) {
  return s.size() >= suf.size() && s.substr(s.size() - suf.size()) == suf;
}

bool contains(std::string_view s, std::string_view part) { return s.find(part) != std::string_view::npos; }

// Kind of the records of an array member, "" when not read.
const char* kind_of_key(std::string_view key) {
  if (key == "messages") return "message";
  if (contains(key, "comment")) return "comment";
  if (contains(key, "like") || contains(key, "reaction")) return "like";
  if (contains(key, "stor")) return "story";
  if (contains(key, "post")) return "post";
  if (contains(key, "saved")) return "save";
  return "";
}

bool is_message_thread(std::string_view h) {
  return json_has_key(h, "participants") && json_has_key(h, "messages") &&
         (json_has_key(h, "sender_name") || json_has_key(h, "timestamp_ms"));
}

bool instagram_path(std::string_view file_name) {
  const std::string p = lower_path(file_name);
  return contains(p, "instagram");
}

class SocialParser final : public JsonActivityParser {
 public:
  SocialParser(const ParseOptions& o, bool instagram)
      : JsonActivityParser(o, instagram ? "instagram" : "facebook", true), m_ig(instagram) {
    m_table = make_activity_table();
    m_w = RowWriter(m_table);
  }

 private:
  struct Record {
    bool has_ts = false;
    int64_t ts_us = 0;
    std::string title, text, target, url, sender, name, caption, label;
    bool map_comment = false, media = false;
    const char* lv_kind = nullptr;  // kind named by a label_values label
  };

  bool records_in(std::string_view key) override {
    return key.empty() || key == "participants" || *kind_of_key(key);
  }

  void begin_record(std::string_view key) override {
    m_rec = Record{};
    m_key.assign(key);
  }

  void time(const JsonEvent& e, double scale) {
    if (m_rec.has_ts || e.kind != JsonKind::Number) return;
    int64_t us;
    if (epoch_s_to_us(e.f64 * scale, us)) {
      m_rec.has_ts = true;
      m_rec.ts_us = us;
    }
  }

  void field(std::string_view path, const JsonEvent& e) override {
    if (starts_with(path, "label_values[].")) {
      label_value(path.substr(15), e);
      return;
    }
    if (e.kind == JsonKind::Number) {
      if (path == "timestamp_ms") time(e, 1e-3);
      else if (path == "update_timestamp" || ends_with(path, ".update_timestamp")) return;
      else if (ends_with(path, "timestamp")) time(e, 1.0);  // timestamp, creation_timestamp, ….timestamp
      return;
    }
    if (e.kind != JsonKind::String) return;
    auto set = [&](std::string& dst) {
      if (dst.empty()) dst = text_of(e);
    };
    if (path == "title") set(m_rec.title);
    else if (path == "name") set(m_rec.name);                       // participants[]
    else if (path == "sender_name") set(m_rec.sender);
    else if (path == "content" || path == "data[].post" || path == "data[].comment.comment" ||
             path == "data[].reaction.reaction" || path == "string_list_data[].value")
      set(m_rec.text);
    else if (path == "data[].comment.group") set(m_rec.target);
    else if (path == "media[].title") set(m_rec.caption);
    else if (path == "media[].uri") m_rec.media = true;
    else if (path == "string_list_data[].href" || path == "share.link" || ends_with(path, "external_context.url")) set(m_rec.url);
    else if (starts_with(path, "string_map_data.") && ends_with(path, ".value")) {
      const std::string label = fold_name(path.substr(16, path.size() - 16 - 6));
      if (label == "comment" || label == "commentaire") { set(m_rec.text); m_rec.map_comment = true; }
      else if (contains(label, "owner") || contains(label, "proprietaire")) set(m_rec.target);
    }
  }

  // One member of a label_values entry: "label" comes first and names what the next "value" is.
  void label_value(std::string_view leaf, const JsonEvent& e) {
    if (leaf == "label" && e.kind == JsonKind::String) {
      m_rec.label = fold_name(text_of(e));
      return;
    }
    if (leaf == "timestamp_value" || (leaf == "value" && e.kind == JsonKind::Number && contains(m_rec.label, "date"))) {
      time(e, 1.0);
      return;
    }
    if (e.kind != JsonKind::String) return;
    auto set = [&](std::string& dst) {
      if (dst.empty()) dst = text_of(e);
    };
    const std::string& l = m_rec.label;
    if (leaf == "href") { set(m_rec.url); return; }
    const bool in_dict = starts_with(leaf, "dict[].");
    if (leaf != "value" && !(in_dict && ends_with(leaf, ".value"))) return;
    if (in_dict || l == "owner" || l == "proprietaire" || l == "name" || l == "nom" || l == "username" ||
        l == "nom d'utilisateur" || l == "author" || l == "auteur") {
      set(m_rec.target);
    } else if (l == "comment" || l == "commentaire") {
      set(m_rec.text);
      m_rec.map_comment = true;
      m_rec.lv_kind = "comment";
    } else if (l == "reaction" || l == "reactions") {
      set(m_rec.text);
      m_rec.lv_kind = "like";
    } else if (l == "text" || l == "texte" || l == "message" || l == "post" || l == "publication") {
      set(m_rec.text);
    } else if (l == "caption" || l == "legende" || l == "title" || l == "titre") {
      set(m_rec.caption);
    } else if (l == "url" || l == "lien" || l == "link") {
      set(m_rec.url);
    }
  }

  void end_record() override {
    if (m_key == "participants") {  // the account holder is listed last
      m_owner = m_rec.name;
      m_has_owner = !m_owner.empty();
      return;
    }
    if (!m_rec.has_ts) {
      skip("sans date (timestamp) lisible", "no readable timestamp");
      return;
    }
    std::string_view kind = m_key.empty() ? "post" : kind_of_key(m_key);
    if (m_key.empty() && m_ig && m_rec.map_comment) kind = "comment";
    if (m_key.empty() && m_rec.lv_kind) kind = m_rec.lv_kind;
    m_w.ts(c_act_ts, m_rec.ts_us);  // epoch seconds: no offset written
    m_w.str(c_act_platform, m_ig ? "Instagram" : "Facebook");
    if (kind == "message") {
      const bool own = m_has_owner && m_rec.sender == m_owner;
      m_w.str(c_act_kind, own ? "message" : "message_received");
      if (own && !m_rec.text.empty()) m_w.str(c_act_text, m_rec.text);
      ++m_messages;
    } else {
      m_w.str(c_act_kind, kind);
      std::string_view text = m_rec.text;
      if (m_ig) {  // Instagram titles are a caption (posts, stories) or the other account (likes)
        if (kind == "like" && !m_rec.title.empty() && m_rec.target.empty()) m_rec.target = m_rec.title;
        else if (text.empty() && !m_rec.title.empty()) text = m_rec.title;
        if (text.empty()) text = m_rec.caption;
      } else if (!m_rec.title.empty()) {
        m_w.str(c_act_title, m_rec.title);
      }
      if (text.empty() && !m_ig) text = m_rec.caption;
      if (!text.empty()) m_w.str(c_act_text, text);
      if (!m_rec.target.empty()) m_w.str(c_act_target, m_rec.target);
    }
    m_w.str(c_act_source, m_ig ? "instagram" : "facebook");
    if (!m_rec.url.empty()) m_w.str(c_act_url, m_rec.url);
    write_row();
  }

  void outside(std::string_view path, const JsonEvent& e) override {
    if (path == "title" && e.kind == JsonKind::String) m_thread = text_of(e);
  }

  void end_of_input() override {
    if (m_messages && !m_thread.empty()) {  // the thread title comes after the messages: filled in now
      Column& tc = m_table.columns[c_act_target];
      const Column& kc = m_table.columns[c_act_kind];
      Column out;
      out.name = tc.name;
      out.type = ColumnType::String;
      for (size_t i = 0; i < tc.size(); ++i) {
        if (tc.valid[i]) out.append_string(tc.string_at(i));
        else if (kc.valid[i] && starts_with(kc.string_at(i), "message")) out.append_string(m_thread);
        else out.append_null();
      }
      tc = std::move(out);
    }
  }

  bool m_ig;
  Record m_rec;
  std::string m_key, m_owner, m_thread;
  bool m_has_owner = false;
  uint64_t m_messages = 0;
};

}  // namespace

int facebook_detect(std::string_view head, std::string_view file_name) {
  std::string_view h = json_head_start(head);
  if (h.empty()) return 0;
  if (h[0] == '{') {
    if (json_has_key(h, "comments_v2") || json_has_key(h, "reactions_v2")) return 90;
    if (json_has_key(h, "comments") && json_has_key(h, "comment") && json_has_key(h, "timestamp")) return 85;
    if (is_message_thread(h) && !instagram_path(file_name)) return 80;
    return 0;
  }
  std::string_view o = json_first_object(head);
  if (!o.empty() && json_has_key(o, "label_values") && !instagram_path(file_name)) return 85;  // 2024+ layout
  if (o.empty() || !json_has_key(o, "timestamp") || json_has_key(o, "string_list_data")) return 0;
  if (json_has_key(o, "data") && (json_has_key(o, "post") || json_has_key(o, "title") || json_has_key(o, "attachments")))
    return 85;
  return 0;
}

int instagram_detect(std::string_view head, std::string_view file_name) {
  std::string_view h = json_head_start(head);
  if (h.empty()) return 0;
  if (h[0] == '{') {
    for (const char* k : {"likes_media_likes", "likes_comment_likes", "comments_media_comments", "comments_reels_comments",
                          "ig_stories", "saved_saved_media", "story_activities_story_likes"})
      if (json_has_key(h, k)) return 90;
    if (is_message_thread(h) && instagram_path(file_name)) return 85;
    return 0;
  }
  std::string_view o = json_first_object(head);
  if (o.empty()) return 0;
  if (json_has_key(o, "string_map_data")) return 85;
  if (json_has_key(o, "label_values") && instagram_path(file_name)) return 86;  // 2024+ layout
  if (json_has_key(o, "media") && json_has_key(o, "creation_timestamp") && json_has_key(o, "uri")) return 85;
  return 0;
}

std::unique_ptr<Parser> facebook_create(const ParseOptions& opts) { return std::make_unique<SocialParser>(opts, false); }
std::unique_ptr<Parser> instagram_create(const ParseOptions& opts) { return std::make_unique<SocialParser>(opts, true); }

}  // namespace sdw
