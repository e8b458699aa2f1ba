#!/usr/bin/env python3
"""Writes the compiled (approx) layers under GeoData/layers/ from the place tables.

The official layers (city boundary, chargers, districts, municipalities) are
written by derive_open_data.py from the open data instead.

    python3 GeoData/tools/build_geodata.py

The tables live next to this script (places_wolfsburg.py,
places_mitteldeutschland.py) so every figure can be reviewed in one place.
Projected coordinates are computed with the system `cs2cs` (the same PROJ
library and grids `standort` links against), so a round trip through the tool
reproduces the compiled lon/lat to well under a metre.

Output is deterministic: running the script twice gives identical files.
"""

import csv
import io
import json
import math
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)

import places_mitteldeutschland as md  # noqa: E402
import places_wolfsburg as wob  # noqa: E402

# Target CRSs whose PROJ axis order is northing, easting (cs2cs honours it).
NORTHING_FIRST = {"EPSG:31468"}

SOURCE_MEMORY = "compiled from memory for the Standort demo dataset; not official data"


# --------------------------------------------------------------------------
# Coordinate transforms through cs2cs (system PROJ).
# --------------------------------------------------------------------------

def project(lonlats, target):
    """Projects (lon, lat) pairs from EPSG:4326 to `target`; returns (x=east, y=north)."""
    text = "".join(f"{lat:.9f} {lon:.9f}\n" for lon, lat in lonlats)
    out = subprocess.run(
        ["cs2cs", "-f", "%.4f", "EPSG:4326", target],
        input=text, capture_output=True, text=True, check=True,
    ).stdout
    result = []
    for line in out.strip().splitlines():
        a, b = (float(v) for v in line.split()[:2])
        if not (math.isfinite(a) and math.isfinite(b)):
            raise SystemExit(f"cs2cs failed for {target}: {line}")
        result.append((b, a) if target in NORTHING_FIRST else (a, b))
    return result


def unproject(xys, source):
    """Inverse of `project` for an easting/northing CRS; returns (lon, lat)."""
    assert source not in NORTHING_FIRST
    text = "".join(f"{x:.4f} {y:.4f}\n" for x, y in xys)
    out = subprocess.run(
        ["cs2cs", "-f", "%.9f", source, "EPSG:4326"],
        input=text, capture_output=True, text=True, check=True,
    ).stdout
    return [(float(l.split()[1]), float(l.split()[0])) for l in out.strip().splitlines()]


# --------------------------------------------------------------------------
# Geometry helpers.
# --------------------------------------------------------------------------

def signed_area(ring):
    """Shoelace formula; positive for a counter-clockwise ring (x east, y north)."""
    s = 0.0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]):
        s += x1 * y2 - x2 * y1
    return s / 2.0


def oriented(ring, ccw):
    """Returns the ring with the requested orientation, closed (first == last)."""
    open_ring = list(ring[:-1]) if ring[0] == ring[-1] else list(ring)
    if (signed_area(open_ring) > 0) != ccw:
        open_ring.reverse()
    return open_ring + [open_ring[0]]


def polygon_area_m2(rings_xy):
    """Planar area of a polygon (exterior minus holes) in projected metres."""
    ext, *holes = rings_xy
    return abs(signed_area(ext[:-1])) - sum(abs(signed_area(h[:-1])) for h in holes)


def utm_distance(a, b):
    return math.hypot(a[0] - b[0], a[1] - b[1])


# --------------------------------------------------------------------------
# Writers.
# --------------------------------------------------------------------------

def rnd(v, digits):
    return round(v, digits)


def write_geojson(relpath, features, crs=None, digits=6):
    """Writes a FeatureCollection, one feature per line (reviewable diffs).

    `crs` adds the legacy GeoJSON 2008 `crs` member (as the state survey
    offices still ship projected GeoJSON); None writes RFC 7946 lon/lat.
    """
    path = os.path.join(ROOT, relpath)
    os.makedirs(os.path.dirname(path), exist_ok=True)

    def fix(geom):
        t = geom["type"]
        if t == "Point":
            c = [rnd(v, digits) for v in geom["coordinates"]]
        elif t == "Polygon":
            c = [[[rnd(v, digits) for v in p] for p in ring] for ring in geom["coordinates"]]
        else:
            raise ValueError(t)
        return {"type": t, "coordinates": c}

    lines = []
    for f in features:
        feat = {"type": "Feature", "properties": f["properties"], "geometry": fix(f["geometry"])}
        lines.append(json.dumps(feat, ensure_ascii=False, separators=(",", ":")))
    head = ['{"type":"FeatureCollection",']
    if crs:
        head.append('"crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::%s"}},' % crs.split(":")[1])
    body = "".join(head) + '"features":[\n' + ",\n".join(lines) + "\n]}\n"
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(body)
    print(f"wrote {relpath}: {len(features)} features" + (f" ({crs})" if crs else " (EPSG:4326)"))


