#!/usr/bin/env python3
"""Independent municipality-centre -> nearest-fast-charger distances for germany-fast-charging-gaps.

    python3 GeoData/tools/national_distance_check.py

Made with PROJ's command-line tools and plain Python only (no standort, no
shapely/pyproj): `cs2cs EPSG:4326 EPSG:3035` projects every municipality
centre and every fast charger into the scenario's working CRS (ETRS89-LAEA),
then a brute-force loop finds each centre's nearest charger (planar Euclidean
distance, as the scenario's `distance` criterion defines it). The numbers for
the handful of municipalities in CHECK are what
Tests/SiteScoringTests/NationalFastChargerDistanceTests.swift pins to 1 m; they
are also written to GeoData/reference/national_fast_charger_distances.csv.

It also measures what the equal-area working CRS costs: `geod -I +ellps=GRS80`
gives the geodesic (ellipsoidal) length of every centre -> nearest-charger pair,
and `proj -S` the LAEA scale factors at border towns. Deterministic output.
"""

import json
import os
import subprocess

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
LAEA = "+proj=laea +lat_0=52 +lon_0=10 +x_0=4321000 +y_0=3210000 +ellps=GRS80"  # EPSG:3035

# AGS of the municipalities checked by the Swift test: the border towns in every direction, the
# default scenario's city, and the top of the national ranking.
CHECK = [
    "03103000",  # Wolfsburg
    "14626110",  # Goerlitz (eastern border)
    "14626610",  # Zittau (south-east corner of Sachsen)
    "12053000",  # Frankfurt (Oder) (eastern border)
    "05334002",  # Aachen (western border)
    "05370024",  # Selfkant (westernmost municipality)
    "01001000",  # Flensburg (northern border)
    "09172116",  # Berchtesgaden (south-east)
    "12052000",  # Cottbus (rank 1 of the scenario)
    "15002000",  # Halle (Saale)
]


def load(rel):
    with open(os.path.join(ROOT, "layers", rel), encoding="utf-8") as fh:
        return json.load(fh)["features"]


def cs2cs_laea(lonlats):
    """EPSG:4326 (latitude, longitude input) -> EPSG:3035 (northing, easting output); returns (x, y)."""
    text = "".join(f"{lat!r} {lon!r}\n" for lon, lat in lonlats)
    out = subprocess.run(["cs2cs", "-f", "%.6f", "EPSG:4326", "EPSG:3035"], input=text,
                         capture_output=True, text=True, check=True).stdout.splitlines()
    result = []
    for line in out:
        n, e = (float(v) for v in line.split()[:2])
        result.append((e, n))
    assert len(result) == len(lonlats)
    return result


def geod(pairs):
    """Geodesic lengths (m) on GRS80 between ((lon1, lat1), (lon2, lat2)) pairs."""
    text = "".join(f"{a[1]!r} {a[0]!r} {b[1]!r} {b[0]!r}\n" for a, b in pairs)
    out = subprocess.run(["geod", "-I", "+ellps=GRS80", "-f", "%.6f"], input=text,
                         capture_output=True, text=True, check=True).stdout.splitlines()
    return [float(line.split()[2]) for line in out]


def main():
    towns = load("germany/municipalities.geojson")
    chargers = load("germany/fast_chargers.geojson")
    t_ll = [tuple(f["geometry"]["coordinates"]) for f in towns]
    c_ll = [tuple(f["geometry"]["coordinates"]) for f in chargers]
    t_xy = cs2cs_laea(t_ll)
    c_xy = cs2cs_laea(c_ll)

    nearest = []
    for x, y in t_xy:
        best, best_j = float("inf"), -1
        for j, (cx, cy) in enumerate(c_xy):
            d = (x - cx) ** 2 + (y - cy) ** 2
            if d < best:
                best, best_j = d, j
        nearest.append((best ** 0.5, best_j))
    geodesic = geod([(t_ll[i], c_ll[j]) for i, (_, j) in enumerate(nearest)])

    by_ags = {f["properties"]["ags"]: i for i, f in enumerate(towns)}
    print("Municipality centre -> nearest fast charger, EPSG:3035 (cs2cs), brute force:")
    rows = ["ags,name,lon,lat,charger_register_row,charger_lon,charger_lat,distance_laea_m,distance_geodesic_m"]
    for ags in CHECK:
        i = by_ags[ags]
        d, j = nearest[i]
        p, c = towns[i]["properties"], chargers[j]
        print(f"  {ags} {p['name']:32} {d:12.3f} m  (register row {c['properties']['register_row']}, "
              f"{c['properties']['postcode_city']}); geodesic {geodesic[i]:12.3f} m, "
              f"LAEA - geodesic {d - geodesic[i]:+.3f} m ({(d / geodesic[i] - 1) * 1e6:+.0f} ppm)")
        rows.append(f"{ags},\"{p['name']}\",{t_ll[i][0]!r},{t_ll[i][1]!r},{c['properties']['register_row']},"
                    f"{c_ll[j][0]!r},{c_ll[j][1]!r},{d:.3f},{geodesic[i]:.3f}")
    out = os.path.join(ROOT, "reference", "national_fast_charger_distances.csv")
    with open(out, "w", encoding="utf-8", newline="\n") as fh:
        fh.write("\n".join(rows) + "\n")
    print(f"wrote {os.path.relpath(out, ROOT)}")

    print("\nLAEA (EPSG:3035) planar distance against the geodesic, all 11,001 centre -> nearest-charger pairs:")
    errors = [(nearest[i][0] - g, nearest[i][0] / g - 1 if g > 0 else 0.0, i) for i, g in enumerate(geodesic)]
    for label, keep in (("all of Germany", lambda lon: True), ("east of 14.5 E", lambda lon: lon > 14.5),
                        ("west of 6.5 E", lambda lon: lon < 6.5)):
        sel = [e for e in errors if keep(t_ll[e[2]][0])]
        worst_rel = max(sel, key=lambda e: abs(e[1]))
        worst_abs = max(sel, key=lambda e: abs(e[0]))
        print(f"  {label:15} ({len(sel):5} pairs): largest relative {worst_rel[1] * 1e6:+.0f} ppm "
              f"({towns[worst_rel[2]]['properties']['name']}), largest absolute {worst_abs[0]:+.2f} m "
              f"on {nearest[worst_abs[2]][0] / 1000:.1f} km ({towns[worst_abs[2]]['properties']['name']})")

    print("\nLAEA point scale factors (proj -S: h meridian, k parallel; a, b largest and smallest):")
    places = [("Goerlitz", "14626110"), ("Zittau", "14626610"), ("Selfkant", "05370024"),
              ("Aachen", "05334002"), ("Flensburg", "01001000"), ("Berchtesgaden", "09172116")]
    text = "".join(f"{t_ll[by_ags[a]][0]!r} {t_ll[by_ags[a]][1]!r}\n" for _, a in places)
    out = subprocess.run(["proj", "-S"] + LAEA.split(), input=text, capture_output=True, text=True, check=True).stdout
    for (name, _), line in zip(places, out.splitlines()):
        h, k, s, omega, a, b = (float(v) for v in line.split("<")[1].rstrip(">").split())
        print(f"  {name:14} h {h:.6f}  k {k:.6f}  a {a:.6f}  b {b:.6f}  -> distances off by at most "
              f"{max(a - 1, 1 - b) * 100:.3f} %")


if __name__ == "__main__":
    main()
