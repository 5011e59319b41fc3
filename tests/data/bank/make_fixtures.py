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

# ---- English and Swiss/Belgian French layouts (issue 17). Header names as real exports write them:
# N26 2024+: the header string of the beangulp / beancount N26 importers ("Booking Date","Value Date",
# "Partner Name",…,"Amount (EUR)","Original Amount","Original Currency","Exchange Rate"), yyyy-mm-dd, '.' decimals.
# Revolut: Type,Product,Started Date,Completed Date,Description,Amount,Fee,Currency,State,Balance (public
# Revolut-to-YNAB/Firefly converters), one row per pocket currency, REVERTED rows for payments that failed.
# UBS French: account lines then "Date de transaction;Heure de transaction;Date de comptabilisation;Date de
# valeur;Monnaie;Débit;Crédit;Sous-montant;Solde;N° de transaction;Description1;Description2;Description3;
# Notes de bas de page;" (a sample embedded in a public Dioxus app, read_ubs_csv); apostrophe thousands.
# BNP Paribas Fortis (Belgium, French): "Numéro de séquence;Date d'exécution;Date valeur;Montant;Devise du
# compte;…;Nom de la contrepartie;Communication;Détails;Statut;Motif du refus", NBSP / thin-space thousands.
# Names, IBANs and amounts are invented.

n26 = (
    '"Booking Date","Value Date","Partner Name","Partner Iban",Type,"Payment Reference","Account Name",'
    '"Amount (EUR)","Original Amount","Original Currency","Exchange Rate"\n'
    '2025-03-03,2025-03-03,"ACME GmbH",DE89370400440532013000,Income,"Salary March","Main Account",2450.00,,,\n'
    '2025-03-04,2025-03-04,"Café de Flore",,Presentment,-,"Main Account",-7.80,-7.80,EUR,1.0\n'
    '2025-03-06,2025-03-05,"AMAZON.COM",,Presentment,-,"Main Account",-46.21,-50.00,USD,0.9242\n'
    '2025-03-10,2025-03-10,"Landlord Ltd",DE02120300000000202051,"Outgoing Transfer","Rent, March","Main Account",-1100.00,,,\n'
)
write("n26_2025.csv", n26, "utf-8")

revolut = (
    "Type,Product,Started Date,Completed Date,Description,Amount,Fee,Currency,State,Balance\n"
    "TOPUP,Current,2025-04-01 09:12:44,2025-04-01 09:12:46,Top-up by *1234,500.00,0.00,CAD,COMPLETED,500.00\n"
    "CARD_PAYMENT,Current,2025-04-02 12:03:10,2025-04-03 08:00:01,Tim Hortons,-4.35,0.00,CAD,COMPLETED,495.65\n"
    "CARD_PAYMENT,Current,2025-04-02 18:40:00,,Metro Montréal,-12.90,0.00,CAD,REVERTED,\n"
    "CARD_PAYMENT,Current,2025-04-05 14:22:31,2025-04-06 07:10:00,SAQ Atwater,-38.75,0.00,CAD,COMPLETED,456.90\n"
    "CARD_PAYMENT,Current,2025-04-07 20:01:00,2025-04-08 06:00:00,Monoprix Paris,-21.40,0.00,EUR,COMPLETED,78.60\n"
)
write("revolut_2025.csv", revolut, "utf-8")

ubs = (
    "Numéro de compte:;0243 00517049.40;\r\n"
    "IBAN:;CH18 0024 3243 5170 4940 F;\r\n"
    "Du:;2025-03-01;\r\n"
    "Au:;2025-03-14;\r\n"
    "Solde initial:;12'623.94;\r\n"
    "Solde final:;11'373.94;\r\n"
    "Évaluation en:;CHF;\r\n"
    "Nombre de transactions dans cette période:;3;\r\n"
    "\r\n"
    "Date de transaction;Heure de transaction;Date de comptabilisation;Date de valeur;Monnaie;Débit;Crédit;"
    "Sous-montant;Solde;N° de transaction;Description1;Description2;Description3;Notes de bas de page;\r\n"
    "2025-03-14;;2025-03-14;2025-03-14;CHF;1'250.00;;;11'373.94;9930073TI1234567;\"Régie du Lac SA\";\"Loyer mars\";;;\r\n"
    "2025-03-12;;2025-03-12;2025-03-12;CHF;;2'000.00;;12'623.94;9930072TI1234566;\"Employeur Sàrl\";\"Salaire\";;;\r\n"
    "2025-03-10;;2025-03-10;2025-03-10;CHF;76.05;;;10'623.94;9930071TI1234565;\"Migros Genève\";\"Achat carte\";;;\r\n"
    "\r\n"
)
write("ubs_fr_2025.csv", ubs, "cp1252")

nbsp, thin = "\u00a0", "\u2009"
fortis = (
    "Numéro de séquence;Date d'exécution;Date valeur;Montant;Devise du compte;Numéro de compte;"
    "Type de transaction;Contrepartie;Nom de la contrepartie;Communication;Détails;Statut;Motif du refus\n"
    f"2025-0042;28/02/2025;28/02/2025;-1{nbsp}234,56;EUR;BE68 5390 0754 7034;Virement en euros;BE71 0961 2345 6769;"
    "Immo Brabant SPRL;Loyer février;VIREMENT SEPA;Accepté;\n"
    f"2025-0041;25/02/2025;25/02/2025;11{thin}373,94;EUR;BE68 5390 0754 7034;Virement en euros;BE43 0689 9999 9501;"
    "SPF Finances;Remboursement impôts;VIREMENT SEPA;Accepté;\n"
    "2025-0040;24/02/2025;24/02/2025;-45,20;EUR;BE68 5390 0754 7034;Paiement par carte;;Delhaize Ixelles;;"
    "PAIEMENT CARTE;Accepté;\n"
    "2025-0039;23/02/2025;23/02/2025;-99,00;EUR;BE68 5390 0754 7034;Paiement par carte;;Boutique X;;"
    "PAIEMENT CARTE;Refusé;Solde insuffisant\n"
)
write("fortis_fr_2025.csv", "\ufeff" + fortis, "utf-8")
