#!/usr/bin/env python3
"""Loyalty-card purchase history exports: a hypermarket-style "mes achats" CSV (Windows-1252, ';', decimal
commas, weighed products in kg, a loyalty discount as a negative line, ticket total lines, EANs with leading
zeros) and a UTF-8 store export (',', ISO dates with times, unit prices only, a double-encoded label).
Run from this directory: python3 make_fixtures.py."""

h = "Date;Heure;N° ticket;Magasin;Rayon;Libellé produit;EAN;Quantité;Unité;Prix unitaire (€);Montant (€)\r\n"
rows = [
    ["04/03/2023", "10:42", "0042-118", "Hyper Nantes Beaujoire", "Fruits et légumes", "Pommes Golden bio", "0200145000000", "1,254", "kg", "2,99", "3,75"],
    ["04/03/2023", "10:42", "0042-118", "Hyper Nantes Beaujoire", "Crèmerie", "Lait demi-écrémé 1L x6", "3560070123456", "2", "pièce", "5,34", "10,68"],
    ["04/03/2023", "10:42", "0042-118", "Hyper Nantes Beaujoire", "Boucherie", "Steak haché 5% MG x4", "3270190007890", "1", "pièce", "6,49", "6,49"],
    ["04/03/2023", "10:42", "0042-118", "Hyper Nantes Beaujoire", "Remises", "Remise fidélité", "", "1", "", "-1,50", "-1,50"],
    ["04/03/2023", "10:42", "0042-118", "", "", "", "", "", "", "", "19,42"],
    ["26/03/2023", "18:05", "0042-377", "Hyper Nantes Beaujoire", "Épicerie", "Café moulu pur arabica 250g", "3017620422003", "3", "pièce", "3,15", "9,45"],
    ["26/03/2023", "18:05", "0042-377", "Hyper Nantes Beaujoire", "Poissonnerie", "Filet de cabillaud", "0211256000000", "0,412", "kg", "24,90", "10,26"],
]
text = h + "".join(";".join(r) + "\r\n" for r in rows)
with open("carte_fidelite_achats.csv", "w", encoding="cp1252", newline="") as f:
    f.write(text)

h2 = "Date d'achat,Enseigne,Article,Code EAN,Qté,Prix unitaire,Catégorie\n"
rows2 = [
    ["2024-01-06T09:15:00+01:00", "Bio Coop Centre", "Pain complet", "", "1", "3.20", "Boulangerie"],
    ["2024-01-06T09:15:00+01:00", "Bio Coop Centre", "Chocolat noir cafÃ© 70%", "", "2", "2.95", "Crèmerie"],
    ["2024-01-06T09:15:00+01:00", "Bio Coop Centre", "Lentilles vertes 500g", "3380390000017", "1", "2.40", "Épicerie"],
]
text2 = h2 + "".join(",".join(r) + "\n" for r in rows2)
with open("magasin_bio_export.csv", "w", encoding="utf-8", newline="") as f:
    f.write(text2)
