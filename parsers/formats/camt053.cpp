// camt.053 -> transactions, streamed through expat (parsers/readers/xml.h): one row per booked entry (Ntry).
//
//   Document/BkToCstmrStmt/Stmt        (camt.052: BkToCstmrAcctRpt/Rpt, camt.054: BkToCstmrDbtCdtNtfctn/Ntfctn)
//     Acct/Id/IBAN | Acct/Id/Othr/Id   account;   Acct/Ccy: currency when an amount has no Ccy
//     Bal: Tp/CdOrPrtry/Cd (OPBD, PRCD, CLBD…), Amt Ccy, CdtDbtInd, Dt/Dt|DtTm -> table meta; opening + entries
//          = closing is checked per statement, said when it does not hold
//     Ntry: Amt Ccy (always positive), CdtDbtInd (DBIT = money out), Sts (v2: text, v8: Sts/Cd; PDNG/INFO not
//          booked: counted, skipped), BookgDt/Dt|DtTm (date), ValDt/Dt|DtTm (value_date), BkTxCd (type:
//          Domn/Cd/Fmly/Cd/SubFmlyCd or Prtry/Cd), AddtlNtryInf
//       NtryDtls/TxDtls: RltdPties Cdtr|Dbtr Nm (v2) or Cdtr|Dbtr/Pty/Nm (v8), UltmtCdtr|UltmtDbtr,
//          RmtInf/Ustrd (joined), AddtlTxInf
//   label: the counterparty (the creditor of a debit, the debtor of a credit), else AddtlNtryInf, else Ustrd;
//   detail: Ustrd, else AddtlTxInf / AddtlNtryInf when not the label. A batch entry (several TxDtls) is one row
//   (its booked total), labelled by its first transaction, counted in meta "batch_entries".
// Dates with a time (DtTm "2014-12-31T13:15:00+01:00") keep the day as written (the bank's day).
// Shapes from genkgo/camt's fixtures (test/data/camt053.v2.minimal.xml, camt053.v8.xml, camt53.only-Dt-with-DtTm.xml).
#include "parsers/formats/camt053.h"

#include <cmath>
#include <vector>

#include "parsers/core/domain_table.h"
#include "parsers/core/domains.h"
#include "parsers/readers/xml.h"

