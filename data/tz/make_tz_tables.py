#!/usr/bin/env python3
"""Builds data/tz/tz_tables.inc, the offline time-zone data of challenges/tz.cpp, from two public sources:

1. the zone of a position: the quadtree of npm @photostructure/tz-lookup (CC0; tz.js holds a 48x24 grid of
   7.5-degree cells, each split 2x2 again and again where it holds a border, built by its authors from
   timezone-boundary-builder). Its encoded string and zone list are copied as they are; challenges/tz.cpp
   walks them exactly as tz.js does (tests/local_time_test.cpp checks points against tz.js's answers).
2. the offset of a zone at an instant: Debian's tzdata (/usr/share/zoneinfo, TZif version 2+). For each zone
   the list names, the offsets from 2005 on (exports people bring are younger): the explicit transitions
   until the file's POSIX TZ footer rule describes every later one, then that rule (e.g.
   "EST5EDT,M3.2.0,M11.1.0"), which challenges/tz.cpp evaluates for any year. Zones with identical rules share one line.

The script checks its own output: every transition of every TZif file from 2005 to 2037 is recomputed
from the compact form (explicit list + footer rule) and must give the same offset on both sides.

Usage: python3 data/tz/make_tz_tables.py [path/to/tz.js] [zoneinfo dir]
   tz.js: `npm pack @photostructure/tz-lookup` then tar xzf, or node_modules/@photostructure/tz-lookup/tz.js
"""
import datetime
import json
import os
import re
import struct
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
FROM = int(datetime.datetime(2005, 1, 1, tzinfo=datetime.timezone.utc).timestamp())
CHECK_UNTIL = int(datetime.datetime(2038, 1, 1, tzinfo=datetime.timezone.utc).timestamp())


# ---- TZif (RFC 8536)

def read_tzif(path):
    data = open(path, 'rb').read()
    if data[:4] != b'TZif':
        raise ValueError(path + ': not TZif')
    version = data[4]

    def header(at):
        return struct.unpack('>6l', data[at + 20:at + 44])

    isut, isstd, leap, timecnt, typecnt, charcnt = header(0)
    at = 44 + timecnt * 5 + typecnt * 6 + charcnt + leap * 8 + isstd + isut
    if version < ord('2'):
        raise ValueError(path + ': TZif version 1 has no 64-bit data nor footer')
    isut, isstd, leap, timecnt, typecnt, charcnt = header(at)
    at += 44
    times = list(struct.unpack('>%dq' % timecnt, data[at:at + timecnt * 8]))
    at += timecnt * 8
    idx = list(data[at:at + timecnt])
    at += timecnt
    types = [struct.unpack('>lBB', data[at + 6 * i:at + 6 * i + 6]) for i in range(typecnt)]
    at += typecnt * 6 + charcnt + leap * 12 + isstd + isut
    footer = data[at:].strip(b'\n').decode('ascii')
    offsets = [t[0] for t in types]
    return [(times[i], offsets[idx[i]]) for i in range(timecnt)], offsets[0], footer


# ---- POSIX TZ strings (the footer), the same grammar as challenges/tz.cpp

def parse_posix(s):
    pos = 0

    def name():
        nonlocal pos
        if s[pos] == '<':
            end = s.index('>', pos)
            pos = end + 1
        else:
            while pos < len(s) and s[pos].isalpha():
                pos += 1

    def hms():   # [+-]hh[:mm[:ss]] -> seconds
        nonlocal pos
        sign = 1
        if s[pos] in '+-':
            sign = -1 if s[pos] == '-' else 1
            pos += 1
        parts = [0, 0, 0]
        for k in range(3):
            m = re.match(r'\d+', s[pos:])
            parts[k] = int(m.group(0))
            pos += len(m.group(0))
            if k < 2 and pos < len(s) and s[pos] == ':':
                pos += 1
            else:
                break
        return sign * (parts[0] * 3600 + parts[1] * 60 + parts[2])

    def rule():
        nonlocal pos
        if s[pos] == 'M':
            m = re.match(r'M(\d+)\.(\d+)\.(\d+)', s[pos:])
            pos += len(m.group(0))
            r = ('M', int(m.group(1)), int(m.group(2)), int(m.group(3)))
        elif s[pos] == 'J':
            m = re.match(r'J(\d+)', s[pos:])
            pos += len(m.group(0))
            r = ('J', int(m.group(1)))
        else:
            m = re.match(r'(\d+)', s[pos:])
            pos += len(m.group(0))
            r = ('D', int(m.group(1)))
        t = 7200
        if pos < len(s) and s[pos] == '/':
            pos += 1
            t = hms()
        return r, t

    name()
    std = -hms()
    if pos >= len(s):
        return {'std': std}
    name()
    dst = std + 3600
    if pos < len(s) and s[pos] != ',':
        dst = -hms()
    assert s[pos] == ',', s
    pos += 1
    start = rule()
    assert s[pos] == ',', s
    pos += 1
    end = rule()
    assert pos == len(s), s
    return {'std': std, 'dst': dst, 'start': start, 'end': end}


