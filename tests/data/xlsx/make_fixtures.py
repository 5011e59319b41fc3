#!/usr/bin/env python3
"""Deterministic XLSX fixtures for tests/xlsx_test.cpp and tests/enedis_xlsx_test.cpp (run: python3 make_fixtures.py).

Written with zipfile only, with the parts a real workbook has ([Content_Types].xml, _rels/.rels,
docProps/app.xml, xl/workbook.xml + its rels, xl/styles.xml, xl/sharedStrings.xml, xl/worksheets/sheetN.xml).
Part order follows the writers: Excel puts the sheets before styles.xml and sharedStrings.xml; openpyxl
(ExcelWriter.write_data) writes the sheets first and xl/workbook.xml near the end, so a front-to-back
reader has to resolve everything at the end.

Enedis 2025 layouts (the customer site's "Télécharger" since early 2025 gives .xlsx, 7 days max of hourly
data per file). What real files look like was taken from code that reads them (none of their files is
copied here):
  - rhinosys/SolarCalculet import_enedis.py: sheet 'Consommation Horaire', about 15 preamble rows, Début
    in column C as text '%d/%m/%Y %H:%M:%S', value in column E, weekly files.
  - DailyWatt ExcelMeasurementParser.cs (found by searching "Valeur (en kW)"): a 'Plage horaire' marker
    row, then 'Début', 'Fin', 'Valeur (en kW)' in columns C, D, E; daily sheet 'Export Consommation
    Quotidienne' with 'Date' (JJ/MM/AAAA) and 'Valeur (en kWh)'.
  - an inbox_enedis.py Airflow task (same search): PRM on a 'Point Référence Mesure' row, rows
    [None, None, Début, Fin, Valeur(kW), None], 'NA' in the DST spring-forward slots, datetime or text
    timestamps.
  - a TypeScript test (readXlsx / enedisXlsx fixtures): sheets "Page d'accueil" + 'Export Consommation
    Quotidienne', row 8 'Point Référence Mesure (PRM) : ' ... 'Consommation Quotidienne', header on row 14,
    '01/01/2026', 6.329, 'NA'.
  - bokub/conso-downloader issue #4: the .xlsx cells hold the full-precision kW value (the site shows 2
    decimals).
The max-power and index sheets are built on the same pattern ('Valeur (en kVA)', 'Index (en kWh)'):
no public sample of those two was found.
"""
import os
import zipfile
from datetime import datetime, timedelta, date, timezone
from zoneinfo import ZoneInfo

HERE = os.path.dirname(os.path.abspath(__file__))
FIXED = (2025, 4, 7, 9, 0, 0)  # zip entry time: fixed so the files are byte-identical on every run

CT = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>{sheets}<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>'''
ROOT_RELS = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/></Relationships>'''
APP = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Microsoft Excel</Application></Properties>'''
NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'

# cellXfs: 0 General, 1 date (built-in 14), 2 custom 164 'dd/mm/yyyy\ hh:mm', 3 '0.000' (number), 4 time (built-in 20),
# 5 custom 165 '[$-40C]d\ mmmm\ yyyy;@' (date with a locale bracket)
STYLES = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="3"><numFmt numFmtId="164" formatCode="dd/mm/yyyy\\ hh:mm"/><numFmt numFmtId="165" formatCode="[$-40C]d\\ mmmm\\ yyyy;@"/><numFmt numFmtId="166" formatCode="0.000"/></numFmts><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="6"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="166" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="20" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>'''


def esc(s):
    return s.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;').replace('"', '&quot;')


def col_name(i):
    s = ''
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


