// OFX statements -> transactions. A small tag scanner covers both generations, since OFX 1.x SGML leaves
// leaf elements unclosed ("<TRNAMT>-12,50<FITID>…"): the text after a start tag, up to the next '<', is that
// element's value, whatever comes next. Aggregates (<STMTTRN>…</STMTTRN>, <LEDGERBAL>) are always closed.
//
//   transaction   <STMTTRN>: TRNTYPE, DTPOSTED (date), DTUSER (value_date), TRNAMT (signed, "." or ","),
//                 FITID, NAME (label), MEMO (label when there is no NAME, else detail), CURRENCY/CURSYM
//   statement     CURDEF (currency), BANKACCTFROM / CCACCTFROM ACCTID (account, kept as given), LEDGERBAL
//                 BALAMT / DTASOF (table meta)
//   header        OFX 1.x "KEY:VALUE" lines (CHARSET:1252 -> Windows-1252; UTF-8 otherwise, invalid bytes read
//                 as Windows-1252); OFX 2.x <?xml encoding=…?> and <?OFX …?>
//
// Dates "20250103120000.000[+1:CET]": the date part as written (the bank's local day). Memory: one tag name,
// one value (both capped) and the transaction being read.
//
// Signs: OFX wants money out negative, but French deferred-card ("débit différé") statements give card
// purchases as positive amounts. A positive amount whose TRNTYPE is a debit (DEBIT, POS, ATM, CHECK, FEE,
// SRVCHG, DIRECTDEBIT, PAYMENT, REPEATPMT, CASH) is money out: it is negated, counted and said (the account
// type, CREDITCARD or a <CCACCTFROM>, is named in that note). Credits keep their sign.
// Charset: the header's CHARSET is checked against the bytes at the first non-ASCII value; "CHARSET:1252"
// over valid UTF-8 (exports rewritten by a tool) is read as UTF-8, and said, so "N°" never shows as "NÂ°".
#include "parsers/formats/ofx.h"

#include <cmath>
#include <cstring>

#include "parsers/core/domain_table.h"
#include "parsers/core/domains.h"
#include "parsers/core/encoding.h"
#include "parsers/readers/json.h"

namespace sdw {

namespace {

std::string_view skip_bom_ws(std::string_view h) {
  if (h.substr(0, 3) == "\xEF\xBB\xBF") h.remove_prefix(3);
  const size_t i = h.find_first_not_of(" \t\r\n");
  return i == std::string_view::npos ? std::string_view() : h.substr(i);
}

// spaces, tabs and line ends at both ends (values.h trim keeps line ends; OFX 1.x values end with CR LF)
std::string_view trim_ws(std::string_view s) {
  const size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return {};
  return trim(s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1));
}

std::string upper(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'a' && c <= 'z') c = char(c - 'a' + 'A');
  return out;
}

bool contains_ci(std::string_view h, std::string_view needle) {
  if (needle.size() > h.size()) return false;
  for (size_t i = 0; i + needle.size() <= h.size(); ++i) {
    size_t k = 0;
    while (k < needle.size()) {
      char a = h[i + k];
      if (a >= 'a' && a <= 'z') a = char(a - 'a' + 'A');
      if (a != needle[k]) break;
      ++k;
    }
    if (k == needle.size()) return true;
  }
  return false;
}

// "20250103120000.000[+1:CET]" -> days; false when the first 8 characters are not a valid date
bool ofx_date(std::string_view s, int32_t& days) {
  s = trim(s);
  if (s.size() < 8) return false;
  int v[8];
  for (int i = 0; i < 8; ++i) {
    if (s[size_t(i)] < '0' || s[size_t(i)] > '9') return false;
    v[i] = s[size_t(i)] - '0';
  }
  const int64_t y = v[0] * 1000 + v[1] * 100 + v[2] * 10 + v[3];
  const unsigned m = unsigned(v[4] * 10 + v[5]), d = unsigned(v[6] * 10 + v[7]);
  if (!valid_ymd(y, m, d)) return false;
  days = int32_t(days_from_civil(y, m, d));
  return true;
}

