// Purchase history CSV (loyalty card "mes achats" exports, RGPD requests to retailers) -> purchases.
// Header roles (accents, case folded):
//   date      Date, Date d'achat, Date du ticket, Date ticket, Purchase date     time: Heure, Heure d'achat, Time
//   product   Libellé produit, Produit, Article, Désignation, Libellé article, Product, Item (or Libellé, when a
//             quantity/EAN/unit-price column says this is a receipt and not a bank statement)
//   quantity  Quantité, Qté, Qte, Quantity            unit: Unité, Unit
//   amount    Montant, Montant (€), Prix total, Total, Montant TTC, Amount, Price (line total)
//   unit price Prix unitaire, Prix unitaire (€), Unit price  (amount = quantity × unit price when no total)
//   store     Magasin, Enseigne, Store, Point de vente    category: Rayon, Catégorie, Famille, Category
//   ean       EAN, Code EAN, Code barre, GTIN             receipt: N° ticket, Ticket, Receipt
// Lines without a product (ticket totals, blank separators) are skipped and counted.
#include "parsers/formats/receipts.h"

#include <cmath>

#include "parsers/core/domain_table.h"
#include "parsers/core/domains.h"
#include "parsers/readers/json.h"

namespace sdw {

namespace {

enum Role : int { r_date, r_time, r_product, r_label, r_quantity, r_unit, r_amount, r_unit_price, r_store, r_category,
                  r_ean, r_receipt, r_count };

int role_of(const std::string& n) {
  if (n == "date" || n == "date d'achat" || n == "date du ticket" || n == "date ticket" || n == "purchase date" ||
      n == "date de l'achat")
    return r_date;
  if (n == "heure" || n == "heure d'achat" || n == "time") return r_time;
  if (n == "libelle produit" || n == "produit" || n == "article" || n == "designation" || n == "libelle article" ||
      n == "product" || n == "item" || n == "nom du produit")
    return r_product;
  if (n == "libelle" || n == "description") return r_label;
  if (starts_with(n, "quantite") || n == "qte" || n == "qté" || n == "quantity") return r_quantity;
  if (n == "unite" || n == "unit") return r_unit;
  if (starts_with(n, "prix unitaire") || n == "unit price" || n == "pu") return r_unit_price;
  if (starts_with(n, "montant") || starts_with(n, "prix total") || n == "total" || n == "amount" || n == "price" ||
      n == "prix" || n == "prix (€)" || starts_with(n, "total ttc"))
    return r_amount;
  if (n == "magasin" || n == "enseigne" || n == "store" || n == "point de vente") return r_store;
  if (n == "rayon" || starts_with(n, "categorie") || n == "famille" || n == "category") return r_category;
  if (n == "ean" || n == "code ean" || n == "code barre" || n == "code-barre" || n == "gtin") return r_ean;
  if (n == "n° ticket" || n == "numero de ticket" || n == "ticket" || n == "receipt") return r_receipt;
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
  const bool receipt_like = l.col[r_quantity] >= 0 || l.col[r_ean] >= 0 || l.col[r_unit_price] >= 0;
  if (l.col[r_product] < 0 && receipt_like) l.col[r_product] = l.col[r_label];
  l.ok = l.col[r_date] >= 0 && l.col[r_product] >= 0 && receipt_like &&
         (l.col[r_amount] >= 0 || l.col[r_unit_price] >= 0);
  return l;
}

}  // namespace

int receipts_detect(std::string_view head, std::string_view file_name) {
  const std::string text = head_text(head);
  if (text.empty()) return 0;
  for (char d : {';', ',', '\t'})
    for (const auto& l : folded_lines(text, d, 20))
      if (l.size() >= 3 && layout_of(l).ok) return 89;
  return 0;
}

namespace {

enum Col : size_t { c_ts, c_date, c_store, c_product, c_quantity, c_unit, c_amount, c_category, c_ean, c_source,
                    c_unit_price, c_receipt };

class ReceiptsParser final : public CsvDomainParser {
 public:
  explicit ReceiptsParser(const ParseOptions& o) : CsvDomainParser(o) {
    m_table = make_domain_table(
        domain::k_purchases,
        {{"ts", ColumnType::Timestamp}, {"date", ColumnType::Date}, {"store", ColumnType::String},
         {"product", ColumnType::String}, {"quantity", ColumnType::Float64}, {"unit", ColumnType::String},
         {"amount", ColumnType::Float64}, {"category", ColumnType::String}, {"ean", ColumnType::String},
         {"source", ColumnType::String}, {"unit_price", ColumnType::Float64}, {"receipt_id", ColumnType::String}});
    m_w = RowWriter(m_table);
  }

