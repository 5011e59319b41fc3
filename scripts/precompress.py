#!/usr/bin/env python3
"""Writes .br (Debian `brotli`, when installed) and .gz siblings of the compressible files of a static site,
so scripts/serve.py (or any static host configured for it) sends them with Content-Encoding instead of the
raw bytes: a workshop's shared Wi-Fi then carries ~1/4 of the cold-visit bytes. Siblings are rewritten only
when older than their file. Files under 1 KiB and already-compressed formats are left alone.
usage: precompress.py DIST"""
import gzip, os, shutil, subprocess, sys

EXTS = ('.js', '.mjs', '.wasm', '.data', '.json', '.css', '.html', '.bin', '.svg', '.txt', '.csv', '.xml')

def stale(src, dst):
    return not os.path.exists(dst) or os.path.getmtime(dst) < os.path.getmtime(src)

def main(root):
    brotli = shutil.which('brotli')
    if not brotli:
        print('precompress: `brotli` not installed (Debian package brotli): gzip only', file=sys.stderr)
    for d, _, files in os.walk(root):
        for f in files:
            p = os.path.join(d, f)
            if not f.endswith(EXTS) or os.path.getsize(p) < 1024:
                continue
            if stale(p, p + '.gz'):
                with open(p, 'rb') as src, open(p + '.gz.tmp', 'wb') as raw:
                    with gzip.GzipFile(filename='', mode='wb', compresslevel=9, fileobj=raw, mtime=0) as z:
                        shutil.copyfileobj(src, z)
                os.replace(p + '.gz.tmp', p + '.gz')
            if brotli and stale(p, p + '.br'):
                # quality 11 is minutes on DuckDB's 34 MB wasm on 2 cores; 9 keeps most of the gain
                q = '11' if os.path.getsize(p) < (4 << 20) else '9'
                subprocess.run([brotli, '-f', '-q', q, '-o', p + '.br.tmp', p], check=True)
                os.replace(p + '.br.tmp', p + '.br')

if __name__ == '__main__':
    main(sys.argv[1] if len(sys.argv) > 1 else 'dist')