// &amp; &lt; &gt; &quot; &apos; &#233; &#xE9; (OFX escapes the first three; the others appear in 2.x)
std::string unescape(std::string_view s) {
  if (s.find('&') == std::string_view::npos) return std::string(s);
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '&') { out.push_back(s[i]); continue; }
    const size_t semi = s.find(';', i);
    if (semi == std::string_view::npos || semi - i > 10) { out.push_back('&'); continue; }
    const std::string_view e = s.substr(i + 1, semi - i - 1);
    if (e == "amp") out.push_back('&');
    else if (e == "lt") out.push_back('<');
    else if (e == "gt") out.push_back('>');
    else if (e == "quot") out.push_back('"');
    else if (e == "apos") out.push_back('\'');
    else if (e.size() >= 2 && e[0] == '#') {
      uint32_t cp = 0;
      bool ok = true;
      const bool hex = e[1] == 'x' || e[1] == 'X';
      for (size_t k = hex ? 2 : 1; k < e.size() && ok; ++k) {
        const char c = e[k];
        int dgt = c >= '0' && c <= '9' ? c - '0' : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10 : hex && c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
        if (dgt < 0 || cp > 0x10FFFF) ok = false;
        else cp = cp * (hex ? 16 : 10) + uint32_t(dgt);
      }
      if (!ok || cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) { out.push_back('&'); continue; }
      append_utf8(out, cp);
    } else {
      out.push_back('&');
      continue;
    }
    i = semi;
  }
  return out;
}

bool is_debit_type(std::string_view t) {
  const std::string u = upper(trim(t));
  for (const char* d : {"DEBIT", "POS", "ATM", "CHECK", "FEE", "SRVCHG", "DIRECTDEBIT", "PAYMENT", "REPEATPMT", "CASH"})
    if (u == d) return true;
  return false;
}

}  // namespace

int ofx_detect(std::string_view head, std::string_view file_name) {
  const std::string_view h = skip_bom_ws(head);
  if (h.substr(0, 10) == "OFXHEADER:") return 95;
  const std::string_view start = h.substr(0, 4096);
  if (h.substr(0, 5) == "<?xml" && (start.find("<?OFX") != std::string_view::npos || start.find("OFXHEADER=") != std::string_view::npos))
    return 95;
  if (contains_ci(start, "<OFX>")) return 80;
  return 0;
}

namespace {

enum Col : size_t { c_date, c_label, c_amount, c_currency, c_category, c_account, c_balance, c_source, c_value_date,
                    c_detail, c_type, c_fitid };

constexpr size_t k_tag_cap = 256, k_text_cap = 4096, k_header_cap = 4096;

struct Txn {
  std::string type, posted, user, amount, fitid, name, memo, currency;
  uint64_t offset = 0, line = 0;
};

class OfxParser final : public Parser {
 public:
  explicit OfxParser(const ParseOptions& o) : m_prov(provenance_of(o)) {
    m_table = make_domain_table(domain::k_transactions,
                                {{"date", ColumnType::Date}, {"label", ColumnType::String},
                                 {"amount", ColumnType::Float64}, {"currency", ColumnType::String},
                                 {"category", ColumnType::String}, {"account", ColumnType::String},
                                 {"balance", ColumnType::Float64}, {"source", ColumnType::String},
                                 {"value_date", ColumnType::Date}, {"detail", ColumnType::String},
                                 {"type", ColumnType::String}, {"fitid", ColumnType::String}});
    m_w = RowWriter(m_table);
  }

  uint64_t rows_so_far() const override { return m_w.rows(); }
  const char* encoding() const override { return encoding_name(m_enc); }

  void feed(std::span<const uint8_t> chunk) override {
    if (m_done) return;
    for (const uint8_t b : chunk) byte(char(b));
  }

