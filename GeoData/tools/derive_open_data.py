#!/usr/bin/env python3
"""Derives the shipped open-data layers from the official German open data.

    python3 GeoData/tools/derive_open_data.py /path/to/open-data [--root GeoData]

The folder must hold (as described in its README.md):
  bnetza-ladesaeulenregister-2019-07.csv      Bundesnetzagentur, Ladesaeulenregister, 19.07.2019
  bkg-vg5000-2021-01-01/VG5000_{GEM,KRS}.shp   BKG VG5000, 01.01.2021, EPSG:31467
  destatis-gemeindeverzeichnis-auszug.csv     Destatis, Gemeindeverzeichnis extract

Tools: Python 3 standard library, `ogr2ogr` (gdal-bin; reads the shapefiles
without reprojecting), `projinfo` and `cct` (proj-bin) for DHDN -> ETRS89
through the BETA2007 grid of Debian's proj-data, and `cs2cs` to cross-check it.

Everything it does is printed (counts, dropped rows with reasons, join
mismatches); the same text is written to GeoData/reference/open_data_report.txt.
Deterministic: the same inputs give byte-identical files.
"""

import argparse
import csv
import json
import math
import os
import re
import shutil
import subprocess
import tempfile

REGISTER = "bnetza-ladesaeulenregister-2019-07.csv"
VG5000 = "bkg-vg5000-2021-01-01"
DIRECTORY = "destatis-gemeindeverzeichnis-auszug.csv"

ATTR_BKG = "© GeoBasis-DE / BKG 2021 (Daten verändert)"
ATTR_BNETZA = "Quelle: Bundesnetzagentur, Ladesäulenregister (Stand 19.07.2019), CC BY 4.0"
ATTR_DESTATIS = "© Statistisches Bundesamt (Destatis), Gemeindeverzeichnis"

# DHDN / 3-degree Gauss-Krueger zone 3 (EPSG:31467) -> ETRS89 lon/lat through the BETA2007 grid:
# the operation PROJ itself ranks first ("DHDN to ETRS89 (8)"), written out so that a missing grid is
# an error instead of a silent fallback to a 7-parameter Helmert (about 1 m worse).
BETA2007_PIPELINE = ("+proj=pipeline +step +inv +proj=tmerc +lat_0=0 +lon_0=9 +k=1 +x_0=3500000 +y_0=0 "
                     "+ellps=bessel +step +proj=hgridshift +grids=BETA2007.gsb "
                     "+step +proj=unitconvert +xy_in=rad +xy_out=deg")
# The same without the grid: EPSG:1777 "DHDN to WGS 84 (2)", only to show what the grid changes.
HELMERT_PIPELINE = ("+proj=pipeline +step +inv +proj=tmerc +lat_0=0 +lon_0=9 +k=1 +x_0=3500000 +y_0=0 "
                    "+ellps=bessel +step +proj=push +v_3 +step +proj=cart +ellps=bessel "
                    "+step +proj=helmert +x=598.1 +y=73.7 +z=418.2 +rx=0.202 +ry=0.045 +rz=-2.455 +s=6.7 "
                    "+convention=position_vector +step +inv +proj=cart +ellps=WGS84 +step +proj=pop +v_3 "
                    "+step +proj=unitconvert +xy_in=rad +xy_out=deg")

CHARGER_CHANGES = ("register of 19.07.2019; devices more than 2 km outside Germany's VG5000 outline dropped; "
                   "columns renamed and typed (decimal comma, ISO dates); municipality (ags) by point-in-polygon "
                   "in VG5000_GEM; positions unchanged")

WOLFSBURG = "03103000"
# Mitteldeutsches Revier as defined by the Investitionsgesetz Kohleregionen (InvKG) § 2 Nr. 3:
# Sachsen-Anhalt: Anhalt-Bitterfeld, Burgenlandkreis, Saalekreis, Mansfeld-Suedharz, Halle (Saale);
# Sachsen: Leipzig (city), Landkreis Leipzig, Nordsachsen.
STRUCTURAL_CHANGE_DISTRICTS = ["15002", "15082", "15084", "15087", "15088", "14713", "14729", "14730"]
# Margin (degrees) around the region's lon/lat box for the population and charger layers of the
# Mitteldeutschland scenario: 0.6 deg lon (41 km at 51.5 N) and 0.4 deg lat (44 km), more than the 30 km
# radius of its workforce criterion around any candidate (check_geodata.py verifies this).
MD_MARGIN_LON, MD_MARGIN_LAT = 0.6, 0.4