class Book:
    """Cells are (value, kind): kind 's' shared string, 'is' inline string, 'n' number, 'b' bool, 'e' error,
    'str' formula text; an optional third item is the style index. None = no cell."""

    def __init__(self, date1904=False):
        self.sheets = []  # (name, rows, hidden, extra_sheet_xml)
        self.sst = []
        self.sst_index = {}
        self.date1904 = date1904

    def s(self, text):
        if text not in self.sst_index:
            self.sst_index[text] = len(self.sst)
            self.sst.append(text)
        return self.sst_index[text]

    def sheet(self, name, rows, hidden=False, raw=None):
        self.sheets.append((name, rows, hidden, raw))

    def sheet_xml(self, rows):
        out = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet %s><sheetData>' % NS]
        for rnum, row in rows:
            cells = []
            for ci, cell in enumerate(row):
                if cell is None:
                    continue
                v, kind = cell[0], cell[1]
                st = ' s="%d"' % cell[2] if len(cell) > 2 else ''
                ref = '%s%d' % (col_name(ci), rnum)
                if kind == 's':
                    cells.append('<c r="%s" t="s"%s><v>%d</v></c>' % (ref, st, self.s(v)))
                elif kind == 'is':
                    cells.append('<c r="%s" t="inlineStr"%s><is><t>%s</t></is></c>' % (ref, st, esc(v)))
                elif kind == 'b':
                    cells.append('<c r="%s" t="b"%s><v>%d</v></c>' % (ref, st, 1 if v else 0))
                elif kind == 'e':
                    cells.append('<c r="%s" t="e"%s><f>1/0</f><v>%s</v></c>' % (ref, st, esc(v)))
                elif kind == 'str':
                    cells.append('<c r="%s" t="str"%s><f>UPPER("x")</f><v>%s</v></c>' % (ref, st, esc(v)))
                else:
                    cells.append('<c r="%s"%s><v>%s</v></c>' % (ref, st, repr(v) if isinstance(v, float) else v))
            out.append('<row r="%d">%s</row>' % (rnum, ''.join(cells)))
        out.append('</sheetData></worksheet>')
        return ''.join(out)

    def write(self, path, order='excel'):
        sheet_parts = []
        for i, (name, rows, hidden, raw) in enumerate(self.sheets, 1):
            sheet_parts.append(('xl/worksheets/sheet%d.xml' % i, raw if raw is not None else self.sheet_xml(rows)))
        wb = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook %s>' % NS]
        wb.append('<workbookPr%s/>' % (' date1904="1"' if self.date1904 else ' defaultThemeVersion="166925"'))
        wb.append('<sheets>')
        for i, (name, rows, hidden, raw) in enumerate(self.sheets, 1):
            wb.append('<sheet name="%s" sheetId="%d"%s r:id="rId%d"/>' % (esc(name), i, ' state="hidden"' if hidden else '', i))
        wb.append('</sheets></workbook>')
        rels = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">']
        for i in range(1, len(self.sheets) + 1):
            rels.append('<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet%d.xml"/>' % (i, i))
        n = len(self.sheets)
        rels.append('<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>' % (n + 1))
        rels.append('<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>' % (n + 2))
        rels.append('</Relationships>')
        sst = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" uniqueCount="%d">' % (len(self.sst), len(self.sst))]
        for t in self.sst:
            if t.startswith('RICH:'):  # rich text: two runs and a phonetic run that must not be read
                a, b = t[5:].split('|')
                sst.append('<si><r><rPr><b/></rPr><t>%s</t></r><r><t xml:space="preserve">%s</t></r><rPh sb="0" eb="1"><t>PHONETIC</t></rPh></si>' % (esc(a), esc(b)))
            else:
                sst.append('<si><t xml:space="preserve">%s</t></si>' % esc(t))
        sst.append('</sst>')
        ct = CT.format(sheets=''.join('<Override PartName="/%s" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' % p for p, _ in sheet_parts))
        parts_wb = [('xl/workbook.xml', ''.join(wb)), ('xl/_rels/workbook.xml.rels', ''.join(rels))]
        if order == 'excel':
            parts = [('[Content_Types].xml', ct), ('_rels/.rels', ROOT_RELS)] + parts_wb + sheet_parts + \
                    [('xl/styles.xml', STYLES), ('xl/sharedStrings.xml', ''.join(sst)), ('docProps/app.xml', APP)]
        else:  # openpyxl: docProps, sheets, styles, workbook, content types last
            parts = [('docProps/app.xml', APP)] + sheet_parts + [('xl/sharedStrings.xml', ''.join(sst)), ('xl/styles.xml', STYLES),
                                                                 ('_rels/.rels', ROOT_RELS)] + parts_wb + [('[Content_Types].xml', ct)]
        with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
            for name, data in parts:
                zi = zipfile.ZipInfo(name, FIXED)
                zi.compress_type = zipfile.ZIP_DEFLATED
                z.writestr(zi, data.encode('utf-8'))


