#!/usr/bin/env python3
"""Independent re-implementation of `standort score` (WSM) for the shipped scenarios.

    python3 GeoData/tools/score_check.py GeoData/scenarios/wolfsburg-fast-charging.yaml [--top 10]

Written from the semantics in issue 3 / docs/scenario.md with shapely, pyproj
and numpy only, so the tool's ranking can be compared against it. Supports
what the shipped scenarios use: distance, count_within, sum_within, inside,
attribute, area criteria; distance/attribute/inside/outside constraints;
linear, piecewise, categories, threshold, gaussian value functions; weights
or AHP (principal eigenvector).

pyproj is pointed at the system PROJ data (/usr/share/proj, Debian proj-data)
so that DHDN layers go through the same BETA2007 grid as standort; without it
pyproj's bundled data falls back to a Helmert transformation (about 0.2-1 m off).

Spatial criteria go through shapely STRtrees (query_nearest for distances,
dwithin for count/sum within a radius, covered_by for inside), so the
nationwide scenario (11,001 municipalities, 9,681 chargers) takes seconds.
"""

import argparse
import csv
import json
import math
import os

import numpy as np
import pyproj
import shapely
import yaml
from pyproj import Transformer
from shapely.geometry import Point, shape

if os.path.isdir("/usr/share/proj"):
    pyproj.datadir.append_data_dir("/usr/share/proj")


def load_layer(base, spec, work):
    path = os.path.join(base, spec["path"])
    if path.endswith(".csv"):
        src = spec.get("crs", "EPSG:4326")
        t = Transformer.from_crs(src, work, always_xy=True)
        with open(path, encoding="utf-8-sig", newline="") as fh:
            head = fh.readline()
            fh.seek(0)
            delim = ";" if head.count(";") > head.count(",") else ","
            rows = list(csv.DictReader(fh, delimiter=delim))

        def num(text):
            return float(text.replace(",", ".") if delim == ";" else text)

        def cell(text):
            try:
                return num(text) if text.strip() else None
            except ValueError:
                return text
        return [({k: cell(v) for k, v in r.items()}, Point(t.transform(num(r[spec.get("x", "lon")]), num(r[spec.get("y", "lat")]))))
                for r in rows]
    with open(path, encoding="utf-8") as fh:
        fc = json.load(fh)
    name = fc.get("crs", {}).get("properties", {}).get("name")
    src = spec.get("crs") or ("EPSG:" + name.rsplit(":", 1)[1] if name else "EPSG:4326")
    t = Transformer.from_crs(src, work, always_xy=True)
    out = []
    for f in fc["features"]:
        g = shapely.transform(shape(f["geometry"]), lambda a: np.column_stack(t.transform(a[:, 0], a[:, 1])))
        out.append((f["properties"], g))
    return out


class Layer:
    """A layer's features with an STRtree over its geometries."""

    def __init__(self, features):
        self.props = [p for p, _ in features]
        self.geoms = np.array([g for _, g in features], dtype=object)
        self.tree = shapely.STRtree(self.geoms)

    def nearest_distance(self, sites):
        idx, dist = self.tree.query_nearest(sites, return_distance=True, all_matches=True)
        out = np.full(len(sites), np.inf)
        np.minimum.at(out, idx[0], dist)
        return out

    def within(self, sites, radius):
        """Pairs (site index, feature index) with distance <= radius."""
        return self.tree.query(sites, predicate="dwithin", distance=radius)

    def covering(self, sites):
        hit = np.zeros(len(sites), dtype=bool)
        idx = self.tree.query(sites, predicate="covered_by")
        hit[idx[0]] = True
        return hit


def raw_values(c, cands, sites, layers):
    """One criterion's raw values for all sites (sites: reference points in the working CRS)."""
    kind = c["kind"]
    if kind == "distance":
        return list(layers[c["layer"]].nearest_distance(sites))
    if kind in ("count_within", "sum_within"):
        layer = layers[c["layer"]]
        pairs = layer.within(sites, c["radius"])
        out = np.zeros(len(sites))
        w = np.ones(pairs.shape[1]) if kind == "count_within" else np.array([float(layer.props[j][c["field"]]) for j in pairs[1]])
        np.add.at(out, pairs[0], w)
        return list(out)
    if kind == "inside":
        return [1.0 if x else 0.0 for x in layers[c["layer"]].covering(sites)]
    if kind == "attribute":
        return [p.get(c["field"]) for p, _ in cands]
    if kind == "area":
        return [g.area for _, g in cands]
    raise ValueError(kind)


def value(c, x, lo, hi):
    vf = c.get("value")
    benefit = c.get("direction", "benefit") == "benefit"
    if vf is None:
        if hi == lo:
            return 1.0
        return (x - lo) / (hi - lo) if benefit else (hi - x) / (hi - lo)
    if "linear" in vf:
        a, b = vf["linear"]
        v = min(1.0, max(0.0, (x - a) / (b - a)))
        return v if benefit else 1.0 - v
    if "threshold" in vf:
        return float(x >= vf["threshold"]) if benefit else float(x <= vf["threshold"])
    if "piecewise" in vf:
        pts = vf["piecewise"]
        return float(np.interp(x, [p[0] for p in pts], [p[1] for p in pts]))
    if "categories" in vf:
        return vf["categories"].get(x, vf.get("default", 0.0))
    if "gaussian" in vf:
        g = vf["gaussian"]
        return math.exp(-((x - g["ideal"]) ** 2) / (2 * g["width"] ** 2))
    raise ValueError(vf)