report_lines = []


def say(text=""):
    print(text)
    report_lines.append(text)


def run(args, stdin=None):
    p = subprocess.run(args, input=stdin, capture_output=True, text=True)
    if p.returncode != 0:
        raise SystemExit(f"{' '.join(args[:3])} … failed ({p.returncode}): {p.stderr.strip()}")
    return p.stdout


# --------------------------------------------------------------------------
# DHDN -> ETRS89 with BETA2007.
# --------------------------------------------------------------------------

def cct(pipeline, xys, inverse=False):
    """Transforms (x, y) pairs with one `cct` call; every result must be finite."""
    text = "".join(f"{x!r} {y!r} 0 0\n" for x, y in xys)
    args = ["cct", "-d", "10"] + (["-I"] if inverse else []) + pipeline.split()
    out = run(args, text).split("\n")
    result = []
    for line in out[: len(xys)]:
        a, b = (float(v) for v in line.split()[:2])
        if not (math.isfinite(a) and math.isfinite(b)) or abs(a) > 1e30:
            raise SystemExit(f"cct: a coordinate could not be transformed (outside the grid?): {line}")
        result.append((a, b))
    if len(result) != len(xys):
        raise SystemExit("cct returned fewer coordinates than it was given")
    return result


def check_beta2007():
    say("== DHDN (EPSG:31467) -> ETRS89: BETA2007 check")
    ops = run(["projinfo", "-s", "EPSG:31467", "-t", "EPSG:4258", "--spatial-test", "intersects", "-o", "PROJ"])
    first = ops.split("Operation No. 2")[0]
    name = re.search(r"\n\n(.*?), [0-9.]+ m,", first)
    if "BETA2007" not in first:
        raise SystemExit("PROJ's first DHDN -> ETRS89 operation does not use BETA2007:\n" + first)
    say(f"PROJ ranks first: {name.group(1) if name else '?'} (hgridshift BETA2007)")
    paths = [p.strip() for p in run(["projinfo", "--searchpaths"]).splitlines() if p.strip()]
    grids = [os.path.join(p, g) for p in paths for g in ("BETA2007.gsb", "de_adv_BETA2007.tif")
             if os.path.exists(os.path.join(p, g))]
    if not grids:
        raise SystemExit("BETA2007 grid not found in " + ", ".join(paths) + ": apt install proj-data")
    say(f"grid file: {grids[0]} (Debian proj-data)")
    # Control point: Wolfsburg, Rathaus area, in GK zone 3.
    control = [(3620000.0, 5809000.0), (3700000.0, 5700000.0)]
    grid = cct(BETA2007_PIPELINE, control)
    # cs2cs follows the EPSG axis order: EPSG:31467 is northing, easting; EPSG:4258 latitude, longitude.
    cs = run(["cs2cs", "-f", "%.10f", "EPSG:31467", "EPSG:4258"], "".join(f"{y} {x}\n" for x, y in control))
    helmert = cct(HELMERT_PIPELINE, control)
    for (x, y), (lon, lat), line, (hl, hb) in zip(control, grid, cs.strip().splitlines(), helmert):
        clat, clon = (float(v) for v in line.split()[:2])
        d_cs = math.hypot((lon - clon) * 111320 * math.cos(math.radians(lat)), (lat - clat) * 111132)
        d_h = math.hypot((lon - hl) * 111320 * math.cos(math.radians(lat)), (lat - hb) * 111132)
        if d_cs > 0.001:
            raise SystemExit(f"cct BETA2007 pipeline and cs2cs EPSG:31467 EPSG:4258 differ by {d_cs:.4f} m")
        say(f"control {x:.0f} {y:.0f}: lon {lon:.8f} lat {lat:.8f}; cs2cs EPSG:31467 EPSG:4258 agrees to "
            f"{d_cs * 1000:.3f} mm; the Helmert EPSG:1777 (no grid) would be {d_h:.2f} m off")
    say()


