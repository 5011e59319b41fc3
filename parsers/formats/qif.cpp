// QIF -> transactions. A QIF file is a list of one-letter lines grouped into records ended by "^":
//
//   !Type:Bank | !Type:CCard | !Type:Cash | !Type:Oth A | !Type:Oth L   a list of transactions follows
//   !Account  N<name>  T<type>  ^                                       the account of the lists that follow
//   !Type:Invst, !Type:Cat, !Type:Class, !Type:Memorized, !Type:Prices  not transactions: records counted, skipped
//   !Option:AutoSwitch, !Clear:AutoSwitch                               ignored
//   D date  T amount  U amount (Quicken 2005+, same value)  N number or kind ("Carte", "Chèque 838")
//   P payee  M memo  L category ("Alimentation:Courses", "[Livret A]" = transfer, "/class" dropped)
//   C cleared  A address  S/E/$ split lines (the record's T stays the total)  ^ end of record
//
// Real files (MarcGuiot/budgetview test files: sg2009.qif, bnp_Money2000_new.qif, lcl_money_date_us.qif)
// write "!type:Bank" in lower case, leave blank lines between records, cut P at 30 characters and repeat it
// whole in M, and write dates day first (dd/mm/yy, dd/mm/yyyy) or month first (LCL "Money" export:
// 05/29/08; Quicken US: 1/ 5'24). The order is decided once per file from the values: a first number above
// 12 means day first, a second one above 12 month first, an apostrophe year month first; when nothing
// decides, the order that keeps the dates sorted wins, else day first (French banks) — said in a note.
// QIF has no currency field: EUR is assumed and said. Bytes: UTF-8, invalid bytes read as Windows-1252.
// Records are kept (as text) until the end, since the date order depends on the whole file.
#include "parsers/formats/qif.h"

#include <cmath>

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

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
  return out;
}

// A QIF date split in three numbers: "29/05/08", "1/ 5'24", "2024-01-31", "31.01.2024".
struct QifDate {
  unsigned a = 0, b = 0, c = 0;  // as written
  int a_len = 0, c_len = 0;      // digits of the first and last numbers
  bool apostrophe = false;       // Quicken US "m/d'yy"
  bool ok = false;
};

QifDate split_date(std::string_view s) {
  QifDate d;
  unsigned v[3] = {0, 0, 0};
  int len[3] = {0, 0, 0};
  int k = 0;
  bool in_num = false;
  for (char ch : s) {
    if (ch >= '0' && ch <= '9') {
      if (k >= 3 || len[k] >= 4) return d;
      v[k] = v[k] * 10 + unsigned(ch - '0');
      ++len[k];
      in_num = true;
    } else if (ch == '/' || ch == '.' || ch == '-' || ch == '\'') {
      if (!in_num) return d;
      if (ch == '\'') d.apostrophe = true;
      ++k;
      in_num = false;
    } else if (ch != ' ') {
      return d;
    }
  }
  if (k != 2 || !in_num) return d;
  d.a = v[0];
  d.b = v[1];
  d.c = v[2];
  d.a_len = len[0];
  d.c_len = len[2];
  d.ok = true;
  return d;
}

// Days since 1970 for a given order; false when it is not a calendar date.
bool date_days(const QifDate& d, bool day_first, int32_t& days) {
  int64_t y;
  unsigned m, dd;
  if (d.a_len == 4) {  // yyyy-mm-dd
    y = d.a;
    m = d.b;
    dd = d.c;
  } else {
    y = d.c;
    if (d.c_len <= 2) y += d.apostrophe || y < 70 ? 2000 : 1900;
    m = day_first ? d.b : d.a;
    dd = day_first ? d.a : d.b;
  }
  if (!valid_ymd(y, m, dd)) return false;
  days = int32_t(days_from_civil(y, m, dd));
  return true;
}

// spaces collapsed (LCL pads payees with spaces), double-encoded UTF-8 ("CafÃ©") repaired
std::string clean_text(std::string_view s, uint64_t& repaired) {
  std::string out;
  bool space = false;
  for (char ch : s) {
    if (ch == ' ' || ch == '\t' || ch == '\r') { space = true; continue; }
    if (space && !out.empty()) out.push_back(' ');
    space = false;
    out.push_back(ch);
  }
  std::string fixed;
  if (repair_mojibake(out, fixed)) {
    ++repaired;
    out = std::move(fixed);
  }
  return out;
}

enum Col : size_t { c_date, c_label, c_amount, c_currency, c_category, c_account, c_balance, c_source, c_detail, c_type };

struct Record {
  std::string date, amount, number, payee, memo, category, account;
  uint64_t line = 0, offset = 0;
};

