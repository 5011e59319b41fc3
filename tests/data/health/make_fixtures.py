#!/usr/bin/env python3
"""Health reimbursement fixtures: an Ameli-like "mes remboursements" CSV (Windows-1252, ';', a title line
before the header, decimal commas, "70 %" rates, a total line) and a mutuelle export (UTF-8 BOM, both the
Sécurité sociale and complementary parts, a double-encoded provider name).
Run from this directory: python3 make_fixtures.py."""

ameli = (
    "Mes remboursements du 01/01/2024 au 31/03/2024;;;;;;;;\r\n"
    "Date des soins;Bénéficiaire;Nature de la prestation;Professionnel de santé;Montant payé;Base de remboursement;Taux;Montant remboursé;Date de paiement\r\n"
    "08/01/2024;MARTIN LÉA;Consultation médecin généraliste;DR DUPONT JEAN;30,00 €;30,00 €;70 %;20,00 €;10/01/2024\r\n"
    "15/01/2024;MARTIN LÉA;Pharmacie;PHARMACIE DU MARCHÉ;18,42 €;18,42 €;65 %;11,97 €;17/01/2024\r\n"
    "02/02/2024;MARTIN NOÉ;Consultation pédiatre;DR LEFÈVRE CLAIRE;60,00 €;30,00 €;70 %;20,00 €;05/02/2024\r\n"
    "20/03/2024;MARTIN LÉA;Soins dentaires;CABINET DENTAIRE DES QUAIS;120,00 €;70,00 €;70 %;48,00 €;25/03/2024\r\n"
    "Total;;;;228,42 €;;;99,97 €;\r\n"
)
with open("ameli_remboursements.csv", "w", encoding="cp1252", newline="") as f:
    f.write(ameli)

mutuelle = "\ufeff" + (
    "Date de soins;Acte;Professionnel;Dépense;Remboursement Sécurité sociale;Remboursement mutuelle;Reste à charge\r\n"
    "2024-02-02;Consultation spécialiste;Dr LefÃ¨vre Claire;60,00;20,00;37,00;3,00\r\n"
    "2024-03-20;Prothèse dentaire;Cabinet dentaire des Quais;120,00;48,00;52,00;20,00\r\n"
)
with open("mutuelle_remboursements.csv", "w", encoding="utf-8", newline="") as f:
    f.write(mutuelle)
