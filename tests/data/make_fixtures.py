#!/usr/bin/env python3
"""Writes the GPX, KML and ZIP fixtures of tests/gpx_test.cpp, tests/kml_test.cpp and tests/zip_test.cpp.

Run from anywhere: python3 tests/data/make_fixtures.py. Outputs are committed; this script documents how
each was made (which quirk it carries) and regenerates them (deflate output depends on the zlib version,
so a regenerated ZIP may differ in bytes but not in content). The CSV fixtures have their own script in
tests/data/csv/.
"""
import datetime as dt
import io
import math
import os
import random
import struct
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
R = 6371008.8  # same sphere as parsers/formats/gpx.cpp haversine_m
DATE = (2023, 10, 29, 12, 0, 0)


def write(rel, data: bytes):
    path = os.path.join(HERE, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)


def destination(lat, lon, bearing_deg, dist_m):
    """Point at dist_m along a great circle of the sphere R."""
    p1, l1, th, d = math.radians(lat), math.radians(lon), math.radians(bearing_deg), dist_m / R
    p2 = math.asin(math.sin(p1) * math.cos(d) + math.cos(p1) * math.sin(d) * math.cos(th))
    l2 = l1 + math.atan2(math.sin(th) * math.sin(d) * math.cos(p1), math.cos(d) - math.sin(p1) * math.sin(p2))
    return math.degrees(p2), math.degrees(l2)


def haversine(a, b):
    p1, p2 = math.radians(a[0]), math.radians(b[0])
    dp, dl = p2 - p1, math.radians(b[1] - a[1])
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * R * math.asin(min(1.0, math.sqrt(h)))


# 1. Strava-like run, GPX 1.1, gpxtpx extensions (hr, cad), a pause (two segments), times written with
#    local offsets across the 2023-10-29 fall-back (+02:00 then +01:00: same wall clock twice), one
#    fractional second, a few points without <ele>, lon before lat on some points, garbage after </gpx>.
def strava_run():
    rnd = random.Random(42)
    start = dt.datetime(2023, 10, 29, 0, 50, 0, tzinfo=dt.timezone.utc)
    lat, lon, bearing = 48.8566, 2.3522, 30.0
    segs, steps_total = [], 0.0
    t = start
    for seg in range(2):
        pts = []
        for i in range(60):
            if i > 0:
                step = rnd.uniform(8, 14)
                bearing += rnd.uniform(-10, 10)
                lat, lon = destination(lat, lon, bearing, step)
                steps_total += step
                t += dt.timedelta(seconds=5)
            pts.append((round(lat, 7), round(lon, 7), t, i))
        segs.append(pts)
        t += dt.timedelta(minutes=3)  # pause: no distance across segments
        lat, lon = destination(lat, lon, 90, 200)
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<gpx creator="StravaGPX" version="1.1" xmlns="http://www.topografix.com/GPX/1/1" '
           'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
           'xmlns:gpxtpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v1" '
           'xmlns:gpxx="http://www.garmin.com/xmlschemas/GpxExtensions/v3">',
           ' <metadata>', '  <time>2023-10-29T00:50:00Z</time>', ' </metadata>',
           ' <trk>', '  <name>Course de nuit – changement d’heure</name>', '  <type>running</type>']
    hav = 0.0
    n = 0
    for s, pts in enumerate(segs):
        out.append('  <trkseg>')
        for k, (la, lo, tt, i) in enumerate(pts):
            if k:
                hav += haversine(pts[k - 1][:2], (la, lo))
            off = 2 if tt < dt.datetime(2023, 10, 29, 1, 0, tzinfo=dt.timezone.utc) else 1
            local = tt + dt.timedelta(hours=off)
            ts = local.strftime("%Y-%m-%dT%H:%M:%S") + ("+%02d:00" % off)
            if n == 7:
                ts = local.strftime("%Y-%m-%dT%H:%M:%S") + ".250" + ("+%02d:00" % off)
            attrs = f'lon="{lo}" lat="{la}"' if n % 3 == 0 else f'lat="{la}" lon="{lo}"'
            out.append(f'   <trkpt {attrs}>')
            if n % 10 != 4:
                out.append(f'    <ele>{35 + (n % 17) * 0.4:.1f}</ele>')
            out.append(f'    <time>{ts}</time>')
            out.append('    <extensions>')
            out.append('     <gpxtpx:TrackPointExtension>')
            out.append(f'      <gpxtpx:hr>{120 + n % 40}</gpxtpx:hr>')
            out.append(f'      <gpxtpx:cad>{80 + n % 6}</gpxtpx:cad>')
            out.append('     </gpxtpx:TrackPointExtension>')
            out.append('    </extensions>')
            out.append('   </trkpt>')
            n += 1
        out.append('  </trkseg>')
    out += [' </trk>', '</gpx>', '']
    text = "\n".join(out) + "\x00\x00garbage appended by a sync tool\n"
    write("gpx/strava_run.gpx", text.encode("utf-8"))
    first, last = segs[0][0], segs[-1][-1]
    print("strava_run.gpx: points", n, "steps", round(steps_total, 3), "haversine", round(hav, 3),
          "first", first[:2], "last", last[:2])


