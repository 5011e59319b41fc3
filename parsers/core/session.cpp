// Session: buffers the head, detects the format, forwards chunks to the chosen parser, and turns
// every failure (unknown/empty input, cancellation, out of memory, unexpected exception) into a
// failed Diagnostics. Nothing is thrown out of it.
#include <new>
#include <stdexcept>

#include "parsers/core/parser.h"

namespace sdw {

Session::Session(ParseOptions opts) : m_opts(std::move(opts)) {}

bool Session::can_take_rows() const {
  return m_parser && !m_done && !m_parser->diag.failed && m_parser->streams_rows();
}

Table Session::take_rows(size_t table_index) {
  auto& t = tables();
  return table_index < t.size() ? t[table_index].take_rows() : Table();
}

std::vector<Table>& Session::tables() { return m_parser ? m_parser->tables : m_empty; }

const Diagnostics& Session::diagnostics() const { return m_parser ? m_parser->diag : m_own_diag; }

const std::vector<EntryResult>& Session::entries() const {
  static const std::vector<EntryResult> k_none;
  const std::vector<EntryResult>* e = m_parser ? m_parser->entries() : nullptr;
  return e ? *e : k_none;
}

std::string table_name_from_path(std::string_view path, std::string_view fallback) {
  size_t slash = path.find_last_of("/\\");
  if (slash != std::string_view::npos) path.remove_prefix(slash + 1);
  size_t dot = path.rfind('.');
  if (dot != std::string_view::npos && dot > 0) path = path.substr(0, dot);
  return std::string(path.empty() ? fallback : path);
}

void Session::fail(Message m) {
  if (m_parser) {
    m_parser->diag.fail(std::move(m));
    m_parser->tables.clear();  // a half-built table (columns of different lengths) must not be used
  } else {
    m_own_diag.fail(std::move(m));
  }
  m_done = true;
}

void Session::fail_exception(const char* what, bool out_of_memory) {
  try {
    if (out_of_memory)
      fail(make_message("parse.out_of_memory",
                        "Mémoire insuffisante pour analyser ce fichier (octet " + std::to_string(m_bytes) + ")",
                        "Out of memory while parsing this file (byte " + std::to_string(m_bytes) + ")", m_bytes, 0));
    else
      fail(make_message("parse.internal", std::string("Erreur interne pendant l'analyse : ") + what,
                        std::string("Internal error while parsing: ") + what, m_bytes, 0));
  } catch (...) {
    // even the message could not be built: release what we can and keep a static-text failure
    m_parser.reset();
    m_own_diag.failed = true;
    m_done = true;
  }
}

void Session::start_parser() {
  m_detection = detect_format(m_head, m_opts.file_name);
  if (!m_detection.format) {
    const std::string fr = describe_head(m_head, true);
    Message m = make_message("format.unknown", "Format non reconnu : " + fr,
                             "Unknown format: " + m_detection.what_was_seen, 0, 0);
    fail(std::move(m));
    m_head = std::string();
    return;
  }
  if (m_opts.nesting >= 2 && (std::string_view(m_detection.format->id) == "zip" || std::string_view(m_detection.format->id) == "tar")) {
    // an archive inside an archive inside an archive: not opened (the enclosing ZIP lists it as skipped)
    fail(make_message("zip.too_deep",
                      "Archive dans une archive dans une archive : ignorée. Décompressez-la d’abord sur votre ordinateur, puis déposez ce qu’elle contient",
                      "Archive inside an archive inside an archive: skipped. Unzip it on your computer first, then drop what it holds"));
    m_head = std::string();
    return;
  }
  m_parser = m_detection.format->create(m_opts);
  std::string head = std::move(m_head);
  m_head = std::string();
  m_parser->feed(std::span<const uint8_t>(reinterpret_cast<const uint8_t*>(head.data()), head.size()));
}

void Session::feed(std::span<const uint8_t> chunk) {
  if (m_done) return;
  try {
    m_bytes += chunk.size();
    if (m_parser) {
      m_parser->feed(chunk);
      return;
    }
    m_head.append(reinterpret_cast<const char*>(chunk.data()), chunk.size());
    if (m_head.size() >= k_head_bytes) start_parser();
  } catch (const std::bad_alloc&) {
    fail_exception("", true);
  } catch (const std::exception& e) {
    fail_exception(e.what(), false);
  }
}

void Session::finish() {
  if (m_done) return;
  try {
    if (!m_parser) {
      if (m_bytes == 0) {
        fail(make_message("format.empty", "Fichier vide", "Empty file"));
        return;
      }
      start_parser();
    }
    if (m_parser && !m_done) m_parser->finish();
  } catch (const std::bad_alloc&) {
    fail_exception("", true);
  } catch (const std::exception& e) {
    fail_exception(e.what(), false);
  }
  m_done = true;
}

void Session::cancel() {
  if (m_done) return;
  try {
    fail(make_message("parse.cancelled", "Analyse annulée (octet " + std::to_string(m_bytes) + ")",
                      "Parsing cancelled (byte " + std::to_string(m_bytes) + ")", m_bytes, 0));
  } catch (...) {
    m_own_diag.failed = true;
  }
  m_done = true;
}

}  // namespace sdw