def ahp_weights(ids, judgements):
    n = len(ids)
    A = np.ones((n, n))
    for a, b, s in judgements:
        i, j = ids.index(a), ids.index(b)
        A[i, j], A[j, i] = s, 1.0 / s
    vals, vecs = np.linalg.eig(A)
    k = int(np.argmax(vals.real))
    w = np.abs(vecs[:, k].real)
    return w / w.sum()


def sort_key(site_id):
    try:
        return (0, float(site_id), "")
    except ValueError:
        return (1, 0.0, str(site_id))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("scenario")
    ap.add_argument("--top", type=int, default=10)
    ap.add_argument("--json", action="store_true", help="print every site's raw values, values, score and rank as JSON")
    args = ap.parse_args()
    base = os.path.dirname(os.path.abspath(args.scenario))
    with open(args.scenario, encoding="utf-8") as fh:
        sc = yaml.safe_load(fh)
    work = sc.get("crs", "EPSG:25832")
    if work == "auto":
        raise SystemExit("score_check.py needs an explicit working CRS")
    layers = {k: Layer(load_layer(base, v, work)) for k, v in sc.get("layers", {}).items()}
    cands = load_layer(base, sc["candidates"], work)
    id_field = sc["candidates"].get("id")
    crits = sc["criteria"]
    ids = [c["id"] for c in crits]
    if "ahp" in sc:
        w = ahp_weights(ids, sc["ahp"])
    else:
        w = np.array([float(c.get("weight", 1)) for c in crits])
        w = w / w.sum()

    points = np.array([g.centroid for _, g in cands], dtype=object)
    raw_by_criterion = [raw_values(c, cands, points, layers) for c in crits]
    failed = []
    for con in sc.get("constraints", []):
        k = con["kind"]
        if k == "distance":
            d = layers[con["layer"]].nearest_distance(points)
            bad = [("min" in con and x < con["min"]) or ("max" in con and x > con["max"]) for x in d]
        elif k == "attribute":
            xs = [p.get(con["field"]) for p, _ in cands]
            bad = [x is not None and (("min" in con and x < con["min"]) or ("max" in con and x > con["max"])) for x in xs]
        elif k in ("inside", "outside"):
            ins = layers[con["layer"]].covering(points)
            bad = [not x for x in ins] if k == "inside" else list(ins)
        else:
            raise ValueError(k)
        failed.append((con["id"], bad))
    sites = []
    for i, (p, g) in enumerate(cands):
        sid = p.get(id_field) if id_field else i + 1
        excluded = [cid for cid, bad in failed if bad[i]]
        raw = [r[i] for r in raw_by_criterion]
        excluded += [f"missing:{c['field']}" for c, x in zip(crits, raw) if x is None]
        sites.append({"id": sid, "raw": raw, "excluded": excluded})

    eligible = [s for s in sites if not s["excluded"]]
    for j, c in enumerate(crits):
        xs = [s["raw"][j] for s in eligible if not isinstance(s["raw"][j], str)]
        lo, hi = (min(xs), max(xs)) if xs else (0, 0)
        for s in eligible:
            s.setdefault("v", []).append(value(c, s["raw"][j], lo, hi))
    for s in eligible:
        s["score"] = float(np.dot(w, s["v"]))
    eligible.sort(key=lambda s: (-s["score"], sort_key(s["id"])))

    if args.json:
        rank = {s["id"]: r for r, s in enumerate(eligible, 1)}
        print(json.dumps([{"id": s["id"], "rank": rank.get(s["id"]), "score": s.get("score"),
                           "excluded_by": s["excluded"], "raw": dict(zip(ids, s["raw"])),
                           "value": dict(zip(ids, s["v"])) if "v" in s else None} for s in sites], indent=1))
        return
    print(f"{sc['name']}\nweights: " + ", ".join(f"{i} {x:.4f}" for i, x in zip(ids, w)))
    print(f"candidates {len(sites)}, scored {len(eligible)}, excluded {len(sites) - len(eligible)}")
    for rank, s in enumerate(eligible[: args.top], 1):
        raw = ", ".join(f"{i}={x:.0f}" if not isinstance(x, str) else f"{i}={x}" for i, x in zip(ids, s["raw"]))
        print(f"{rank:3} {s['id']:7} {s['score']:.6f}  {raw}")
    reasons = {}
    for s in sites:
        for r in s["excluded"]:
            reasons[r] = reasons.get(r, 0) + 1
    print("excluded by: " + (", ".join(f"{k} {v}" for k, v in reasons.items()) or "none"))
    if len(sites) <= 100:
        for s in sites:
            if s["excluded"]:
                print(f"  excluded {s['id']}: {';'.join(s['excluded'])}")


if __name__ == "__main__":
    main()