# --------------------------------------------------------------------------
# Reading the sources.
# --------------------------------------------------------------------------

def read_shapefile(path):
    """The shapefile as GeoJSON in its own CRS (ogr2ogr, no reprojection): coordinates exactly as published."""
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "out.geojson")
        run(["ogr2ogr", "-f", "GeoJSON", "-lco", "RFC7946=NO", "-lco", "COORDINATE_PRECISION=15", out, path])
        with open(out, encoding="utf-8") as fh:
            fc = json.load(fh)
    if fc.get("crs", {}).get("properties", {}).get("name") != "urn:ogc:def:crs:EPSG::31467":
        raise SystemExit(f"{path}: expected EPSG:31467, found {fc.get('crs')}")
    return fc["features"]


class RawRecords:
    """Iterates over a CSV file's lines for csv.reader and keeps the raw text of the current record,
    so excerpts can be written byte for byte as exported."""

    def __init__(self, fh):
        self.fh = fh
        self.raw = []

    def __iter__(self):
        return self

    def __next__(self):
        line = self.fh.readline()
        if not line:
            raise StopIteration
        self.raw.append(line)
        return line

    def take(self):
        text, self.raw = "".join(self.raw), []
        return text


def read_register(path):
    with open(path, encoding="utf-8", newline="") as fh:
        lines = RawRecords(fh)
        reader = csv.reader(lines, delimiter=";")
        header = next(reader)
        header_raw = lines.take()
        rows = []
        for n, r in enumerate(reader, 1):
            if len(r) != len(header):
                raise SystemExit(f"{path}: record {n} has {len(r)} fields, the header {len(header)}")
            rows.append({"n": n, "raw": lines.take(), **dict(zip(header, r))})
    return header, header_raw, rows


def decimal_comma(text):
    return float(text.strip().replace(",", "."))


def iso_date(text):
    d, m, y = text.split(".")
    return f"{y}-{m}-{d}"


