#!/usr/bin/env python3
"""French bank CSV exports, one per common layout, with the quirks of the real downloads: Windows-1252,
UTF-8 BOM, account lines before the header, ="…" protected cells, multi-line quoted labels, decimal commas
with space thousands, trailing separators, a total line after the data, double-encoded UTF-8 ("CafÃ©").
Run from this directory: python3 make_fixtures.py."""


def write(name, text, encoding):
    with open(name, "w", encoding=encoding, newline="") as f:
        f.write(text)


# Crédit Agricole: cp1252, preamble, Débit/Crédit euros both positive, trailing ';', multi-line label.
ca = (
    "Téléchargement du 31/01/2023;\r\n"
    "\r\n"
    "M. Jean-Loïc Mévellec;\r\n"
    "Compte de Dépôt carte n° 1234;12345678901;\r\n"
    "Solde au 31/01/2023 1 512,40 €;\r\n"
    "\r\n"
    "Liste des opérations du compte entre le 01/01/2023 et le 31/01/2023;\r\n"
    "\r\n"
    "Date;Libellé;Débit euros;Crédit euros;\r\n"
    "31/01/2023;\"PRELEVEMENT \r\nEDF clients particuliers \";87,23;;\r\n"
    "28/01/2023;\"CARTE X1234 27/01 \r\nINTERMARCHE SAINT-MALO \";1 234,56;;\r\n"
    "25/01/2023;\"VIREMENT EN VOTRE FAVEUR \r\nCAF D'ILLE-ET-VILAINE \";;150,00;\r\n"
    "20/01/2023;\"CARTE X1234 19/01 \r\nCRÊPERIE L'ŒUF À LA COQUE \";23,50;;\r\n"
    "03/01/2023;\"VIREMENT EN VOTRE FAVEUR \r\nSALAIRE JANVIER \";;2 345,67;\r\n"
)
write("credit_agricole.csv", ca, "cp1252")

# Société Générale: cp1252, ="…" account line, signed amount, Devise; a double-encoded label.
sg = (
    "=\"0003000123456789\";Compte courant;\r\n"
    "Date de l'opération;Libellé;Détail de l'écriture;Montant de l'opération;Devise\r\n"
    "30/01/2023;CARTE X5678 29/01 CAFE DU PORT;CARTE X5678 29/01 CafÃ© du Port NANTES;-4,80;EUR\r\n"
    "27/01/2023;VIR RECU 1234567;DE: MME DUPONT MOTIF: Remboursement resto;32,50;EUR\r\n"
    "15/01/2023;PRELEVEMENT EUROPEEN;DE: SNCF VOYAGEURS ID: FR12ZZZ;-67,00;EUR\r\n"
    "02/01/2023;CARTE X5678 31/12 AMAZON;PAIEMENT EN USD 12,00 USD;-11,27;EUR\r\n"
)
write("societe_generale.csv", sg.replace("CafÃ©", "CAFE_MOJIBAKE"), "cp1252")
# "Café" written as UTF-8 inside the cp1252 file (C3 A9): read as cp1252 it shows "Ã©", repaired to "é"
raw = open("societe_generale.csv", "rb").read().replace(b"CAFE_MOJIBAKE", b"Caf\xc3\xa9")
open("societe_generale.csv", "wb").write(raw)

# Caisse d'Épargne: UTF-8 BOM, 13 columns, signed Debit/Credit, categories, both dates.
ce_cols = ["Date de comptabilisation", "Libelle simplifie", "Libelle operation", "Reference",
           "Informations complementaires", "Type operation", "Categorie", "Sous categorie", "Debit", "Credit",
           "Date operation", "Date de valeur", "Pointage operation"]
ce_rows = [
    ["03/02/2023", "ECHEANCE PRET", "ECHEANCE PRET 0012345", "0012345", "", "Prélèvement", "Logement", "Crédit immobilier", "-612,34", "", "02/02/2023", "03/02/2023", "0"],
    ["02/02/2023", "LECLERC", "CB LECLERC 01/02", "", "", "Carte bancaire", "Alimentation", "Supermarché", "-58,12", "", "01/02/2023", "02/02/2023", "0"],
    ["01/02/2023", "VIR SALAIRE", "VIR SEPA SALAIRE FEVRIER", "REF999", "Société Exemple", "Virement", "Revenus", "Salaire", "", "+1 950,00", "01/02/2023", "01/02/2023", "1"],
]
ce = "\ufeff" + ";".join(ce_cols) + "\r\n" + "".join(";".join(r) + "\r\n" for r in ce_rows)
write("caisse_epargne.csv", ce, "utf-8")

# La Banque Postale: cp1252, account block, a balance block with its own Date line, Montant(EUROS).
lbp = (
    "Numéro Compte;0123456X020\r\n"
    "Type;CCP\r\n"
    "Compte tenu en;euros\r\n"
    "Date;31/01/2023\r\n"
    "Solde (EUROS);845,12\r\n"
    "\r\n"
    "Date;Libellé;Montant(EUROS)\r\n"
    "30/01/2023;\"ACHAT CB BOULANGERIE ÉCLAIR 28.01.23\";-6,40\r\n"
    "26/01/2023;\"VIREMENT DE M. MARTIN\";+200,00\r\n"
    "10/01/2023;\"PRELEVEMENT DE FREE MOBILE\";-19,99\r\n"
    "Total;;174,61\r\n"
)
write("banque_postale.csv", lbp, "cp1252")

# Boursorama: UTF-8, quoted cells, ISO dates, signed amounts with space thousands, one account per row.
bo_cols = ["dateOp", "dateVal", "label", "category", "categoryParent", "supplierFound", "amount", "comment",
           "accountNum", "accountLabel", "accountbalance"]
bo_rows = [
    ["2023-02-10", "2023-02-10", "CARTE 09/02/23 PICARD", "Alimentation", "Vie quotidienne", "picard", "-23,45", "", "00040123456", "BOURSORAMA BANQUE", "3 210,55"],
    ["2023-02-08", "2023-02-08", "VIR INST M. LEROY", "Virements reçus", "Virements", "", "1 000,00", "Loyer février", "00040123456", "BOURSORAMA BANQUE", "3 210,55"],
    ["2023-02-01", "2023-02-02", "PRLV SEPA Navigo", "Transports", "Auto & Transports", "navigo", "-86,40", "", "00040123456", "BOURSORAMA BANQUE", "3 210,55"],
]
bo = ";".join(bo_cols) + "\n" + "".join(";".join('"%s"' % c for c in r) + "\n" for r in bo_rows)
write("boursorama.csv", bo, "utf-8")
