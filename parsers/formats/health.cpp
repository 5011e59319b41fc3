// Health reimbursements CSV -> health_records. Header roles (accents, case folded):
//   date        Date des soins, Date de soins, Date de l'acte, Date     payment date: Date de paiement, Payé le
//   label       Nature de la prestation, Prestation, Acte, Libellé, Nature des soins
//   provider    Professionnel de santé, Praticien, Professionnel, Établissement
//   paid        Montant payé, Dépense, Montant de la dépense, Frais réels, Montant facturé
//   reimbursed  Montant remboursé, Remboursement, Remboursé, Remboursement Sécurité sociale, Montant versé
//   extras      Bénéficiaire, Base de remboursement, Taux, Remboursement mutuelle / complémentaire
// A header needs a date, a reimbursed amount and a label or provider.
#include "parsers/formats/health.h"

#include <cmath>

#include "parsers/core/domain_table.h"
#include "parsers/core/domains.h"
#include "parsers/readers/json.h"

namespace sdw {

namespace {

enum Role : int { r_date, r_pay_date, r_label, r_provider, r_paid, r_reimbursed, r_beneficiary, r_base, r_rate,
                  r_complementary, r_count };

int role_of(const std::string& n) {
  if (n == "date des soins" || n == "date de soins" || n == "date de l'acte" || n == "date" || n == "date du soin" ||
      n == "date des actes")
    return r_date;
  if (n == "date de paiement" || n == "paye le" || n == "date du paiement" || n == "date de remboursement")
    return r_pay_date;
  if (n == "nature de la prestation" || n == "prestation" || n == "acte" || n == "libelle" || n == "nature des soins" ||
      n == "nature de l'acte" || n == "soins")
    return r_label;
  if (starts_with(n, "professionnel") || n == "praticien" || n == "etablissement" || n == "medecin") return r_provider;
  if (n == "montant paye" || n == "depense" || n == "montant de la depense" || n == "frais reels" ||
      n == "montant facture" || starts_with(n, "montant paye ") || starts_with(n, "depense "))
    return r_paid;
  if (starts_with(n, "remboursement mutuelle") || starts_with(n, "remboursement complementaire") ||
      starts_with(n, "part mutuelle") || starts_with(n, "part complementaire"))
    return r_complementary;
  if (starts_with(n, "montant rembourse") || n == "remboursement" || n == "rembourse" ||
      starts_with(n, "remboursement securite sociale") || starts_with(n, "montant verse") ||
      starts_with(n, "remboursement (") || starts_with(n, "part securite sociale") || starts_with(n, "part secu"))
    return r_reimbursed;
  if (n == "beneficiaire" || n == "patient") return r_beneficiary;
  if (starts_with(n, "base de remboursement") || n == "brss") return r_base;
  if (starts_with(n, "taux")) return r_rate;
  return -1;
}

struct Layout {
  int col[r_count];
  bool ok = false;
  Layout() { for (int& c : col) c = -1; }
};

Layout layout_of(const std::vector<std::string>& folded) {
  Layout l;
  for (size_t i = 0; i < folded.size(); ++i) {
    int r = role_of(folded[i]);
    if (r >= 0 && l.col[r] < 0) l.col[r] = int(i);
  }
  if (l.col[r_date] < 0 && l.col[r_pay_date] >= 0) l.col[r_date] = l.col[r_pay_date];
  l.ok = l.col[r_date] >= 0 && (l.col[r_reimbursed] >= 0 || l.col[r_complementary] >= 0) &&
         (l.col[r_label] >= 0 || l.col[r_provider] >= 0);
  return l;
}

}  // namespace

int health_detect(std::string_view head, std::string_view file_name) {
  const std::string text = head_text(head);
  if (text.empty()) return 0;
  for (char d : {';', ',', '\t'})
    for (const auto& l : folded_lines(text, d, 30))
      if (l.size() >= 3 && layout_of(l).ok) return 90;
  return 0;
}

namespace {

enum Col : size_t { c_date, c_label, c_provider, c_paid, c_reimbursed, c_source, c_beneficiary, c_base, c_rate,
                    c_complementary, c_payment_date, c_remaining };

class HealthParser final : public CsvDomainParser {
 public:
  explicit HealthParser(const ParseOptions& o) : CsvDomainParser(o) {
    m_table = make_domain_table(
        domain::k_health_records,
        {{"date", ColumnType::Date}, {"label", ColumnType::String}, {"provider", ColumnType::String},
         {"amount_paid", ColumnType::Float64}, {"amount_reimbursed", ColumnType::Float64}, {"source", ColumnType::String},
         {"beneficiary", ColumnType::String}, {"base_amount", ColumnType::Float64}, {"rate_pct", ColumnType::Float64},
         {"complementary_reimbursed", ColumnType::Float64}, {"payment_date", ColumnType::Date},
         {"remaining", ColumnType::Float64}});
    m_w = RowWriter(m_table);
  }