# 2. Garmin eTrex-like GPX 1.0, ISO-8859-1, <time> under the root, waypoints with names, a route, a track
#    with <speed> (GPX 1.0 element), a point without time, a time without zone (UTC by the schema), a
#    point with an unreadable lat that must be skipped with a warning.
def garmin_10():
    out = ['<?xml version="1.0" encoding="ISO-8859-1" standalone="yes"?>',
           '<gpx version="1.0" creator="GPSBabel - http://www.gpsbabel.org" '
           'xmlns="http://www.topografix.com/GPX/1/0">',
           '<time>2008-06-01T18:00:00Z</time>',
           '<bounds minlat="45.0" minlon="5.0" maxlat="45.1" maxlon="5.1"/>',
           '<wpt lat="45.0500000" lon="5.0500000"><ele>1203.5</ele><name>Refuge de la Pra</name>'
           '<sym>Lodge</sym></wpt>',
           '<wpt lat="45.0600000" lon="5.0700000"><name>Lac Achard é</name></wpt>',
           '<rte><name>Itinéraire</name>',
           '<rtept lat="45.0100000" lon="5.0100000"><name>Départ</name></rtept>',
           '<rtept lat="45.0200000" lon="5.0300000"><name>Col</name></rtept>',
           '<rtept lat="45.0300000" lon="5.0500000"><name>Arrivée</name></rtept>',
           '</rte>',
           '<trk><name>ACTIVE LOG</name><trkseg>']
    pts = [(45.01, 5.01, "2008-06-01T08:00:00Z", 1.5), (45.0105, 5.0112, "2008-06-01T08:00:10Z", 1.4),
           (45.0111, 5.0124, None, None), (45.0118, 5.0135, "2008-06-01T08:00:30", 1.6),
           ("abc", 5.0147, "2008-06-01T08:00:40Z", 1.2), (45.0131, 5.0158, "2008-06-01T08:00:50.5Z", 1.1)]
    for la, lo, t, sp in pts:
        out.append(f'<trkpt lat="{la}" lon="{lo}"><ele>{1000 + len(out)}</ele>' +
                   (f'<time>{t}</time>' if t else '') + (f'<course>45</course><speed>{sp}</speed>' if sp else '') +
                   '</trkpt>')
    out += ['</trkseg></trk>', '</gpx>', '']
    write("gpx/garmin_etrex_1_0.gpx", "\r\n".join(out).encode("latin-1"))


