// expat wrapper: chunked XML_Parse, per-element text with a cap, 64-bit byte offsets, Windows-1252 as an
// extra encoding, entity hardening, and bilingual error messages with line and byte offset.
// After the root element closes, anything that is not XML (garbage appended to a file) is ignored with
// one warning "xml.trailing".
#include "parsers/readers/xml.h"

#include <expat.h>

#include <algorithm>
#include <cstring>
#include <new>

#include "parsers/core/encoding.h"

namespace sdw {

namespace {

XML_Parser P(void* p) { return static_cast<XML_Parser>(p); }

int XMLCALL unknown_encoding_cb(void*, const XML_Char* name, XML_Encoding* info) {
  auto eq = [&](const char* want) {
    size_t i = 0;
    for (; name[i] && want[i]; ++i) {
      char c = name[i];
      if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
      if (c != want[i]) return false;
    }
    return name[i] == 0 && want[i] == 0;
  };
  if (!eq("windows-1252") && !eq("cp1252")) return XML_STATUS_ERROR;
  for (int i = 0; i < 256; ++i) info->map[i] = i < 0x80 ? i : int(cp1252_to_unicode(uint8_t(i)));
  info->data = nullptr;
  info->convert = nullptr;
  info->release = nullptr;
  return XML_STATUS_OK;
}

int XMLCALL external_entity_cb(XML_Parser, const XML_Char*, const XML_Char*, const XML_Char*, const XML_Char*) {
  return XML_STATUS_ERROR;  // never fetch anything: XML_ERROR_EXTERNAL_ENTITY_HANDLING
}

struct ErrorText {
  XML_Error code;
  const char* id;
  const char* fr;
  const char* en;
};

const ErrorText k_errors[] = {
    {XML_ERROR_NO_MEMORY, "no_memory", "mémoire insuffisante", "out of memory"},
    {XML_ERROR_SYNTAX, "syntax", "erreur de syntaxe", "syntax error"},
    {XML_ERROR_NO_ELEMENTS, "incomplete", "document incomplet (élément non fermé ou fichier vide)",
     "incomplete document (unclosed element or empty file)"},
    {XML_ERROR_INVALID_TOKEN, "invalid_token", "caractère ou balise invalide", "invalid character or tag"},
    {XML_ERROR_UNCLOSED_TOKEN, "incomplete", "balise non fermée", "unclosed tag"},
    {XML_ERROR_PARTIAL_CHAR, "partial_char", "caractère incomplet", "partial character"},
    {XML_ERROR_TAG_MISMATCH, "tag_mismatch", "balise fermante qui ne correspond pas à la balise ouvrante",
     "closing tag does not match the opening tag"},
    {XML_ERROR_DUPLICATE_ATTRIBUTE, "duplicate_attribute", "attribut en double", "duplicate attribute"},
    {XML_ERROR_JUNK_AFTER_DOC_ELEMENT, "junk_after_root", "données après l'élément racine",
     "data after the root element"},
    {XML_ERROR_UNDEFINED_ENTITY, "undefined_entity", "entité non définie", "undefined entity"},
    {XML_ERROR_RECURSIVE_ENTITY_REF, "recursive_entity", "entité récursive", "recursive entity reference"},
    {XML_ERROR_UNKNOWN_ENCODING, "unknown_encoding", "encodage non pris en charge", "unsupported encoding"},
    {XML_ERROR_INCORRECT_ENCODING, "incorrect_encoding", "encodage déclaré incorrect",
     "declared encoding is wrong"},
    {XML_ERROR_UNCLOSED_CDATA_SECTION, "incomplete", "section CDATA non fermée", "unclosed CDATA section"},
    {XML_ERROR_EXTERNAL_ENTITY_HANDLING, "external_entity", "entité externe refusée", "external entity refused"},
    {XML_ERROR_INVALID_ARGUMENT, "internal", "erreur interne de l'analyseur XML", "XML parser internal error"},
    {XML_ERROR_AMPLIFICATION_LIMIT_BREACH, "entity_amplification",
     "expansion d'entités excessive (attaque « billion laughs » ?)", "excessive entity expansion (billion laughs attack?)"},
    {XML_ERROR_XML_DECL, "xml_decl", "déclaration XML mal formée", "malformed XML declaration"},
    {XML_ERROR_UNBOUND_PREFIX, "unbound_prefix", "préfixe d'espace de noms non déclaré", "undeclared namespace prefix"},
};

}  // namespace

std::string_view xml_local_name(std::string_view qname) {
  size_t c = qname.rfind(':');
  return c == std::string_view::npos ? qname : qname.substr(c + 1);
}

const char* xml_attr(const char** attrs, std::string_view local_name) {
  for (size_t i = 0; attrs && attrs[i]; i += 2)
    if (xml_local_name(attrs[i]) == local_name) return attrs[i + 1];
  return nullptr;
}

bool xml_head_has_root(std::string_view h, std::string_view root) {
  if (h.substr(0, 3) == "\xEF\xBB\xBF") h.remove_prefix(3);
  for (;;) {
    size_t i = h.find_first_not_of(" \t\r\n");
    if (i == std::string_view::npos) return false;
    h.remove_prefix(i);
    if (h.empty() || h[0] != '<') return false;
    std::string_view end_mark;
    if (h.substr(0, 2) == "<?") end_mark = "?>";
    else if (h.substr(0, 4) == "<!--") end_mark = "-->";
    else if (h.substr(0, 2) == "<!") end_mark = ">";
    if (end_mark.empty()) break;
    size_t from = 2;
    if (end_mark == ">") {  // <!DOCTYPE x [ ... ]>: the internal subset holds '>' of its own
      const size_t bracket = h.find('['), close = h.find('>');
      if (bracket != std::string_view::npos && bracket < close) {
        from = h.find(']', bracket);
        if (from == std::string_view::npos) return false;
      }
    }
    size_t e = h.find(end_mark, from);
    if (e == std::string_view::npos) return false;
    h.remove_prefix(e + end_mark.size());
  }
  size_t e = h.find_first_of(" \t\r\n/>", 1);
  if (e == std::string_view::npos) return false;
  return xml_local_name(h.substr(1, e - 1)) == root;
}

XmlReader::XmlReader(XmlHandler& handler, Diagnostics& diag, size_t text_cap)
    : m_handler(handler), m_diag(diag), m_text_cap(text_cap) {
  XML_Parser p = XML_ParserCreate(nullptr);  // no namespace processing: prefixes vary, undeclared ones occur
  if (!p) throw std::bad_alloc();
  m_parser = p;
  XML_SetUserData(p, this);
  XML_SetElementHandler(p, start_cb, end_cb);
  XML_SetCharacterDataHandler(p, text_cb);
  XML_SetEntityDeclHandler(p, entity_decl_cb);
  XML_SetUnknownEncodingHandler(p, unknown_encoding_cb, nullptr);
  XML_SetExternalEntityRefHandler(p, external_entity_cb);
  XML_SetParamEntityParsing(p, XML_PARAM_ENTITY_PARSING_NEVER);
}

XmlReader::~XmlReader() {
  if (m_parser) XML_ParserFree(P(m_parser));
}

uint64_t XmlReader::byte_offset() const {
  const XML_Index idx = XML_GetCurrentByteIndex(P(m_parser));
  if (idx < 0 && sizeof(XML_Index) >= 8) return 0;
  const uint32_t low = uint32_t(uint64_t(idx));
  if (sizeof(XML_Index) < 8) {
    if (low < m_offset_last && m_offset_last - low > 0x80000000u) ++m_offset_hi;  // wrapped past 4 GiB
    m_offset_last = low;
    return m_offset_hi << 32 | low;
  }
  return uint64_t(idx);
}

uint64_t XmlReader::line() const { return uint64_t(XML_GetCurrentLineNumber(P(m_parser))); }

void XmlReader::start_cb(void* ud, const char* name, const char** attrs) {
  auto* r = static_cast<XmlReader*>(ud);
  ++r->m_depth;
  r->m_text.clear();
  r->m_handler.on_start(xml_local_name(name), attrs);
}

void XmlReader::end_cb(void* ud, const char* name) {
  auto* r = static_cast<XmlReader*>(ud);
  r->m_handler.on_end(xml_local_name(name), r->m_text);
  r->m_text.clear();
  if (--r->m_depth == 0) r->m_root_closed = true;
}

void XmlReader::text_cb(void* ud, const char* s, int len) {
  auto* r = static_cast<XmlReader*>(ud);
  if (r->m_stream_text) {
    r->m_handler.on_text(std::string_view(s, size_t(len)));
    return;
  }
  if (r->m_text.size() + size_t(len) <= r->m_text_cap) {
    r->m_text.append(s, size_t(len));
    return;
  }
  r->m_text.append(s, r->m_text_cap - r->m_text.size());
  if (!r->m_text_cut) {
    r->m_text_cut = true;
    const uint64_t off = r->byte_offset(), line = r->line();
    const std::string cap = std::to_string(r->m_text_cap);
    r->m_diag.warn(make_message("xml.text_cut", "Texte de plus de " + cap + " octets coupé (ligne " + std::to_string(line) + ")",
                                "Text longer than " + cap + " bytes cut (line " + std::to_string(line) + ")", off, line));
  }
}

void XmlReader::entity_decl_cb(void* ud, const char* name, int, const char*, int, const char*, const char* system_id,
                               const char*, const char*) {
  auto* r = static_cast<XmlReader*>(ud);
  if (!system_id) return;
  const uint64_t off = r->byte_offset(), line = r->line();
  r->stop(make_message("xml.external_entity",
                       "Entité externe « " + std::string(name) + " » refusée (ligne " + std::to_string(line) + ", octet " +
                           std::to_string(off) + ")",
                       "External entity \"" + std::string(name) + "\" refused (line " + std::to_string(line) + ", byte " +
                           std::to_string(off) + ")",
                       off, line));
}

void XmlReader::stop(Message m) {
  if (m_failed) return;
  m_failed = true;
  m_custom_stop = true;
  m_error = std::move(m);
  XML_StopParser(P(m_parser), XML_FALSE);
}

void XmlReader::fail_from_expat(bool at_end) {
  const XML_Error code = XML_GetErrorCode(P(m_parser));
  const uint64_t off = byte_offset(), ln = line();
  std::string id = "error", fr, en;
  for (const ErrorText& e : k_errors)
    if (e.code == code) {
      id = e.id;
      fr = e.fr;
      en = e.en;
    }
  if (fr.empty()) {
    const char* s = XML_ErrorString(code);
    en = s ? s : "unknown error";
    fr = "erreur XML (" + en + ")";
  }
  m_failed = true;
  m_failed_at_end = at_end && (code == XML_ERROR_NO_ELEMENTS || code == XML_ERROR_UNCLOSED_TOKEN ||
                               code == XML_ERROR_PARTIAL_CHAR || code == XML_ERROR_UNCLOSED_CDATA_SECTION);
  const std::string where_fr = " (ligne " + std::to_string(ln) + ", octet " + std::to_string(off) + ")";
  const std::string where_en = " (line " + std::to_string(ln) + ", byte " + std::to_string(off) + ")";
  m_error = make_message("xml." + id, "XML invalide : " + fr + where_fr, "Invalid XML: " + en + where_en, off, ln);
}

void XmlReader::parse(const char* p, size_t n, bool final) {
  if (m_failed || m_trailing_warned) return;
  do {
    const size_t k = std::min<size_t>(n, size_t(1) << 30);
    const bool last = final && k == n;
    if (XML_Parse(P(m_parser), p, int(k), last ? XML_TRUE : XML_FALSE) == XML_STATUS_ERROR) {
      if (m_custom_stop) return;  // stop() holds the message
      if (m_root_closed) {        // garbage after the document: keep what was read
        const uint64_t off = byte_offset(), ln = line();
        m_trailing_warned = true;
        m_diag.warn(make_message("xml.trailing",
                                 "Données après la fin du document XML ignorées (ligne " + std::to_string(ln) + ", octet " +
                                     std::to_string(off) + ")",
                                 "Data after the end of the XML document ignored (line " + std::to_string(ln) + ", byte " +
                                     std::to_string(off) + ")",
                                 off, ln));
        return;
      }
      fail_from_expat(last);
      return;
    }
    p += k;
    n -= k;
  } while (n);
}

void XmlReader::feed(std::span<const uint8_t> chunk) {
  if (chunk.empty()) return;
  parse(reinterpret_cast<const char*>(chunk.data()), chunk.size(), false);
}

void XmlReader::finish() { parse("", 0, true); }

}  // namespace sdw
