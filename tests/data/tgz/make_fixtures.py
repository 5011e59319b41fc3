#!/usr/bin/env python3
"""Deterministic .tgz / .tar / .gz fixtures for tests/tar_test.cpp (run: python3 make_fixtures.py).

Google Takeout offers "Type de fichier : .zip ou .tgz"; a .tgz Takeout is a gzip'd tar with the same
"Takeout/<product>/<file>" paths as the ZIP. Names longer than 100 bytes need the GNU ././@LongLink header
(tarfile.GNU_FORMAT) or a pax "path=" record (tarfile.PAX_FORMAT): both are written here. Entry contents are
small real-shaped files (a Semantic-style on-device Chronologie.json, a CSV).
"""
import gzip
import io
import os
import tarfile

HERE = os.path.dirname(os.path.abspath(__file__))
MTIME = 1735689600  # fixed: 2025-01-01

CHRONO = open(os.path.join(HERE, '..', 'google', 'device_2026', 'Chronologie.json'), 'rb').read()
CSV = 'date;libellé;montant\n01/02/2025;Boulangerie;-3,50\n02/02/2025;Loyer;-650,25\n'.encode('utf-8')
LONG = 'Takeout/Historique des positions (Chronologie)/' + 'dossier-au-nom-tres-long-' * 3 + '/Chronologie.json'


def tar_bytes(fmt, files):
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode='w', format=fmt) as t:
        for name, data in files:
            ti = tarfile.TarInfo(name)
            ti.size = len(data)
            ti.mtime = MTIME
            ti.uname = ti.gname = 'takeout'
            t.addfile(ti, io.BytesIO(data))
    return buf.getvalue()


def gz(data, members=1):
    out = b''
    step = (len(data) + members - 1) // members
    for i in range(members):
        out += gzip.compress(data[i * step:(i + 1) * step], mtime=0)
    return out


files = [('Takeout/archive_browser.html', b'<html><body>Takeout</body></html>'),
         (LONG, CHRONO),
         ('Takeout/Drive/depenses.csv', CSV)]
gnu = tar_bytes(tarfile.GNU_FORMAT, files)
pax = tar_bytes(tarfile.PAX_FORMAT, files)
open(os.path.join(HERE, 'takeout-gnu.tgz'), 'wb').write(gz(gnu))
open(os.path.join(HERE, 'takeout-pax.tar.gz'), 'wb').write(gz(pax, members=3))  # multi-member gzip
open(os.path.join(HERE, 'takeout.tar'), 'wb').write(pax)
# cut in the middle of the last entry's data (inflated offset of depenses.csv's data + 10)
full = gz(gnu)
open(os.path.join(HERE, 'truncated.tgz'), 'wb').write(full[: len(full) - 400])
open(os.path.join(HERE, 'depenses.csv.gz'), 'wb').write(gz(CSV))