  void finish() override {
    if (m_done) return;
    m_done = true;
    if (m_state == State::Header) header_done();
    if (!m_saw_root) {
      diag.fail(make_message("ofx.no_root", "Pas d'élément <OFX> dans ce fichier : ce n'est pas un relevé OFX",
                             "No <OFX> element in this file: not an OFX statement", m_offset, m_line));
      return;
    }
    if (m_in_txn) {
      if (m_txn.type.empty() && m_txn.posted.empty() && m_txn.amount.empty()) {
        m_in_txn = false;
      } else {
        emit();  // what was read of the last transaction
      }
      diag.warn(make_message("ofx.truncated",
                             "Fichier OFX incomplet : il s'arrête dans une opération (ligne " + num_str(m_txn.line) + ", octet " +
                                 num_str(m_txn.offset) + ")",
                             "Incomplete OFX file: it ends inside a transaction (line " + num_str(m_txn.line) + ", byte " +
                                 num_str(m_txn.offset) + ")",
                             m_txn.offset, m_txn.line));
    }
    info_skipped_rows(diag, "ofx.skipped_rows", m_skipped, m_skip_line, m_skip_off, "<STMTTRN> sans date lisible ignorée(s)",
                      "<STMTTRN> without a readable date skipped");
    if (m_no_amount)
      diag.warn(make_message("ofx.no_amount",
                             num_str(m_no_amount) + " opération(s) sans montant lisible (TRNAMT), première ligne " + num_str(m_no_amount_line),
                             num_str(m_no_amount) + " transaction(s) without a readable amount (TRNAMT), first at line " +
                                 num_str(m_no_amount_line)));
    if (m_flipped) {
      const std::string where_fr = m_flip_card ? " (relevé de carte, CREDITCARD)" : "", where_en = m_flip_card ? " (card statement, CREDITCARD)" : "";
      Message m = make_message("ofx.debit_sign",
                               num_str(m_flipped) + " opération(s) de débit (TRNTYPE DEBIT, POS, PAYMENT…) au montant positif" + where_fr +
                                   " : comptée(s) en dépense, première ligne " + num_str(m_flip_line),
                               num_str(m_flipped) + " debit transaction(s) (TRNTYPE DEBIT, POS, PAYMENT…) with a positive amount" + where_en +
                                   ": counted as money out, first at line " + num_str(m_flip_line),
                               m_flip_off, m_flip_line);
      m.info = true;
      diag.warn(std::move(m));
    }
    info_mojibake_repaired(diag, m_repaired);
    if (m_w.rows() == 0)
      diag.warn(make_message("ofx.empty", "Aucune opération (<STMTTRN>) dans ce relevé OFX", "No transaction (<STMTTRN>) in this OFX statement"));
    for (const auto& [k, v] : m_meta) m_table.meta.emplace_back(k, v);
    tables.push_back(std::move(m_table));
    for (Table& t : tables) t.finalize();
  }

 private:
  enum class State : uint8_t { Header, Text, Tag };

  void byte(char c) {
    const uint64_t here = m_offset++;
    if (c == '\n') ++m_line;
    switch (m_state) {
      case State::Header:
        if (c == '<') {
          header_done();
          start_tag(here);
        } else if (m_header.size() < k_header_cap) {
          m_header.push_back(c);
        }
        return;
      case State::Text:
        if (c == '<') start_tag(here);
        else if (!m_leaf.empty() && m_text.size() < k_text_cap) m_text.push_back(c);
        return;
      case State::Tag:
        if (c == '>' && !(starts_with(m_tag, "!--") && (m_tag.size() < 5 || m_tag.substr(m_tag.size() - 2) != "--"))) {
          end_tag();
          m_state = State::Text;
        } else if (m_tag.size() < k_tag_cap) {
          m_tag.push_back(c);
        }
        return;
    }
  }

  // OFX 1.x header lines "KEY:VALUE" before the first tag
  void header_done() {
    m_state = State::Text;
    std::string_view h = m_header;
    while (!h.empty()) {
      const size_t nl = h.find('\n');
      const std::string_view l = trim(h.substr(0, nl));
      h = nl == std::string_view::npos ? std::string_view() : h.substr(nl + 1);
      const size_t colon = l.find(':');
      if (colon == std::string_view::npos) continue;
      std::string k = upper(trim(l.substr(0, colon)));
      std::string_view v = trim(l.substr(colon + 1));
      if (!v.empty() && v.back() == '\r') v.remove_suffix(1);
      if (k.empty() || k.size() > 32) continue;
      add_meta("ofx_" + fold_name(valid_text(k)), valid_text(v));
      if (k == "CHARSET") {
        charset(v);
        m_declared = m_enc;
      }
      else if (k == "ENCODING" && contains_ci(v, "UTF-8")) m_enc = Encoding::Utf8;
    }
    m_header.clear();
    m_header.shrink_to_fit();
  }

  void charset(std::string_view v) {
    const std::string u = upper(trim(v));
    if (u == "1252" || u == "WINDOWS-1252" || u == "CP1252" || u == "ISO-8859-1" || u == "8859-1" || u == "ISO-8859-15" ||
        u == "LATIN1")
      m_enc = Encoding::Windows1252;
    else if (u == "UTF-8" || u == "UTF8" || u == "NONE" || u == "CSUNICODE")
      m_enc = Encoding::Utf8;
  }

