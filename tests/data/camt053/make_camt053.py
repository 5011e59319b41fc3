#!/usr/bin/env python3
"""Deterministic camt.053 fixtures for tests/camt053_test.cpp (run: python3 make_camt053.py in this folder).

Modelled on the test files of genkgo/camt (PHP camt reader): test/data/camt053.v2.minimal.xml (v02: <Sts>BOOK</Sts>,
RltdPties/Cdtr/Nm, BookgDt/Dt, Bal with OPBD/CLBD), test/data/camt053.v8.xml (v08: <Sts><Cd>BOOK</Cd></Sts>,
RltdPties/Cdtr/Pty/Nm, BookgDt/DtTm with an offset, Acct/Id/Othr/Id), camt53.only-Dt-with-DtTm.xml, and on the
ISO 20022 BankToCustomerStatement message definition (Ntry/NtryDtls/TxDtls/RmtInf/Ustrd, AddtlNtryInf, PDNG
status, batch entries with several TxDtls). Names, IBANs and amounts are invented; balances are consistent
(opening + booked entries = closing), worked out in the comments.
"""


def bal(code, amount, ind, date, ccy=' Ccy="EUR"', dttm=False):
    d = f"<DtTm>{date}T23:59:59+01:00</DtTm>" if dttm else f"<Dt>{date}</Dt>"
    return (f"<Bal><Tp><CdOrPrtry><Cd>{code}</Cd></CdOrPrtry></Tp><Amt{ccy}>{amount}</Amt>"
            f"<CdtDbtInd>{ind}</CdtDbtInd><Dt>{d}</Dt></Bal>")


