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
//
// Amount: debit columns count as money out whatever their sign, credit columns as money in; a single amount
// column is taken as signed. Date: the operation date when there is one, else the booking date. The
// account comes from an account column or a preamble line ("Numéro de compte;…"). Lines after the header
// whose date does not read (totals, "Solde au …") are skipped and counted.
#include "parsers/bank.h"

#include <cmath>

#include "parsers/domain_table.h"
#include "parsers/domains.h"
#include "parsers/json.h"

namespace sdw {

namespace {

enum Role : int { r_date, r_booking_date, r_value_date, r_label, r_detail, r_amount, r_debit, r_credit, r_category,
                  r_subcategory, r_currency, r_balance, r_account, r_count };

int role_of(const std::string& n) {
  if (n == "date operation" || n == "date de l'operation" || n == "date d'operation" || n == "dateop" ||
      n == "date op" || n == "date" || n == "date de transaction")
    return r_date;
  if (n == "date de comptabilisation" || n == "date comptable") return r_booking_date;
  if (n == "date de valeur" || n == "date valeur" || n == "dateval") return r_value_date;
  if (n == "libelle" || n == "libelle simplifie" || n == "label" || n == "libelle de l'operation" ||
      n == "libelle operation" || n == "intitule")
    return r_label;
  if (n == "detail de l'ecriture" || n == "informations complementaires" || n == "detail" || n == "comment")
    return r_detail;
  if (starts_with(n, "montant") || n == "amount") return r_amount;
  if (starts_with(n, "debit")) return r_debit;
  if (starts_with(n, "credit")) return r_credit;
  if (n == "categorie" || n == "category" || n == "categorie operation" || n == "categoryparent") return r_category;
  if (n == "sous categorie" || n == "sous categorie operation") return r_subcategory;
  if (n == "devise" || n == "currency") return r_currency;
  if (starts_with(n, "solde") || n == "accountbalance") return r_balance;
  if (n == "accountnum" || n == "numero de compte" || n == "compte") return r_account;
  return -1;
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
  if (l.col[r_date] < 0 && l.col[r_booking_date] >= 0) l.col[r_date] = l.col[r_booking_date];
  l.ok = l.col[r_date] >= 0 && l.col[r_label] >= 0 &&
         (l.col[r_amount] >= 0 || l.col[r_debit] >= 0 || l.col[r_credit] >= 0);
  return l;
}

const char* layout_name(const std::vector<std::string>& h, const Layout& l) {
  if (!h.empty() && h[0] == "dateop") return "boursorama";
  if (l.col[r_booking_date] >= 0 && l.col[r_debit] >= 0) return "caisse_epargne";
  if (l.col[r_debit] >= 0 && h.size() > size_t(l.col[r_debit]) && h[size_t(l.col[r_debit])] == "debit euros")
    return "credit_agricole";
  if (l.col[r_amount] >= 0 && h[size_t(l.col[r_amount])] == "montant de l'operation") return "societe_generale";
  if (l.col[r_amount] >= 0 && h[size_t(l.col[r_amount])] == "montant(euros)") return "banque_postale";
  return "generic";
}

// ="00012345" (spreadsheet-protected text) -> 00012345
std::string_view unwrap(std::string_view s) {
  s = trim(s);
  if (s.size() >= 3 && s[0] == '=' && s[1] == '"' && s.back() == '"') s = s.substr(2, s.size() - 3);
  return s;
}

}  // namespace

int bank_detect(std::string_view head, std::string_view file_name) {
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
                    c_value_date, c_detail, c_subcategory };

class BankParser final : public CsvDomainParser {
 public:
  explicit BankParser(const ParseOptions& o) : CsvDomainParser(o) {
    m_table = make_domain_table(domain::k_transactions,
                                {{"date", ColumnType::Date}, {"label", ColumnType::String},
                                 {"amount", ColumnType::Float64}, {"currency", ColumnType::String},
                                 {"category", ColumnType::String}, {"account", ColumnType::String},
                                 {"balance", ColumnType::Float64}, {"source", ColumnType::String},
                                 {"value_date", ColumnType::Date}, {"detail", ColumnType::String},
                                 {"subcategory", ColumnType::String}});
    m_w = RowWriter(m_table);
  }

  uint64_t rows_so_far() const override { return m_w.rows(); }

  void on_record(std::span<const std::string_view> f, uint64_t off, uint64_t line) override {
    if (!m_header) {
      std::vector<std::string> folded;
      for (std::string_view s : f) folded.push_back(fold_name(s));
      Layout l = layout_of(folded);
      if (l.ok && f.size() >= 3) {
        m_header = true;
        m_layout = l;
        m_table.meta.emplace_back("layout", layout_name(folded, l));
        const int a = l.col[r_amount] >= 0 ? l.col[r_amount] : l.col[r_debit];
        if (a >= 0 && folded[size_t(a)].find("euro") != std::string::npos) m_currency = "EUR";
        return;
      }
      preamble(f, folded);
      return;
    }
    row(f, off, line);
  }

