// French bank CSV exports -> transactions. The header is found among the first lines by the roles of its
// column names (accents, case and mojibake folded), so one reader covers the common layouts:
//
//   bank (export menu)               header                                                             amounts
//   Crédit Agricole                  Date;Libellé;Débit euros;Crédit euros;                              debit and credit positive
//   Société Générale                 Date de l'opération;Libellé;Détail de l'écriture;Montant de         signed, Devise column
//                                    l'opération;Devise
//   Caisse d'Épargne / Banque Pop.   Date de comptabilisation;Libelle simplifie;Libelle operation;       debit "-12,50",
//                                    Reference;…;Categorie;Sous categorie;Debit;Credit;Date operation;… credit "+1 500,00"
//   La Banque Postale                (account lines) Date;Libellé;Montant(EUROS)                        signed
//   Boursorama                       dateOp;dateVal;label;category;categoryParent;supplierFound;amount;  signed, yyyy-mm-dd,
//                                    comment;accountNum;accountLabel;accountbalance                      account per row
//   generic                          Date;Libellé;Débit;Crédit  or  Date opération;Libellé;Montant
//   N26 (2024+, English)             "Booking Date","Value Date","Partner Name","Partner Iban",Type,      signed, yyyy-mm-dd,
//                                    "Payment Reference","Account Name","Amount (EUR)","Original Amount", currency in the
//                                    "Original Currency","Exchange Rate"                                  amount's name
//   N26 (before 2024)                "Date","Payee","Account number","Transaction type","Payment         signed
//                                    reference","Amount (EUR)","Amount (Foreign Currency)","Type Foreign Currency",…
//   Revolut                          Type,Product,Started Date,Completed Date,Description,Amount,Fee,     signed; REVERTED /
//                                    Currency,State,Balance                                               DECLINED skipped
//   UK (Lloyds-like)                 Transaction Date,Transaction Type,…,Transaction Description,Debit    debit and credit
//                                    Amount,Credit Amount,Balance
//   UBS (Swiss, French)              account lines ("Évaluation en:;CHF;") then Date de transaction;…;    debit and credit,
//                                    Date de valeur;Monnaie;Débit;Crédit;Sous-montant;Solde;…;           11'373.94
//                                    Description1;Description2;…
//   PostFinance / Swiss, Belgian     Date de valeur;…;Débit;Crédit;Solde, "Crédit en CHF", Belgian       11'373.94,
//                                    "Date d'exécution;…;Montant;Devise du compte;…;Nom de la contrepartie" 11 373,94 (NBSP)
//
// Amount: debit columns count as money out whatever their sign, credit columns as money in; a single amount
// column is taken as signed. Thousands separators: space, NBSP, narrow or thin space, apostrophe (' or ’).
// Date: the operation date when there is one, else the booking date, else the value date. Currency: a
// currency column, else the code in an amount column's name ("Amount (EUR)", "Débit en CHF", "euros"), else
// a preamble line ("Évaluation en:;CHF", "Devise;EUR"), else EUR, said in a note. The account comes from an
// account column or a preamble line ("Numéro de compte;…"). Lines after the header whose date does not read
// (totals, "Solde au …") are skipped and counted. Rows stream: the table lives in `tables` from the start.
// Sources of the English and Swiss layouts: the N26 header in beancount importers (beangulp N26 importer,
// ledger-autosync's N26 plugin), a UBS French CSV sample in a public Dioxus app (read_ubs_csv), Swiss banks'
// "'1'234.56" amounts in public BCGE/UBS/PostFinance import helpers.
#include "parsers/formats/bank.h"

#include <algorithm>
#include <cmath>

#include "parsers/core/domain_table.h"
#include "parsers/core/domains.h"
#include "parsers/readers/json.h"

