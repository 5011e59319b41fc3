#!/usr/bin/env python3
"""Writes the CSV fixtures of tests/csv_test.cpp and tests/session_test.cpp, byte for byte.

Run from anywhere: python3 tests/data/csv/make_fixtures.py. The outputs are committed too; this script
documents how each was made (encodings, line ends, DST windows) and regenerates them identically.
"""
import datetime as dt
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))


def write(name, data: bytes):
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data)


def paris_offset(utc: dt.datetime) -> int:
    """EU rule: +02:00 from the last Sunday of March 01:00 UTC to the last Sunday of October 01:00 UTC."""
    def last_sunday(month):
        d = dt.datetime(utc.year, month, 31, 1, 0, tzinfo=dt.timezone.utc)
        return d - dt.timedelta(days=(d.weekday() + 1) % 7)
    return 120 if last_sunday(3) <= utc < last_sunday(10) else 60


def utc_range(start, end, minutes=30):
    t = start
    while t <= end:
        yield t
        t += dt.timedelta(minutes=minutes)


def fmt_offset(m):
    return "+%02d:%02d" % (m // 60, m % 60)


UTC = dt.timezone.utc

# 1. French bank statement, Windows-1252, CRLF, account lines before the header ----------------------
bank_rows = [
    ("02/01/2023", "CB Boulangerie Crêpe & Cœur", "-12,5", ""),
    ("03/01/2023", "VIR Salaire Janvier", "", "2 345,67"),
    ("05/01/2023", "PRLV EDF Électricité", "-87,23", ""),
    ("07/01/2023", "CB Librairie l’Œil écoute", "-1 234,56", ""),
    ("09/01/2023", "Remboursement Sécu ç", "", "23,40"),
    ("12/01/2023", "Frais tenue de compte €", "-2,9", ""),
    ("15/01/2023", "VIR Loyer Hélène", "-750", ""),
    ("20/01/2023", "CB Fnac Saint-Étienne", "-49,99", ""),
    ("25/01/2023", "VIR Caf « allocation »", "", "150"),
    ("31/01/2023", "Intérêts créditeurs", "", "0,87"),
]
lines = [
    "Numéro de compte;00012345678",
    "Titulaire;M. François Lefèvre",
    "Solde au 31/01/2023;1 234,56 €",
    "",
    "Date;Libellé;Débit;Crédit",
] + [";".join(r) for r in bank_rows]
write("bank_cp1252.csv", ("\r\n".join(lines) + "\r\n").encode("cp1252"))

# 2. Enedis load curve (explicit offsets), two-line preamble, both 2023 DST changes ---------------------
lines = [
    "Identifiant PRM;Type de donnees;Date de debut;Date de fin;Grandeur physique;Grandeur metier;Etape metier;Unite",
    "12345678901234;Courbe de charge;01/01/2023;31/12/2023;Energie active;Consommation;Comptage Brut;W",
    "Horodate;Valeur",
]
i = 0
for start, end in [(dt.datetime(2023, 3, 25, 21, 0, tzinfo=UTC), dt.datetime(2023, 3, 26, 5, 0, tzinfo=UTC)),
                   (dt.datetime(2023, 10, 28, 20, 0, tzinfo=UTC), dt.datetime(2023, 10, 29, 5, 0, tzinfo=UTC))]:
    for t in utc_range(start, end):
        off = paris_offset(t)
        local = (t + dt.timedelta(minutes=off)).replace(tzinfo=None)
        lines.append("%s%s;%d" % (local.isoformat(), fmt_offset(off), 100 + (i * 37) % 500))
        i += 1
write("enedis_load_curve.csv", ("\n".join(lines) + "\n").encode("utf-8"))

# 3. Local times without offset crossing the 2023-10-29 fall-back (the 02:xx hour appears twice) ---------
lines = ["Horodate;Consommation (kWh)"]
i = 0
for t in utc_range(dt.datetime(2023, 10, 28, 21, 0, tzinfo=UTC), dt.datetime(2023, 10, 29, 3, 0, tzinfo=UTC)):
    local = (t + dt.timedelta(minutes=paris_offset(t))).replace(tzinfo=None)
    lines.append("%s;%s" % (local.strftime("%Y-%m-%d %H:%M:%S"), ("%.3f" % (0.25 + i * 0.125)).replace(".", ",")))
    i += 1
write("local_overlap.csv", ("\n".join(lines) + "\n").encode("utf-8"))

# 4. Local times with a value inside the 2023-03-26 spring-forward gap (02:30 does not exist) -----------
lines = [
    "Date,Index,Commentaire",
    "26/03/2023 00:30,1000,",
    "26/03/2023 01:00,1010,",
    "26/03/2023 01:30,1020,",
    '26/03/2023 02:30,1030,"heure inexistante, exportée quand même"',
    "26/03/2023 03:00,1040,",
    "26/03/2023 03:30,1050,",
]
write("local_gap.csv", ("\n".join(lines) + "\n").encode("utf-8"))

# 5. UTF-8 with BOM, CRLF, quoted fields with commas, doubled quotes and an embedded CRLF --------------
text = ('id,nom,note,montant\r\n'
        '1,"Dupont, Jean","Il a dit ""bonjour""",12.50\r\n'
        '2,Martin,"ligne 1\r\nligne 2",7\r\n'
        '3,Émilie,"",-3\r\n'
        '4,"Zoë ""la grande""",fin,0.5\r\n')
write("utf8_bom_quoted.csv", b"\xef\xbb\xbf" + text.encode("utf-8"))

# 6. UTF-16LE with BOM, tab-separated, non-BMP character (surrogate pair) ------------------------------
text = ("Date\tLibellé\tMontant\r\n"
        "2023-01-05\tCafé ☕ 😀\t-3,20\r\n"
        "2023-01-06\tPâtisserie « œuf »\t-12,00\r\n"
        "2023-01-07\tRemboursement 𝄞 €\t45,50\r\n")
write("utf16le_bom.tsv", b"\xff\xfe" + text.encode("utf-16-le"))

# 7. Pipe-separated, LF, leading-zero postal codes ----------------------------------------------------
text = ("code|ville|population|superficie_km2\n"
        "01000|Bourg-en-Bresse|41365|23,86\n"
        "13001|Marseille 1er|40919|3,54\n"
        "75056|Paris|2133111|105,4\n"
        "97411|Saint-Denis|153001|142,79\n")
write("pipe.csv", text.encode("utf-8"))

# 8. Plain TSV ----------------------------------------------------------------------------------------
text = "semaine\tkwh\tchauffage\n2023-W01\t152.5\toui\n2023-W02\t148\tnon\n2023-W03\t160.25\tOUI\n"
write("plain.tsv", text.encode("utf-8"))

# 9. Meter and account identifiers with leading zeros stay text ---------------------------------------
text = ("pdl;compteur;index_kwh\n"
        "01234567890123;0042;123\n"
        "09876543210987;0007;4 567\n"
        "00000000000001;0100;89\n")
write("leading_zero_ids.csv", text.encode("utf-8"))

# 10. Empty file --------------------------------------------------------------------------------------
write("empty.csv", b"")

# 11. Binary garbage (PNG signature, then pseudo-random bytes with NULs) -------------------------------
rng = random.Random(1234)
write("garbage.bin", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(rng.randrange(256) for _ in range(3000)))

# 12. A quote opened on line 4 and never closed --------------------------------------------------------
text = 'id;commentaire\n1;ok\n2;"fermé ""ici"""\n3;"jamais fermé\n4;suite\n5;fin\n'
write("unterminated_quote.csv", text.encode("utf-8"))

# 13. Ragged rows: one short, one long -----------------------------------------------------------------
text = "nom;age;ville\nAna;31;Lyon\nBob;27\nCyd;45;Nice;en trop\nDee;52;Paris\nEve;38;Brest;\n"
write("ragged.csv", text.encode("utf-8"))

# 14. Classic Mac OS line ends (CR only) ---------------------------------------------------------------
write("cr_only.csv", b"jour,pas\r2023-05-01,8042\r2023-05-02,10233\r2023-05-03,\r")