def write_csv(relpath, header, rows):
    path = os.path.join(ROOT, relpath)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    w.writerows(rows)
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(buf.getvalue())
    print(f"wrote {relpath}: {len(rows)} rows")


def point(lon, lat):
    return {"type": "Point", "coordinates": [lon, lat]}


# --------------------------------------------------------------------------
# Wolfsburg.
# --------------------------------------------------------------------------

def unserved_share(nearest_store_m):
    """Crude walking-distance model for the share of a district's residents
    without a grocery store in walking distance, from the distance between the
    district centre and its nearest store. Illustrative, documented in the
    README; not a survey figure."""
    if nearest_store_m <= 500:
        return 0.15
    if nearest_store_m <= 800:
        return 0.35
    if nearest_store_m <= 1200:
        return 0.6
    return 0.85


def build_wolfsburg():
    base = "layers/wolfsburg/"
    utm = "EPSG:25832"

    # Districts with population and an estimated unserved population.
    store_xy = project([(s[4], s[5]) for s in wob.GROCERY], utm)
    dist_xy = project([(d[2], d[3]) for d in wob.DISTRICTS], utm)
    feats = []
    total = 0
    for d, xy in zip(wob.DISTRICTS, dist_xy):
        name, ortsrat, lon, lat, pop = d
        nearest = min(utm_distance(xy, s) for s in store_xy)
        unserved = int(round(pop * unserved_share(nearest) / 100.0) * 100)
        total += pop
        feats.append({"geometry": point(lon, lat), "properties": {
            "district": name, "ortsrat": ortsrat, "population": pop,
            "population_unserved": unserved, "nearest_store_m": int(round(nearest)),
            "approx": True,
            "source": "population: Stadt Wolfsburg statistics (c. 2022/23) as remembered, rounded to 100, "
                      "+-10-20 %; population_unserved: estimate = population x share by distance from the "
                      "district centre to the nearest store of grocery_stores.geojson; centre hand-placed +-500 m-1 km",
        }})
    write_geojson(base + "districts.geojson", feats)
    print(f"  Wolfsburg population total (sum of districts): {total}")

    # City boundary and existing chargers: official data, written by derive_open_data.py.

    write_geojson(base + "junctions.geojson", [
        {"geometry": point(lon, lat), "properties": {
            "junction_id": jid, "name": name, "road": road, "type": typ, "approx": True,
            "source": "hand-placed from memory, +-500 m-1 km; " + SOURCE_MEMORY}}
        for jid, name, road, typ, lon, lat in wob.JUNCTIONS])

    ids = [p[0] for p in wob.PARKING]
    assert len(ids) == len(set(ids)), "duplicate site_id"
    write_geojson(base + "parking_candidates.geojson", [
        {"geometry": point(lon, lat), "properties": {
            "site_id": sid, "name": name, "operator": op, "kind": kind, "spaces": spaces,
            "open_24h": h24, "district": district, "confidence": conf, "approx": True,
            "source": "name/operator from memory (confidence as stated); position hand-placed +-200-500 m; "
                      "spaces and open_24h are rough estimates"}}
        for sid, name, op, kind, spaces, h24, district, lon, lat, conf in wob.PARKING])

    write_geojson(base + "grocery_stores.geojson", [
        {"geometry": point(lon, lat), "properties": {
            "store_id": sid, "name": name, "chain": chain, "district": district,
            "confidence": conf, "approx": True,
            "source": "store list from memory (may be outdated; confidence as stated); position +-300-800 m"}}
        for sid, name, chain, district, lon, lat, conf in wob.GROCERY])

    # Candidate plots: rectangles built in UTM 32N around the hand-placed centre.
    centres = project([(p[3], p[4]) for p in wob.PLOTS], utm)
    feats = []
    for p, (cx, cy) in zip(wob.PLOTS, centres):
        sid, name, district, lon, lat, w, d, rot = p
        a = math.radians(rot)
        corners = []
        for sx, sy in ((-1, -1), (1, -1), (1, 1), (-1, 1)):  # counter-clockwise
            dx, dy = sx * w / 2.0, sy * d / 2.0
            corners.append((cx + dx * math.cos(a) - dy * math.sin(a), cy + dx * math.sin(a) + dy * math.cos(a)))
        ring = unproject(corners, utm)
        ring = [(round(x, 7), round(y, 7)) for x, y in ring]
        ring = oriented(ring, ccw=True)
        feats.append({"geometry": {"type": "Polygon", "coordinates": [ring]}, "properties": {
            "site_id": sid, "name": name, "district": district, "area_hint_m2": int(w * d),
            "width_m": w, "depth_m": d, "hypothetical": True, "approx": True,
            "source": "HYPOTHETICAL plot in a real district: centre hand-placed, outline a generated "
                      "rectangle of plausible supermarket-plot size; not a real vacant parcel"}})
    write_geojson(base + "retail_plots.geojson", feats, digits=7)

    write_geojson(base + "bus_stops.geojson", [
        {"geometry": point(lon, lat), "properties": {
            "stop_id": sid, "name": name, "approx": True,
            "source": "representative stops of the WVG bus network near the candidate plots; names partly "
                      "from memory, partly descriptive; positions illustrative +-150-400 m"}}
        for sid, name, lon, lat in wob.BUS_STOPS])