# 1. v02, a French current account in EUR, UTF-8 with BOM and CRLF.
#    OPBD 1250.00; booked: -45.90 + 2100.00 - 150.00 (batch: 90 + 60) - 12.50 = +1891.60; CLBD 3141.60.
#    The PDNG entry (-80.00) is not booked and not counted.
v2 = f"""<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">
  <BkToCstmrStmt>
    <GrpHdr><MsgId>CAMT053FR2025040001</MsgId><CreDtTm>2025-05-01T06:00:00+02:00</CreDtTm></GrpHdr>
    <Stmt>
      <Id>FR7630004000031234567890143-2025-04</Id>
      <ElctrncSeqNb>4</ElctrncSeqNb>
      <CreDtTm>2025-05-01T06:00:00+02:00</CreDtTm>
      <FrToDt><FrDtTm>2025-04-01T00:00:00+02:00</FrDtTm><ToDtTm>2025-04-30T23:59:59+02:00</ToDtTm></FrToDt>
      <Acct>
        <Id><IBAN>FR7630004000031234567890143</IBAN></Id>
        <Ccy>EUR</Ccy>
        <Ownr><Nm>M. Jean DUPONT</Nm></Ownr>
        <Svcr><FinInstnId><BIC>BNPAFRPPXXX</BIC></FinInstnId></Svcr>
      </Acct>
      {bal("OPBD", "1250.00", "CRDT", "2025-03-31")}
      {bal("CLBD", "3141.60", "CRDT", "2025-04-30")}
      <Ntry>
        <Amt Ccy="EUR">45.90</Amt>
        <CdtDbtInd>DBIT</CdtDbtInd>
        <RvslInd>false</RvslInd>
        <Sts>BOOK</Sts>
        <BookgDt><Dt>2025-04-02</Dt></BookgDt>
        <ValDt><Dt>2025-04-01</Dt></ValDt>
        <AcctSvcrRef>2025040200001</AcctSvcrRef>
        <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>CCRD</Cd><SubFmlyCd>POSD</SubFmlyCd></Fmly></Domn></BkTxCd>
        <NtryDtls><TxDtls>
          <RltdPties><Cdtr><Nm>CARREFOUR MARKET  PARIS 11</Nm></Cdtr></RltdPties>
          <RmtInf><Ustrd>CB CARREFOUR 01/04 Café &amp; épicerie</Ustrd></RmtInf>
        </TxDtls></NtryDtls>
      </Ntry>
      <Ntry>
        <Amt Ccy="EUR">2100.00</Amt>
        <CdtDbtInd>CRDT</CdtDbtInd>
        <Sts>BOOK</Sts>
        <BookgDt><Dt>2025-04-03</Dt></BookgDt>
        <ValDt><Dt>2025-04-03</Dt></ValDt>
        <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>
        <NtryDtls><TxDtls>
          <Refs><EndToEndId>SAL-2025-04</EndToEndId></Refs>
          <RltdPties><Dbtr><Nm>ACME SAS</Nm></Dbtr><DbtrAcct><Id><IBAN>FR1420041010050500013M02606</IBAN></Id></DbtrAcct></RltdPties>
          <RmtInf><Ustrd>SALAIRE AVRIL</Ustrd></RmtInf>
        </TxDtls></NtryDtls>
      </Ntry>
      <Ntry>
        <Amt Ccy="EUR">80.00</Amt>
        <CdtDbtInd>DBIT</CdtDbtInd>
        <Sts>PDNG</Sts>
        <BookgDt><Dt>2025-04-04</Dt></BookgDt>
        <AddtlNtryInf>PAIEMENT EN ATTENTE</AddtlNtryInf>
      </Ntry>
      <Ntry>
        <Amt Ccy="EUR">150.00</Amt>
        <CdtDbtInd>DBIT</CdtDbtInd>
        <Sts>BOOK</Sts>
        <BookgDt><Dt>2025-04-05</Dt></BookgDt>
        <ValDt><Dt>2025-04-05</Dt></ValDt>
        <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RDDT</Cd><SubFmlyCd>ESDD</SubFmlyCd></Fmly></Domn></BkTxCd>
        <NtryDtls>
          <Btch><NbOfTxs>2</NbOfTxs></Btch>
          <TxDtls>
            <Amt Ccy="EUR">90.00</Amt>
            <RltdPties><Cdtr><Nm>EDF</Nm></Cdtr></RltdPties>
            <RmtInf><Ustrd>Facture 123</Ustrd></RmtInf>
          </TxDtls>
          <TxDtls>
            <Amt Ccy="EUR">60.00</Amt>
            <RltdPties><Cdtr><Nm>ORANGE</Nm></Cdtr></RltdPties>
          </TxDtls>
        </NtryDtls>
      </Ntry>
      <Ntry>
        <Amt Ccy="EUR">12.50</Amt>
        <CdtDbtInd>DBIT</CdtDbtInd>
        <Sts>BOOK</Sts>
        <BookgDt><Dt>2025-04-30</Dt></BookgDt>
        <BkTxCd><Prtry><Cd>FRAIS</Cd><Issr>BNP</Issr></Prtry></BkTxCd>
        <AddtlNtryInf>FRAIS TENUE DE COMPTE</AddtlNtryInf>
      </Ntry>
    </Stmt>
  </BkToCstmrStmt>
</Document>
"""
with open("releve_v02_eur.xml", "wb") as f:
    f.write(b"\xef\xbb\xbf" + v2.replace("\n", "\r\n").encode("utf-8"))

