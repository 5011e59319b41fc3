#!/usr/bin/env python3
"""OFX fixtures shaped like French bank downloads ("Télécharger / Exporter mes opérations" > format OFX / Money).
Run from this directory: python3 make_fixtures.py. Deterministic; the tests repeat the values."""

# 1. OFX 1.0.2 SGML as French banks send it: Windows-1252, CRLF, unclosed leaf tags, decimal commas,
#    DTPOSTED with a time and a [+1:CET] zone, an &amp; escape, a cheque without NAME, the ledger balance.
HEADER = ("OFXHEADER:100\nDATA:OFXSGML\nVERSION:102\nSECURITY:NONE\nENCODING:USASCII\nCHARSET:1252\n"
          "COMPRESSION:NONE\nOLDFILEUID:NONE\nNEWFILEUID:NONE\n\n")
TXNS = [
    ("DEBIT", "20250103120000[+1:CET]", "20250102", "-12,50", "25003000001", "CB BOULANGERIE GÉRARD",
     "FACTURE CARTE DU 020125"),
    ("CREDIT", "20250105", None, "+1 850,00", "25005000002", "VIR SEPA SALAIRE ACME &amp; CIE", None),
    ("DIRECTDEBIT", "20250107000000", None, "-64,99", "25007000003", "PRLV SEPA EDF", "Électricité janvier"),
    ("CHECK", "20250108", None, "-120,00", "25008000004", None, "CHEQUE 1234567"),
]
body = ["<OFX>", "<SIGNONMSGSRSV1>", "<SONRS>", "<STATUS>", "<CODE>0", "<SEVERITY>INFO", "</STATUS>",
        "<DTSERVER>20250110093012", "<LANGUAGE>FRA", "</SONRS>", "</SIGNONMSGSRSV1>", "<BANKMSGSRSV1>",
        "<STMTTRNRS>", "<TRNUID>00000000", "<STATUS>", "<CODE>0", "<SEVERITY>INFO", "</STATUS>", "<STMTRS>",
        "<CURDEF>EUR", "<BANKACCTFROM>", "<BANKID>30004", "<BRANCHID>00821", "<ACCTID>00012345678",
        "<ACCTTYPE>CHECKING", "</BANKACCTFROM>", "<BANKTRANLIST>", "<DTSTART>20250101", "<DTEND>20250110"]
for t, posted, user, amt, fitid, name, memo in TXNS:
    body += ["<STMTTRN>", "<TRNTYPE>" + t, "<DTPOSTED>" + posted]
    if user:
        body.append("<DTUSER>" + user)
    body += ["<TRNAMT>" + amt, "<FITID>" + fitid]
    if t == "CHECK":
        body.append("<CHECKNUM>1234567")
    if name:
        body.append("<NAME>" + name)
    if memo:
        body.append("<MEMO>" + memo)
    body.append("</STMTTRN>")
body += ["</BANKTRANLIST>", "<LEDGERBAL>", "<BALAMT>2345,67", "<DTASOF>20250110", "</LEDGERBAL>", "</STMTRS>",
         "</STMTTRNRS>", "</BANKMSGSRSV1>", "</OFX>"]
text = HEADER.replace("\n", "\r\n") + "\r\n".join(body) + "\r\n"
with open("releve_sgml_1252.ofx", "wb") as f:
    f.write(text.encode("cp1252"))

# 2. OFX 2.2 XML, UTF-8, a credit card statement (CCSTMTRS), closed tags, indentation, a comment holding '>',
#    a transaction in another currency (CURRENCY/CURSYM), dot decimals.
xml = """<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<?OFX OFXHEADER="200" VERSION="220" SECURITY="NONE" OLDFILEUID="NONE" NEWFILEUID="NONE"?>
<!-- exported by the bank's web site -> do not edit -->
<OFX>
  <SIGNONMSGSRSV1><SONRS><STATUS><CODE>0</CODE><SEVERITY>INFO</SEVERITY></STATUS>
    <DTSERVER>20250301080000.000[+1:CET]</DTSERVER><LANGUAGE>FRA</LANGUAGE></SONRS></SIGNONMSGSRSV1>
  <CREDITCARDMSGSRSV1>
    <CCSTMTTRNRS>
      <TRNUID>1</TRNUID>
      <STATUS><CODE>0</CODE><SEVERITY>INFO</SEVERITY></STATUS>
      <CCSTMTRS>
        <CURDEF>EUR</CURDEF>
        <CCACCTFROM><ACCTID>4970XXXXXXXX1234</ACCTID></CCACCTFROM>
        <BANKTRANLIST>
          <DTSTART>20250201</DTSTART><DTEND>20250228</DTEND>
          <STMTTRN>
            <TRNTYPE>POS</TRNTYPE>
            <DTPOSTED>20250214183000.000[+1:CET]</DTPOSTED>
            <TRNAMT>-23.80</TRNAMT>
            <FITID>CB2025021401</FITID>
            <NAME>Café de la Gare</NAME>
            <MEMO>Nantes</MEMO>
          </STMTTRN>
          <STMTTRN>
            <TRNTYPE>POS</TRNTYPE>
            <DTPOSTED>20250220</DTPOSTED>
            <TRNAMT>-45.90</TRNAMT>
            <FITID>CB2025022001</FITID>
            <NAME>AMZN Mktp US</NAME>
            <CURRENCY><CURRATE>0.9612</CURRATE><CURSYM>USD</CURSYM></CURRENCY>
          </STMTTRN>
          <STMTTRN>
            <TRNTYPE>CREDIT</TRNTYPE>
            <DTPOSTED>20250225</DTPOSTED>
            <TRNAMT>15.00</TRNAMT>
            <FITID>CB2025022501</FITID>
            <NAME>Remboursement SNCF</NAME>
          </STMTTRN>
        </BANKTRANLIST>
        <LEDGERBAL><BALAMT>-54.70</BALAMT><DTASOF>20250228</DTASOF></LEDGERBAL>
      </CCSTMTRS>
    </CCSTMTTRNRS>
  </CREDITCARDMSGSRSV1>
</OFX>
"""
with open("carte_ofx2.ofx", "w", encoding="utf-8", newline="\n") as f:
    f.write(xml)