# 3. Google My Maps export: Document > Folder (layer) > Placemark with Point (CDATA HTML description),
#    LineString (multi-line coordinates, tessellate), Polygon (outer ring), ExtendedData, styles.
def my_maps():
    kml = '''<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2">
  <Document>
    <name>Vacances Bretagne 2023</name>
    <description/>
    <Style id="icon-1899-0288D1-normal"><IconStyle><color>ffd18802</color><scale>1</scale></IconStyle></Style>
    <Folder>
      <name>Lieux</name>
      <Placemark>
        <name>Crêperie « Chez Anne »</name>
        <description><![CDATA[Très bonne galette <b>complète</b><br>Réserver le soir]]></description>
        <styleUrl>#icon-1899-0288D1</styleUrl>
        <ExtendedData><Data name="note"><value>4/5</value></Data></ExtendedData>
        <Point>
          <coordinates>
            -3.9826,48.7262,0
          </coordinates>
        </Point>
      </Placemark>
      <Placemark>
        <name>Phare</name>
        <Point><coordinates>-4.0125,48.7300</coordinates></Point>
      </Placemark>
    </Folder>
    <Folder>
      <name>Balades</name>
      <Placemark>
        <name>Sentier des douaniers</name>
        <description>GR34 &amp; retour</description>
        <LineString>
          <tessellate>1</tessellate>
          <coordinates>
            -3.9826,48.7262,0
            -3.9850,48.7281,0
            -3.9901,48.7299,0
            -3.9950,48.7310,0 -4.0001,48.7322,0
          </coordinates>
        </LineString>
      </Placemark>
      <Placemark>
        <name>Plage</name>
        <Polygon><outerBoundaryIs><LinearRing><tessellate>1</tessellate><coordinates>
            -3.97,48.72,0 -3.96,48.72,0 -3.96,48.73,0 -3.97,48.72,0
        </coordinates></LinearRing></outerBoundaryIs></Polygon>
      </Placemark>
    </Folder>
  </Document>
</kml>
'''
    write("kml/my_maps.kml", kml.encode("utf-8"))


# 4. Google Location History KML: a gx:Track whose <when>/<gx:coord> alternate (the Takeout shape), a
#    second whose whens all come first (the KML reference shape), offsets in the times, and Timeline-style
#    placemarks with TimeSpan (a visit as a Point, a move as a LineString).
def location_history():
    head = '''<?xml version='1.0' encoding='UTF-8'?>
<kml xmlns='http://www.opengis.net/kml/2.2' xmlns:gx='http://www.google.com/kml/ext/2.2'>
<Document>
<name>Location history from 2013-05-01 to 2013-05-02 </name>
<open>1</open>
<description/>
<StyleMap id='multiTrack'><Pair><key>normal</key><styleUrl>#multiTrack_n</styleUrl></Pair></StyleMap>
<Placemark>
<name>Location history from 2013-05-01 to 2013-05-02 </name>
<description/>
<styleUrl>#multiTrack</styleUrl>
<gx:Track>
<altitudeMode>clampToGround</altitudeMode>
'''
    body = []
    t0 = dt.datetime(2013, 5, 1, 7, 0, 0, tzinfo=dt.timezone.utc)
    for i in range(50):
        t = t0 + dt.timedelta(seconds=60 * i)
        local = t - dt.timedelta(hours=7)
        body.append("<when>%s.%03d-07:00</when>" % (local.strftime("%Y-%m-%dT%H:%M:%S"), (i * 37) % 1000))
        body.append("<gx:coord>%.7f %.7f 0</gx:coord>" % (-122.08 + i * 0.0001, 37.42 + i * 0.00005))
    second = ["</gx:Track>", "</Placemark>", "<Placemark>", "<name>Second day</name>", "<gx:Track>"]
    for i in range(5):
        second.append("<when>2013-05-02T10:%02d:00Z</when>" % i)
    for i in range(5):
        second.append("<gx:coord>%.4f %.4f %d</gx:coord>" % (2.35 + i * 0.001, 48.85, 30 + i))
    second += ["</gx:Track>", "</Placemark>",
               "<Placemark><name>Maison</name><address>Paris</address>"
               "<TimeSpan><begin>2013-05-02T12:00:00.000Z</begin><end>2013-05-02T18:30:00.000Z</end></TimeSpan>"
               "<Point><coordinates>2.3522,48.8566,0</coordinates></Point></Placemark>",
               "<Placemark><name>En voiture</name><TimeSpan><begin>2013-05-02T18:30:00Z</begin>"
               "<end>2013-05-02T19:00:00Z</end></TimeSpan>"
               "<LineString><coordinates>2.3522,48.8566,0 2.36,48.86,0 2.40,48.87,0</coordinates></LineString>"
               "</Placemark>",
               "</Document>", "</kml>", ""]
    write("kml/location_history.kml", (head + "\n".join(body) + "\n" + "\n".join(second)).encode("utf-8"))


