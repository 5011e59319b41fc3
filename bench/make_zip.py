#!/usr/bin/env python3
"""A ZIP of many small real-shaped exports, for the limits suite and bench/frame_gaps.cjs.

    python3 bench/make_zip.py OUT.zip ENTRIES MB [SEED]

Entries rotate over three kinds: an Enedis load curve (preamble, 30-minute steps, one PRM per entry),
a French bank statement (preamble, Date;Libellé;Débit euros;Crédit euros, decimal commas) and a Spotify
StreamingHistory JSON array. Every fourth entry is stored, the others deflated (level 6). Each entry is
about MB/ENTRIES megabytes. Prints the ground truth as JSON: {"bytes", "uncompressed", "rows",
"entries": [{"path", "kind", "rows", "sum"}]} where sum is the entry's sum of power_w (W), of amounts
(euros) or of msPlayed.
"""
import json
import random
import sys
import zipfile
from datetime import datetime, timedelta, timezone

LABELS = ['CARTE SNCF INTERNET', 'PRLV SEPA ENEDIS', 'CARTE BOULANGERIE DU MAIL', 'CARTE TOTALENERGIES LA ROCHELLE',
          'CARTE YÉLO VÉLO', 'PRLV SEPA FREE MOBILE', 'CARTE CŒUR DE BŒUF', 'RETRAIT DAB 17000', 'CARTE LIBRAIRIE « LES SAISONS »']
ARTISTS = [('Angèle', 'Balance ton quoi'), ('Stromae', 'Santé'), ('Christine and the Queens', 'Tilted'),
           ('Orelsan', 'La quête'), ('Zaz', 'Je veux'), ('Indochine', "L'aventurier")]


# Europe/Paris summer time in UTC epoch seconds, per year: [last Sunday of March 01:00, last Sunday of October 01:00).
_SUMMER = {}


def summer(y):
    r = _SUMMER.get(y)
    if r is None:
        def last_sunday(m):
            d = datetime(y, m + 1, 1, tzinfo=timezone.utc) - timedelta(days=1)
            return int((d - timedelta(days=(d.weekday() + 1) % 7)).replace(hour=1).timestamp())
        r = _SUMMER[y] = (last_sunday(3), last_sunday(10))
    return r


_YEAR = [0, 0, 0]   # [start, end, year] of the year last looked up (epoch seconds)


def year_of(t):
    if not (_YEAR[0] <= t < _YEAR[1]):
        y = datetime.fromtimestamp(t, timezone.utc).year
        _YEAR[:] = [int(datetime(y, 1, 1, tzinfo=timezone.utc).timestamp()), int(datetime(y + 1, 1, 1, tzinfo=timezone.utc).timestamp()), y]
    return _YEAR[2]


def paris_offset(t):
    a, b = summer(year_of(t))
    return 2 if a <= t < b else 1


_DAYS = {}   # day number (epoch days) -> 'YYYY-MM-DD'


def day_str(day):
    s = _DAYS.get(day)
    if s is None:
        s = _DAYS[day] = (datetime(1970, 1, 1) + timedelta(days=day)).strftime('%Y-%m-%d')
    return s


HHMM = [f'{m // 60:02d}:{m % 60:02d}' for m in range(1440)]
_FR_DAYS = {}


def fr_date(day):   # dd/mm/YYYY
    s = _FR_DAYS.get(day)
    if s is None:
        s = _FR_DAYS[day] = (datetime(1970, 1, 1) + timedelta(days=day)).strftime('%d/%m/%Y')
    return s


def enedis(i, size, rnd):
    head = ('Identifiant PRM;Type de donnees;Date de debut;Date de fin;Grandeur physique;Grandeur metier;'
            'Etape metier;Unite;Pas en minutes\n'
            f'{10000000000000 + i};Courbe de charge;01/01/2024;31/12/2024;Energie active;Consommation;Comptage Brut;W;30\n'
            'Horodate;Valeur\n')
    out, n, s, length = [head], 0, 0, len(head)
    t = int((datetime(2024, 1, 1, tzinfo=timezone.utc) + timedelta(days=i % 300) - timedelta(hours=1)).timestamp())
    random = rnd.random
    while length < size:
        t += 1800
        off = paris_offset(t)
        w = 300 + int(2500 * random() * random())
        local = t + off * 3600
        line = f'{day_str(local // 86400)}T{HHMM[(local % 86400) // 60]}:00+0{off}:00;{w}\n'
        out.append(line); n += 1; s += w; length += len(line)
    return ''.join(out), n, s