enum class List : uint8_t { None, Transactions, Account, Other };

class QifParser final : public Parser {
 public:
  explicit QifParser(const ParseOptions& o) : m_prov(provenance_of(o)) {}

  uint64_t rows_so_far() const override { return m_records.size(); }
  const char* encoding() const override {
    return encoding_name(m_tc.fallback_bytes() > 0 ? Encoding::Windows1252 : m_bom ? Encoding::Utf8Bom : Encoding::Utf8);
  }

  void feed(std::span<const uint8_t> chunk) override {
    for (const uint8_t b : chunk) {
      ++m_offset;
      if (b == '\n') {
        end_line();
        continue;
      }
      if (m_raw.size() < k_line_cap) m_raw.push_back(char(b));
      else if (!m_cut) { m_cut = true; ++m_long_lines; }
    }
  }

  void finish() override {
    if (!m_raw.empty()) end_line();
    if (m_in_record) close_record();  // a last record without its "^"
    if (!m_saw_header) {
      diag.fail(make_message("qif.no_header", "Pas d'en-tête QIF (« !Type:Bank », « !Account ») : ce n'est pas un fichier QIF",
                             "No QIF header (\"!Type:Bank\", \"!Account\"): not a QIF file"));
      return;
    }
    emit_all();
  }

 private:
  static constexpr size_t k_line_cap = 4096;

  void end_line() {
    const uint64_t line = ++m_line;
    const uint64_t off = m_line_off;
    m_line_off = m_offset;  // the next line starts after this '\n'
    m_cut = false;
    std::string text;
    m_tc.feed(m_raw, text);
    m_raw.clear();
    std::string_view l = text;
    if (line == 1 && l.substr(0, 3) == "\xEF\xBB\xBF") {
      l.remove_prefix(3);
      m_bom = true;
    }
    while (!l.empty() && (l.back() == '\r' || l.back() == ' ' || l.back() == '\t')) l.remove_suffix(1);
    while (!l.empty() && (l.front() == ' ' || l.front() == '\t')) l.remove_prefix(1);
    if (l.empty()) return;
    line_of(l, line, off);
  }

  void line_of(std::string_view l, uint64_t line, uint64_t off) {
    if (l[0] == '!') {
      header(l, line, off);
      return;
    }
    const char code = l[0];
    const std::string_view v = l.substr(1);
    if (code == '^') {
      if (m_in_record) close_record();
      else ++m_empty_records;
      return;
    }
    if (!m_in_record) {
      m_in_record = true;
      m_rec = Record();
      m_rec.line = line;
      m_rec.offset = off;
    }
    if (m_list == List::Account) {
      if (code == 'N') m_account_name = std::string(v);
      else if (code == 'T') m_account_type = std::string(v);
      return;
    }
    if (m_list != List::Transactions) return;
    switch (code) {
      case 'D': m_rec.date = std::string(v); break;
      case 'T': m_rec.amount = std::string(v); break;
      case 'U': if (m_rec.amount.empty()) m_rec.amount = std::string(v); break;
      case 'N': m_rec.number = std::string(v); break;
      case 'P': m_rec.payee = std::string(v); break;
      case 'M': m_rec.memo = std::string(v); break;
      case 'L': m_rec.category = std::string(v); break;
      case 'S': ++m_split_lines; break;
      default: break;  // C, A, E, $, and anything newer
    }
  }

  void header(std::string_view l, uint64_t line, uint64_t off) {
    m_saw_header = true;
    if (m_in_record) close_record();
    const std::string h = lower(l);
    if (h == "!account") {
      m_list = List::Account;
      m_account_name.clear();
      m_account_type.clear();
      return;
    }
    if (starts_with(h, "!option:") || starts_with(h, "!clear:")) return;
    if (starts_with(h, "!type:")) {
      std::string t = h.substr(6);
      while (!t.empty() && t.back() == ' ') t.pop_back();
      m_type = std::string(l.substr(6));
      if (t == "bank" || t == "ccard" || t == "cash" || t == "oth a" || t == "oth l") {
        m_list = List::Transactions;
        if (m_types.find(m_type) == std::string::npos) m_types += (m_types.empty() ? "" : ",") + m_type;
      } else {
        m_list = List::Other;
        if (m_other_first_line == 0) { m_other_first_line = line; m_other_first_off = off; }
        if (m_other_types.find(m_type) == std::string::npos) m_other_types += (m_other_types.empty() ? "" : ", ") + m_type;
      }
      return;
    }
    m_list = List::Other;
    if (m_other_first_line == 0) { m_other_first_line = line; m_other_first_off = off; }
    if (m_other_types.find(std::string(l)) == std::string::npos) m_other_types += (m_other_types.empty() ? "" : ", ") + std::string(l);
  }