# 2. v08, two statements of one customer: a Swiss CHF account, then an EUR account.
#    CHF: OPBD 5000.00; -76.05 + 6500.00 - 1250.00 = +5173.95; CLBD 10173.95.
#    EUR: OPBD 200.00; -35.00 - 15.00 (no Amt Ccy: Acct/Ccy EUR) = -50.00; CLBD 150.00.
v8 = f"""<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <BkToCstmrStmt>
    <GrpHdr><MsgId>UBS-2025-03</MsgId><CreDtTm>2025-04-01T05:00:00+02:00</CreDtTm>
      <MsgPgntn><PgNb>1</PgNb><LastPgInd>true</LastPgInd></MsgPgntn></GrpHdr>
    <Stmt>
      <Id>CH-2025-03</Id>
      <Acct><Id><IBAN>CH9300762011623852957</IBAN></Id><Ccy>CHF</Ccy>
        <Svcr><FinInstnId><Nm>BANQUE EXEMPLE SA</Nm><Othr><Id>SVCR-ID</Id></Othr></FinInstnId></Svcr></Acct>
      {bal("OPBD", "5000.00", "CRDT", "2025-02-28", ' Ccy="CHF"')}
      {bal("CLBD", "10173.95", "CRDT", "2025-03-31", ' Ccy="CHF"', dttm=True)}
      <Ntry>
        <Amt Ccy="CHF">76.05</Amt><CdtDbtInd>DBIT</CdtDbtInd>
        <Sts><Cd>BOOK</Cd></Sts>
        <BookgDt><DtTm>2025-03-10T23:30:00+01:00</DtTm></BookgDt>
        <ValDt><Dt>2025-03-11</Dt></ValDt>
        <NtryDtls><TxDtls>
          <Amt Ccy="CHF">0</Amt>
          <RltdPties><Cdtr><Pty><Nm>Migros Genève</Nm></Pty></Cdtr></RltdPties>
        </TxDtls></NtryDtls>
      </Ntry>
      <Ntry>
        <Amt Ccy="CHF">6500.00</Amt><CdtDbtInd>CRDT</CdtDbtInd>
        <Sts><Cd>BOOK</Cd></Sts>
        <BookgDt><DtTm>2025-03-25T08:00:00+01:00</DtTm></BookgDt>
        <NtryDtls><TxDtls>
          <RltdPties><Dbtr><Pty><Nm>Employeur Sàrl</Nm></Pty></Dbtr><Cdtr><Pty><Nm>M. Jean DUPONT</Nm></Pty></Cdtr></RltdPties>
          <RmtInf><Ustrd>Salaire mars</Ustrd></RmtInf>
        </TxDtls></NtryDtls>
      </Ntry>
      <Ntry>
        <Amt Ccy="CHF">1250.00</Amt><CdtDbtInd>DBIT</CdtDbtInd>
        <Sts><Cd>BOOK</Cd></Sts>
        <BookgDt><Dt>2025-03-28</Dt></BookgDt>
        <NtryDtls><TxDtls>
          <RltdPties><Cdtr><Pty><Nm>Régie du Lac SA</Nm></Pty></Cdtr></RltdPties>
          <RmtInf><Ustrd>Loyer</Ustrd><Ustrd>mars 2025</Ustrd></RmtInf>
        </TxDtls></NtryDtls>
      </Ntry>
    </Stmt>
    <Stmt>
      <Id>EUR-2025-03</Id>
      <Acct><Id><Othr><Id>DE-EUR-0042</Id></Othr></Id><Ccy>EUR</Ccy></Acct>
      {bal("OPBD", "200.00", "CRDT", "2025-02-28")}
      {bal("CLBD", "150.00", "CRDT", "2025-03-31")}
      <Ntry>
        <Amt Ccy="EUR">35.00</Amt><CdtDbtInd>DBIT</CdtDbtInd>
        <Sts><Cd>BOOK</Cd></Sts>
        <BookgDt><Dt>2025-03-12</Dt></BookgDt>
        <NtryDtls><TxDtls><RltdPties><Cdtr><Pty><Nm>SNCF</Nm></Pty></Cdtr></RltdPties></TxDtls></NtryDtls>
      </Ntry>
      <Ntry>
        <Amt>15.00</Amt><CdtDbtInd>DBIT</CdtDbtInd>
        <Sts><Cd>BOOK</Cd></Sts>
        <BookgDt><Dt>2025-03-14</Dt></BookgDt>
        <AddtlNtryInf>PEAGE AUTOROUTE A40</AddtlNtryInf>
      </Ntry>
    </Stmt>
  </BkToCstmrStmt>
</Document>
"""
with open("releve_v08_chf_eur.xml", "w", encoding="utf-8", newline="\n") as f:
    f.write(v8)