  uint64_t rows_so_far() const override { return m_w.rows(); }

  void on_record(std::span<const std::string_view> f, uint64_t off, uint64_t line) override {
    if (!m_header) {
      std::vector<std::string> folded;
      for (std::string_view s : f) folded.push_back(fold_name(s));
      Layout l = layout_of(folded);
      if (l.ok && f.size() >= 3) { m_header = true; m_layout = l; }
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
    std::string fixed;
    if (repair_mojibake(s, fixed)) { ++m_repaired; m_w.str(c, fixed); }
    else m_w.str(c, s);
  }

  void row(std::span<const std::string_view> f, uint64_t off, uint64_t line) {
    const uint64_t record = m_records++;
    const std::string_view product = cell(f, r_product);
    DateTime dt;
    const std::string_view date = cell(f, r_date);
    if (product.empty() || !parse_datetime(date, m_zone, dt, true)) {
      if (m_skipped++ == 0) { m_skip_line = line; m_skip_off = off; }
      return;
    }
    int32_t days;
    if (!parse_date(date, days)) days = local_date_of(dt.utc_us, m_zone);
    m_w.date(c_date, days);
    const std::string_view time = cell(f, r_time);
    if (!time.empty() && parse_date(date, days)) {
      DateTime t;
      if (parse_datetime(std::string(date) + " " + std::string(time), m_zone, t, false)) m_w.ts(c_ts, t.utc_us, t.local_offset());
    } else if (!dt.date_only) {
      m_w.ts(c_ts, dt.utc_us, dt.local_offset());
    }
    if (!cell(f, r_store).empty()) text(c_store, cell(f, r_store));
    text(c_product, product);
    double qty = NAN, unit_price = NAN, amount = NAN, v;
    if (parse_float(cell(f, r_quantity), v)) qty = v;
    if (parse_amount(cell(f, r_unit_price), v)) unit_price = v;
    if (parse_amount(cell(f, r_amount), v)) amount = v;
    if (std::isnan(amount) && !std::isnan(unit_price)) amount = unit_price * (std::isnan(qty) ? 1.0 : qty);
    m_w.f64(c_quantity, qty);
    if (!cell(f, r_unit).empty()) m_w.str(c_unit, cell(f, r_unit));
    m_w.f64(c_amount, amount);
    if (!cell(f, r_category).empty()) text(c_category, cell(f, r_category));
    if (!cell(f, r_ean).empty()) m_w.str(c_ean, cell(f, r_ean));
    m_w.str(c_source, "receipts");
    m_w.f64(c_unit_price, unit_price);
    if (!cell(f, r_receipt).empty()) m_w.str(c_receipt, cell(f, r_receipt));
    m_w.end_row(m_prov, record);
  }

  void end_of_input() override {
    if (!m_header)
      diag.warn(make_message("receipts.no_header", "En-tête (date, produit, quantité, montant) introuvable : aucun achat lu",
                             "No header (date, product, quantity, amount) found: no purchase read"));
    info_skipped_rows(diag, "receipts.skipped_rows", m_skipped, m_skip_line, m_skip_off, "sans produit ou sans date ignorée(s) (totaux de ticket)",
                      "without a product or a date skipped (receipt totals)");
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

std::unique_ptr<Parser> receipts_create(const ParseOptions& opts) { return std::make_unique<ReceiptsParser>(opts); }

}  // namespace sdw