 private:
  void preamble(std::span<const std::string_view> f, const std::vector<std::string>& folded) {
    size_t last = f.size();
    while (last > 0 && trim(f[last - 1]).empty()) --last;
    if (last == 0) return;
    std::string joined;
    for (size_t i = 0; i < last; ++i) {
      if (i) joined += ';';
      joined += std::string(unwrap(f[i]));
    }
    m_table.meta.emplace_back("preamble_" + num_str(++m_preamble), joined);
    if (!m_account.empty()) return;
    const std::string& k = folded[0];
    const bool account_key = k.find("compte") != std::string::npos || k.find("account") != std::string::npos ||
                             starts_with(k, "iban");
    if (account_key && last >= 2 && k.find("tenu") == std::string::npos) m_account = std::string(unwrap(f[1]));
    else if (k.size() >= 3 && k[0] == '=' && k[1] == '"') m_account = std::string(unwrap(f[0]));  // ="000300…";Compte courant
  }

  std::string_view cell(std::span<const std::string_view> f, int role) const {
    const int c = m_layout.col[role];
    return c >= 0 && size_t(c) < f.size() ? trim(f[size_t(c)]) : std::string_view();
  }

  void row(std::span<const std::string_view> f, uint64_t off, uint64_t line) {
    const uint64_t record = m_records++;
    int32_t days;
    std::string_view d = cell(f, r_date);
    if (!parse_date(d, days)) {
      DateTime dt;
      if (!parse_datetime(d, m_zone, dt, true)) {
        if (m_skipped++ == 0) { m_skip_line = line; m_skip_off = off; }
        return;
      }
      days = local_date_of(dt.utc_us, m_zone);
    }
    m_w.date(c_date, days);
    label(c_label, cell(f, r_label));
    double amount = NAN, v;
    bool any = false;
    if (m_layout.col[r_amount] >= 0 && parse_amount(cell(f, r_amount), v)) { amount = v; any = true; }
    if (!any) {
      double sum = 0;
      if (m_layout.col[r_debit] >= 0 && parse_amount(cell(f, r_debit), v)) { sum -= std::fabs(v); any = true; }
      if (m_layout.col[r_credit] >= 0 && parse_amount(cell(f, r_credit), v)) { sum += std::fabs(v); any = true; }
      if (any) amount = sum;
    }
    if (!any && m_no_amount++ == 0) m_no_amount_line = line;
    m_w.f64(c_amount, amount);
    std::string_view cur = cell(f, r_currency);
    m_w.str(c_currency, !cur.empty() ? cur : m_currency);
    if (!cell(f, r_category).empty()) label(c_category, cell(f, r_category));
    if (!cell(f, r_subcategory).empty()) label(c_subcategory, cell(f, r_subcategory));
    std::string_view acc = unwrap(cell(f, r_account));
    if (!acc.empty()) m_w.str(c_account, acc);
    else if (!m_account.empty()) m_w.str(c_account, m_account);
    if (parse_amount(cell(f, r_balance), v)) m_w.f64(c_balance, v);
    m_w.str(c_source, "bank");
    int32_t vd;
    if (parse_date(cell(f, r_value_date), vd)) m_w.date(c_value_date, vd);
    if (!cell(f, r_detail).empty()) label(c_detail, cell(f, r_detail));
    m_w.end_row(m_prov, record);
  }

  // text cell: spaces collapsed (multi-line labels), double-encoded UTF-8 ("CafÃ©") repaired
  void label(size_t c, std::string_view s) {
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
    if (m_no_amount)
      diag.warn(make_message("bank.no_amount",
                             num_str(m_no_amount) + " opération(s) sans montant lisible, première ligne " + num_str(m_no_amount_line),
                             num_str(m_no_amount) + " transaction(s) without a readable amount, first at line " +
                                 num_str(m_no_amount_line)));
    info_mojibake_repaired(diag, m_repaired);
    if (!m_account.empty()) m_table.meta.emplace_back("account", m_account);
    tables.push_back(std::move(m_table));
  }

  Table m_table;
  RowWriter m_w;
  bool m_header = false;
  Layout m_layout;
  std::string m_account, m_currency = "EUR";
  uint64_t m_records = 0, m_preamble = 0, m_skipped = 0, m_skip_line = 0, m_skip_off = 0, m_no_amount = 0,
           m_no_amount_line = 0, m_repaired = 0;
};

}  // namespace

std::unique_ptr<Parser> bank_create(const ParseOptions& opts) { return std::make_unique<BankParser>(opts); }

}  // namespace sdw
