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


def paris_offset(utc):
    y = utc.year
    def last_sunday(m):
        d = datetime(y, m + 1, 1, tzinfo=timezone.utc) - timedelta(days=1) if m < 12 else datetime(y, 12, 31, tzinfo=timezone.utc)
        return (d - timedelta(days=(d.weekday() + 1) % 7)).replace(hour=1)
    return 2 if last_sunday(3) <= utc < last_sunday(10) else 1


def enedis(i, size, rnd):
    head = ('Identifiant PRM;Type de donnees;Date de debut;Date de fin;Grandeur physique;Grandeur metier;'
            'Etape metier;Unite;Pas en minutes\n'
            f'{10000000000000 + i};Courbe de charge;01/01/2024;31/12/2024;Energie active;Consommation;Comptage Brut;W;30\n'
            'Horodate;Valeur\n')
    out, n, s, length = [head], 0, 0, len(head)
    t = datetime(2024, 1, 1, tzinfo=timezone.utc) + timedelta(days=i % 300) - timedelta(hours=1)
    while length < size:
        t += timedelta(minutes=30)
        off = paris_offset(t)
        w = 300 + int(2500 * rnd.random() * rnd.random())
        line = f'{(t + timedelta(hours=off)).strftime("%Y-%m-%dT%H:%M:%S")}+0{off}:00;{w}\n'
        out.append(line); n += 1; s += w; length += len(line)
    return ''.join(out), n, s


def bank(i, size, rnd):
    head = f'Compte courant n° {12345 + i} 67890;;;\nPériode du 01/01/2024 au 31/12/2024;;;\nDate;Libellé;Débit euros;Crédit euros\n'
    out, n, s, length = [head], 0, 0, len(head.encode())
    d = datetime(2024, 1, 1)
    while length < size:
        if rnd.random() < 0.3:
            d += timedelta(days=1)
        if n % 40 == 0:
            line = f'{d:%d/%m/%Y};VIR SALAIRE {n};;2 150,00\n'
            s += 215000
        else:
            cents = 100 + int(rnd.random() * 150000)
            euros = f'{cents // 100:,}'.replace(',', ' ')
            line = f'{d:%d/%m/%Y};{LABELS[n % len(LABELS)]};-{euros},{cents % 100:02d};\n'
            s -= cents
        out.append(line); n += 1; length += len(line.encode())
    return ''.join(out), n, s / 100


def spotify(i, size, rnd):
    recs, n, s, length = [], 0, 0, 2
    t = datetime(2024, 1, 1) + timedelta(hours=i)
    while length < size:
        t += timedelta(minutes=3 + int(rnd.random() * 40))
        a, tr = ARTISTS[(i + n) % len(ARTISTS)]
        ms = 20000 + int(rnd.random() * 200000)
        r = json.dumps({'endTime': t.strftime('%Y-%m-%d %H:%M'), 'artistName': a, 'trackName': tr, 'msPlayed': ms},
                       ensure_ascii=False, indent=2)
        recs.append(r); n += 1; s += ms; length += len(r.encode()) + 3
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