def days_from_civil(y, m, d):
    return (datetime.date(y, m, d) - datetime.date(1970, 1, 1)).days


def rule_day(r, year):
    if r[0] == 'M':
        _, mon, week, wday = r
        first = days_from_civil(year, mon, 1)
        wd_first = (first + 4) % 7   # 1970-01-01 was a Thursday (4); 0 = Sunday
        d = first + (wday - wd_first) % 7 + (week - 1) * 7
        nxt = days_from_civil(year + (mon == 12), mon % 12 + 1, 1)
        while d >= nxt:
            d -= 7
        return d
    if r[0] == 'J':   # 1..365, February 29 never counted
        n = r[1]
        d = days_from_civil(year, 1, 1) + n - 1
        leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
        return d + (1 if leap and n >= 60 else 0)
    return days_from_civil(year, 1, 1) + r[1]   # 0..365


def posix_transitions(p, year):
    """The rule's two transitions of `year` as (utc_seconds, new offset), in time order."""
    if 'dst' not in p:
        return []
    (sr, st), (er, et) = p['start'], p['end']
    a = rule_day(sr, year) * 86400 + st - p['std']   # local standard time -> UTC
    b = rule_day(er, year) * 86400 + et - p['dst']   # local daylight time -> UTC
    return sorted([(a, p['dst']), (b, p['std'])])


def posix_offset(p, t):
    if 'dst' not in p:
        return p['std']
    y = datetime.datetime.fromtimestamp(t, datetime.timezone.utc).year
    off = None
    for yy in (y - 1, y):
        for when, o in posix_transitions(p, yy):
            if when <= t:
                off = o
    if off is None:
        off = p['std']
    return off


# ---- compacting one zone

def rule_between(p, a, b):
    """The rule's transitions in (a, b)."""
    ya = datetime.datetime.fromtimestamp(max(a, 0), datetime.timezone.utc).year - 1
    yb = datetime.datetime.fromtimestamp(b, datetime.timezone.utc).year + 1
    return [(t, o) for y in range(ya, yb + 1) for t, o in posix_transitions(p, y) if a < t < b]


def compact(trans, first_off, footer):
    """(offset at FROM, explicit transitions after FROM, footer rule or ''): the explicit list, then past its
    last transition the footer rule, give exactly the file's transitions from FROM to 2037."""
    p = parse_posix(footer) if footer else None
    off0 = first_off
    for t, o in trans:
        if t <= FROM:
            off0 = o
    later = [(t, o) for t, o in trans if t > FROM]
    if p is None:
        return off0, later, ''
    for k in range(len(later) + 1):   # the shortest explicit prefix after which the rule says the rest
        since, off = (later[k - 1][0], later[k - 1][1]) if k else (FROM, off0)
        if posix_offset(p, since) == off and rule_between(p, since, CHECK_UNTIL) == [x for x in later[k:] if x[0] < CHECK_UNTIL]:
            return off0, later[:k], footer
    return off0, later, ''   # the rule never takes over: explicit only (constant after the last one)


def offset_from_compact(off0, explicit, footer, t):
    """The offset challenges/tz.cpp computes: before the last explicit transition, the list; after, the rule."""
    since = explicit[-1][0] if explicit else FROM
    if footer and t > since:
        return posix_offset(parse_posix(footer), t)
    off = off0
    for when, o in explicit:
        if when <= t:
            off = o
    return off