def read_directory(path):
    with open(path, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    states, districts, municipalities = {}, {}, []
    for r in rows:
        if r["satzart"] == "10":
            states[r["land"]] = r["gemeindename"]
        elif r["satzart"] == "40":
            districts[r["land"] + r["rb"] + r["kreis"]] = r["gemeindename"]
        elif r["satzart"] == "60":
            municipalities.append(r)
    return states, districts, municipalities


def integer_with_spaces(text):
    return int(text.replace(" ", "").replace("\u00a0", ""))


# --------------------------------------------------------------------------
# Planar geometry (GK zone 3 metres) for point-in-polygon.
# --------------------------------------------------------------------------

def polygons_of(geometry):
    return [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]


def rings_of(geometry):
    return [ring for polygon in polygons_of(geometry) for ring in polygon]


def ring_contains(ring, x, y):
    inside = False
    x1, y1 = ring[-1]
    for x2, y2 in ring:
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
        x1, y1 = x2, y2
    return inside


def contains(geometry, x, y):
    """Even-odd rule over all rings: holes and multipolygons are handled alike."""
    return sum(ring_contains(r, x, y) for r in rings_of(geometry)) % 2 == 1


def segment_distance(px, py, ax, ay, bx, by):
    dx, dy = bx - ax, by - ay
    t = 0.0 if dx == dy == 0 else max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return math.hypot(px - ax - t * dx, py - ay - t * dy)


def boundary_distance(geometry, x, y):
    best = math.inf
    for ring in rings_of(geometry):
        for (ax, ay), (bx, by) in zip(ring, ring[1:]):
            best = min(best, segment_distance(x, y, ax, ay, bx, by))
    return best


class PolygonIndex:
    """Grid of bounding boxes (10 km cells) over GK polygons."""

    CELL = 10000.0

    def __init__(self, features):
        self.features = features
        self.boxes = []
        self.cells = {}
        for i, f in enumerate(features):
            xs = [p[0] for r in rings_of(f["geometry"]) for p in r]
            ys = [p[1] for r in rings_of(f["geometry"]) for p in r]
            box = (min(xs), min(ys), max(xs), max(ys))
            self.boxes.append(box)
            for cx in range(int(box[0] // self.CELL), int(box[2] // self.CELL) + 1):
                for cy in range(int(box[1] // self.CELL), int(box[3] // self.CELL) + 1):
                    self.cells.setdefault((cx, cy), []).append(i)

    def containing(self, x, y):
        hits = []
        for i in self.cells.get((int(x // self.CELL), int(y // self.CELL)), []):
            b = self.boxes[i]
            if b[0] <= x <= b[2] and b[1] <= y <= b[3] and contains(self.features[i]["geometry"], x, y):
                hits.append(i)
        return hits

    def nearest(self, x, y, search=30000.0):
        best, best_i = math.inf, None
        r = int(search // self.CELL) + 1
        seen = set()
        for cx in range(int(x // self.CELL) - r, int(x // self.CELL) + r + 1):
            for cy in range(int(y // self.CELL) - r, int(y // self.CELL) + r + 1):
                for i in self.cells.get((cx, cy), []):
                    if i not in seen:
                        seen.add(i)
                        d = boundary_distance(self.features[i]["geometry"], x, y)
                        if d < best:
                            best, best_i = d, i
        return best_i, best


def signed_area(ring):
    return sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:])) / 2


def oriented(ring, ccw):
    return ring if (signed_area(ring) > 0) == ccw else ring[::-1]


def rfc7946_orientation(geometry):
    """Exterior rings counter-clockwise, holes clockwise (RFC 7946 § 3.1.6); vertices unchanged."""
    polys = [[oriented(r, k == 0) for k, r in enumerate(p)] for p in polygons_of(geometry)]
    if geometry["type"] == "Polygon":
        return {"type": "Polygon", "coordinates": polys[0]}
    return {"type": "MultiPolygon", "coordinates": polys}


def area_km2(geometry):
    """Planar area in the GK zone 3 plane (km²): only a plausibility figure, GK3 is not equal-area."""
    return sum(abs(signed_area(r)) * (1 if k == 0 else -1) for p in polygons_of(geometry) for k, r in enumerate(p)) / 1e6


def to_lonlat(geometries):
    """All vertices through BETA2007 in one cct call; rounded to 7 decimals (about 1 cm)."""
    flat = [p for g in geometries for r in rings_of(g) for p in r]
    lonlat = iter(cct(BETA2007_PIPELINE, flat))
    out = []
    for g in geometries:
        polys = [[[[round(c, 7) for c in next(lonlat)] for _ in r] for r in p] for p in polygons_of(g)]
        out.append({"type": g["type"], "coordinates": polys[0] if g["type"] == "Polygon" else polys})
    return out


# --------------------------------------------------------------------------
# Writing.
# --------------------------------------------------------------------------

def write_geojson(root, relpath, features, attribution, changes, crs=None):
    """One feature per line; legacy `crs` member for projected files; RFC 7946 otherwise.

    The collection carries its provenance as foreign members (RFC 7946 § 6.1): `attribution` (the line
    the licence requires) and `derivation` (what this script changed), so the file says it on its own.
    """
    path = os.path.join(root, relpath)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    lines = [json.dumps({"type": "Feature", "properties": f["properties"], "geometry": f["geometry"]},
                        ensure_ascii=False, separators=(",", ":")) for f in features]
    head = '{"type":"FeatureCollection",'
    head += '"attribution":%s,' % json.dumps(attribution, ensure_ascii=False)
    head += '"derivation":%s,\n' % json.dumps("GeoData/tools/derive_open_data.py: " + changes, ensure_ascii=False)
    if crs:
        head += '"crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::%s"}},' % crs.split(":")[1]
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(head + '"features":[\n' + ",\n".join(lines) + "\n]}\n")
    say(f"wrote {relpath}: {len(features)} features, {os.path.getsize(path):,} bytes")


def write_text(root, relpath, text):
    path = os.path.join(root, relpath)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as fh:
        fh.write(text)
    say(f"wrote {relpath}: {os.path.getsize(path):,} bytes")


# --------------------------------------------------------------------------
# Derivation.
# --------------------------------------------------------------------------

def charger_properties(r, ags):
    kw = decimal_comma(r["Anschlussleistung [kW]"])
    return {
        "register_row": r["n"],
        "operator": r["Betreiber"].strip(),
        "address": r["Adresse"].strip(),
        "postcode_city": r["Postleitzahl Ort"].strip(),
        "commissioned": iso_date(r["Inbetriebnahmedatum"]),
        "power_kw": kw,
        "type": r["Art der Ladeeinrichtung"],
        "charging_points": int(r["Anzahl Ladepunkte"]),
        "ags": ags,
    }


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("open_data", help="folder with the three open data sets (shared/data/open-data)")
    ap.add_argument("--root", default=os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
                    help="the GeoData folder to write into (default: the one holding this script)")
    args = ap.parse_args()
    src, root = args.open_data, args.root
    for tool in ("ogr2ogr", "projinfo", "cct", "cs2cs"):
        if not shutil.which(tool):
            raise SystemExit(f"{tool} not found: apt install gdal-bin proj-bin proj-data")

    check_beta2007()

    # ---- Sources.
    gem = read_shapefile(os.path.join(src, VG5000, "VG5000_GEM.shp"))
    krs = read_shapefile(os.path.join(src, VG5000, "VG5000_KRS.shp"))
    header, header_raw, register = read_register(os.path.join(src, REGISTER))
    states, district_names, directory = read_directory(os.path.join(src, DIRECTORY))
    say("== sources")
    say(f"VG5000_GEM: {len(gem)} municipalities ({sum(f['geometry']['type'] == 'MultiPolygon' for f in gem)} multipart), "
        f"VG5000_KRS: {len(krs)} districts, EPSG:31467")
    say(f"register: {len(register)} devices ({sum(r['Art der Ladeeinrichtung'] == 'Schnellladeeinrichtung' for r in register)} "
        f"'Schnellladeeinrichtung'), {sum(r['raw'].count(chr(10)) > 1 for r in register)} "
        "records with quoted line breaks")
    say(f"directory: {len(directory)} municipality rows (satzart 60), {len(district_names)} districts, {len(states)} states")
    say()

    # ---- Join directory <-> VG5000 municipalities on AGS.
    say("== join: Gemeindeverzeichnis (AGS = land+rb+kreis+gemeinde) <-> VG5000_GEM (AGS)")
    gem_by_ags = {f["properties"]["AGS"]: f for f in gem}
    if len(gem_by_ags) != len(gem):
        raise SystemExit("VG5000_GEM: duplicate AGS")
    dir_by_ags = {}
    for r in directory:
        ags = r["land"] + r["rb"] + r["kreis"] + r["gemeinde"]
        if ags in dir_by_ags:
            raise SystemExit(f"directory: duplicate AGS {ags}")
        dir_by_ags[ags] = r
    only_gem = sorted(set(gem_by_ags) - set(dir_by_ags))
    only_dir = sorted(set(dir_by_ags) - set(gem_by_ags))
    say(f"matched: {len(set(gem_by_ags) & set(dir_by_ags))}")
    say(f"VG5000 municipalities without a directory row ({len(only_gem)}; no centre and population, so not candidates):")
    for a in only_gem:
        p = gem_by_ags[a]["properties"]
        say(f"  {a} {p['GEN']} ({p['BEZ']}, valid from {p['BEGINN']})")
    say(f"directory rows without a VG5000 polygon ({len(only_dir)}; kept as candidates with vg5000_polygon = false):")
    for a in only_dir:
        r = dir_by_ags[a]
        say(f"  {a} {r['gemeindename']} (population {integer_with_spaces(r['bevoelkerung'])})")
    say()

    # ---- Municipality candidates (national scenario).
    say("== municipalities (candidates of germany-fast-charging-gaps)")
    gem_index = PolygonIndex(gem)
    candidates, dropped = [], []
    for ags in sorted(dir_by_ags):
        r = dir_by_ags[ags]
        if not r["laengengrad"].strip() or not r["breitengrad"].strip():
            dropped.append(f"  {ags} {r['gemeindename']}: no centre in the directory (empty lon/lat; "
                           f"population {integer_with_spaces(r['bevoelkerung'])}) -> dropped")
            continue
        lon, lat = decimal_comma(r["laengengrad"]), decimal_comma(r["breitengrad"])
        if lon == 0 and lat == 0:
            dropped.append(f"  {ags} {r['gemeindename']}: centre at lon/lat 0,0 (no real position; "
                           f"population {integer_with_spaces(r['bevoelkerung'])}) -> dropped")
            continue
        candidates.append({"ags": ags, "lon": lon, "lat": lat, "row": r})
    say(f"dropped {len(dropped)} directory row(s):")
    for d in dropped:
        say(d)
    gk = cct(BETA2007_PIPELINE, [(c["lon"], c["lat"]) for c in candidates], inverse=True)
    outside_own, outside_all = [], []
    for c, (x, y) in zip(candidates, gk):
        hits = gem_index.containing(x, y)
        c["in_own"] = c["ags"] in {gem[i]["properties"]["AGS"] for i in hits}
        if c["ags"] in gem_by_ags and not c["in_own"]:
            outside_own.append(c)
        if not hits:
            outside_all.append(c)
    say(f"{len(candidates)} candidates; centre outside its own VG5000 polygon: {len(outside_own)} "
        f"(generalisation at 1:5,000,000 and centres of small municipalities near a border); "
        f"outside every VG5000 polygon: {len(outside_all)}")
    for c, (x, y) in zip(candidates, gk):
        if c in outside_all:
            i, d = gem_index.nearest(x, y)
            say(f"  outside every polygon: {c['ags']} {c['row']['gemeindename']} (lon {c['lon']}, lat {c['lat']}): "
                f"{d:.0f} m from {gem[i]['properties']['GEN']}; kept")
    features = []
    for c in candidates:
        r = c["row"]
        features.append({"type": "Feature", "geometry": {"type": "Point", "coordinates": [c["lon"], c["lat"]]},
                         "properties": {
                             "ags": c["ags"],
                             "name": r["gemeindename"],
                             "population": integer_with_spaces(r["bevoelkerung"]),
                             "area_km2": float(r["flaeche"].strip()),
                             "density": integer_with_spaces(r["jekm2"]),
                             "urbanisation": r["verstaedterungbezeichnung"],
                             "district": district_names[c["ags"][:5]],
                             "state": states[c["ags"][:2]],
                             "vg5000_polygon": c["ags"] in gem_by_ags,
                         }})
    say(f"population total: {sum(f['properties']['population'] for f in features):,}")
    write_geojson(root, "layers/germany/municipalities.geojson", features, ATTR_DESTATIS,
                  "Gemeindeverzeichnis rows of satzart 60; 3 rows without a position dropped; numbers parsed; "
                  "district and state names from the header rows; vg5000_polygon from the AGS join with VG5000_GEM")
    say()

    # ---- Chargers: municipality by point-in-polygon.
    say("== register devices -> municipality (point-in-polygon in VG5000_GEM, GK zone 3 plane)")
    gk = cct(BETA2007_PIPELINE, [(decimal_comma(r["Längengrad [DG]"]), decimal_comma(r["Breitengrad [DG]"]))
                                 for r in register], inverse=True)
    kept, outside = [], []
    for r, (x, y) in zip(register, gk):
        hits = gem_index.containing(x, y)
        r["lon"], r["lat"] = decimal_comma(r["Längengrad [DG]"]), decimal_comma(r["Breitengrad [DG]"])
        if len(hits) > 1:
            raise SystemExit(f"register row {r['n']}: inside {len(hits)} municipality polygons")
        if hits:
            r["ags"], r["ags_by"] = gem[hits[0]]["properties"]["AGS"], "inside"
            kept.append(r)
            continue
        i, d = gem_index.nearest(x, y)
        outside.append((r, i, d))
    # VG5000 is generalised for 1:5,000,000: near the border and the coast a real German charger can lie
    # a few hundred metres outside the outline. Up to 2 km it is kept and given the nearest municipality.
    near_limit = 2000.0
    n_near = 0
    for r, i, d in outside:
        where = f"row {r['n']} {r['Betreiber'].strip()}, {r['Postleitzahl Ort']} (lon {r['lon']}, lat {r['lat']})"
        if i is not None and d <= near_limit:
            r["ags"], r["ags_by"] = gem[i]["properties"]["AGS"], "nearest"
            kept.append(r)
            n_near += 1
        else:
            dist = f"{d / 1000:.0f} km" if i is not None else "more than 30 km"
            say(f"  dropped: {where}: {dist} outside the VG5000 outline of Germany, although the address is in "
                f"{r['Bundesland']}: a wrong position in the register (not guessed or corrected)")
    kept.sort(key=lambda r: r["n"])
    say(f"{len(register)} devices: {len(kept) - n_near} inside a municipality polygon, {n_near} within "
        f"{near_limit:.0f} m outside the generalised outline (given the nearest municipality), "
        f"{len(register) - len(kept)} dropped")

    def charger_feature(r):
        return {"type": "Feature", "geometry": {"type": "Point", "coordinates": [r["lon"], r["lat"]]},
                "properties": charger_properties(r, r["ags"])}

    fast = [r for r in kept if r["Art der Ladeeinrichtung"] == "Schnellladeeinrichtung"]
    say(f"fast chargers (Art der Ladeeinrichtung = Schnellladeeinrichtung): {len(fast)} "
        f"({sum(decimal_comma(r['Anschlussleistung [kW]']) < 50 for r in fast)} of them below 50 kW; "
        f"{sum(decimal_comma(r['Anschlussleistung [kW]']) >= 50 for r in kept if r not in fast)} "
        f"'Normalladeeinrichtung' devices have 50 kW or more)")
    write_geojson(root, "layers/germany/chargers.geojson", [charger_feature(r) for r in kept], ATTR_BNETZA,
                  CHARGER_CHANGES)
    write_geojson(root, "layers/germany/fast_chargers.geojson", [charger_feature(r) for r in fast], ATTR_BNETZA,
                  CHARGER_CHANGES + "; only Art der Ladeeinrichtung = Schnellladeeinrichtung")
    say()

    # ---- Districts (national, lon/lat).
    say("== districts (VG5000_KRS)")
    krs.sort(key=lambda f: f["properties"]["AGS"])
    lonlat = to_lonlat([f["geometry"] for f in krs])
    write_geojson(root, "layers/germany/districts.geojson", [
        {"type": "Feature", "geometry": rfc7946_orientation(g), "properties": {
            "ags": f["properties"]["AGS"], "name": f["properties"]["GEN"], "type": f["properties"]["BEZ"],
            "state": states[f["properties"]["AGS"][:2]]}}
        for f, g in zip(krs, lonlat)], ATTR_BKG,
        "VG5000_KRS 01.01.2021 reprojected from EPSG:31467 through BETA2007 (DHDN to ETRS89 (8)), 7 decimals, "
        "rings reoriented (RFC 7946); attributes reduced; not simplified")
    say()

    # ---- Wolfsburg.
    say("== Wolfsburg (AGS 03103000)")
    wob = gem_by_ags[WOLFSBURG]
    g = to_lonlat([wob["geometry"]])[0]
    write_geojson(root, "layers/wolfsburg/city_boundary.geojson", [
        {"type": "Feature", "geometry": rfc7946_orientation(g), "properties": {
            "name": wob["properties"]["GEN"], "type": wob["properties"]["BEZ"], "ags": WOLFSBURG,
            "area_km2_gk3": round(area_km2(wob["geometry"]), 1), "source": "VG5000 01.01.2021; " + ATTR_BKG}}],
        ATTR_BKG, "VG5000_GEM 01.01.2021, AGS 03103000, reprojected from EPSG:31467 through BETA2007 "
        "(DHDN to ETRS89 (8)), 7 decimals, ring reoriented (RFC 7946); not simplified")
    in_wob = [r for r in kept if r["ags"] == WOLFSBURG]
    by_address = [r for r in register if "Wolfsburg" in r["Postleitzahl Ort"]]
    say(f"register devices inside the polygon: {len(in_wob)} "
        f"({sum(r['Art der Ladeeinrichtung'] == 'Schnellladeeinrichtung' for r in in_wob)} fast); "
        f"devices whose address says Wolfsburg: {len(by_address)}")
    for r in by_address:
        if r.get("ags") != WOLFSBURG:
            say(f"  address Wolfsburg but outside the polygon: row {r['n']} {r['Adresse']} (lon {r['lon']}, lat {r['lat']})")
    for r in in_wob:
        if "Wolfsburg" not in r["Postleitzahl Ort"]:
            say(f"  inside the polygon, address elsewhere: row {r['n']} {r['Postleitzahl Ort']}")

    def wob_feature(r):
        p = charger_properties(r, r["ags"])
        p["source"] = ATTR_BNETZA
        return {"type": "Feature", "geometry": {"type": "Point", "coordinates": [r["lon"], r["lat"]]}, "properties": p}

    write_geojson(root, "layers/wolfsburg/existing_chargers.geojson", [wob_feature(r) for r in in_wob], ATTR_BNETZA,
                  CHARGER_CHANGES + "; only devices inside the VG5000 polygon of Wolfsburg (03103000)")
    say()

    # ---- Mitteldeutschland.
    say("== Mitteldeutschland: structural-change districts (InvKG § 2 Nr. 3), EPSG:31467 as published")
    krs_by_ags = {f["properties"]["AGS"]: f for f in krs}
    md = [krs_by_ags[a] for a in sorted(STRUCTURAL_CHANGE_DISTRICTS)]
    feats = []
    for f in md:
        p = f["properties"]
        feats.append({"type": "Feature", "geometry": rfc7946_orientation(f["geometry"]), "properties": {
            "name": p["GEN"], "type": p["BEZ"], "ags": p["AGS"], "state": states[p["AGS"][:2]],
            "structural_change_region": True, "area_km2_gk3": round(area_km2(f["geometry"]), 1)}})
        say(f"  {p['AGS']} {p['GEN']} ({p['BEZ']}): {sum(len(r) for r in rings_of(f['geometry']))} vertices")
    write_geojson(root, "layers/mitteldeutschland/structural_change_districts_31467.geojson", feats, ATTR_BKG,
                  "VG5000_KRS 01.01.2021, the 8 districts of the Mitteldeutsches Revier (InvKG § 2); coordinates "
                  "as published in EPSG:31467, rings reoriented (exterior counter-clockwise); attributes reduced",
                  crs="EPSG:31467")
    box_ll = to_lonlat([f["geometry"] for f in md])
    lons = [p[0] for g in box_ll for r in rings_of(g) for p in r]
    lats = [p[1] for g in box_ll for r in rings_of(g) for p in r]
    box = (min(lons) - MD_MARGIN_LON, min(lats) - MD_MARGIN_LAT, max(lons) + MD_MARGIN_LON, max(lats) + MD_MARGIN_LAT)
    say(f"region lon {min(lons):.3f}…{max(lons):.3f}, lat {min(lats):.3f}…{max(lats):.3f}; "
        f"population and chargers taken within lon {box[0]:.3f}…{box[2]:.3f}, lat {box[1]:.3f}…{box[3]:.3f}")

    def in_box(lon, lat):
        return box[0] <= lon <= box[2] and box[1] <= lat <= box[3]

    muni = [f for f in features if in_box(*f["geometry"]["coordinates"])]
    write_geojson(root, "layers/mitteldeutschland/municipalities_population.geojson", [
        {"type": "Feature", "geometry": f["geometry"], "properties": {
            k: f["properties"][k] for k in ("ags", "name", "population", "district", "state")}} for f in muni],
        ATTR_DESTATIS, "municipality centres of the Gemeindeverzeichnis within the region's lon/lat box "
        f"widened by {MD_MARGIN_LON} deg lon / {MD_MARGIN_LAT} deg lat; numbers parsed")
    say(f"  {len(muni)} municipality centres, population {sum(f['properties']['population'] for f in muni):,}")
    md_rows = [r for r in kept if in_box(r["lon"], r["lat"])]
    write_text(root, "layers/mitteldeutschland/chargers_register.csv", header_raw + "".join(r["raw"] for r in md_rows))
    say(f"  {len(md_rows)} register devices (records copied byte for byte: ';', decimal comma, dd.mm.yyyy, "
        f"{sum(r['raw'].count(chr(10)) > 1 for r in md_rows)} with quoted line breaks), "
        f"{sum(int(r['Anzahl Ladepunkte']) for r in md_rows)} charging points")
    say()

    write_text(root, "reference/open_data_report.txt", "\n".join(report_lines) + "\n")


if __name__ == "__main__":
    main()