  void close_record() {
    m_in_record = false;
    if (m_list == List::Other) { ++m_other_records; return; }
    if (m_list != List::Transactions) return;
    m_rec.account = m_account_name;
    const QifDate d = split_date(trim(m_rec.date));
    if (d.ok && d.a_len != 4) {
      if (d.apostrophe) ++m_month_first;
      else if (d.a > 12 && d.b <= 12) ++m_day_first;
      else if (d.b > 12 && d.a <= 12) ++m_month_first;
    }
    m_records.push_back(std::move(m_rec));
  }

  // +1 per pair in date order, -1 per pair out of order, over consecutive readable dates
  int64_t sortedness(bool day_first) const {
    int64_t up = 0, down = 0;
    bool has = false;
    int32_t last = 0;
    for (const Record& r : m_records) {
      int32_t d;
      if (!date_days(split_date(trim(r.date)), day_first, d)) continue;
      if (has) {
        if (d > last) ++up;
        else if (d < last) ++down;
      }
      has = true;
      last = d;
    }
    return up > down ? up - down : down - up;
  }

  void decide_order() {
    if (m_day_first && !m_month_first) return;
    if (m_month_first && !m_day_first) {
      m_day_first_order = false;
      note("qif.date_order", "Dates lues mois/jour/année (« 05/29/08 » : le 29 mai 2008), comme le fichier l'indique",
           "Dates read as month/day/year (\"05/29/08\" is 29 May 2008), as the file shows");
      return;
    }
    if (m_day_first && m_month_first) {
      m_day_first_order = m_day_first >= m_month_first;
      diag.warn(make_message("qif.date_order_mixed",
                             num_str(m_day_first) + " date(s) jour/mois et " + num_str(m_month_first) +
                                 " date(s) mois/jour dans le même fichier : lues " + (m_day_first_order ? "jour/mois" : "mois/jour") +
                                 " ; vérifiez les dates",
                             num_str(m_day_first) + " day/month and " + num_str(m_month_first) +
                                 " month/day date(s) in one file: read as " + (m_day_first_order ? "day/month" : "month/day") +
                                 "; check the dates"));
      return;
    }
    // nothing decides from the values: the order that keeps the file sorted, else day first
    bool any_dm = false;
    for (const Record& r : m_records) {
      const QifDate d = split_date(trim(r.date));
      any_dm = any_dm || (d.ok && d.a_len != 4 && d.a != d.b);
    }
    if (!any_dm) return;
    const int64_t s_dm = sortedness(true), s_md = sortedness(false);
    m_day_first_order = s_dm >= s_md;
    if (s_dm != s_md)
      note("qif.date_order_ambiguous",
           std::string("Dates ambiguës (aucun jour au-delà du 12) : lues ") + (m_day_first_order ? "jour/mois" : "mois/jour") +
               ", l'ordre qui garde les opérations triées par date",
           std::string("Ambiguous dates (no day past the 12th): read as ") + (m_day_first_order ? "day/month" : "month/day") +
               ", the order that keeps the transactions sorted by date");
    else
      note("qif.date_order_ambiguous",
           "Dates ambiguës (aucun jour au-delà du 12) : lues jour/mois, l'usage des banques françaises ; vérifiez-les",
           "Ambiguous dates (no day past the 12th): read as day/month, as French banks write them; check them");
  }

  void note(const char* code, std::string fr, std::string en) {
    Message m = make_message(code, std::move(fr), std::move(en));
    m.info = true;
    diag.warn(std::move(m));
  }