  void start_tag(uint64_t offset) {
    if (!m_leaf.empty()) value(m_leaf, m_text);
    m_leaf.clear();
    m_text.clear();
    m_tag.clear();
    m_tag_off = offset;
    m_tag_line = m_line;
    m_state = State::Tag;
  }

  void end_tag() {
    std::string_view t = trim(m_tag);
    if (t.empty()) return;
    if (t[0] == '?') {  // <?xml version="1.0" encoding="…"?> and <?OFX OFXHEADER="200" …?>
      const size_t e = t.find("encoding=");
      if (e != std::string_view::npos && t.size() > e + 10) {
        const std::string_view rest = t.substr(e + 10);
        charset(rest.substr(0, rest.find_first_of("\"'")));
      }
      if (starts_with(t, "?OFX")) add_meta("ofx_header", valid_text(t.substr(1, t.size() > 2 ? t.size() - 2 : 0)));
      return;
    }
    if (t[0] == '!') return;  // comments, DOCTYPE
    const bool closing = t[0] == '/';
    if (closing) t.remove_prefix(1);
    const bool empty_elem = !t.empty() && t.back() == '/';
    if (empty_elem) t.remove_suffix(1);
    const size_t sp = t.find_first_of(" \t\r\n");
    const std::string name = upper(t.substr(0, sp));
    if (closing) {
      if (name == "STMTTRN" && m_in_txn) emit();
      else if (name == "LEDGERBAL") m_in_ledger = false;
      return;
    }
    if (name == "OFX") m_saw_root = true;
    if (name == "STMTTRN") {
      if (m_in_txn) emit();  // an unclosed transaction: SGML files never do this, broken ones do
      m_in_txn = true;
      m_txn = Txn();
      m_txn.offset = m_tag_off;
      m_txn.line = m_tag_line;
      return;
    }
    if (name == "LEDGERBAL") { m_in_ledger = true; return; }
    if (name == "CCACCTFROM" || name == "CCSTMTRS") m_credit_card = true;
    if (name == "BANKACCTFROM") m_credit_card = false;
    if (!empty_elem) m_leaf = name;
  }

  std::string valid_text(std::string_view raw) const {
    Transcoder tc(m_enc);
    std::string out;
    tc.feed(raw, out);
    tc.finish(out);
    return out;
  }

  // The first value with non-ASCII bytes settles the encoding: declared Windows-1252 but valid UTF-8 -> UTF-8.
  void check_charset(std::string_view raw) {
    if (m_charset_checked) return;
    bool ascii = true;
    for (char c : raw) ascii = ascii && uint8_t(c) < 0x80;
    if (ascii) return;
    m_charset_checked = true;
    const bool utf8 = guess_encoding(raw, true).encoding == Encoding::Utf8;
    if (m_enc == Encoding::Windows1252 && utf8) {
      m_enc = Encoding::Utf8;
      Message m = make_message("ofx.charset_mismatch",
                               "L'en-tête annonce CHARSET:1252 mais le texte est en UTF-8 : lu en UTF-8 (pas de « NÂ° »)",
                               "The header says CHARSET:1252 but the text is UTF-8: read as UTF-8 (no \"NÂ°\")", m_tag_off, m_tag_line);
      m.info = true;
      diag.warn(std::move(m));
    } else if (m_enc == Encoding::Utf8 && m_declared == Encoding::Utf8 && !utf8) {
      Message m = make_message("ofx.charset_mismatch",
                               "L'en-tête annonce UTF-8 mais le texte est en Windows-1252 : lu en Windows-1252",
                               "The header says UTF-8 but the text is Windows-1252: read as Windows-1252", m_tag_off, m_tag_line);
      m.info = true;
      diag.warn(std::move(m));
      m_enc = Encoding::Windows1252;
    }
  }

  void value(const std::string& name, std::string_view raw) {
    check_charset(raw);
    const std::string v = unescape(trim_ws(valid_text(trim_ws(raw))));
    if (m_in_txn) {
      if (name == "TRNTYPE") m_txn.type = v;
      else if (name == "DTPOSTED") m_txn.posted = v;
      else if (name == "DTUSER") m_txn.user = v;
      else if (name == "TRNAMT") m_txn.amount = v;
      else if (name == "FITID") m_txn.fitid = v;
      else if (name == "NAME") m_txn.name = v;
      else if (name == "MEMO") m_txn.memo = v;
      else if (name == "CURSYM") m_txn.currency = v;
      return;
    }
    if (name == "CURDEF") m_currency = v;
    else if (name == "ACCTID") {
      m_account = v;
      bool seen = false;
      for (const auto& [k, x] : m_meta) seen = seen || (k == "account" && x == v);
      if (!seen) add_meta("account", v);
    } else if (name == "BANKID" || name == "BRANCHID" || name == "ACCTTYPE") {
      add_meta(fold_name(name), v);
      if (name == "ACCTTYPE") m_credit_card = upper(v) == "CREDITCARD";
    } else if (m_in_ledger && name == "BALAMT") {
      add_meta("ledger_balance", v);
    } else if (m_in_ledger && name == "DTASOF") {
      add_meta("ledger_balance_date", v);
    }
  }