namespace sdw {

namespace {

enum Role : int { r_date, r_booking_date, r_value_date, r_label, r_counterparty, r_detail, r_amount, r_debit, r_credit,
                  r_category, r_subcategory, r_currency, r_balance, r_account, r_type, r_state, r_orig_amount,
                  r_orig_currency, r_count };

bool one_of(const std::string& n, std::initializer_list<const char*> names) {
  for (const char* x : names)
    if (n == x) return true;
  return false;
}

int role_of(const std::string& n) {
  if (one_of(n, {"date operation", "date de l'operation", "date d'operation", "dateop", "date op", "date",
                 "date de transaction", "date d'execution", "transaction date", "started date", "date de la transaction"}))
    return r_date;
  if (one_of(n, {"date de comptabilisation", "date comptable", "booking date", "posting date", "completed date"}))
    return r_booking_date;
  if (one_of(n, {"date de valeur", "date valeur", "dateval", "value date"})) return r_value_date;
  if (one_of(n, {"libelle", "libelle simplifie", "label", "libelle de l'operation", "libelle operation", "intitule",
                 "partner name", "payee", "description", "transaction description", "description1",
                 "texte de notification", "avis"}))
    return r_label;
  if (one_of(n, {"nom de la contrepartie", "nom contrepartie contient", "nom contrepartie", "counterparty name",
                 "counterparty"}))
    return r_counterparty;
  if (one_of(n, {"detail de l'ecriture", "informations complementaires", "detail", "details", "comment",
                 "payment reference", "communication", "communications", "description2"}))
    return r_detail;
  if (one_of(n, {"original amount", "amount (foreign currency)", "montant original"})) return r_orig_amount;
  if (one_of(n, {"original currency", "type foreign currency", "devise originale"})) return r_orig_currency;
  if (starts_with(n, "montant") || n == "amount" || starts_with(n, "amount (") || n == "transaction amount") return r_amount;
  if (starts_with(n, "debit") || one_of(n, {"paid out", "money out", "withdrawals", "withdrawal amount"})) return r_debit;
  if (starts_with(n, "credit") || one_of(n, {"paid in", "money in", "deposits", "deposit amount"})) return r_credit;
  if (one_of(n, {"categorie", "category", "categorie operation", "categoryparent"})) return r_category;
  if (n == "sous categorie" || n == "sous categorie operation") return r_subcategory;
  if (one_of(n, {"devise", "currency", "monnaie", "devise du compte"})) return r_currency;
  if (starts_with(n, "solde") || n == "accountbalance" || starts_with(n, "balance")) return r_balance;
  if (one_of(n, {"accountnum", "numero de compte", "compte", "account name", "account number", "account"})) return r_account;
  if (one_of(n, {"type", "transaction type", "type operation", "type de transaction"})) return r_type;
  if (one_of(n, {"state", "statut", "status"})) return r_state;
  return -1;
}

// ISO code in a folded amount column name: "amount (eur)", "debit en chf", "montant(euros)", "debit euros"
std::string currency_in_name(const std::string& n) {
  if (n.find("euro") != std::string::npos) return "EUR";
  auto code_at = [&](size_t i) -> std::string {
    if (i + 3 > n.size()) return {};
    std::string c = n.substr(i, 3);
    for (char& ch : c) {
      if (ch < 'a' || ch > 'z') return {};
      ch = char(ch - 'a' + 'A');
    }
    return c;
  };
  const size_t open = n.rfind('(');
  if (open != std::string::npos && n.size() == open + 5 && n.back() == ')') return code_at(open + 1);
  if (n.size() > 7 && n.substr(n.size() - 7, 4) == " en ") return code_at(n.size() - 3);
  return {};
}

// Column index per role; a header is a line with a date, a label and an amount or debit/credit.
struct Layout {
  int col[r_count];
  bool ok = false;
  Layout() { for (int& c : col) c = -1; }
};

Layout layout_of(const std::vector<std::string>& folded) {
  Layout l;
  for (size_t i = 0; i < folded.size(); ++i) {
    int r = role_of(folded[i]);
    if (r < 0) continue;
    // "libelle simplifie" beats "libelle operation" (Caisse d'Épargne): the second label becomes the detail
    if (r == r_label && l.col[r_label] >= 0) r = r_detail;
    if (r == r_category && folded[i] == "categoryparent") {  // Boursorama: parent is the category
      if (l.col[r_category] >= 0) l.col[r_subcategory] = l.col[r_category];
      l.col[r_category] = int(i);
      continue;
    }
    if (r == r_category && l.col[r_category] >= 0) r = r_subcategory;
    if (l.col[r] < 0) l.col[r] = int(i);
  }
  l.ok = (l.col[r_date] >= 0 || l.col[r_booking_date] >= 0 || l.col[r_value_date] >= 0) &&
         (l.col[r_label] >= 0 || l.col[r_counterparty] >= 0) &&
         (l.col[r_amount] >= 0 || l.col[r_debit] >= 0 || l.col[r_credit] >= 0);
  return l;
}

const char* layout_name(const std::vector<std::string>& h, const Layout& l) {
  if (!h.empty() && h[0] == "dateop") return "boursorama";
  auto has = [&](const char* n) { return std::find(h.begin(), h.end(), n) != h.end(); };
  if (has("partner name") && has("booking date")) return "n26";
  if (has("payee") && has("amount (eur)")) return "n26_2023";
  if (has("started date") && has("completed date")) return "revolut";
  if (has("description1") && has("monnaie")) return "ubs";
  if (has("nom de la contrepartie") && has("devise du compte")) return "bnp_fortis";
  if (h.size() > size_t(std::max(l.col[r_debit], 0)) && l.col[r_debit] >= 0 && h[size_t(l.col[r_debit])].find(" en ") != std::string::npos)
    return "postfinance";
  if (l.col[r_booking_date] >= 0 && l.col[r_debit] >= 0) return "caisse_epargne";
  if (l.col[r_debit] >= 0 && h.size() > size_t(l.col[r_debit]) && h[size_t(l.col[r_debit])] == "debit euros")
    return "credit_agricole";
  if (l.col[r_amount] >= 0 && h[size_t(l.col[r_amount])] == "montant de l'operation") return "societe_generale";
  if (l.col[r_amount] >= 0 && h[size_t(l.col[r_amount])] == "montant(euros)") return "banque_postale";
  return "generic";
}

// An amount cell with any thousands separator: apostrophes (11'373.94, 11’373.94) and thin spaces
// (U+2009) between digits are dropped before parse_amount, which reads spaces, NBSP and U+202F itself.
bool bank_amount(std::string_view s, double& out) {
  if (s.empty()) return false;  // what parse_amount says of it
  if (s.find('\'') == std::string_view::npos && s.find("\xE2\x80") == std::string_view::npos) return parse_amount(s, out);
  std::string t;
  t.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    const bool prev_digit = !t.empty() && t.back() >= '0' && t.back() <= '9';
    if (s[i] == '\'' && prev_digit) continue;
    if (prev_digit && s.substr(i, 3) == "\xE2\x80\x99") { i += 2; continue; }  // ’
    if (prev_digit && s.substr(i, 3) == "\xE2\x80\x89") { i += 2; continue; }  // thin space
    t.push_back(s[i]);
  }
  return parse_amount(t, out);
}

// ="00012345" (spreadsheet-protected text) -> 00012345
std::string_view unwrap(std::string_view s) {
  s = trim(s);
  if (s.size() >= 3 && s[0] == '=' && s[1] == '"' && s.back() == '"') s = s.substr(2, s.size() - 3);
  return s;
}

}  // namespace