  uint64_t rows_so_far() const override { return m_w.rows(); }

  void on_record(std::span<const std::string_view> f, uint64_t off, uint64_t line) override {
    if (!m_header) {
      std::vector<std::string> folded;
      for (std::string_view s : f) folded.push_back(fold_name(s));
      Layout l = layout_of(folded);
      if (l.ok && f.size() >= 3) { m_header = true; m_layout = l; }
      else {
        size_t last = f.size();
        while (last > 0 && trim(f[last - 1]).empty()) --last;
        if (last) {
          std::string joined;
          for (size_t i = 0; i < last; ++i) joined += (i ? ";" : "") + std::string(trim(f[i]));
          m_table.meta.emplace_back("preamble_" + num_str(m_table.meta.size() + 1), joined);
        }
      }
      return;
    }
    row(f, off, line);
  }

 private:
  std::string_view cell(std::span<const std::string_view> f, int role) const {
    const int c = m_layout.col[role];
    return c >= 0 && size_t(c) < f.size() ? trim(f[size_t(c)]) : std::string_view();
  }

  void text(size_t c, std::string_view s) {
    if (s.empty()) return;
    std::string fixed;
    if (repair_mojibake(s, fixed)) { ++m_repaired; m_w.str(c, fixed); }
    else m_w.str(c, s);
  }

  void row(std::span<const std::string_view> f, uint64_t off, uint64_t line) {
    const uint64_t record = m_records++;
    int32_t days;
    if (!parse_date(cell(f, r_date), days)) {
      if (m_skipped++ == 0) { m_skip_line = line; m_skip_off = off; }
      return;
    }
    m_w.date(c_date, days);
    text(c_label, cell(f, r_label));
    text(c_provider, cell(f, r_provider));
    double paid = NAN, reimb = NAN, comp = NAN, v;
    if (parse_amount(cell(f, r_paid), v)) paid = v;
    if (parse_amount(cell(f, r_reimbursed), v)) reimb = v;
    if (parse_amount(cell(f, r_complementary), v)) comp = v;
    m_w.f64(c_paid, paid);
    m_w.f64(c_reimbursed, reimb);
    m_w.str(c_source, "health");
    text(c_beneficiary, cell(f, r_beneficiary));
    if (parse_amount(cell(f, r_base), v)) m_w.f64(c_base, v);
    std::string_view rate = cell(f, r_rate);
    if (!rate.empty() && rate.back() == '%') rate = trim(rate.substr(0, rate.size() - 1));
    if (parse_float(rate, v)) m_w.f64(c_rate, v);
    m_w.f64(c_complementary, comp);
    int32_t pd;
    if (m_layout.col[r_pay_date] != m_layout.col[r_date] && parse_date(cell(f, r_pay_date), pd)) m_w.date(c_payment_date, pd);
    if (!std::isnan(paid)) {  // what is left for the patient
      double left = paid - (std::isnan(reimb) ? 0 : reimb) - (std::isnan(comp) ? 0 : comp);
      m_w.f64(c_remaining, std::round(left * 100) / 100);
    }
    m_w.end_row(m_prov, record);
  }

  void end_of_input() override {
    if (!m_header)
      diag.warn(make_message("health.no_header", "En-tête (date des soins, prestation, montant remboursé) introuvable",
                             "No header (care date, service, amount reimbursed) found"));
    info_skipped_rows(diag, "health.skipped_rows", m_skipped, m_skip_line, m_skip_off, "sans date lisible ignorée(s) (totaux)",
                      "without a readable date skipped (totals)");
    info_mojibake_repaired(diag, m_repaired);
    tables.push_back(std::move(m_table));
  }

  Table m_table;
  RowWriter m_w;
  bool m_header = false;
  Layout m_layout;
  uint64_t m_records = 0, m_skipped = 0, m_skip_line = 0, m_skip_off = 0, m_repaired = 0;
};

}  // namespace

std::unique_ptr<Parser> health_create(const ParseOptions& opts) { return std::make_unique<HealthParser>(opts); }

}  // namespace sdw
