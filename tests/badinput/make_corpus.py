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


def tgz_bomb(inflated):
    """A .tgz whose one entry is `inflated` zero bytes (tar header, then gzip at ~1000:1), streamed."""
    import tarfile
    hdr = tarfile.TarInfo("Takeout/Historique des positions/Records.json")
    hdr.size = inflated
    hdr.mtime = 1736155800
    comp = zlib.compressobj(9, zlib.DEFLATED, 31)
    parts = [comp.compress(hdr.tobuf(format=tarfile.USTAR_FORMAT))]
    block = b"\0" * (1 << 20)
    for _ in range(inflated >> 20):
        parts.append(comp.compress(block))
    parts.append(comp.compress(b"\0" * 1024))
    parts.append(comp.flush())
    return b"".join(parts)


def stored_zip(entries, lie=None):
    """A stored ZIP written by hand (zipfile refuses some hostile names); lie=(index, size) puts a false
    uncompressed size in that entry's headers."""
    out, central = b"", b""
    for i, (name, data) in enumerate(entries):
        name = name.encode("utf-8") if isinstance(name, str) else name
        crc = zlib.crc32(data)
        usize = lie[1] if lie and lie[0] == i else len(data)
        off = len(out)
        out += struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0x800, 0, 0x4D3A, 0x5A26, crc, len(data), usize, len(name), 0) + name + data
        central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0x800, 0, 0x4D3A, 0x5A26, crc, len(data), usize,
                               len(name), 0, 0, 0, 0, 0, off) + name
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(entries) & 0xFFFF, len(entries) & 0xFFFF, len(central), len(out), 0)
    return out + central + end


def hostile_xlsx():
    """An XLSX whose parts announce absurd sizes: two billion shared strings, a sheet of every cell
    (A1:XFD1048576), a cell at the last column and row, 10^9 number formats; only 3 real rows."""
    ct = ('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>')
    rels = ('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
    wb = ('<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
          'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Conso" sheetId="1" r:id="rId1"/></sheets></workbook>')
    wbrels = ('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
              '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
              '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
              '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>')
    sst = ('<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="2000000000" uniqueCount="2000000000">'
           '<si><t>Date</t></si><si><t>Valeur</t></si></sst>')
    styles = ('<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
              '<numFmts count="1000000000"><numFmt numFmtId="164" formatCode="dd/mm/yyyy hh:mm"/></numFmts>'
              '<cellXfs count="1000000000"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs></styleSheet>')
    sheet = ('<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
             '<dimension ref="A1:XFD1048576"/><sheetData>'
             '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>'
             '<row r="2"><c r="A2" s="1"><v>45658.5</v></c><c r="B2"><v>1.25</v></c></row>'
             '<row r="3"><c r="A3" s="1"><v>45658.520833333336</v></c><c r="B3"><v>0.75</v></c></row>'
             '<row r="1048576"><c r="XFD1048576" t="s"><v>1999999999</v></c></row>'
             '</sheetData></worksheet>')
    return zip_bytes([("[Content_Types].xml", ct), ("_rels/.rels", rels), ("xl/workbook.xml", wb),
                      ("xl/_rels/workbook.xml.rels", wbrels), ("xl/sharedStrings.xml", sst), ("xl/styles.xml", styles),
                      ("xl/worksheets/sheet1.xml", sheet)])


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
    # ---- hostile containers (issue 22): bounded time and memory, a clear message, nothing else lost
    # a .tgz bomb: 1 GiB of zeros in one tar entry, ~1 MB of gzip
    write(d, "bombe.tgz", tgz_bomb(1 << 30))
    # a ZIP in a ZIP in a ZIP in a ZIP (the bank statement at the bottom)
    inner = zip_bytes([("niveau3/releve.csv", BANK)])
    for level in (2, 1, 0):
        inner = zip_bytes([(f"niveau{level}/archive.zip", inner)])
    write(d, "imbriquee.zip", inner)
    # entry names that would escape a folder if someone extracted them (we never extract: read in memory)
    write(d, "chemins_hostiles.zip", stored_zip([("../../../../etc/releve.csv", BANK.encode()), ("/racine/absolu.csv", BANK.encode()),
                                                 ("C:\\Windows\\releve.csv", BANK.encode()), ("dossier/../../x.csv", BANK.encode())]))
    # 20 000 entries (tiny CSVs): counts, time and memory stay bounded, every entry listed
    if not browser:   # in the browser: tests/e2e/suites/limits.cjs (10 000 entries)
        write(d, "vingt_mille_entrees.zip", stored_zip([(f"releves/{i:05d}.csv", b"date;montant\n2025-01-02;-1,00\n") for i in range(20000)]))
    # an entry whose headers claim 4 GiB uncompressed for 200 bytes of data
    write(d, "taille_mensongere.zip", stored_zip([("Takeout/releve.csv", BANK.encode())], lie=(0, 0xFFFFFFF0)))
    # an XLSX announcing two billion shared strings, every cell of the sheet, 10^9 formats
    write(d, "classeur_hostile.xlsx", hostile_xlsx())
    # a format we do not read: a PDF
    write(d, "facture.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n" +
          bytes(rnd.randrange(256) for _ in range(4096)) + b"\n%%EOF\n")


if __name__ == "__main__":
    main()