# --------------------------------------------------------------------------
# Mitteldeutschland.
# --------------------------------------------------------------------------

def build_mitteldeutschland():
    base = "layers/mitteldeutschland/"

    # Candidates as Sachsen-Anhalt's investment agency would ship them: ETRS89 / UTM 32N.
    xy = project([(p[8], p[9]) for p in md.PARKS], "EPSG:25832")
    write_geojson(base + "industrial_parks_25832.geojson", [
        {"geometry": point(x, y), "properties": {
            "site_id": p[0], "name": p[1], "municipality": p[2], "district": p[3], "state": p[4],
            "cluster": p[5], "available_ha": p[6], "total_ha": p[7], "confidence": p[10], "approx": True,
            "source": "park is real; point hand-placed at its approximate centre +-0.5-1.5 km; available_ha "
                      "and total_ha are ILLUSTRATIVE estimates, not operator figures"}}
        for p, (x, y) in zip(md.PARKS, xy)], crs="EPSG:25832", digits=2)

    # Structural-change districts: VG5000 polygons, written by derive_open_data.py.

    # Saxon layers: ETRS89 / UTM 33N, as the Saxon side would ship them.
    xy = project([(a[2], a[3]) for a in md.AIRPORT], "EPSG:25833")
    write_geojson(base + "airport_25833.geojson", [
        {"geometry": point(x, y), "properties": {
            "airport_id": a[0], "name": a[1], "approx": True,
            "source": "terminal position from memory, +-300 m"}}
        for a, (x, y) in zip(md.AIRPORT, xy)], crs="EPSG:25833", digits=2)

    xy = project([(c[4], c[5]) for c in md.CLUSTERS], "EPSG:25833")
    write_geojson(base + "sector_clusters_25833.geojson", [
        {"geometry": point(x, y), "properties": {
            "cluster_id": c[0], "name": c[1], "sector": c[2], "state": c[3], "approx": True,
            "source": "real company/research site as remembered; hand-placed +-1 km; " + SOURCE_MEMORY}}
        for c, (x, y) in zip(md.CLUSTERS, xy)], crs="EPSG:25833", digits=2)

    # Motorway junctions from a legacy road database: DHDN / Gauss-Krueger zone 4.
    gk = project([(j[3], j[4]) for j in md.JUNCTIONS], "EPSG:31468")
    write_csv(base + "motorway_junctions_gk4.csv",
              ["junction_id", "name", "motorway", "rechtswert", "hochwert"],
              [[j[0], j[1], j[2], f"{x:.2f}", f"{y:.2f}"] for j, (x, y) in zip(md.JUNCTIONS, gk)])
    # The same points in lon/lat, for the round-trip test (EPSG:31468 -> 4326 < 1 m).
    write_csv("reference/motorway_junctions_lonlat.csv",
              ["junction_id", "lon", "lat"],
              [[j[0], f"{j[3]:.6f}", f"{j[4]:.6f}"] for j in md.JUNCTIONS])


if __name__ == "__main__":
    build_wolfsburg()
    build_mitteldeutschland()