# [SECTION] ZIP archives

class NonSeekable(io.RawIOBase):
    """What a pipe looks like to zipfile: every entry then gets a data descriptor (bit 3)."""
    def __init__(self):
        self.buf = bytearray()

    def writable(self):
        return True

    def write(self, b):
        self.buf += b
        return len(b)

    def seekable(self):
        return False

    def tell(self):
        raise OSError("not seekable")


def info(name, method=zipfile.ZIP_DEFLATED):
    zi = zipfile.ZipInfo(name, DATE)
    zi.compress_type = method
    zi.external_attr = 0o644 << 16
    return zi


FIT_CSV = ("Date,Nombre de minutes actives,Calories (kcal),Distance (m),Nombre de pas\n" +
           "".join("2023-10-%02d,%d,%s,%s,%d\n" % (d, 20 + d, 1800 + d * 3.5, 2500.25 + d * 100, 4000 + d * 250)
                   for d in range(1, 31)))
BANK_CSV = ("Date;Libellé;Montant\n01/10/2023;CB Boulangerie;-4,50\n02/10/2023;VIR Salaire;2 345,67\n"
            "03/10/2023;PRLV EDF;-87,23\n").encode("utf-8")
PNG = bytes.fromhex("89504E470D0A1A0A0000000D4948445200000001000000010806000000") + bytes(40)


def takeout():
    with open(os.path.join(HERE, "gpx/strava_run.gpx"), "rb") as f:
        gpx = f.read()
    deeper = io.BytesIO()
    with zipfile.ZipFile(deeper, "w") as z:
        z.writestr(info("tres_profond.csv"), "a,b\n1,2\n3,4\n")
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as z:
        z.writestr(info("relevé_octobre.csv"), BANK_CSV)
        z.writestr(info("encore.zip", zipfile.ZIP_STORED), deeper.getvalue())
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr(info("Takeout/"), b"")
        z.writestr(info("Takeout/archive_browser.html"), "<!DOCTYPE html><html><body>Archive</body></html>\n")
        z.writestr(info("Takeout/Fit/Métriques d'activité quotidiennes/Métriques d'activité quotidiennes.csv"), FIT_CSV)
        z.writestr(info("Takeout/.DS_Store"), bytes(64))
        z.writestr(info("__MACOSX/Takeout/._Métriques.csv"), b"\x00\x05\x16\x07" + bytes(60))
        z.writestr(info("Takeout/Fit/Activités/2023-10-29_course.gpx"), gpx)
        z.writestr(info("Takeout/Google Photos/photo.png", zipfile.ZIP_STORED), PNG)
        z.writestr(info("Takeout/Banque/releves.zip", zipfile.ZIP_STORED), inner.getvalue())
        z.writestr(info("Takeout/Fit/Activités/daily.csv"), "jour,pas\n2023-10-01,4321\n2023-10-02,5678\n")
    write("zip/takeout.zip", buf.getvalue())
    return buf.getvalue()