int bank_detect(std::string_view head, std::string_view /*file_name*/) {
  const std::string text = head_text(head);
  if (text.empty()) return 0;
  for (char d : {';', ',', '\t'}) {
    const auto lines = folded_lines(text, d, 30);
    for (const auto& l : lines)
      if (l.size() >= 3 && layout_of(l).ok) return 88;
  }
  return 0;
}

namespace {

enum Col : size_t { c_date, c_label, c_amount, c_currency, c_category, c_account, c_balance, c_source,
                    c_value_date, c_detail, c_subcategory, c_type, c_original_amount, c_original_currency };

class BankParser final : public CsvDomainParser {
 public:
  explicit BankParser(const ParseOptions& o) : CsvDomainParser(o) {
    // The table lives in `tables` from the start and only grows: rows written are final, so the caller may
    // take them in batches while the file streams (Session::take_rows), as parsers/formats/enedis.cpp does.
    tables.push_back(make_domain_table(domain::k_transactions,
                                {{"date", ColumnType::Date}, {"label", ColumnType::String},
                                 {"amount", ColumnType::Float64}, {"currency", ColumnType::String},
                                 {"category", ColumnType::String}, {"account", ColumnType::String},
                                 {"balance", ColumnType::Float64}, {"source", ColumnType::String},
                                 {"value_date", ColumnType::Date}, {"detail", ColumnType::String},
                                 {"subcategory", ColumnType::String}, {"type", ColumnType::String},
                                 {"original_amount", ColumnType::Float64}, {"original_currency", ColumnType::String}}));
    m_w = RowWriter(tables.back());
  }

  uint64_t rows_so_far() const override { return m_w.rows(); }
  bool streams_rows() const override { return m_header && !m_ended; }

  void on_record(std::span<const std::string_view> f, uint64_t off, uint64_t line) override {
    if (!m_header) {
      std::vector<std::string> folded;
      for (std::string_view s : f) folded.push_back(fold_name(s));
      Layout l = layout_of(folded);
      if (l.ok && f.size() >= 3) {
        m_header = true;
        m_layout = l;
        tab().meta.emplace_back("layout", layout_name(folded, l));
        for (int r : {r_amount, r_debit, r_credit, r_balance}) {
          const int c = l.col[r];
          if (c < 0 || !m_header_currency.empty()) continue;
          m_header_currency = currency_in_name(folded[size_t(c)]);
        }
        return;
      }
      preamble(f, folded);
      return;
    }
    row(f, off, line);
  }