  void emit_all() {
    decide_order();
    Table t = make_domain_table(domain::k_transactions,
                                {{"date", ColumnType::Date}, {"label", ColumnType::String},
                                 {"amount", ColumnType::Float64}, {"currency", ColumnType::String},
                                 {"category", ColumnType::String}, {"account", ColumnType::String},
                                 {"balance", ColumnType::Float64}, {"source", ColumnType::String},
                                 {"detail", ColumnType::String}, {"type", ColumnType::String}});
    RowWriter w(t);
    uint64_t skipped = 0, skip_line = 0, skip_off = 0, no_amount = 0, no_amount_line = 0, repaired = 0;
    for (size_t i = 0; i < m_records.size(); ++i) {
      const Record& r = m_records[i];
      int32_t day;
      if (!date_days(split_date(trim(r.date)), m_day_first_order, day)) {
        if (skipped++ == 0) { skip_line = r.line; skip_off = r.offset; }
        continue;
      }
      w.date(c_date, day);
      const std::string payee = clean_text(r.payee, repaired), memo = clean_text(r.memo, repaired);
      // a payee cut at 30 characters and repeated whole in the memo: the memo is the label
      if (!payee.empty() && !(memo.size() > payee.size() && starts_with(memo, payee))) {
        w.str(c_label, payee);
        if (!memo.empty() && memo != payee) w.str(c_detail, memo);
      } else if (!memo.empty()) {
        w.str(c_label, memo);
      }
      double amount;
      if (parse_amount(r.amount, amount)) w.f64(c_amount, amount);
      else if (no_amount++ == 0) no_amount_line = r.line;
      w.str(c_currency, "EUR");
      std::string_view cat = trim(r.category);
      if (const size_t slash = cat.find('/'); slash != std::string_view::npos) cat = trim(cat.substr(0, slash));  // "/class"
      if (!cat.empty()) w.str(c_category, clean_text(cat, repaired));
      if (!r.account.empty()) w.str(c_account, clean_text(r.account, repaired));
      w.str(c_source, "qif");
      if (!trim(r.number).empty()) w.str(c_type, clean_text(r.number, repaired));
      w.end_row(m_prov, i);
    }
    info_skipped_rows(diag, "qif.skipped_rows", skipped, skip_line, skip_off, "(opérations QIF) sans date lisible ignorée(s)",
                      "(QIF transactions) without a readable date skipped");
    if (no_amount)
      diag.warn(make_message("qif.no_amount", num_str(no_amount) + " opération(s) sans montant lisible (T), première ligne " + num_str(no_amount_line),
                             num_str(no_amount) + " transaction(s) without a readable amount (T), first at line " + num_str(no_amount_line)));
    if (m_other_records || m_other_first_line)
      info_skipped_rows(diag, "qif.other_lists", m_other_records, m_other_first_line, m_other_first_off,
                        "d'autres listes (" + m_other_types + ") : pas des opérations bancaires, non lues",
                        "of other lists (" + m_other_types + "): not bank transactions, not read");
    if (m_long_lines)
      diag.warn(make_message("qif.long_lines", num_str(m_long_lines) + " ligne(s) de plus de 4096 octets coupée(s)",
                             num_str(m_long_lines) + " line(s) longer than 4096 bytes cut"));
    if (w.rows() > 0)
      note("qif.currency_assumed", "Le format QIF ne dit pas la devise : montants comptés en euros (EUR)",
           "The QIF format does not state the currency: amounts counted in euros (EUR)");
    if (m_tc.fallback_bytes() > 0) {
      Message m = make_message("encoding.windows1252", "Texte en Windows-1252 (export Money/Quicken) : converti en UTF-8",
                               "Windows-1252 text (Money/Quicken export): converted to UTF-8", m_tc.first_fallback_offset(), 0);
      m.info = true;
      diag.warn(std::move(m));
    }
    info_mojibake_repaired(diag, repaired);
    if (w.rows() == 0 && m_records.empty())
      diag.warn(make_message("qif.empty", "Aucune opération dans ce fichier QIF", "No transaction in this QIF file"));
    if (!m_types.empty()) t.meta.emplace_back("qif_type", m_types);
    if (!m_account_type.empty()) t.meta.emplace_back("account_type", m_account_type);
    t.meta.emplace_back("date_order", m_day_first_order ? "day_first" : "month_first");
    if (m_split_lines) t.meta.emplace_back("split_lines", num_str(m_split_lines));
    tables.push_back(std::move(t));
    for (Table& x : tables) x.finalize();
  }

  Provenance m_prov;
  Transcoder m_tc{Encoding::Utf8};
  std::string m_raw;
  uint64_t m_offset = 0, m_line = 0, m_line_off = 0, m_long_lines = 0;
  bool m_cut = false, m_bom = false, m_saw_header = false, m_in_record = false, m_day_first_order = true;
  List m_list = List::None;
  Record m_rec;
  std::vector<Record> m_records;
  std::string m_type, m_types, m_other_types, m_account_name, m_account_type;
  uint64_t m_day_first = 0, m_month_first = 0, m_other_records = 0, m_other_first_line = 0, m_other_first_off = 0,
           m_empty_records = 0, m_split_lines = 0;
};

}  // namespace

int qif_detect(std::string_view head, std::string_view /*file_name*/) {
  const std::string h = lower(skip_bom_ws(head).substr(0, 32));
  if (starts_with(h, "!type:") || starts_with(h, "!account") || starts_with(h, "!option:")) return 95;
  return 0;
}

std::unique_ptr<Parser> qif_create(const ParseOptions& opts) { return std::make_unique<QifParser>(opts); }

}  // namespace sdw