def S(t):
    return (t, 's')


def N(v, style=None):
    return (v, 'n') if style is None else (v, 'n', style)


def serial(dt):
    """Excel 1900-system serial of a naive local datetime (valid after 1900-03-01)."""
    d = dt - datetime(1899, 12, 30)
    return d.days + d.seconds / 86400.0


# [generic workbook] ------------------------------------------------------------------------------------------
def generic():
    b = Book()
    rows = [
        (1, [S('Date'), S('Moment'), S('Libellé'), S('Montant'), S('Payé'), S('Note'), S('Heure')]),
        # 45658 = 2025-01-01 (45292 = 2024-01-01, + 366 days of 2024); .5 = noon
        (2, [N(45658, 1), N(45658.5, 2), S('Boulangerie; rue Haute'), N(-3.5), ('1', 'b'), ('ok', 'is'), N(0.75, 4)]),
        # 45689 = 2025-02-01; 45689.3541666667 = 08:30
        (3, [N(45689, 1), N(45689.3541666667, 2), S('RICH:Loyer |février'), N(-650.25, 3), ('0', 'b'), ('#DIV/0!', 'e'), N(0.5, 4)]),
        # row 4 left empty on purpose; row 5: "1,5" stays text in a number column? no: a real number with full precision
        (5, [N(45717, 5), N(45717.999988426, 2), S('Remboursement "Sécu"'), N(0.1 + 0.2), ('1', 'b'), ('TEXTE', 'str'), N(0.999988426, 4)]),
    ]
    b.sheet('Dépenses', rows)
    b.sheet('Vide', [])
    b.sheet('Notes cachées', [(1, [S('clé'), S('valeur')]), (2, [S('a'), N(1)])], hidden=True)
    b.write(os.path.join(HERE, 'generic.xlsx'))
    # the same workbook in openpyxl's part order (workbook.xml after the sheets)
    b.write(os.path.join(HERE, 'generic_openpyxl_order.xlsx'), order='openpyxl')


def date1904():
    b = Book(date1904=True)
    # 1904 system: serial 0 = 1904-01-01; 2025-01-01 is 45658 - 1462 = 44196
    b.sheet('Feuil1', [(1, [S('jour'), S('valeur')]), (2, [N(44196, 1), N(1)]), (3, [N(0, 1), N(2)])])
    b.write(os.path.join(HERE, 'date1904.xlsx'))


def nothing():
    b = Book()
    b.sheet('Feuil1', [])
    b.sheet('Titre seul', [(1, [S('Relevé de mes dépenses')])])
    b.write(os.path.join(HERE, 'nothing.xlsx'))


