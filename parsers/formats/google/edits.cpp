// Format google_edits: Timeline Edits.json {"timelineEdits":[…]}, recognised and skipped with an info message.
// Shared internals: parsers/formats/google/common.h (the dedup rule is described there).
#include "parsers/formats/google/common.h"

namespace sdw {

namespace {

using namespace google_detail;

// [SECTION] timelineEdits: recognised, not read

class EditsParser final : public Parser {
 public:
  void feed(std::span<const uint8_t> chunk) override { m_bytes += chunk.size(); }
  void finish() override {
    Message m = make_message("google.edits_skipped",
                             "Fichier de modifications de la chronologie (timelineEdits) : rien à importer, ignoré",
                             "Timeline edits file (timelineEdits): nothing to import, skipped");
    m.info = true;
    diag.warn(std::move(m));
  }
  uint64_t rows_so_far() const override { return 0; }
  const char* encoding() const override { return "utf-8"; }

 private:
  uint64_t m_bytes = 0;
};

}  // namespace

int google_edits_detect(std::string_view head, std::string_view) {
  std::string_view h = object_head(head);
  return !h.empty() && has_key(h, "\"timelineEdits\"") ? 95 : 0;
}

std::unique_ptr<Parser> google_edits_create(const ParseOptions&) { return std::make_unique<EditsParser>(); }

}  // namespace sdw
