#!/usr/bin/env python3
"""GRDF daily gas fixtures shaped like the customer-space download ("Mes consommations" > "Télécharger").
Run from this directory: python3 make_fixtures.py. Deterministic; the tests repeat the values."""


def write(name, text, encoding):
    with open(name, "w", encoding=encoding, newline="") as f:
        f.write(text)


# 1. Full layout, Windows-1252, CRLF, metadata lines with the PCE, the spring-forward day (31/03/2024, 23 h),
#    one day without energy (kWh = volume x coefficient), a total line at the end.
rows = [
    ("28/03/2024", "12345,20", "12349,61", "4,41", "11,25", "49,61", "Mesuré"),
    ("29/03/2024", "12349,61", "12353,80", "4,19", "11,25", "47,14", "Mesuré"),
    ("30/03/2024", "12353,80", "12357,02", "3,22", "11,25", "36,23", "Mesuré"),
    ("31/03/2024", "12357,02", "12360,10", "3,08", "11,25", "34,65", "Mesuré"),
    ("01/04/2024", "12360,10", "12363,50", "3,40", "11,26", "38,28", "Estimé"),
    ("02/04/2024", "12363,50", "12366,90", "3,40", "11,26", "", "Estimé"),
]
out = "Consommations quotidiennes;;;;;;\r\n"
out += "Numéro PCE : 21546000000000;;;;;;\r\n"
out += "Adresse de consommation;12 RUE DES OLIVETTES 44000 NANTES;;;;;\r\n"
out += "Période;du 28/03/2024 au 02/04/2024;;;;;\r\n"
out += ";;;;;;\r\n"
out += ("Date de relevé;Index de début (m3);Index de fin (m3);Volume consommé (m3);"
        "Coefficient de conversion (kWh/m3);Énergie consommée (kWh);Type de relevé\r\n")
for r in rows:
    out += ";".join(r) + "\r\n"
out += "Total;;;21,70;;;\r\n"
write("consommations_quotidiennes.csv", out, "cp1252")

# 2. Short layout, UTF-8 with BOM, LF, around the fall-back day (27/10/2024, 25 h), no PCE.
out = "\ufeffDate;Consommation (m3);Consommation (kWh)\n"
for d, m3, kwh in [("26/10/2024", "1,52", "17,10"), ("27/10/2024", "1,87", "21,04"), ("28/10/2024", "2,05", "23,07")]:
    out += f"{d};{m3};{kwh}\n"
write("conso_jour_court.csv", out, "utf-8")
