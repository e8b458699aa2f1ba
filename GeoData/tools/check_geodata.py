#!/usr/bin/env python3
"""Independent checks of the shipped layers (shapely + pyproj, not standort).

    python3 GeoData/tools/check_geodata.py

* structure: FeatureCollection, closed rings, RFC 7946 winding for lon/lat
  files, one JSON type per property per layer, unique site ids;
* that each candidate falls inside the district polygon its `district`
  property names (Mitteldeutschland) and inside/outside the city as intended;
* raw criterion values and constraint outcomes of the Wolfsburg and
  Mitteldeutschland scenarios, recomputed here so `standort score` output can
  be compared by hand;
* the open-data layers (derive_open_data.py): unique 8-digit AGS text ids,
  fast chargers = the register's "Schnellladeeinrichtung" devices, valid
  district polygons, chargers inside Wolfsburg, and that the Mitteldeutschland
  population/charger layers reach farther than the 30 km workforce radius
  around every park.

pyproj is pointed at the system PROJ data so that DHDN (Gauss-Krueger) layers
go through the BETA2007 grid as in standort.
"""

import csv
import json
import math
import os
import sys

import pyproj
from pyproj import Transformer
import numpy as np
import shapely
from shapely.geometry import Point, shape

if os.path.isdir("/usr/share/proj"):
    pyproj.datadir.append_data_dir("/usr/share/proj")

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
L = os.path.join(ROOT, "layers")
problems = []


def load(rel):
    with open(os.path.join(L, rel), encoding="utf-8") as fh:
        return json.load(fh)


def file_crs(fc):
    name = fc.get("crs", {}).get("properties", {}).get("name")
    return "EPSG:" + name.rsplit(":", 1)[1] if name else "EPSG:4326"


def to_work(fc, work="EPSG:25832"):
    t = Transformer.from_crs(file_crs(fc), work, always_xy=True)
    return [(f["properties"], shapely.transform(shape(f["geometry"]), lambda a: np.column_stack(t.transform(a[:, 0], a[:, 1])))) for f in fc["features"]]


def ring_area(r):
    return sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(r, r[1:])) / 2


def check_structure(rel):
    fc = load(rel)
    assert fc["type"] == "FeatureCollection"
    lonlat = "crs" not in fc
    types = {}
    for i, f in enumerate(fc["features"]):
        g = f["geometry"]
        if g["type"] in ("Polygon", "MultiPolygon"):
            polygons = [g["coordinates"]] if g["type"] == "Polygon" else g["coordinates"]
            for poly in polygons:
                for k, r in enumerate(poly):
                    if r[0] != r[-1]:
                        problems.append(f"{rel}#{i}: ring {k} not closed")
                    if (ring_area(r) > 0) != (k == 0):
                        problems.append(f"{rel}#{i}: ring {k} has the wrong winding (exterior counter-clockwise)")
            if not shape(g).is_valid:
                problems.append(f"{rel}#{i}: invalid polygon")
        if lonlat:
            coords = ([p for poly in ([g["coordinates"]] if g["type"] == "Polygon" else g["coordinates"]) for r in poly for p in r]
                      if g["type"] in ("Polygon", "MultiPolygon") else [g["coordinates"]])
            for x, y in coords:
                if not (5 < x < 16 and 47 < y < 56):
                    problems.append(f"{rel}#{i}: coordinate outside Germany ({x}, {y})")
        for k, v in f["properties"].items():
            types.setdefault(k, set()).add(type(v).__name__)
    for k, ts in types.items():
        if len(ts) > 1:
            problems.append(f"{rel}: property {k} has mixed types {ts}")
    return fc


def near_edge(label, geom, others, radius, tol=3.0):
    """Flags layer features within `tol` metres of a criterion radius: there the
    count would depend on differences between PROJ pipelines (centimetres for
    WGS 84 layers, up to about 1 m for DHDN layers without BETA2007). Features at
    the same position (several register devices of one site) are reported once."""
    for d in sorted({round(geom.distance(o), 1) for _, o in others}):
        if abs(d - radius) < tol:
            problems.append(f"{label}: a feature lies {d:.1f} m away, too close to radius {radius}")


def nearest(geom, others):
    return min(geom.distance(o) for _, o in others)


