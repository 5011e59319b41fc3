// What a parse tells the user besides rows: warnings and the error, with where it happened.
// Messages are stored as a stable code plus French and English text so the UI shows its language.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace sdw {

struct Location {
  uint64_t byte_offset = 0;  // offset in the source file (64-bit: files over 4 GiB)
  uint64_t line = 0;         // 1-based line number, 0 when not meaningful (binary formats)
};

struct Message {
  std::string code;  // stable identifier, e.g. "csv.ragged_row", "format.unknown"
  std::string fr;    // text for the user, French
  std::string en;    // text for the user, English
  Location where;
  bool has_location = false;
  bool info = false;  // informational (e.g. "3 preamble lines skipped"), not a problem in the data
};

Message make_message(std::string code, std::string fr, std::string en);
Message make_message(std::string code, std::string fr, std::string en, uint64_t byte_offset, uint64_t line);

// Warnings are capped per code so a bad million-line file does not produce a million messages;
// the count of suppressed repeats is kept.
struct Diagnostics {
  std::vector<Message> warnings;
  std::vector<std::pair<std::string, uint64_t>> suppressed;  // code -> repeats not stored
  bool failed = false;
  Message error;                                             // set when failed

  static constexpr size_t k_max_per_code = 20;
  void warn(Message m);
  void fail(Message m);   // messages are made valid UTF-8 here and in warn(): they quote raw input
  uint64_t count(std::string_view code) const;  // stored + suppressed messages of this code
  // For hot loops: when a code is at its cap, count the repeat without building a message.
  bool at_cap(std::string_view code) const;
  void suppress(std::string_view code);
};

}  // namespace sdw