  void add_meta(std::string k, std::string v) {
    if (m_meta.size() < 64) m_meta.emplace_back(std::move(k), std::move(v));  // many statements: the first ones
  }

  void text(size_t c, std::string s) {
    std::string out;
    bool space = false;
    for (char ch : s) {
      if (ch == '\r' || ch == '\n' || ch == ' ' || ch == '\t') { space = true; continue; }
      if (space && !out.empty()) out.push_back(' ');
      space = false;
      out.push_back(ch);
    }
    std::string fixed;
    if (repair_mojibake(out, fixed)) {
      ++m_repaired;
      out = std::move(fixed);
    }
    m_w.str(c, out);
  }

  void emit() {
    m_in_txn = false;
    const uint64_t record = m_records++;
    int32_t day;
    if (!ofx_date(m_txn.posted, day) && !ofx_date(m_txn.user, day)) {
      if (m_skipped++ == 0) { m_skip_line = m_txn.line; m_skip_off = m_txn.offset; }
      return;
    }
    m_w.date(c_date, day);
    if (!m_txn.name.empty()) text(c_label, m_txn.name);
    else if (!m_txn.memo.empty()) text(c_label, m_txn.memo);
    double amount;
    if (parse_amount(m_txn.amount, amount)) {
      if (amount > 0 && is_debit_type(m_txn.type)) {  // deferred-card purchase written positive: money out
        amount = -amount;
        if (m_flipped++ == 0) { m_flip_line = m_txn.line; m_flip_off = m_txn.offset; m_flip_card = m_credit_card; }
      }
      m_w.f64(c_amount, amount);
    } else if (m_no_amount++ == 0) {
      m_no_amount_line = m_txn.line;
    }
    const std::string& cur = !m_txn.currency.empty() ? m_txn.currency : m_currency;
    if (!cur.empty()) m_w.str(c_currency, cur);
    if (!m_account.empty()) m_w.str(c_account, m_account);
    m_w.str(c_source, "ofx");
    int32_t vd;
    if (!m_txn.user.empty() && ofx_date(m_txn.user, vd)) m_w.date(c_value_date, vd);
    if (!m_txn.name.empty() && !m_txn.memo.empty() && m_txn.memo != m_txn.name) text(c_detail, m_txn.memo);
    if (!m_txn.type.empty()) m_w.str(c_type, m_txn.type);
    if (!m_txn.fitid.empty()) m_w.str(c_fitid, m_txn.fitid);
    m_w.end_row(m_prov, record);
  }

  Provenance m_prov;
  Table m_table;
  RowWriter m_w;
  State m_state = State::Header;
  Encoding m_enc = Encoding::Utf8;  // invalid UTF-8 bytes are read as Windows-1252 by the transcoder
  Encoding m_declared = Encoding::Utf8;  // what the header said (CHARSET)
  bool m_charset_checked = false, m_credit_card = false, m_flip_card = false;
  uint64_t m_flipped = 0, m_flip_line = 0, m_flip_off = 0;
  std::string m_header, m_tag, m_text, m_leaf;
  uint64_t m_offset = 0, m_line = 1, m_tag_off = 0, m_tag_line = 1;
  bool m_done = false, m_saw_root = false, m_in_txn = false, m_in_ledger = false;
  Txn m_txn;
  std::string m_currency, m_account;
  std::vector<std::pair<std::string, std::string>> m_meta;
  uint64_t m_records = 0, m_skipped = 0, m_skip_line = 0, m_skip_off = 0, m_no_amount = 0, m_no_amount_line = 0,
           m_repaired = 0;
};

}  // namespace

std::unique_ptr<Parser> ofx_create(const ParseOptions& opts) { return std::make_unique<OfxParser>(opts); }

}  // namespace sdw