def hostile():
    # deep nesting inside a sheet (the part is abandoned), a cell beyond Excel's last row, absurd dimension
    deep = '<?xml version="1.0"?>\n<worksheet %s><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>' % NS + \
           '<extLst>' + '<ext>' * 200 + '</ext>' * 200 + '</extLst></worksheet>'
    big = '<?xml version="1.0"?>\n<worksheet %s><dimension ref="A1:XFD1048576"/><sheetData>' % NS + \
          '<row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c><c r="B1" t="inlineStr"><is><t>b</t></is></c></row>' + \
          '<row r="2"><c r="A2"><v>1</v></c><c r="B2"><v>2</v></c></row>' + \
          '<row r="3"><c r="A3"><v>3</v></c><c r="B3"><v>4</v></c></row>' + \
          '<row r="2000000"><c r="A2000000"><v>9</v></c></row></sheetData></worksheet>'
    b = Book()
    b.sheet('Profond', None, raw=deep)
    b.sheet('Grand', None, raw=big)
    b.write(os.path.join(HERE, 'hostile.xlsx'))
    # many shared strings, for the string budget test (the test lowers the limit)
    b = Book()
    rows = [(1, [S('n'), S('texte')])] + [(i + 2, [N(i), S('chaîne numéro %05d' % i)]) for i in range(2000)]
    b.sheet('Chaînes', rows)
    b.write(os.path.join(HERE, 'many_strings.xlsx'))


def bank():
    # a French bank statement exported as XLSX (header like the CSV exports parsers/formats/bank.cpp reads)
    b = Book()
    rows = [
        (1, [S('Compte courant n° 12345678901')]),
        (3, [S('Date'), S('Libellé'), S('Débit'), S('Crédit')]),
        (4, [N(45660, 1), S('CB CARREFOUR 02/01'), N(42.17), None]),   # 45660 = 2025-01-03
        (5, [N(45661, 1), S('VIR SALAIRE JANVIER'), None, N(2100)]),    # 2025-01-04
        (6, [N(45663, 1), S('PRLV EDF'), N(61.5), None]),               # 2025-01-06
    ]
    b.sheet('Relevé', rows)
    b.write(os.path.join(HERE, 'releve_banque.xlsx'))


# [Enedis 2025] -----------------------------------------------------------------------------------------------
PRM = '09876543210987'


def preamble(b, kind_label, first_row_title):
    return [
        (2, [S(first_row_title)]),
        (4, [S('Données de consommation électrique')]),
        (8, [S('Point Référence Mesure (PRM) : '), (PRM, 'is'), S('Type de comptage : '), S(kind_label)]),
        (10, [S('Date de début : '), S('24/03/2025'), S('Date de fin : '), S('30/03/2025')]),
    ]


def enedis_curve(name, start, days, as_text, value_of, step_min=30):
    """Load curve, `days` local days from `start`, `step_min` steps. Spring-forward slots get 'NA' like the
    real files; autumn's repeated hour appears twice."""
    b = Book()
    b.sheet("Page d'accueil", [(1, [S('Enedis - Mes données de consommation')]), (3, [S('Export réalisé le 07/04/2025')])])
    rows = preamble(b, 'Consommation Horaire', 'Consommation horaire')
    rows.append((13, [None, None, S('Plage horaire')]))
    rows.append((14, [None, None, S('Début'), S('Fin'), S('Valeur (en kW)')]))
    r = 15
    # walk real instants (UTC) and write their Paris wall-clock time: autumn's 02:00-03:00 comes twice, in
    # chronological order; spring's missing 02:00 and 02:30 are written with 'NA' like the real files
    paris = ZoneInfo('Europe/Paris')
    t = datetime.combine(start, datetime.min.time(), paris).astimezone(timezone.utc)
    end = datetime.combine(start + timedelta(days=days), datetime.min.time(), paris).astimezone(timezone.utc)
    step = timedelta(minutes=step_min)
    seen = {}
    prev_local = None
    while t < end:
        local = t.astimezone(paris).replace(tzinfo=None)
        slots = []
        if prev_local is not None and local - prev_local > step:  # spring forward: the skipped wall-clock slots
            g = prev_local + step
            while g < local:
                slots.append((g, True))
                g += step
        slots.append((local, False))
        for s, gap in slots:
            k = seen.get(s, 0)
            seen[s] = k + 1
            e = s + step  # Fin = Début + step on the wall clock
            v = None if gap else value_of(s, k)
            if as_text:
                deb, fin = (s.strftime('%d/%m/%Y %H:%M:%S'), 'is'), (e.strftime('%d/%m/%Y %H:%M:%S'), 'is')
            else:
                deb, fin = N(serial(s), 2), N(serial(e), 2)
            val = ('NA', 'is') if v is None else N(v)
            rows.append((r, [None, None, deb, fin, val]))
            r += 1
        prev_local = local
        t += step
    b.sheet('Consommation Horaire', rows)
    b.write(os.path.join(HERE, name))