def main():
    tzjs = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, '..', '..', 'node_modules', '@photostructure', 'tz-lookup', 'tz.js')
    zoneinfo = sys.argv[2] if len(sys.argv) > 2 else '/usr/share/zoneinfo'
    src = open(tzjs, encoding='utf-8').read()
    grid = re.search(r'var X="([^"]*)"', src).group(1)
    zones = json.loads('[' + re.search(r'T=\[([^\]]*)\]', src).group(1) + ']')
    for const in ('3136', '2304', '1995', '48*(180+W)/360.00000000000006', '24*(90-Y)/180.00000000000003'):
        if const not in src:
            sys.exit('tz.js changed shape (%s missing): check challenges/tz.cpp against it' % const)
    if 3136 - len(zones) < 0 or not re.fullmatch(r'[#-Z]*', grid):
        sys.exit('unexpected grid alphabet or zone count')
    version = json.load(open(os.path.join(os.path.dirname(tzjs), 'package.json')))['version']
    tzdata = 'unknown'
    try:
        tzdata = open(os.path.join(zoneinfo, 'tzdata.zi')).readline().split()[-1]
    except OSError:
        pass

    rules, rule_ids, zone_rule = [], {}, []
    checked = 0
    for z in zones:
        trans, first_off, footer = read_tzif(os.path.join(zoneinfo, z))
        off0, explicit, foot = compact(trans, first_off, footer)
        # self-check: every transition from 2005 to 2037, and the instant before it
        for t, o in trans:
            if FROM < t < CHECK_UNTIL:
                got, before = offset_from_compact(off0, explicit, foot, t), offset_from_compact(off0, explicit, foot, t - 1)
                exp_before = first_off
                for tt, oo in trans:
                    if tt <= t - 1:
                        exp_before = oo
                if got != o or before != exp_before:
                    sys.exit('%s: compact form gives %s/%s at %d, TZif says %s/%s' % (z, got, before, t, o, exp_before))
                checked += 1
        for o in [off0] + [o for _, o in explicit]:
            if o % 60:
                sys.exit('%s: offset %d s is not whole minutes' % (z, o))
        line = '%d|%s|%s' % (off0 // 60, ' '.join('%d:%d' % (t // 60, o // 60) for t, o in explicit), foot)
        if line not in rule_ids:
            rule_ids[line] = len(rules)
            rules.append(line)
        zone_rule.append(rule_ids[line])

    out = os.path.join(HERE, 'tz_tables.inc')
    with open(out, 'w', encoding='ascii', newline='\n') as f:
        f.write('// Generated by data/tz/make_tz_tables.py: do not edit. Included by challenges/tz.cpp.\n')
        f.write('// Zone of a position: @photostructure/tz-lookup %s (CC0, timezone-boundary-builder shapes).\n' % version)
        f.write('// Offsets: Debian tzdata %s (public domain), from 2005: offset at 2005-01-01 | explicit transitions\n' % tzdata)
        f.write('// (UTC minutes since 1970:offset minutes) | POSIX TZ rule for everything after them.\n')
        f.write('// %d zones, %d distinct rules; %d transitions 2005-2037 checked against the TZif files.\n' % (len(zones), len(rules), checked))
        f.write('static const char* const k_tz_version = "tz-lookup %s, tzdata %s";\n' % (version, tzdata))
        f.write('static const char* const k_tz_grid =\n')
        for i in range(0, len(grid), 100):
            f.write('    "%s"\n' % grid[i:i + 100])
        f.write(';\n')
        f.write('static const char* const k_tz_zones[] = {\n')
        for z, r in zip(zones, zone_rule):
            f.write('    "%s",\n' % z)
        f.write('};\n')
        f.write('static const unsigned short k_tz_zone_rule[] = {\n')
        for i in range(0, len(zone_rule), 20):
            f.write('    ' + ', '.join(str(r) for r in zone_rule[i:i + 20]) + ',\n')
        f.write('};\n')
        f.write('static const char* const k_tz_rules[] = {\n')
        for r in rules:
            f.write('    "%s",\n' % r)
        f.write('};\n')
    print('%s: %d zones, %d rules, %d transitions checked, %d bytes' % (out, len(zones), len(rules), checked, os.path.getsize(out)))


if __name__ == '__main__':
    main()
