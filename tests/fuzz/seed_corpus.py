#!/usr/bin/env python3
"""Seeds the libFuzzer corpora from the test fixtures: build/fuzz/corpus/<target>/ gets every fixture of its
format (tests/data/<format>/, files with the format's extensions anywhere under tests/data and
tests/e2e/fixtures), small generated ZIPs, and the target's regression inputs (tests/data/fuzz_regressions/).
Each fixture is written with the input header of tests/fuzz/fuzz_input.h: one chunk, 1/7-byte chunks, 512-byte
chunks. Idempotent (files are named by content hash). Usage: seed_corpus.py CORPUS_DIR TARGET...
"""
import hashlib
import io
import os
import sys
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
MAX_LEN = 65536
# file-name hint index in fuzz_input.h's k_names, by extension
NAME_INDEX = {".csv": 1, ".tsv": 2, ".json": 3, ".ndjson": 4, ".geojson": 5, ".zip": 6, ".gpx": 7,
              ".kml": 8, ".txt": 9, ".xml": 10, ".bin": 12, ".jsonl": 14, ".kmz": 6}
EXTENSIONS = {"csv": {".csv", ".tsv", ".txt"}, "json": {".json"}, "ndjson": {".ndjson", ".jsonl"},
              "geojson": {".geojson"}, "zip": {".zip", ".kmz"}, "gpx": {".gpx"}, "kml": {".kml"},
              "enedis": {".csv"}, "bank": {".csv"}, "trains": {".csv"}, "receipts": {".csv"}, "xapi": {".json"},
              "netflix": {".csv"}, "facebook": {".json"}, "instagram": {".json"}, "spotify": {".json"},
              "my_activity": {".json"}}
# fixture folders shared by several formats: tests/data/google/ feeds every google_* target; the activity
# formats have their own folders (tests/data/{facebook,instagram,spotify,netflix,my_activity}/)
# input headers: control byte (chunk-size count in bits 0-2, name hint in bits 3-6) + chunk sizes
CHUNKINGS = [b"", bytes([1, 7]), bytes([128])]


def fixture_files():
    for base in ("tests/data", "tests/e2e/fixtures"):
        for dirpath, dirnames, files in os.walk(os.path.join(ROOT, base)):
            if "fuzz_regressions" in os.path.relpath(dirpath, ROOT):
                continue
            for f in sorted(files):
                yield os.path.join(dirpath, f)