def descriptors():
    ns = NonSeekable()
    with zipfile.ZipFile(ns, "w") as z:
        z.writestr(info("activities.csv"), FIT_CSV)
        z.writestr(info("stored.csv", zipfile.ZIP_STORED), "x;y\n1;2\n3;4\n")
        with z.open(info("empty_dir/"), "w"):
            pass
        with z.open(info("big.csv"), "w") as f:  # streamed: sizes only in the descriptor
            for i in range(3000):
                f.write(b"%d,%d.5,ligne %d\n" % (i, i, i))
    write("zip/descriptors.zip", bytes(ns.buf))


def zip64():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        with z.open(info("fit.csv"), "w", force_zip64=True) as f:
            f.write(FIT_CSV.encode())
        with z.open(info("stored.csv", zipfile.ZIP_STORED), "w", force_zip64=True) as f:
            f.write(b"x;y\n1;2\n3;4\n")
    write("zip/zip64.zip", buf.getvalue())
    ns = NonSeekable()  # ZIP64 and data descriptors: the descriptor has 64-bit sizes
    with zipfile.ZipFile(ns, "w") as z:
        with z.open(info("fit.csv"), "w", force_zip64=True) as f:
            f.write(FIT_CSV.encode())
        with z.open(info("stored.csv", zipfile.ZIP_STORED), "w", force_zip64=True) as f:
            f.write(b"x;y\n1;2\n3;4\n")
    write("zip/zip64_stream.zip", bytes(ns.buf))


def stored_and_corruptions(takeout_bytes):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr(info("a.csv", zipfile.ZIP_STORED), "x,y\n1,2\n3,4\n5,6\n")
        z.writestr(info("b.csv", zipfile.ZIP_STORED), "p;q\n7;8\n")
    data = buf.getvalue()
    write("zip/stored.zip", data)
    # CRC: one data byte of a.csv changed ('3' -> '9'): the entry must be dropped with its name
    i = data.index(b"3,4")
    bad = bytearray(data)
    bad[i] = ord("9")
    write("zip/bad_crc.zip", bytes(bad))
    # encrypted: bit 0 set on b.csv (local and central headers)
    enc = bytearray(data)
    for sig, off in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        pos = 0
        while True:
            pos = enc.find(sig, pos)
            if pos < 0:
                break
            name_at = pos + (30 if sig == b"PK\x03\x04" else 46)
            if enc[name_at:name_at + 5] == b"b.csv":
                enc[pos + off] |= 1
            pos += 4
    write("zip/encrypted.zip", bytes(enc))
    # CP437 name without the UTF-8 flag: "résumé.csv" (é = 0x82 in CP437)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr(info("rXsumX.csv", zipfile.ZIP_STORED), "k,v\n1,2\n")
    cp = buf.getvalue().replace(b"rXsumX.csv", b"r\x82sum\x82.csv")
    write("zip/cp437.zip", cp)
    # truncated: the Takeout cut in the middle of the GPX entry's data
    gpx_at = takeout_bytes.index(b"2023-10-29_course.gpx")
    write("zip/truncated.zip", takeout_bytes[:gpx_at + 2000])


def bombs():
    zeros = bytes(50 * 1024 * 1024)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr(info("zeros.csv"), zeros)
        z.writestr(info("after.csv"), "a,b\n1,2\n")
    write("zip/bomb.zip", buf.getvalue())
    ns = NonSeekable()
    with zipfile.ZipFile(ns, "w") as z:
        with z.open(info("zeros.csv"), "w") as f:
            for _ in range(50):
                f.write(bytes(1024 * 1024))
        z.writestr(info("after.csv"), "a,b\n1,2\n")
    write("zip/bomb_stream.zip", bytes(ns.buf))
    # a liar: local header declares 1000 bytes for an entry that inflates to 1 MiB
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr(info("liar.csv"), b"a,b\n" + b"1,2\n" * (256 * 1024))
    d = bytearray(buf.getvalue())
    struct.pack_into("<I", d, 22, 1000)
    write("zip/liar.zip", bytes(d))


if __name__ == "__main__":
    strava_run()
    garmin_10()
    my_maps()
    location_history()
    t = takeout()
    descriptors()
    zip64()
    stored_and_corruptions(t)
    bombs()
