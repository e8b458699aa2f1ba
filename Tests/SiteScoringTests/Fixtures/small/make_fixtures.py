"""Writes the small hand-computed scenario in three CRSs (EPSG:25832, EPSG:4326, Gauss-Krueger EPSG:31467).
Coordinates are designed in EPSG:25832; the other variants are transformed with cs2cs (PROJ 9.1)."""
import json, subprocess

def crs_member(code): return {"type": "name", "properties": {"name": f"urn:ogc:def:crs:EPSG::{code}"}}
sites = [
    ("A", {"type": "Point", "coordinates": [620000, 5810000]}, {"spaces": 50, "kind": "supermarket"}),
    ("B", {"type": "Point", "coordinates": [621000, 5810000]}, {"spaces": 30, "kind": "hotel"}),
    ("C", {"type": "Point", "coordinates": [620000, 5812000]}, {"spaces": 5, "kind": "hotel"}),
    ("D", {"type": "Point", "coordinates": [623000, 5811000]}, {"kind": "hotel"}),
    ("E", {"type": "Polygon", "coordinates": [[[618950, 5808950], [619050, 5808950], [619050, 5809050], [618950, 5809050], [618950, 5808950]]]}, {"spaces": 80, "kind": "retail_centre"}),
]
exits = [[620000, 5810500], [623000, 5813000]]
shops = [[620300, 5810400], [621000, 5811000], [619000, 5808000]]
area = [[[619500, 5809500], [621500, 5809500], [621500, 5810500], [619500, 5810500], [619500, 5809500]]]

def tr(coords, target):
    flat = []
    def walk(c):
        if isinstance(c[0], (int, float)): flat.append(c)
        else: [walk(x) for x in c]
    walk(coords)
    inp = "\n".join(f"{x} {y}" for x, y in flat) + "\n"
    args = ["cs2cs", "-f", "%.10f" if target == "OGC:CRS84" else "%.4f", "EPSG:25832", target]
    out = subprocess.run(args, input=inp, capture_output=True, text=True, check=True).stdout
    vals = [list(map(float, l.split()[:2])) for l in out.strip().split("\n")]
    if target == "EPSG:31467": vals = [[b, a] for a, b in vals]  # cs2cs prints GK northing first (EPSG axis order)
    it = iter(vals)
    def rebuild(c):
        if isinstance(c[0], (int, float)): return next(it)
        return [rebuild(x) for x in c]
    return rebuild(coords)

for variant, target in [("25832", None), ("4326", "OGC:CRS84"), ("31467", "EPSG:31467")]:
    def geom(g):
        return g if target is None else {"type": g["type"], "coordinates": tr(g["coordinates"], target)}
    def fc(features):
        d = {"type": "FeatureCollection", "features": features}
        if variant != "4326": d["crs"] = crs_member(variant)
        return d
    def write(name, features):
        json.dump(fc(features), open(f"{name}_{variant}.geojson", "w"), indent=1)
    write("sites", [{"type": "Feature", "properties": dict(site_id=i, **p), "geometry": geom(g)} for i, g, p in sites])
    write("exits", [{"type": "Feature", "properties": {"name": f"X{k+1}"}, "geometry": geom({"type": "Point", "coordinates": c})} for k, c in enumerate(exits)])
    write("shops", [{"type": "Feature", "properties": {"name": f"S{k+1}"}, "geometry": geom({"type": "Point", "coordinates": c})} for k, c in enumerate(shops)])
    write("area", [{"type": "Feature", "properties": {"name": "priority"}, "geometry": geom({"type": "Polygon", "coordinates": area})}])
    # Boundary cases (S2 and S3 exactly 1000 m away) are exact only in the design CRS; after a CRS round trip
    # they may land a micrometre outside, so the transformed variants use a radius of 1000.5 m.
    radius = 1000 if variant == "25832" else 1000.5
    open(f"scenario_{variant}.yaml", "w").write(f"""name: Small hand-computed scenario ({variant})
crs: EPSG:25832
method: wsm
candidates: {{path: sites_{variant}.geojson, id: site_id}}
layers:
  exits: {{path: exits_{variant}.geojson}}
  shops: {{path: shops_{variant}.geojson}}
  area: {{path: area_{variant}.geojson}}
criteria:
  - {{id: exit_distance, kind: distance, layer: exits, direction: cost, weight: 3}}
  - {{id: shops_1km, kind: count_within, layer: shops, radius: {radius}, direction: benefit, weight: 2}}
  - {{id: in_area, kind: inside, layer: area, direction: benefit, weight: 1}}
  - {{id: spaces, kind: attribute, field: spaces, direction: benefit, weight: 1}}
constraints:
  - {{id: too_small, kind: attribute, field: spaces, min: 10}}
""")