def generated_zips():
    """A few small archives so the zip target starts from valid structure even without fixtures."""
    csv = b"Date;Montant\n01/02/2024;12,50\n02/02/2024;-3,20\n"
    gpx = (b'<?xml version="1.0"?><gpx version="1.1"><trk><trkseg><trkpt lat="48.85" lon="2.35">'
           b"<ele>35</ele><time>2023-03-26T01:30:00Z</time></trkpt></trkseg></trk></gpx>")
    json = b'{"locations":[{"latitudeE7":488500000,"longitudeE7":23500000,"timestamp":"2023-03-26T01:30:00Z"}]}'
    out = []
    for method in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        b = io.BytesIO()
        with zipfile.ZipFile(b, "w", method) as z:
            z.writestr("Takeout/Banque/relev\u00e9.csv", csv)
            z.writestr("Takeout/Fit/trace.gpx", gpx)
            z.writestr("Takeout/Location History/Records.json", json)
            z.writestr("__MACOSX/._x.csv", b"\x00\x05\x16\x07")
            z.writestr("Takeout/", b"")
        out.append(b.getvalue())
    inner = out[1]
    b = io.BytesIO()
    with zipfile.ZipFile(b, "w", zipfile.ZIP_STORED) as z:
        z.writestr("inner.zip", inner)
        z.writestr("a.csv", csv)
    out.append(b.getvalue())

    class Unseekable(io.RawIOBase):  # forces data descriptors (flag bit 3), as streaming zippers write
        def __init__(self):
            self.buf = bytearray()
        def writable(self):
            return True
        def write(self, d):
            self.buf += d
            return len(d)
    u = Unseekable()
    with zipfile.ZipFile(u, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("stream.csv", csv * 20)
    out.append(bytes(u.buf))
    return out


def columns_frames():
    """The page's binary answers to fetch_columns (wasm/app_columns.h), as web/duck.js writes them."""
    import json, struct
    def frame(header, body=b""):
        h = json.dumps(header, ensure_ascii=False).encode()
        b = b"SDWC" + struct.pack("<II", 1, len(h)) + h
        return b + b"\0" * (-len(b) % 8) + body
    def text(values):
        data = b"".join(v.encode() for v in values)
        offs, at = [0], 0
        for v in values:
            at += len(v.encode())
            offs.append(at)
        b = struct.pack(f"<{len(offs)}I", *offs) + data
        return b + b"\0" * (-len(b) % 8)
    num = struct.pack("<3d", 0.25, float("nan"), -1.5)
    yield frame({"ok": True, "rows": 3, "columns": [{"name": "kwh", "type": "Float64", "kind": "num"},
                                                     {"name": "label", "type": "Utf8", "kind": "text"}]},
                num + text(["Prélèvement EDF", "", "Café"]))
    yield frame({"ok": False, "error": "Binder Error: Referenced column \"m3\" not found"})
    yield frame({"ok": True, "rows": 0, "columns": [{"name": "t", "type": "Float64", "kind": "num"}]})


def write(dirpath, data):
    data = data[:MAX_LEN]
    name = hashlib.sha1(data).hexdigest()
    path = os.path.join(dirpath, name)
    if not os.path.exists(path):
        with open(path, "wb") as f:
            f.write(data)
        return 1
    return 0


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    corpus, targets = sys.argv[1], [t.removeprefix("fuzz_") for t in sys.argv[2:]]
    files = list(fixture_files())
    zips = generated_zips()
    for t in targets:
        d = os.path.join(corpus, t)
        os.makedirs(d, exist_ok=True)
        seeds = []  # (name index, bytes)
        for path in files:
            ext = os.path.splitext(path)[1].lower()
            folder = os.path.relpath(os.path.dirname(path), os.path.join(ROOT, "tests/data")).split(os.sep)[0]
            in_dir = folder == t or t.startswith(folder + "_")
            if t == "session" or in_dir or ext in EXTENSIONS.get(t, ()):
                with open(path, "rb") as f:
                    seeds.append((NAME_INDEX.get(ext, 0), f.read()))
        if t in ("zip", "session"):
            seeds += [(6, z) for z in zips]
        added = 0
        if t == "donation":   # raw bytes (no fuzz_input.h header): manifest, NUL, data file
            received = os.path.join(ROOT, "build", "donations-test", "received")   # made by tests/donations_test.sh
            if os.path.isdir(received):
                for m in sorted(f for f in os.listdir(received) if f.endswith(".manifest.json"))[:24]:
                    csv = os.path.join(received, m.replace(".manifest.json", ".csv"))
                    if os.path.exists(csv):
                        with open(os.path.join(received, m), "rb") as a, open(csv, "rb") as b:
                            added += write(d, a.read() + b"\0" + b.read())
            seeds = []
        if t == "columns_frame":   # not a file: valid frames to mutate
            seeds = []
            for f in columns_frames():
                added += write(d, f)
        if t in ("container", "solar"):
            seeds = []        # structure-aware: the fuzzer's bytes are not a file (regressions below still seed)
        for idx, data in seeds:
            for sizes in CHUNKINGS:
                added += write(d, bytes([(idx << 3) | len(sizes)]) + sizes + data)
        reg = os.path.join(ROOT, "tests/data/fuzz_regressions", t)
        if os.path.isdir(reg):
            for f in sorted(os.listdir(reg)):
                with open(os.path.join(reg, f), "rb") as fh:
                    added += write(d, fh.read())
        print(f"corpus {t}: {len(seeds)} fixtures, {added} new seed files, {len(os.listdir(d))} in {d}")


if __name__ == "__main__":
    main()