# 3. A French deferred-card statement ("carte à débit différé") as some banks and aggregators export it:
#    OFX 1.0.2 SGML, header CHARSET:1252 while the bytes are UTF-8 (the file went through a tool that
#    rewrote it), CREDITCARDMSGSRSV1 / CCACCTFROM, purchases as POSITIVE amounts typed DEBIT / POS / PAYMENT,
#    a refund typed CREDIT, "N°" in a memo, decimal commas. Shapes from the OFX 1.0.2 spec (13.x credit card
#    statement) and the French SGML headers of Grunnpi/BankPerfectTools resource/ofx.ftl.
CARD = [
    ("DEBIT", "20250303", "45,90", "C1", "CARREFOUR CITY PARIS 11", "Facture carte N° 4970"),
    ("POS", "20250305", "12,00", "C2", "SNCF INTERNET", None),
    ("PAYMENT", "20250310", "129,99", "C3", "FNAC.COM", "Paiement N° 2"),
    ("CREDIT", "20250312", "20,00", "C4", "REMBOURSEMENT FNAC.COM", None),
]
card = ["<OFX>", "<SIGNONMSGSRSV1>", "<SONRS>", "<STATUS>", "<CODE>0", "<SEVERITY>INFO", "</STATUS>",
        "<DTSERVER>20250331", "<LANGUAGE>FRA", "</SONRS>", "</SIGNONMSGSRSV1>", "<CREDITCARDMSGSRSV1>",
        "<CCSTMTTRNRS>", "<TRNUID>1", "<STATUS>", "<CODE>0", "<SEVERITY>INFO", "</STATUS>", "<CCSTMTRS>",
        "<CURDEF>EUR", "<CCACCTFROM>", "<ACCTID>4970XXXXXXXX5678", "</CCACCTFROM>", "<BANKTRANLIST>",
        "<DTSTART>20250301", "<DTEND>20250331"]
for t, posted, amt, fitid, name, memo in CARD:
    card += ["<STMTTRN>", "<TRNTYPE>" + t, "<DTPOSTED>" + posted, "<TRNAMT>" + amt, "<FITID>" + fitid, "<NAME>" + name]
    if memo:
        card.append("<MEMO>" + memo)
    card.append("</STMTTRN>")
card += ["</BANKTRANLIST>", "<LEDGERBAL>", "<BALAMT>-167,89", "<DTASOF>20250331", "</LEDGERBAL>", "</CCSTMTRS>",
         "</CCSTMTTRNRS>", "</CREDITCARDMSGSRSV1>", "</OFX>"]
with open("carte_differee_1252_utf8.ofx", "wb") as f:
    f.write((HEADER + "\n".join(card) + "\n").replace("\n", "\r\n").encode("utf-8"))

# 4. A Canadian chequing statement (CURDEF CAD, OFX 1.0.2 as Desjardins / RBC "Microsoft Money" downloads):
#    nothing in it may ever be shown in euros.
CAD = [
    ("POS", "20250402", "-45.50", "Q1", "SAQ MONTREAL"),
    ("DIRECTDEP", "20250403", "2150.00", "Q2", "PAYROLL ACME CANADA"),
    ("POS", "20250407", "-120.25", "Q3", "IGA EXTRA #8123"),
    ("ATM", "20250411", "-60.00", "Q4", "RETRAIT GAB"),
    ("FEE", "20250430", "-4.95", "Q5", "FRAIS MENSUELS"),
]
cad = ["<OFX>", "<SIGNONMSGSRSV1>", "<SONRS>", "<STATUS>", "<CODE>0", "<SEVERITY>INFO", "</STATUS>",
       "<DTSERVER>20250430", "<LANGUAGE>ENG", "</SONRS>", "</SIGNONMSGSRSV1>", "<BANKMSGSRSV1>", "<STMTTRNRS>",
       "<TRNUID>1", "<STATUS>", "<CODE>0", "<SEVERITY>INFO", "</STATUS>", "<STMTRS>", "<CURDEF>CAD",
       "<BANKACCTFROM>", "<BANKID>815", "<ACCTID>30001-123456", "<ACCTTYPE>CHECKING", "</BANKACCTFROM>",
       "<BANKTRANLIST>", "<DTSTART>20250401", "<DTEND>20250430"]
for t, posted, amt, fitid, name in CAD:
    cad += ["<STMTTRN>", "<TRNTYPE>" + t, "<DTPOSTED>" + posted, "<TRNAMT>" + amt, "<FITID>" + fitid, "<NAME>" + name,
            "</STMTTRN>"]
cad += ["</BANKTRANLIST>", "<LEDGERBAL>", "<BALAMT>3219.30", "<DTASOF>20250430", "</LEDGERBAL>", "</STMTRS>",
        "</STMTTRNRS>", "</BANKMSGSRSV1>", "</OFX>"]
with open("releve_cad.ofx", "wb") as f:
    f.write((HEADER.replace("CHARSET:1252", "CHARSET:1252") + "\n".join(cad) + "\n").replace("\n", "\r\n").encode("ascii"))