def wolfsburg():
    cands = to_work(load("wolfsburg/parking_candidates.geojson"))
    ids = [p["site_id"] for p, _ in cands]
    if len(ids) != len(set(ids)):
        problems.append("parking_candidates: duplicate site_id")
    city = to_work(load("wolfsburg/city_boundary.geojson"))[0][1]
    chargers = to_work(load("wolfsburg/existing_chargers.geojson"))
    for p, g in chargers:
        if not city.covers(g) or p["ags"] != "03103000":
            problems.append(f"Wolfsburg charger (register row {p['register_row']}) outside the city polygon")
    junctions = to_work(load("wolfsburg/junctions.geojson"))
    districts = to_work(load("wolfsburg/districts.geojson"))
    stores = to_work(load("wolfsburg/grocery_stores.geojson"))
    print("\n== wolfsburg-fast-charging: raw values and constraints")
    eligible = 0
    for p, g in cands:
        reasons = []
        if nearest(g, chargers) < 500:
            reasons.append("near_existing_charger")
        if p["spaces"] < 10:
            reasons.append("too_few_spaces")
        if not city.covers(g):
            reasons.append("outside_city")
        near_edge(p["site_id"], g, districts, 2000)
        near_edge(p["site_id"], g, stores, 1000)
        # Register chargers and car parks are both WGS 84 lon/lat: every PROJ pipeline to UTM agrees to
        # millimetres, so 0.5 m is a safe margin here (WOB-34 lies 501.8 m from the Nordkopf garage).
        near_edge(p["site_id"], g, chargers, 500, tol=0.5)
        res = sum(d["population"] for d, dg in districts if dg.distance(g) <= 2000)
        shops = sum(1 for _, sg in stores if sg.distance(g) <= 1000)
        eligible += not reasons
        print(f"  {p['site_id']:7} junction {nearest(g, junctions):6.0f} m  residents_2km {res:6d}  "
              f"shops_1km {shops:2d}  charger {nearest(g, chargers):6.0f} m  {p['kind']:13} "
              f"{p['spaces']:5d}  {';'.join(reasons)}")
    print(f"  eligible: {eligible} of {len(cands)}")
    if eligible < 25:
        problems.append(f"fast charging: only {eligible} eligible sites")
    # District centres are hand-placed (+-500 m-1 km), the boundary is VG5000, generalised for
    # 1:5,000,000: a centre may fall just outside. Only more than 1 km outside is a problem.
    for p, g in districts:
        if not city.covers(g):
            d = city.exterior.distance(g)
            print(f"  note: district centre {p['district']} lies {d:.0f} m outside the VG5000 city polygon")
            if d > 1000:
                problems.append(f"district {p['district']} {d:.0f} m outside the city boundary")

    plots = to_work(load("wolfsburg/retail_plots.geojson"))
    stops = to_work(load("wolfsburg/bus_stops.geojson"))
    print("\n== wolfsburg-local-retail: raw values")
    for p, g in plots:
        c = g.centroid
        near_edge(p["site_id"], c, districts, 1000)
        near_edge(p["site_id"], c, stops, 300)
        unserved = sum(d["population_unserved"] for d, dg in districts if dg.distance(c) <= 1000)
        print(f"  {p['site_id']:6} unserved_1km {unserved:6d}  store {nearest(c, stores):5.0f} m  "
              f"stops_300m {sum(1 for _, s in stops if s.distance(c) <= 300):2d}  area {g.area:7.0f} m2 "
              f"(hint {p['area_hint_m2']})  in city {city.covers(c)}")