namespace sdw {

namespace {

// "2014-12-31", "2014-12-31T13:15:00+01:00" -> the day as written
bool camt_date(std::string_view s, int32_t& days) {
  s = trim(s);
  if (s.size() > 10) s = s.substr(0, 10);
  return s.size() == 10 && s[4] == '-' && parse_date(s, days);
}

std::string collapse(std::string_view s) {
  std::string out;
  bool space = false;
  for (char ch : s) {
    if (ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n') { space = true; continue; }
    if (space && !out.empty()) out.push_back(' ');
    space = false;
    out.push_back(ch);
  }
  return out;
}

enum Col : size_t { c_date, c_label, c_amount, c_currency, c_category, c_account, c_balance, c_source, c_value_date,
                    c_detail, c_type, c_reference };

struct Entry {
  std::string amount, currency, indicator, status, booking, value, type_domain, type_family, type_sub, type_prtry,
      addtl, creditor, debtor, ult_creditor, ult_debtor, ustrd, addtl_tx, reference;
  int tx_count = 0;
  bool reversal = false;
  uint64_t offset = 0, line = 0;
};

struct Balance {
  std::string type, amount, currency, indicator, date;
};

class CamtParser final : public Parser, public XmlHandler {
 public:
  explicit CamtParser(const ParseOptions& o) : m_prov(provenance_of(o)), m_reader(*this, diag, 1 << 16) {
    tables.push_back(make_domain_table(domain::k_transactions,
                                       {{"date", ColumnType::Date}, {"label", ColumnType::String},
                                        {"amount", ColumnType::Float64}, {"currency", ColumnType::String},
                                        {"category", ColumnType::String}, {"account", ColumnType::String},
                                        {"balance", ColumnType::Float64}, {"source", ColumnType::String},
                                        {"value_date", ColumnType::Date}, {"detail", ColumnType::String},
                                        {"type", ColumnType::String}, {"reference", ColumnType::String}}));
    m_w = RowWriter(tables.back());
  }

  uint64_t rows_so_far() const override { return m_w.rows(); }
  const char* encoding() const override { return "utf-8"; }
  // rows are final once written; the table never moves
  bool streams_rows() const override { return m_saw_root && !m_done && !diag.failed; }

  void feed(std::span<const uint8_t> chunk) override {
    if (diag.failed || m_done) return;
    m_reader.feed(chunk);
    check_reader();
  }

  void finish() override {
    if (diag.failed || m_done) return;
    m_reader.finish();
    if (m_reader.failed() && m_reader.failed_at_end() && m_saw_root && m_w.rows() > 0) {
      const Message& e = m_reader.error();
      diag.warn(make_message("camt053.truncated",
                             "Relevé camt.053 incomplet : les " + num_str(m_w.rows()) + " opérations lues sont gardées",
                             "Incomplete camt.053 statement: the " + num_str(m_w.rows()) + " transactions read are kept",
                             e.where.byte_offset, e.where.line));
    } else {
      check_reader();
      if (diag.failed) return;
    }
    if (!m_saw_root) {
      fail_now(make_message("camt053.no_statement",
                            "Pas de relevé ISO 20022 (BkToCstmrStmt) dans ce fichier XML",
                            "No ISO 20022 statement (BkToCstmrStmt) in this XML file"));
      return;
    }
    m_done = true;
    info_skipped_rows(diag, "camt053.not_booked", m_pending, m_pending_line, m_pending_off,
                      "(écritures <Ntry>) en attente ou pour information (Sts PDNG, INFO) non comptée(s)",
                      "(<Ntry> entries) pending or for information only (Sts PDNG, INFO) not counted");
    info_skipped_rows(diag, "camt053.skipped_rows", m_skipped, m_skip_line, m_skip_off, "(écritures <Ntry>) sans date lisible ignorée(s)",
                      "(<Ntry> entries) without a readable date skipped");
    if (m_no_amount)
      diag.warn(make_message("camt053.no_amount",
                             num_str(m_no_amount) + " écriture(s) sans montant lisible (Amt), première ligne " + num_str(m_no_amount_line),
                             num_str(m_no_amount) + " entry(ies) without a readable amount (Amt), first at line " + num_str(m_no_amount_line)));
    if (m_assumed) {
      Message m = make_message("camt053.currency_assumed",
                               num_str(m_assumed) + " écriture(s) sans devise (ni Amt Ccy, ni Acct/Ccy) : comptée(s) en euros (EUR)",
                               num_str(m_assumed) + " entry(ies) without a currency (no Amt Ccy, no Acct/Ccy): counted in euros (EUR)");
      m.info = true;
      diag.warn(std::move(m));
    }
    Table& t = tables.front();
    t.meta.emplace_back("statements", num_str(m_statements));
    if (!m_version.empty()) t.meta.emplace_back("camt_version", m_version);
    if (m_batches) t.meta.emplace_back("batch_entries", num_str(m_batches));
    if (m_w.rows() == 0)
      diag.warn(make_message("camt053.empty", "Aucune écriture (<Ntry>) dans ce relevé camt.053", "No entry (<Ntry>) in this camt.053 statement"));
    t.finalize();
  }

  // [SECTION] XML events

  void on_start(std::string_view local, const char** attrs) override {
    m_path.emplace_back(local);
    if (m_path.size() == 1) {
      if (local != "Document") {
        m_reader.stop(make_message("camt053.no_statement", "Ce fichier XML n'est pas un relevé ISO 20022 (racine <" + std::string(local) + ">)",
                                   "This XML file is not an ISO 20022 statement (root <" + std::string(local) + ">)"));
        return;
      }
      if (const char* ns = xml_attr(attrs, "xmlns")) {
        const std::string_view n = ns;
        const size_t p = n.find("camt.05");
        if (p != std::string_view::npos) m_version = std::string(n.substr(p));
      }
      return;
    }
    if (local == "BkToCstmrStmt" || local == "BkToCstmrAcctRpt" || local == "BkToCstmrDbtCdtNtfctn") m_saw_root = true;
    if (!m_saw_root) return;
    if (is_statement(local) && m_path.size() == 3) {
      ++m_statements;
      m_account.clear();
      m_account_ccy.clear();
      m_balances.clear();
      m_sum = 0;
      m_sum_ccy.clear();
      m_mixed = false;
      return;
    }
    if (local == "Ntry" && in_statement()) {
      m_in_entry = true;
      m_e = Entry();
      m_e.offset = m_reader.byte_offset();
      m_e.line = m_reader.line();
      return;
    }
    if (local == "TxDtls" && m_in_entry) ++m_e.tx_count;
    if (local == "Bal" && in_statement() && !m_in_entry) m_balances.emplace_back();
    if (local == "Amt") {
      const char* c = xml_attr(attrs, "Ccy");
      m_amt_ccy = c ? c : "";
    }
  }

  void on_end(std::string_view local, std::string_view text) override {
    if (!m_saw_root || m_path.size() < 2) {
      if (!m_path.empty()) m_path.pop_back();
      return;
    }
    const std::string_view v = trim(text);
    const std::string_view parent = m_path.size() >= 2 ? std::string_view(m_path[m_path.size() - 2]) : std::string_view();
    if (m_in_entry) entry_value(local, parent, v);
    else if (in_statement()) statement_value(local, parent, v);
    if (local == "Ntry" && m_in_entry) {
      m_in_entry = false;
      emit();
    } else if (is_statement(local) && m_path.size() == 3) {
      check_balances();
    }
    m_path.pop_back();
  }

 private:
  static bool is_statement(std::string_view l) { return l == "Stmt" || l == "Rpt" || l == "Ntfctn"; }
  bool in_statement() const { return m_path.size() >= 3 && is_statement(m_path[2]); }
  bool under(std::string_view name) const {
    for (const std::string& p : m_path)
      if (p == name) return true;
    return false;
  }

  void statement_value(std::string_view local, std::string_view parent, std::string_view v) {
    if (under("Acct") && !under("Svcr") && !under("Ownr")) {
      if ((local == "IBAN" && parent == "Id") || (local == "Id" && parent == "Othr")) {
        if (m_account.empty()) m_account = std::string(v);
      } else if (local == "Ccy" && parent == "Acct") {
        m_account_ccy = std::string(v);
      }
      return;
    }
    if (under("Bal") && !m_balances.empty()) {
      Balance& b = m_balances.back();
      if (local == "Cd" && parent == "CdOrPrtry") b.type = std::string(v);
      else if (local == "Amt" && parent == "Bal") { b.amount = std::string(v); b.currency = m_amt_ccy; }
      else if (local == "CdtDbtInd" && parent == "Bal") b.indicator = std::string(v);
      else if ((local == "Dt" || local == "DtTm") && parent == "Dt") b.date = std::string(v);
    }
  }

  void entry_value(std::string_view local, std::string_view parent, std::string_view v) {
    const bool tx = under("TxDtls");
    if (!tx) {
      if (local == "Amt" && parent == "Ntry") { m_e.amount = std::string(v); m_e.currency = m_amt_ccy; }
      else if (local == "CdtDbtInd" && parent == "Ntry") m_e.indicator = std::string(v);
      else if (local == "RvslInd" && parent == "Ntry") m_e.reversal = v == "true";
      else if (local == "Sts" && parent == "Ntry" && !v.empty()) m_e.status = std::string(v);  // v2
      else if (local == "Cd" && parent == "Sts") m_e.status = std::string(v);                  // v8
      else if ((local == "Dt" || local == "DtTm") && parent == "BookgDt") m_e.booking = std::string(v);
      else if ((local == "Dt" || local == "DtTm") && parent == "ValDt") m_e.value = std::string(v);
      else if (local == "Cd" && parent == "Domn") m_e.type_domain = std::string(v);
      else if (local == "Cd" && parent == "Fmly") m_e.type_family = std::string(v);
      else if (local == "SubFmlyCd") m_e.type_sub = std::string(v);
      else if (local == "Cd" && parent == "Prtry" && under("BkTxCd") && m_e.type_prtry.empty()) m_e.type_prtry = std::string(v);
      else if (local == "AddtlNtryInf") m_e.addtl = collapse(v);
      else if (local == "AcctSvcrRef" && parent == "Ntry") m_e.reference = std::string(v);
      return;
    }
    if (m_e.tx_count > 1) return;  // a batch: its first transaction names it
    if (local == "Nm" && (parent == "Cdtr" || (parent == "Pty" && m_path.size() >= 3 && m_path[m_path.size() - 3] == "Cdtr")))
      m_e.creditor = collapse(v);
    else if (local == "Nm" && (parent == "Dbtr" || (parent == "Pty" && m_path.size() >= 3 && m_path[m_path.size() - 3] == "Dbtr")))
      m_e.debtor = collapse(v);
    else if (local == "Nm" && (parent == "UltmtCdtr" || (parent == "Pty" && m_path.size() >= 3 && m_path[m_path.size() - 3] == "UltmtCdtr")))
      m_e.ult_creditor = collapse(v);
    else if (local == "Nm" && (parent == "UltmtDbtr" || (parent == "Pty" && m_path.size() >= 3 && m_path[m_path.size() - 3] == "UltmtDbtr")))
      m_e.ult_debtor = collapse(v);
    else if (local == "Ustrd") {
      if (!m_e.ustrd.empty()) m_e.ustrd += ' ';
      m_e.ustrd += collapse(v);
    } else if (local == "AddtlTxInf") m_e.addtl_tx = collapse(v);
    else if (local == "EndToEndId" && m_e.reference.empty() && v != "NOTPROVIDED") m_e.reference = std::string(v);
  }

  void emit() {
    const Entry& e = m_e;
    const uint64_t record = m_records++;
    if (!e.status.empty() && e.status != "BOOK") {
      if (m_pending++ == 0) { m_pending_line = e.line; m_pending_off = e.offset; }
      return;
    }
    int32_t day;
    if (!camt_date(e.booking, day) && !camt_date(e.value, day)) {
      if (m_skipped++ == 0) { m_skip_line = e.line; m_skip_off = e.offset; }
      return;
    }
    m_w.date(c_date, day);
    const bool debit = e.indicator == "DBIT";
    std::string label = debit ? (!e.creditor.empty() ? e.creditor : e.ult_creditor) : (!e.debtor.empty() ? e.debtor : e.ult_debtor);
    bool addtl_used = false, ustrd_used = false;
    if (label.empty() && !e.addtl.empty()) { label = e.addtl; addtl_used = true; }
    if (label.empty() && !e.ustrd.empty()) { label = e.ustrd; ustrd_used = true; }
    if (!label.empty()) m_w.str(c_label, label);
    double amount;
    if (parse_amount(e.amount, amount)) {
      amount = debit ? -std::fabs(amount) : std::fabs(amount);
      m_w.f64(c_amount, amount);
    } else {
      amount = NAN;
      if (m_no_amount++ == 0) m_no_amount_line = e.line;
    }
    std::string cur = !e.currency.empty() ? e.currency : m_account_ccy;
    if (cur.empty()) {
      cur = "EUR";
      ++m_assumed;
    }
    m_w.str(c_currency, cur);
    if (!std::isnan(amount)) {
      if (m_sum_ccy.empty()) m_sum_ccy = cur;
      else if (m_sum_ccy != cur) m_mixed = true;
      m_sum += amount;
    }
    if (!m_account.empty()) m_w.str(c_account, m_account);
    m_w.str(c_source, "camt053");
    int32_t vd;
    if (camt_date(e.value, vd)) m_w.date(c_value_date, vd);
    if (!e.ustrd.empty() && !ustrd_used) m_w.str(c_detail, e.ustrd);
    else if (!e.addtl_tx.empty()) m_w.str(c_detail, e.addtl_tx);
    else if (!e.addtl.empty() && !addtl_used) m_w.str(c_detail, e.addtl);
    std::string type = e.type_domain;
    if (!e.type_family.empty()) type += "/" + e.type_family;
    if (!e.type_sub.empty()) type += "/" + e.type_sub;
    if (type.empty()) type = e.type_prtry;
    if (!type.empty()) m_w.str(c_type, type);
    if (!e.reference.empty()) m_w.str(c_reference, e.reference);
    if (e.tx_count > 1) ++m_batches;
    m_w.end_row(m_prov, record);
  }

  static bool signed_amount(const Balance& b, double& out) {
    if (!parse_amount(b.amount, out)) return false;
    out = b.indicator == "DBIT" ? -std::fabs(out) : std::fabs(out);
    return true;
  }

  // Balances into meta, and opening + booked entries = closing when both are given in one currency.
  void check_balances() {
    Table& t = tables.front();
    const std::string k = m_statements > 1 ? "stmt" + num_str(m_statements) + "." : "";
    const Balance *open = nullptr, *close = nullptr;
    for (const Balance& b : m_balances) {
      double v;
      if (b.type.empty() || !signed_amount(b, v)) continue;
      if (t.meta.size() < 200) t.meta.emplace_back(k + "balance_" + b.type, format_double(v) + " " + b.currency + (b.date.empty() ? "" : " " + b.date));
      if ((b.type == "OPBD" || b.type == "PRCD") && !open) open = &b;
      if (b.type == "CLBD" && !close) close = &b;
    }
    if (!m_account.empty() && m_statements <= 20) t.meta.emplace_back(k + "account", m_account);
    double o, c;
    if (!open || !close || !signed_amount(*open, o) || !signed_amount(*close, c) || m_mixed) return;
    if (open->currency != close->currency || (!m_sum_ccy.empty() && m_sum_ccy != open->currency)) return;
    const double expected = o + m_sum;
    if (std::fabs(expected - c) > 0.005)
      diag.warn(make_message("camt053.balance_mismatch",
                             "Relevé " + num_str(m_statements) + " : solde d'ouverture " + format_double(o) + " + opérations " +
                                 format_double(std::round(m_sum * 100) / 100) + " ≠ solde de clôture " + format_double(c) +
                                 " (des écritures manquent ?)",
                             "Statement " + num_str(m_statements) + ": opening balance " + format_double(o) + " + entries " +
                                 format_double(std::round(m_sum * 100) / 100) + " ≠ closing balance " + format_double(c) +
                                 " (entries missing?)"));
  }

  void fail_now(Message m) {
    diag.fail(std::move(m));
    tables.clear();
  }
  void check_reader() {
    if (m_reader.failed() && !diag.failed) fail_now(m_reader.error());
  }

  Provenance m_prov;
  XmlReader m_reader;
  RowWriter m_w;
  std::vector<std::string> m_path;
  std::string m_version, m_account, m_account_ccy, m_amt_ccy, m_sum_ccy;
  std::vector<Balance> m_balances;
  Entry m_e;
  double m_sum = 0;
  bool m_saw_root = false, m_in_entry = false, m_done = false, m_mixed = false;
  uint64_t m_statements = 0, m_records = 0, m_pending = 0, m_pending_line = 0, m_pending_off = 0, m_skipped = 0,
           m_skip_line = 0, m_skip_off = 0, m_no_amount = 0, m_no_amount_line = 0, m_assumed = 0, m_batches = 0;
};

}  // namespace

int camt053_detect(std::string_view head, std::string_view /*file_name*/) {
  if (!xml_head_has_root(head, "Document")) return 0;
  const std::string_view h = head.substr(0, 4096);
  if (h.find("camt.053") != std::string_view::npos || h.find("camt.052") != std::string_view::npos ||
      h.find("camt.054") != std::string_view::npos || h.find("BkToCstmrStmt") != std::string_view::npos)
    return 95;
  return 0;
}

std::unique_ptr<Parser> camt053_create(const ParseOptions& opts) { return std::make_unique<CamtParser>(opts); }

}  // namespace sdw