def bank(i, size, rnd):
    head = f'Compte courant n° {12345 + i} 67890;;;\nPériode du 01/01/2024 au 31/12/2024;;;\nDate;Libellé;Débit euros;Crédit euros\n'
    out, n, s, length = [head], 0, 0, len(head.encode())
    day = (datetime(2024, 1, 1) - datetime(1970, 1, 1)).days
    random = rnd.random
    labels = [(lab, len(lab.encode())) for lab in LABELS]
    while length < size:
        if random() < 0.3:
            day += 1
        if n % 40 == 0:
            line = f'{fr_date(day)};VIR SALAIRE {n};;2 150,00\n'
            s += 215000
            length += len(line)
        else:
            cents = 100 + int(random() * 150000)
            euros = f'{cents // 100:,}'.replace(',', ' ')
            lab, lab_bytes = labels[n % len(labels)]
            line = f'{fr_date(day)};{lab};-{euros},{cents % 100:02d};\n'
            s -= cents
            length += len(line) - len(lab) + lab_bytes
        out.append(line); n += 1
    return ''.join(out), n, s / 100


ARTISTS_JSON = [(json.dumps(a, ensure_ascii=False), json.dumps(t, ensure_ascii=False)) for a, t in ARTISTS]
ARTISTS_BYTES = [len(a.encode()) + len(t.encode()) - len(a) - len(t) for a, t in ARTISTS_JSON]   # extra UTF-8 bytes


def spotify(i, size, rnd):
    recs, n, s, length = [], 0, 0, 2
    m = int((datetime(2024, 1, 1) + timedelta(hours=i) - datetime(1970, 1, 1)).total_seconds()) // 60   # minutes
    random = rnd.random
    while length < size:
        m += 3 + int(random() * 40)
        k = (i + n) % len(ARTISTS)
        a, tr = ARTISTS_JSON[k]
        ms = 20000 + int(random() * 200000)
        # json.dumps(record, ensure_ascii=False, indent=2), written out
        r = (f'{{\n  "endTime": "{day_str(m // 1440)} {HHMM[m % 1440]}",\n  "artistName": {a},\n'
             f'  "trackName": {tr},\n  "msPlayed": {ms}\n}}')
        recs.append(r); n += 1; s += ms; length += len(r) + ARTISTS_BYTES[k] + 3
    return '[\n' + ',\n'.join(recs) + '\n]\n', n, s


def main():
    out, entries, mb = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
    seed = int(sys.argv[4]) if len(sys.argv) > 4 else 1
    rnd = random.Random(seed)
    size = max(300, int(mb * 1e6 / entries))
    truth, unc, rows = [], 0, 0
    with zipfile.ZipFile(out, 'w', allowZip64=True) as z:
        for i in range(entries):
            k = i % 3
            if k == 0:
                text, n, s = enedis(i, size, rnd); p = f'export/enedis/PRM_{10000000000000 + i}/courbe_de_charge.csv'; kind = 'enedis'
            elif k == 1:
                text, n, s = bank(i, size, rnd); p = f'export/banque/compte_{i:05d}/releve_2024.csv'; kind = 'bank'
            else:
                text, n, s = spotify(i, size, rnd); p = f'export/Spotify/profil_{i:05d}/StreamingHistory_music_0.json'; kind = 'spotify'
            data = text.encode()
            info = zipfile.ZipInfo(p, date_time=(2024, 12, 31, 12, 0, 0))
            info.compress_type = zipfile.ZIP_STORED if i % 4 == 1 else zipfile.ZIP_DEFLATED
            z.writestr(info, data, compresslevel=6)
            truth.append({'path': p, 'kind': kind, 'rows': n, 'sum': s})
            unc += len(data); rows += n
    import os
    print(json.dumps({'bytes': os.path.getsize(out), 'uncompressed': unc, 'rows': rows, 'entries': truth}, ensure_ascii=False))


if __name__ == '__main__':
    main()