 private:
  Table& tab() { return tables.front(); }  // the one table (never moved: `tables` does not grow)

  void preamble(std::span<const std::string_view> f, const std::vector<std::string>& folded) {
    size_t last = f.size();
    while (last > 0 && trim(f[last - 1]).empty()) --last;
    if (last == 0) return;
    std::string joined;
    for (size_t i = 0; i < last; ++i) {
      if (i) joined += ';';
      joined += std::string(unwrap(f[i]));
    }
    tab().meta.emplace_back("preamble_" + num_str(++m_preamble), joined);
    std::string k = folded[0];
    while (!k.empty() && (k.back() == ':' || k.back() == ' ')) k.pop_back();  // "Évaluation en:" (UBS)
    // "Devise;EUR", "Monnaie;CHF", "Évaluation en:;CHF": a 3-letter code
    if (last >= 2 && m_preamble_currency.empty() &&
        (k == "devise" || k == "monnaie" || k == "currency" || k == "evaluation en" || k == "devise du compte")) {
      const std::string_view v = trim(unwrap(f[1]));
      if (v.size() == 3 && v.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ") == std::string_view::npos)
        m_preamble_currency = std::string(v);
    }
    if (!m_account.empty()) return;
    const bool account_key = k.find("compte") != std::string::npos || k.find("account") != std::string::npos ||
                             starts_with(k, "iban");
    if (account_key && last >= 2 && k.find("tenu") == std::string::npos) m_account = std::string(unwrap(f[1]));
    else if (k.size() >= 3 && k[0] == '=' && k[1] == '"') m_account = std::string(unwrap(f[0]));  // ="000300…";Compte courant
  }

  std::string_view cell(std::span<const std::string_view> f, int role) const {
    const int c = m_layout.col[role];
    return c >= 0 && size_t(c) < f.size() ? trim(f[size_t(c)]) : std::string_view();
  }

  // The operation date, else the booking date, else the value date (the first that reads).
  bool row_date(std::span<const std::string_view> f, int32_t& days) const {
    for (int r : {r_date, r_booking_date, r_value_date}) {
      if (m_layout.col[r] < 0) continue;
      const std::string_view d = cell(f, r);
      if (d.empty()) continue;
      if (parse_date(d, days)) return true;
      DateTime dt;
      if (parse_datetime(d, m_zone, dt, true)) {  // Revolut "2024-01-05 10:12:33"
        days = local_date_of(dt.utc_us, m_zone);
        return true;
      }
    }
    return false;
  }

  void row(std::span<const std::string_view> f, uint64_t off, uint64_t line) {
    const uint64_t record = m_records++;
    int32_t days;
    if (!row_date(f, days)) {
      if (m_skipped++ == 0) { m_skip_line = line; m_skip_off = off; }
      return;
    }
    // Revolut and others list payments that never happened: reverted, declined, failed
    if (m_layout.col[r_state] >= 0) {
      const std::string st = fold_name(cell(f, r_state));
      if (one_of(st, {"reverted", "declined", "failed", "annule", "annulee", "rejete", "rejetee", "refuse", "refusee"})) {
        if (m_not_done++ == 0) { m_not_done_line = line; m_not_done_off = off; }
        return;
      }
    }
    m_w.date(c_date, days);
    std::string_view lab = cell(f, r_label);
    if (lab.empty()) lab = cell(f, r_counterparty);
    if (!lab.empty()) label(c_label, lab);
    double amount = NAN, v;
    bool any = false;
    if (m_layout.col[r_amount] >= 0 && bank_amount(cell(f, r_amount), v)) { amount = v; any = true; }
    if (!any) {
      double sum = 0;
      if (m_layout.col[r_debit] >= 0 && bank_amount(cell(f, r_debit), v)) { sum -= std::fabs(v); any = true; }
      if (m_layout.col[r_credit] >= 0 && bank_amount(cell(f, r_credit), v)) { sum += std::fabs(v); any = true; }
      if (any) amount = sum;
    }
    if (!any && m_no_amount++ == 0) m_no_amount_line = line;
    m_w.f64(c_amount, amount);
    const std::string_view cur = cell(f, r_currency);
    if (!cur.empty()) m_w.str(c_currency, cur);
    else if (!m_header_currency.empty()) m_w.str(c_currency, m_header_currency);
    else if (!m_preamble_currency.empty()) m_w.str(c_currency, m_preamble_currency);
    else {
      m_w.str(c_currency, "EUR");
      ++m_assumed;
    }
    if (!cell(f, r_category).empty()) label(c_category, cell(f, r_category));
    if (!cell(f, r_subcategory).empty()) label(c_subcategory, cell(f, r_subcategory));
    std::string_view acc = unwrap(cell(f, r_account));
    if (!acc.empty()) m_w.str(c_account, acc);
    else if (!m_account.empty()) m_w.str(c_account, m_account);
    if (bank_amount(cell(f, r_balance), v)) m_w.f64(c_balance, v);
    m_w.str(c_source, "bank");
    int32_t vd;
    if (parse_date(cell(f, r_value_date), vd)) m_w.date(c_value_date, vd);
    if (!cell(f, r_detail).empty()) label(c_detail, cell(f, r_detail));
    else if (!cell(f, r_label).empty() && !cell(f, r_counterparty).empty()) label(c_detail, cell(f, r_counterparty));
    if (!cell(f, r_type).empty()) label(c_type, cell(f, r_type));
    if (bank_amount(cell(f, r_orig_amount), v)) m_w.f64(c_original_amount, v);
    if (!cell(f, r_orig_currency).empty()) m_w.str(c_original_currency, cell(f, r_orig_currency));
    m_w.end_row(m_prov, record);
  }

  // text cell: spaces collapsed (multi-line labels), double-encoded UTF-8 ("CafÃ©") repaired
  void label(size_t c, std::string_view s) {
    // most cells have nothing to collapse: no CR, LF or tab, no double space, no space at either end
    bool plain = !s.empty() && s.front() != ' ' && s.back() != ' ';
    uint8_t high = 0;  // some byte >= 0x80: repair_mojibake has nothing to do on ASCII
    for (size_t i = 0; plain && i < s.size(); ++i) {
      const uint8_t ch = uint8_t(s[i]);
      high |= ch;
      if (ch > ' ') continue;
      plain = ch != '\r' && ch != '\n' && ch != '\t' && !(ch == ' ' && s[i + 1] == ' ');
    }
    if (plain) {
      std::string fixed;
      if ((high & 0x80) && repair_mojibake(s, fixed)) {
        ++m_repaired;
        m_w.str(c, fixed);
      } else {
        m_w.str(c, s);
      }
      return;
    }
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

  void end_of_input() override {
    if (!m_header)
      diag.warn(make_message("bank.no_header", "En-tête de relevé (Date;Libellé;Montant…) introuvable : aucune opération lue",
                             "No statement header (Date;Label;Amount…) found: no transaction read"));
    info_skipped_rows(diag, "bank.skipped_rows", m_skipped, m_skip_line, m_skip_off, "sans date lisible ignorée(s) (totaux, soldes)",
                      "without a readable date skipped (totals, balances)");
    info_skipped_rows(diag, "bank.not_completed", m_not_done, m_not_done_line, m_not_done_off,
                      "d'opérations annulées ou refusées (REVERTED, DECLINED, FAILED) non comptée(s)",
                      "of reverted, declined or failed payments (REVERTED, DECLINED, FAILED) not counted");
    if (m_no_amount)
      diag.warn(make_message("bank.no_amount",
                             num_str(m_no_amount) + " opération(s) sans montant lisible, première ligne " + num_str(m_no_amount_line),
                             num_str(m_no_amount) + " transaction(s) without a readable amount, first at line " +
                                 num_str(m_no_amount_line)));
    if (m_assumed) {
      Message m = make_message("bank.currency_assumed",
                               "Le fichier ne dit pas la devise : " + num_str(m_assumed) + " opération(s) comptée(s) en euros (EUR)",
                               "The file does not state the currency: " + num_str(m_assumed) + " transaction(s) counted in euros (EUR)");
      m.info = true;
      diag.warn(std::move(m));
    }
    info_mojibake_repaired(diag, m_repaired);
    if (!m_account.empty()) tab().meta.emplace_back("account", m_account);
    m_ended = true;
  }

  RowWriter m_w;
  bool m_header = false, m_ended = false;
  Layout m_layout;
  std::string m_account, m_header_currency, m_preamble_currency;
  uint64_t m_records = 0, m_preamble = 0, m_skipped = 0, m_skip_line = 0, m_skip_off = 0, m_no_amount = 0,
           m_no_amount_line = 0, m_repaired = 0, m_assumed = 0, m_not_done = 0, m_not_done_line = 0, m_not_done_off = 0;
};

}  // namespace

std::unique_ptr<Parser> bank_create(const ParseOptions& opts) { return std::make_unique<BankParser>(opts); }

}  // namespace sdw
