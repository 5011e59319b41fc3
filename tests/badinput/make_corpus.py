#!/usr/bin/env python3
"""Bad-input corpus (issues #3 and #11): files people really drop by mistake or that broke on the way.
Deterministic; written into the directory given as argument (nothing is committed but this script).
  python3 tests/badinput/make_corpus.py OUT_DIR [--browser]   (--browser: without une_seule_ligne.json, which the
                                                              browser test builds in the page)
Each file's expected outcome (a clear error naming the file and a byte offset or line, or a clear warning)
is checked by tests/badinput_test.sh (CLI) and tests/e2e/suites/bad_input.cjs (browser)."""
import io
import os
import random
import struct
import sys
import zipfile
import zlib

BANK = ("Date;Libellé;Débit euros;Crédit euros\n"
        "02/01/2025;CARTE BOULANGERIE DU MAIL;-4,20;\n"
        "03/01/2025;PRLV SEPA ENEDIS;-61,37;\n"
        "05/01/2025;VIR SALAIRE JANVIER;;2 150,00\n")


def records(n):
    out = []
    for i in range(n):
        out.append('{"latitudeE7": %d, "longitudeE7": %d, "accuracy": %d, "timestamp": "2024-03-%02dT08:%02d:00Z"}'
                   % (461580000 + i * 17, -11530000 - i * 23, 5 + i % 30, 1 + i % 28, i % 60))
    return '{"locations": [\n' + ",\n".join(out) + "\n]}\n"


def write(d, name, data):
    with open(os.path.join(d, name), "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))


def zip_bytes(entries):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=(2025, 1, 6, 9, 30, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)
    return buf.getvalue()


def zip_bomb(inflated):
    """One deflated entry of `inflated` zero bytes (a ~1000:1 ratio), written with a streaming compressor."""
    name = b"Takeout/donnees.csv"
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = b"0" * (1 << 20)
    parts, crc = [], 0
    for _ in range(inflated >> 20):
        parts.append(comp.compress(block))
        crc = zlib.crc32(block, crc)
    parts.append(comp.flush())
    data = b"".join(parts)
    local = struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0x4D3A, 0x5A26, crc, len(data), inflated, len(name), 0) + name
    central = struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0x4D3A, 0x5A26, crc, len(data), inflated,
                          len(name), 0, 0, 0, 0, 0, 0) + name
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, 1, 1, len(central), len(local) + len(data), 0)
    return local + data + central + end


def main():
    args = [a for a in sys.argv[1:] if a != "--browser"]
    if len(args) != 1:
        sys.exit(__doc__)
    d = args[0]
    browser = "--browser" in sys.argv
    os.makedirs(d, exist_ok=True)
    rnd = random.Random(20250106)

    # 0 bytes, named like a bank statement
    write(d, "vide.csv", b"")
    # a JSON document cut inside a string (a download that stopped)
    write(d, "coupe_dans_chaine.json", '[{"id": 1, "titre": "Séance du lundi"}, {"id": 2, "titre": "Séance du ma')
    # a Takeout ZIP cut in the middle of its second entry's data
    z = zip_bytes([("Takeout/releve.csv", BANK), ("Takeout/Historique des positions/Records.json", records(4000))])
    write(d, "takeout_tronque.zip", z[: len(z) * 2 // 3])
    # binary data renamed by hand to .json
    write(d, "photo_renommee.json", bytes(rnd.randrange(256) for _ in range(200_000)))
    # a CSV saved as UTF-16 LE without its BOM (Excel "Unicode text" whose first bytes were cut)
    write(d, "releve_utf16_sans_bom.csv", BANK.encode("utf-16-le"))
    # JSON with invalid UTF-8 inside a string (Latin-1 bytes)
    write(d, "utf8_invalide.json", b'[{"ville": "La Rochelle"}, {"ville": "Ch\xe2telaillon-Plage \xe9t\xe9"}]\n')
    # a zip bomb: 1 GiB of zeros in a ~1 MB archive
    write(d, "bombe.zip", zip_bomb(1 << 30))
    # 200 000 nested arrays
    write(d, "imbrication.json", "[" * 200_000)
    # duplicate keys in objects (the last value is kept, with a warning)
    write(d, "cles_en_double.json", '[{"id": 1, "montant": 10, "montant": 12}, {"id": 2, "montant": 5}]\n')
    # 100 MB on a single line: a CSV whose line ends were lost (cells but no record end) ...
    write(d, "une_seule_ligne.csv", ("19,5;48;salon;" * 7_200_000)[:100_000_000])
    # ... and a minified JSON array, which is a normal file (2 100 000 records on one line)
    if not browser:
        write(d, "une_seule_ligne.json", "[" + ",".join(['{"id": 1, "ville": "La Rochelle", "temp": 12.5}'] * 2_100_000) + "]")
    # a format we do not read: a PDF
    write(d, "facture.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n" +
          bytes(rnd.randrange(256) for _ in range(4096)) + b"\n%%EOF\n")


if __name__ == "__main__":
    main()