def spring_value(s, k):
    if s == datetime(2025, 3, 25, 19, 0):
        return 3.14159  # full precision kept
    return 1.2


def enedis_daily():
    b = Book()
    b.sheet("Page d'accueil", [(1, [S('Enedis - Mes données de consommation')])])
    rows = preamble(b, 'Consommation Quotidienne', 'Consommation quotidienne')
    rows.append((14, [S('Date'), S('Valeur (en kWh)')]))
    vals = [6.329, 3.217, 'NA', 4.966, 3.655, 3.636, 5.762]
    for i, v in enumerate(vals):
        d = date(2026, 1, 1) + timedelta(days=i)
        rows.append((15 + i, [(d.strftime('%d/%m/%Y'), 'is'), ('NA', 'is') if v == 'NA' else N(v)]))
    b.sheet('Export Consommation Quotidienne', rows)
    b.write(os.path.join(HERE, 'enedis_quotidien_2026-01-01_2026-01-07.xlsx'))


def enedis_max_power():
    b = Book()
    rows = preamble(b, 'Puissance Maximale Quotidienne', 'Puissance maximale')
    rows.append((14, [S('Date'), S('Heure'), S('Valeur (en kVA)')]))
    rows.append((15, [('01/01/2026', 'is'), ('19:42:00', 'is'), N(5.876)]))
    rows.append((16, [('02/01/2026', 'is'), ('07:10:00', 'is'), N(4.5)]))
    b.sheet('Puissance Maximale', rows)
    b.write(os.path.join(HERE, 'enedis_puissance_max.xlsx'))


def enedis_index():
    b = Book()
    rows = preamble(b, 'Index', 'Index quotidiens')
    rows.append((14, [S('Date'), S('Index (en kWh)')]))
    rows.append((15, [('01/01/2026', 'is'), N(12345.678)]))
    rows.append((16, [('02/01/2026', 'is'), N(12352.007)]))
    rows.append((17, [('03/01/2026', 'is'), N(12360.0)]))
    b.sheet('Index', rows)
    b.write(os.path.join(HERE, 'enedis_index.xlsx'))


if __name__ == '__main__':
    generic()
    date1904()
    nothing()
    hostile()
    bank()
    # two weekly files of one meter that overlap by one day (30/03), like the site's week-by-week downloads;
    # the first has text timestamps, the second Excel date cells (both 30-minute steps).
    enedis_curve('enedis_courbe_2025-03-24_2025-03-30.xlsx', date(2025, 3, 24), 7, True, spring_value)
    enedis_curve('enedis_courbe_2025-03-30_2025-04-05.xlsx', date(2025, 3, 30), 7, False, spring_value)
    # a third week with a gap: 07/04 to 13/04, so 06/04 is missing between the weeks
    enedis_curve('enedis_courbe_2025-04-07_2025-04-13.xlsx', date(2025, 4, 7), 7, True, lambda s, k: 0.8)
    # autumn: 26/10/2025 has 25 hours, the repeated hour appears twice
    enedis_curve('enedis_courbe_automne_2025.xlsx', date(2025, 10, 25), 2, True, lambda s, k: 2.0 if k == 0 else 1.0)
    enedis_daily()
    enedis_max_power()
    enedis_index()
