#!/usr/bin/env python3
"""Deterministic QIF fixtures for tests/qif_test.cpp (run: python3 make_qif.py in this folder).

Modelled on real French bank QIF exports kept as test files by BudgetView (github.com/MarcGuiot/budgetview,
budgetview/bv_desktop/src/test/resources/testfiles/: sg2009.qif, bnp_Money2000_new.qif, lcl_money_date_us.qif):
'!type:Bank' in lower case, payee (P) cut at 30 characters and repeated whole in the memo (M), N holding the
kind ("Carte", "Prélvmt", "Chèque"), blank lines between records, LCL's "Money" export with US month-first
dates (05/29/08) and payees padded with spaces. The Quicken US shape (m/d'yy, U duplicate amount, !Account
block, splits S/$) follows the QIF specification as quoted in adammansfield/powl NOTES.md and the GnuCash
QIF documentation. Labels, amounts and accounts are invented.
"""


def write(name, text, encoding="utf-8", crlf=False, bom=False):
    if crlf:
        text = text.replace("\n", "\r\n")
    data = text.encode(encoding)
    if bom:
        data = b"\xef\xbb\xbf" + data
    with open(name, "wb") as f:
        f.write(data)


# 1. Société Générale-like, Windows-1252, CRLF, dd/mm/yyyy, P cut at 30 and M whole.
sg = """!type:Bank
D06/11/2025
T-108.00
NPrélvmt
PPRELEVEMENT 3769111539  M.N.P
MPRELEVEMENT 3769111539  M.N.P.A.F. 8811941800
^
D06/11/2025
T-146.53
NCarte
PCARTE X5472 05/11 E.LECLERC ST
MCARTE X5472 05/11 E.LECLERC ST MALO
^
D05/11/2025
T1000.00
NVirement
PVIREMENT RECU M. DUPONT
MVIREMENT RECU M. DUPONT Complément salaire
^
D04/11/2025
T-15.00
NChèque
PCHEQUE     838
MCHEQUE     838
^
D13/11/2025
T-20.00
NCarte
PCARTE X5472 RETRAIT DAB 11/11
MCARTE X5472 RETRAIT DAB 11/11 11H39 DAB CAFÉ DU PORT
^
"""
write("sg_2025_cp1252.qif", sg, encoding="cp1252", crlf=True)

# 2. LCL "Money" export: month-first two-digit-year dates, payees padded with spaces, a record with only N.
lcl = """!Type:Bank
D05/29/25
T-60.00
NCarte
P CB  RETRAIT DU  28/05          
L
^
D05/29/25
T-11.83
NCarte
P CB  SM CASINO CS494  28/05/25  
L
^
D06/05/25
T308.31
NVirement
MVIR CAF ST QUENTIN EN YVELIN    
^
D06/11/25
T-40.00
N364963
^
D06/13/25
T-13.00
NCarte
P CB  PHARM.DE LA GARE 12/06/25  
L
^
"""
write("lcl_money_us.qif", lcl)

# 3. UTF-8 with BOM, an !Account block and a card list, every day <= 12 (ambiguous), decimal commas with
#    thousands, categories with classes and a transfer, a split, a record without a date, a category list.
acct = """!Option:AutoSwitch
!Account
NCarte Visa Premier
TCCard
^
!Clear:AutoSwitch
!Type:CCard
D01/02/2025
T-1 234,56
U-1 234,56
PFNAC MONTPARNASSE
LLoisirs:Multimédia/Perso
^

D03/02/2025
T-45,90
PMONOPRIX
LAlimentation:Courses
SAlimentation:Courses
$-40,00
SMaison
$-5,90
^

D07/02/2025
T1.500,00
PREMBOURSEMENT
L[Compte courant]
^
D
T-9,99
PABONNEMENT SANS DATE
^
D11/02/2025
T-12,00
PBOULANGERIE DE L'ÉGLISE
^
!Type:Cat
NAlimentation
DDépenses de nourriture
E
^
NLoisirs
E
^
"""
write("visa_ambiguous_bom.qif", acct, bom=True)

# 4. Quicken US: m/d'yy with a space before one-digit days, amounts with thousands commas.
us = """!Type:Bank
D1/ 5'24
U-1,250.00
T-1,250.00
CX
N1001
PRENT JANUARY
^
D1/15'24
T2,480.75
PPAYROLL ACME INC
^
D12/31'23
T-3.5
PCOFFEE
^
"""
write("quicken_us.qif", us)