def mitteldeutschland():
    parks = to_work(load("mitteldeutschland/industrial_parks_25832.geojson"))
    dists = to_work(load("mitteldeutschland/structural_change_districts_31467.geojson"))
    munis = to_work(load("mitteldeutschland/municipalities_population.geojson"))
    box = shapely.box(*shapely.MultiPoint([g for _, g in munis]).bounds)
    airport = to_work(load("mitteldeutschland/airport_25833.geojson"))
    clusters = to_work(load("mitteldeutschland/sector_clusters_25833.geojson"))
    t = Transformer.from_crs("EPSG:31468", "EPSG:25832", always_xy=True)
    with open(os.path.join(L, "mitteldeutschland/motorway_junctions_gk4.csv"), encoding="utf-8") as fh:
        junctions = [(r, Point(t.transform(float(r["rechtswert"]), float(r["hochwert"]))))
                     for r in csv.DictReader(fh)]
    # Round trip against the lon/lat reference (pyproj's own PROJ may pick a
    # different DHDN pipeline than the system PROJ, so allow a few metres here;
    # the < 1 m test belongs to standort, which uses the system PROJ like cs2cs).
    back = Transformer.from_crs("EPSG:31468", "EPSG:4326", always_xy=True)
    with open(os.path.join(ROOT, "reference/motorway_junctions_lonlat.csv"), encoding="utf-8") as fh:
        ref = {r["junction_id"]: (float(r["lon"]), float(r["lat"])) for r in csv.DictReader(fh)}
    worst = 0.0
    for r, _ in junctions:
        lon, lat = back.transform(float(r["rechtswert"]), float(r["hochwert"]))
        rl, rb = ref[r["junction_id"]]
        worst = max(worst, math.hypot((lon - rl) * 111320 * math.cos(math.radians(lat)), (lat - rb) * 110540))
    print(f"\n== GK4 junctions vs lon/lat reference (pyproj): worst {worst:.2f} m")
    if worst > 5:
        problems.append(f"GK4 junctions off by {worst:.1f} m")

    for i, (a, ga) in enumerate(dists):
        for b, gb in dists[i + 1:]:
            ov = ga.intersection(gb).area / 1e6
            if ov > 0.5:
                problems.append(f"districts {a['name']} and {b['name']} overlap by {ov:.1f} km2")
    print("\n== mitteldeutschland: raw values")
    for p, g in parks:
        inside = [d["name"] for d, dg in dists if dg.covers(g)]
        expected = [p["district"]] if p["district"] in {d["name"] for d, _ in dists} else []
        if inside != expected:
            # Parks are hand-placed +-0.5-1.5 km: near a district border that is a note, farther a problem.
            named = [dg for d, dg in dists if d["name"] == p["district"]]
            d = min(dg.distance(g) for dg in named) if named else 0.0
            print(f"  note: {p['site_id']} {p['name']} lies in {inside}, {d:.0f} m from {p['district']}")
            if d > 1500:
                problems.append(f"{p['site_id']} {p['name']}: in {inside}, property says {p['district']}")
        reach = box.exterior.distance(g) if box.covers(g) else 0.0
        if reach < 35000:
            problems.append(f"{p['site_id']}: the population layer reaches only {reach / 1000:.1f} km, less than 30 km + 5 km")
        print(f"  {p['site_id']} reach {reach / 1000:5.1f} km  airport {nearest(g, airport)/1000:6.1f} km  motorway {nearest(g, junctions)/1000:5.1f} km  "
              f"cluster {nearest(g, clusters)/1000:5.1f} km  ha {p['available_ha']:3d}  inside {int(bool(inside))}  "
              f"{p['name']}")


def germany():
    munis = load("germany/municipalities.geojson")["features"]
    ags = [f["properties"]["ags"] for f in munis]
    if len(set(ags)) != len(ags) or not all(isinstance(a, str) and len(a) == 8 and a.isdigit() for a in ags):
        problems.append("municipalities: ags must be unique 8-digit text")
    if ags != sorted(ags):
        problems.append("municipalities: not sorted by ags")
    chargers = load("germany/chargers.geojson")["features"]
    fast = load("germany/fast_chargers.geojson")["features"]
    rows = [f["properties"]["register_row"] for f in chargers]
    if len(set(rows)) != len(rows):
        problems.append("chargers: duplicate register_row")
    expected_fast = [f for f in chargers if f["properties"]["type"] == "Schnellladeeinrichtung"]
    if [f["properties"]["register_row"] for f in expected_fast] != [f["properties"]["register_row"] for f in fast]:
        problems.append("fast_chargers is not the Schnellladeeinrichtung subset of chargers")
    types = {f["properties"]["type"] for f in chargers}
    if types != {"Normalladeeinrichtung", "Schnellladeeinrichtung"}:
        problems.append(f"chargers: unexpected types {types}")
    districts = load("germany/districts.geojson")["features"]
    print(f"\n== germany: {len(munis)} municipalities (population {sum(f['properties']['population'] for f in munis):,}), "
          f"{len(chargers)} chargers, {len(fast)} fast, {len(districts)} districts")
    if (len(munis), len(chargers), len(fast), len(districts)) != (11001, 9681, 1257, 401):
        problems.append("germany: counts differ from derive_open_data.py's report")


if __name__ == "__main__":
    for sub in ("wolfsburg", "mitteldeutschland", "germany"):
        for fn in sorted(os.listdir(os.path.join(L, sub))):
            if fn.endswith(".geojson"):
                check_structure(f"{sub}/{fn}")
    wolfsburg()
    mitteldeutschland()
    germany()
    print("\nproblems:" if problems else "\nno problems found")
    for p in problems:
        print("  " + p)
    sys.exit(1 if problems else 0)
