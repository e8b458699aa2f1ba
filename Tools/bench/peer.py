#!/usr/bin/env python3
"""Python peer of `standort score`: the same scenario computed the way a skilled GIS
analyst would, with the best Python tools (issue 7), and a checker against Standort.

    peer.py SCENARIO.yaml [--out ranked.geojson] [--method wsm|topsis] [--timings T.json]
                          [--check STANDORT_OUTPUT.geojson] [--quiet]

Semantics follow docs/scenario.md (issue 3): every site is measured from its centroid
(area-weighted for polygons, length-weighted for lines) in the working CRS; distances are
planar; count_within / sum_within include a feature whose geometry distance is <= radius;
inside is boundary-inclusive; value functions default to min-max over eligible sites;
WSM = sum w_i v_i with weights normalised to 1; TOPSIS (Hwang & Yoon) on raw values with
vector normalisation (criteria with an explicit `value:` enter as v, benefit); ranking by
score descending, ties by id ascending.

Tools (issue 15: as strong as Python gets): GeoJSON read with orjson (or json.loads) of the
whole file with the cyclic garbage collector off, into numpy columns; CSV with pandas;
pyproj (always_xy) with one batched transform per layer; shapely 2 (centroids, STRtree
query_nearest for distances to lines and polygons, STRtree box query + prepared
intersects_xy for `inside`, STRtree dwithin pairs for radius queries on lines and
polygons); scipy cKDTree for point layers (nearest and counts with workers=-1,
query_ball_point(return_length=True) per radius for counts, one sparse pair query per
chunk of sites for sums); numpy for the MCDA; the output written with one %-format bytes
template per row, numbers from orjson's numpy serialiser (shortest round-trip text), large
sequential writes. `--legacy-io` uses the issue-7 peer's pyogrio read and write instead.

Prints the stage timings as JSON: read, transform, criteria, aggregate, write, total
(seconds, wall clock, measured after the Python imports, which are reported as
`startup`).
"""
import time

_T_IMPORT = time.perf_counter()

import argparse  # noqa: E402
import gc  # noqa: E402
import json  # noqa: E402
import math  # noqa: E402
import os  # noqa: E402
import sys  # noqa: E402

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import shapely  # noqa: E402
import yaml  # noqa: E402
from pyproj import CRS, Transformer  # noqa: E402
from scipy.spatial import cKDTree  # noqa: E402

try:
    import orjson  # noqa: E402
except ImportError:  # plain json is ~2x slower to parse and has no numpy serialiser
    orjson = None

STARTUP = time.perf_counter() - _T_IMPORT
SPATIAL_KINDS = ("distance", "count_within", "sum_within", "inside", "outside")


class ScenarioError(Exception):
    pass


# ------------------------------------------------------------------------ reading

class Table:
    """Feature properties: the parsed dicts (for writing them back) and numeric columns on demand."""

    def __init__(self, props=None, frame=None):
        self.props, self.frame = props, frame
        self._cols = {}

    def __len__(self):
        return len(self.frame) if self.frame is not None else len(self.props)

    def has(self, field):
        if self.frame is not None:
            return field in self.frame.columns
        return any(field in p for p in self.props[:1000]) or any(field in p for p in self.props)

    def values(self, field):
        """The field as a Python list (None where absent)."""
        if self.frame is not None:
            return self.frame[field].tolist() if field in self.frame.columns else [None] * len(self.frame)
        return [p.get(field) for p in self.props]

    def numeric(self, field):
        """The field as float64 (NaN where absent, null or not a number), like pandas.to_numeric(coerce)."""
        if field not in self._cols:
            if self.frame is not None:
                col = (pd.to_numeric(self.frame[field], errors="coerce").to_numpy(float)
                       if field in self.frame.columns else np.full(len(self.frame), np.nan))
            else:
                vals = self.values(field)
                try:
                    col = np.array(vals, dtype=float)  # None -> NaN
                except (TypeError, ValueError):
                    col = pd.to_numeric(pd.Series(vals, dtype=object), errors="coerce").to_numpy(float)
                bools = [i for i, v in enumerate(vals) if isinstance(v, bool)]
                if bools:  # Standort reads booleans as 1/0 too
                    col[bools] = [float(vals[i]) for i in bools]
            self._cols[field] = col
        return self._cols[field]


class Layer:
    """A layer's table, geometries (lon/lat or source CRS) and its working-CRS forms."""

    def __init__(self, name, table, geoms, crs, xy=None, geojson=None):
        self.name, self.table, self.geoms, self.crs = name, table, geoms, crs
        self.xy = xy              # source coordinates of a point layer (n, 2)
        self.geojson = geojson    # the parsed geometry dicts (fast path), written back as read
        self.work = None          # working-CRS geometries (non-point layers)
        self.work_xy = None       # working-CRS coordinates of a point layer
        self._kd = self._tree = None

    @property
    def is_points(self):
        return self.xy is not None

    def kd(self):
        if self._kd is None:
            self._kd = cKDTree(self.work_xy)
        return self._kd

    def tree(self):
        if self._tree is None:
            self._tree = shapely.STRtree(self.work)
        return self._tree


def load_json(path):
    """The whole file parsed in one call, with the cyclic GC off (it would rescan millions of dicts)."""
    with open(path, "rb") as f:
        data = f.read()
    enabled = gc.isenabled()
    gc.disable()
    try:
        return orjson.loads(data) if orjson else json.loads(data)
    finally:
        if enabled:
            gc.enable()


def geometries_from_geojson(geoms):
    """shapely geometries from parsed GeoJSON geometry dicts, built in bulk: all coordinates in one
    array, then shapely.points / linestrings / linearrings / polygons over index arrays. Returns
    (geometries, point_xy or None); None when a geometry type is not handled here (fallback)."""
    n = len(geoms)
    types = [g["type"] if g else None for g in geoms]
    if all(t == "Point" for t in types):
        xy = np.array([g["coordinates"][:2] for g in geoms], dtype=float).reshape(n, 2)
        return shapely.points(xy), xy
    if any(t not in ("Point", "LineString", "Polygon") for t in types):
        return None, None
    coords, ring_of, ring_poly, kind = [], [], [], np.zeros(n, dtype=np.int8)
    line_coords, line_idx, pt = [], [], []
    nring = 0
    for i, (t, g) in enumerate(zip(types, geoms)):
        c = g["coordinates"]
        if t == "Point":
            pt.append(i)
        elif t == "LineString":
            kind[i] = 1
            line_coords.extend(c)
            line_idx.extend([i] * len(c))
        else:
            kind[i] = 2
            for ring in c:
                coords.extend(ring)
                ring_of.extend([nring] * len(ring))
                ring_poly.append(i)
                nring += 1
    out = np.empty(n, dtype=object)
    if pt:
        pt = np.array(pt)
        out[pt] = shapely.points(np.array([geoms[i]["coordinates"][:2] for i in pt], dtype=float))
    if line_idx:
        owners, li = np.unique(np.array(line_idx), return_inverse=True)
        out[owners] = shapely.linestrings(np.array(line_coords, dtype=float)[:, :2], indices=li)
    if nring:
        rings = shapely.linearrings(np.array(coords, dtype=float)[:, :2], indices=np.array(ring_of))
        owners, rp = np.unique(np.array(ring_poly), return_inverse=True)
        # polygons(rings, indices=) takes the first ring of each index as the shell, the rest as holes
        out[owners] = shapely.polygons(rings, indices=rp)
    return out, None


def read_layer(name, spec, base, legacy=False):
    path = os.path.join(base, spec["path"])
    if path.lower().endswith(".csv"):
        frame = pd.read_csv(path)
        xcol, ycol = spec.get("x", "x"), spec.get("y", "y")
        xy = np.column_stack([frame[xcol].to_numpy(float), frame[ycol].to_numpy(float)])
        return Layer(name, Table(frame=frame), None, CRS.from_user_input(spec.get("crs", "EPSG:4326")), xy)
    if not legacy and path.lower().endswith((".geojson", ".json")):
        doc = load_json(path)
        feats = doc.get("features", [])
        gj = [f.get("geometry") for f in feats]
        geoms, xy = geometries_from_geojson(gj)
        if geoms is not None:
            props = [f.get("properties") or {} for f in feats]
            crs = CRS.from_user_input(spec["crs"]) if spec.get("crs") else CRS.from_epsg(4326)
            return Layer(name, Table(props=props), geoms, crs, xy, geojson=gj)
    import pyogrio  # only for other formats and --legacy-io
    frame = pyogrio.read_dataframe(path, use_arrow=True)
    crs = CRS.from_user_input(spec["crs"]) if spec.get("crs") else (frame.crs or CRS.from_epsg(4326))
    geoms = frame.geometry.array._data if hasattr(frame.geometry.array, "_data") else np.asarray(frame.geometry)
    geoms = np.asarray(geoms)
    table = Table(frame=frame.drop(columns=["geometry"]))
    if len(geoms) and (shapely.get_type_id(geoms) == 0).all():
        return Layer(name, table, geoms, crs, shapely.get_coordinates(geoms))
    return Layer(name, table, geoms, crs)


def transform_layer(layer, work_crs):
    tr = Transformer.from_crs(layer.crs, work_crs, always_xy=True)
    if layer.is_points:
        x, y = tr.transform(layer.xy[:, 0], layer.xy[:, 1])
        layer.work_xy = np.column_stack([x, y])
    else:
        coords = shapely.get_coordinates(layer.geoms)
        x, y = tr.transform(coords[:, 0], coords[:, 1])
        layer.work = shapely.set_coordinates(layer.geoms.copy(), np.column_stack([x, y]))


# ------------------------------------------------------------------------ criteria

class Spatial:
    """Spatial measurements of the sites against layers, computed once per question."""

    PAIR_CHUNK = 50_000  # sites per sparse pair query (bounds the pair arrays' memory)

    def __init__(self, sites_xy, site_points, layers):
        self.xy, self.points, self.layers = sites_xy, site_points, layers
        self.cache = {}
        self._site_kd = None

    def site_kd(self):
        if self._site_kd is None:
            self._site_kd = cKDTree(self.xy)
        return self._site_kd

    def distance(self, name):
        key = ("distance", name)
        if key not in self.cache:
            layer = self.layers[name]
            if layer.is_points:
                d, _ = layer.kd().query(self.xy, k=1, workers=-1)
            else:
                idx, d = layer.tree().query_nearest(self.points, return_distance=True, all_matches=False)
                out = np.full(len(self.xy), np.inf)
                out[idx[0]] = d
                d = out
            self.cache[key] = d
        return self.cache[key]

    def line_pairs(self, name, r):
        """(site index, feature index, distance) for every pair within r (line and polygon layers)."""
        key = ("pairs", name, r)
        if key not in self.cache:
            layer = self.layers[name]
            si, fi = layer.tree().query(self.points, predicate="dwithin", distance=r)
            self.cache[key] = (si, fi, shapely.distance(self.points[si], layer.work[fi]))
        return self.cache[key]

    def count_within(self, name, radius):
        layer = self.layers[name]
        if layer.is_points:
            # One ball query per site, counted in C without materialising the neighbours.
            return layer.kd().query_ball_point(self.xy, radius, return_length=True, workers=-1).astype(float)
        si, _, d = self.line_pairs(name, radius)
        return np.bincount(si[d <= radius], minlength=len(self.xy)).astype(float)

    def sum_within(self, name, radius, field):
        layer = self.layers[name]
        w = np.nan_to_num(layer.table.numeric(field), nan=0.0)
        n = len(self.xy)
        if not layer.is_points:
            si, fi, d = self.line_pairs(name, radius)
            keep = d <= radius
            return np.bincount(si[keep], weights=w[fi[keep]], minlength=n)
        out = np.zeros(n)
        kd = layer.kd()
        for a in range(0, n, self.PAIR_CHUNK):
            b = min(n, a + self.PAIR_CHUNK)
            m = cKDTree(self.xy[a:b]).sparse_distance_matrix(kd, radius, output_type="ndarray")
            out[a:b] = np.bincount(m["i"], weights=w[m["j"]], minlength=b - a)
        return out

    def inside(self, name):
        key = ("inside", name)
        if key not in self.cache:
            layer = self.layers[name]
            out = np.zeros(len(self.xy))
            if layer.is_points:
                _, idx = layer.kd().query(self.xy, k=1, distance_upper_bound=0.0, workers=-1)
                out[idx < len(layer.work_xy)] = 1.0
            else:
                # Box candidates from the STRtree, then the exact boundary-inclusive test on prepared
                # polygons (faster than predicate="intersects", issue 7's micro-benchmark).
                si, fi = layer.tree().query(self.points)
                shapely.prepare(layer.work)
                hit = shapely.intersects_xy(layer.work[fi], self.xy[si, 0], self.xy[si, 1])
                out[si[hit]] = 1.0
            self.cache[key] = out
        return self.cache[key]


def attribute(table, field):
    return table.numeric(field)


# ------------------------------------------------------------------------ MCDA

def value_function(x, spec, direction, eligible):
    if spec is None:
        xe = x[eligible]
        lo, hi = (xe.min(), xe.max()) if len(xe) else (0.0, 0.0)
        if hi == lo:
            return np.ones_like(x)
        return (x - lo) / (hi - lo) if direction == "benefit" else (hi - x) / (hi - lo)
    if "linear" in spec:
        a, b = spec["linear"]
        v = np.clip((x - a) / (b - a), 0.0, 1.0)
        return v if direction == "benefit" else 1.0 - v
    if "threshold" in spec:
        t = spec["threshold"]
        return (x >= t if direction == "benefit" else x <= t).astype(float)
    if "piecewise" in spec:
        pts = np.array(spec["piecewise"], dtype=float)
        return np.interp(x, pts[:, 0], pts[:, 1])
    if "gaussian" in spec:
        g = spec["gaussian"]
        return np.exp(-((x - g["ideal"]) ** 2) / (2.0 * g["width"] ** 2))
    raise ScenarioError(f"value function {spec!r} is not supported by the peer")


def topsis(x, weights, benefit):
    """Hwang & Yoon: vector normalisation, weighting, ideal/anti-ideal, closeness."""
    norm = np.sqrt((x * x).sum(axis=0))
    r = np.divide(x, norm, out=np.zeros_like(x), where=norm > 0)
    v = r * weights
    best = np.where(benefit, v.max(axis=0), v.min(axis=0)) if len(v) else np.zeros(len(weights))
    worst = np.where(benefit, v.min(axis=0), v.max(axis=0)) if len(v) else np.zeros(len(weights))
    dp = np.sqrt(((v - best) ** 2).sum(axis=1))
    dm = np.sqrt(((v - worst) ** 2).sum(axis=1))
    denom = dp + dm
    return np.divide(dm, denom, out=np.ones_like(dm), where=denom > 0)


def id_sort_key(v):
    """Standort's SiteID order: numbers numerically and before strings, strings by code point."""
    if isinstance(v, (int, float, np.integer, np.floating)) and not isinstance(v, bool):
        return (0, float(v), "")
    return (1, 0.0, str(v))


# ------------------------------------------------------------------------ run

def run(args):
    # Millions of parsed dicts and lists stay alive for the whole run: the cyclic collector would rescan
    # them on every generation-2 pass (it cost seconds here); nothing in the peer creates cycles.
    gc.disable()
    timings = {}
    t_start = time.perf_counter()
    with open(args.scenario, encoding="utf-8") as f:
        sc = yaml.safe_load(f)
    base = os.path.dirname(os.path.abspath(args.scenario))
    method = args.method or sc.get("method", "wsm")
    work_crs = CRS.from_user_input(sc.get("crs", "auto"))
    if not work_crs.is_projected:
        raise ScenarioError("the peer needs an explicit projected working CRS")
    criteria = sc.get("criteria", [])
    constraints = sc.get("constraints", []) or []
    if "ahp" in sc:
        raise ScenarioError("AHP weights are not supported by the peer")

    # ---- read
    t = time.perf_counter()
    cand_spec = dict(sc["candidates"])
    cand = read_layer("candidates", cand_spec, base, args.legacy_io)
    used = {c["layer"] for c in criteria + constraints if c["kind"] in SPATIAL_KINDS}
    layers = {name: read_layer(name, spec, base, args.legacy_io) for name, spec in sc.get("layers", {}).items() if name in used}
    timings["read"] = time.perf_counter() - t

    # ---- transform (one batched pyproj call per layer) and site centroids
    t = time.perf_counter()
    transform_layer(cand, work_crs)
    for layer in layers.values():
        transform_layer(layer, work_crs)
    if cand.is_points:
        sites_xy = cand.work_xy
    else:
        sites_xy = shapely.get_coordinates(shapely.centroid(cand.work))
    site_points = shapely.points(sites_xy)
    timings["transform"] = time.perf_counter() - t

    # ---- criteria and constraints
    t = time.perf_counter()
    n = len(sites_xy)
    frame = cand.table
    id_field = cand_spec.get("id")
    has_id_column = not id_field and frame.has("id")
    if id_field:
        ids = frame.values(id_field)
    elif has_id_column:
        ids = frame.values("id")
    else:
        ids = list(range(1, n + 1))
    spatial = Spatial(sites_xy, site_points, layers)
    raw = {}
    missing_fields = []
    for c in criteria:
        k = c["kind"]
        if k == "distance":
            raw[c["id"]] = spatial.distance(c["layer"])
        elif k == "count_within":
            raw[c["id"]] = spatial.count_within(c["layer"], float(c["radius"]))
        elif k == "sum_within":
            raw[c["id"]] = spatial.sum_within(c["layer"], float(c["radius"]), c["field"])
        elif k == "inside":
            raw[c["id"]] = spatial.inside(c["layer"])
        elif k == "attribute":
            raw[c["id"]] = attribute(frame, c["field"])
            if c["field"] not in missing_fields:
                missing_fields.append(c["field"])
        elif k == "area":
            raw[c["id"]] = shapely.area(cand.work) if cand.work is not None else np.zeros(n)
        else:
            raise ScenarioError(f"criterion kind {k!r} is not supported by the peer")
    failed = []  # (constraint id, bool mask) in scenario order
    for c in constraints:
        k = c["kind"]
        if k == "attribute":
            x = attribute(frame, c["field"])
            if c["field"] not in missing_fields:
                missing_fields.append(c["field"])
        elif k == "distance":
            x = spatial.distance(c["layer"])
        elif k in ("inside", "outside"):
            x = spatial.inside(c["layer"])
        else:
            raise ScenarioError(f"constraint kind {k!r} is not supported by the peer")
        if k == "inside":
            bad = x == 0.0
        elif k == "outside":
            bad = x == 1.0
        else:
            bad = np.zeros(n, dtype=bool)
            with np.errstate(invalid="ignore"):
                if "min" in c:
                    bad |= x < float(c["min"])
                if "max" in c:
                    bad |= x > float(c["max"])
        failed.append((c["id"], bad))
    for field in missing_fields:
        failed.append((f"missing:{field}", np.isnan(attribute(frame, field))))
    excluded = np.zeros(n, dtype=bool)
    for _, bad in failed:
        excluded |= bad
    timings["criteria"] = time.perf_counter() - t

    # ---- aggregate
    t = time.perf_counter()
    eligible = ~excluded
    w = np.array([float(c.get("weight", 0.0)) for c in criteria])
    if w.sum() <= 0:
        raise ScenarioError("all weights are zero")
    w = w / w.sum()
    values = {}
    for c in criteria:
        values[c["id"]] = value_function(raw[c["id"]], c.get("value"), c.get("direction", "benefit"), eligible)
    if method == "wsm":
        score_e = sum(w[i] * values[c["id"]][eligible] for i, c in enumerate(criteria))
        score_e = np.asarray(score_e, dtype=float)
    elif method == "topsis":
        cols, benefit = [], []
        for c in criteria:
            if c.get("value") is not None:
                cols.append(values[c["id"]][eligible])
                benefit.append(True)
            else:
                cols.append(raw[c["id"]][eligible])
                benefit.append(c.get("direction", "benefit") == "benefit")
        score_e = topsis(np.column_stack(cols), w, np.array(benefit))
    else:
        raise ScenarioError(f"unknown method {method!r}")
    elig_idx = np.flatnonzero(eligible)
    ids_arr = np.asarray(ids, dtype=object)
    if all(isinstance(v, (int, np.integer)) for v in ids):
        order = np.lexsort((np.asarray(ids, dtype=np.int64)[elig_idx], -score_e))
    else:
        keys = [id_sort_key(v) for v in ids_arr[elig_idx]]
        order = np.array(sorted(range(len(elig_idx)), key=lambda i: (-score_e[i], keys[i])), dtype=np.int64)
    rank = np.full(n, -1, dtype=np.int64)
    rank[elig_idx[order]] = np.arange(1, len(order) + 1)
    score = np.full(n, np.nan)
    score[elig_idx] = score_e
    reasons = np.full(n, "", dtype=object)
    for cid, bad in failed:
        hit = np.flatnonzero(bad)
        reasons[hit] = [r + ";" + cid if r else cid for r in reasons[hit]]
    timings["aggregate"] = time.perf_counter() - t

    result = {"id_field": id_field or ("id" if has_id_column else None), "ids": ids, "raw": raw, "values": values, "rank": rank, "score": score,
              "excluded": excluded, "excluded_by": reasons, "criteria": criteria,
              "spatial_inputs": (sites_xy, layers)}

    # ---- write
    t = time.perf_counter()
    if args.out:
        (write_output_legacy if args.legacy_io else write_output)(args.out, cand, result, eligible)
    timings["write"] = time.perf_counter() - t
    timings["total"] = time.perf_counter() - t_start
    timings["startup"] = STARTUP
    return result, timings


def output_order(result, eligible):
    """Ranked sites by rank, then the excluded ones by id (Standort's output order)."""
    excl_idx = np.flatnonzero(~eligible)
    ids = result["ids"]
    if all(isinstance(v, int) and not isinstance(v, bool) for v in ids):
        excl_order = excl_idx[np.argsort(np.asarray(ids, dtype=np.int64)[excl_idx], kind="stable")]
    else:
        excl_keys = [id_sort_key(ids[i]) for i in excl_idx]
        excl_order = excl_idx[np.array(sorted(range(len(excl_idx)), key=excl_keys.__getitem__), dtype=np.int64)] \
            if len(excl_idx) else excl_idx
    elig_idx = np.flatnonzero(eligible)
    return np.concatenate([elig_idx[np.argsort(result["rank"][elig_idx], kind="stable")], excl_order])


def number_texts(x, integral=False):
    """Each element's JSON text (bytes): shortest round-trip for floats, integers without a fraction,
    null for NaN/inf, from one orjson call over the whole column (C speed) split at the commas."""
    x = np.asarray(x, dtype=float)
    finite = np.isfinite(x)
    if integral or (finite.all() and (x == np.round(x)).all() and np.abs(x).max(initial=0) < 2 ** 53):
        text = orjson.dumps(np.where(finite, x, 0).astype(np.int64), option=orjson.OPT_SERIALIZE_NUMPY)
        parts = text[1:-1].split(b",") if len(x) else []
        if not finite.all():
            parts = np.array(parts, dtype=object)
            parts[~finite] = b"null"
            parts = parts.tolist()
        return parts
    # integral values among non-integral ones: Standort writes them without ".0"
    text = orjson.dumps(np.where(finite, x, np.nan), option=orjson.OPT_SERIALIZE_NUMPY)
    parts = text[1:-1].split(b",") if len(x) else []
    whole = finite & (x == np.round(x)) & (np.abs(x) < 2 ** 53)
    if whole.any():
        parts = np.array(parts, dtype=object)
        parts[whole] = [b"%d" % v for v in x[whole].astype(np.int64).tolist()]
        parts = parts.tolist()
    return parts


def write_output(path, cand, result, eligible):
    """The ranked FeatureCollection: each row is one bytes %-template filled with pre-serialised
    column texts (original properties and geometry serialised by orjson, numbers per column in one
    orjson call), joined and written in large sequential writes."""
    if orjson is None:
        return write_output_legacy(path, cand, result, eligible)
    order = output_order(result, eligible)
    elig = eligible[order]
    props = cand.table.props
    if props is None:  # CSV candidates: the row's columns are its properties
        props = cand.table.frame.to_dict("records")
    dumps = orjson.dumps
    # An added property whose name the candidate already has takes that property's place (Standort's
    # rule): set it in the original dicts and leave it out of the appended members.
    added = ["rank", "score", "excluded", "excluded_by"] + [n for c in result["criteria"] for n in (c["id"], c["id"] + "_value")]
    present = set()
    for p in props:
        present.update(p)
    clash = [k for k in added if k in present]
    for k in clash:
        cid = k[:-6] if k.endswith("_value") and k[:-6] in result["values"] else k
        if cid not in result["raw"]:
            raise ScenarioError(f"the peer does not rename the candidate property {k!r}")
        col = result["values"][cid] if k != cid else result["raw"][cid]
        if k != cid:
            col = np.where(eligible, col, np.nan)
        integral = k == cid and next(c["kind"] for c in result["criteria"] if c["id"] == cid) in ("count_within", "inside")
        for p, v in zip(props, col.tolist()):
            if k in p:
                p[k] = None if v != v or v in (math.inf, -math.inf) else (int(v) if integral or v == int(v) else v)
    cols = [[dumps(props[i])[1:-1] for i in order.tolist()]]  # original members, as read
    rank = number_texts(result["rank"][order], integral=True)
    score = number_texts(np.where(elig, result["score"][order], np.nan))
    cols += [rank, score]
    if not elig.all():
        rank_arr = np.array(rank, dtype=object)
        rank_arr[~elig] = b"null"
        cols[1] = rank_arr.tolist()
    cols.append([b"false" if e else b"true" for e in elig.tolist()])
    cols.append([dumps(r) for r in result["excluded_by"][order].tolist()])
    keys = [b'"rank":%b', b'"score":%b', b'"excluded":%b', b'"excluded_by":%b']
    for c in result["criteria"]:
        cid = c["id"]
        integral = c["kind"] in ("count_within", "inside")
        cols.append(number_texts(result["raw"][cid][order], integral=integral))
        cols.append(number_texts(np.where(elig, result["values"][cid][order], np.nan)))
        keys += [dumps(cid) + b":%b", dumps(cid + "_value") + b":%b"]
    if clash:  # drop the clashing members' columns (their values are in the original members)
        keep = [j for j, k in enumerate(added) if k not in clash]
        cols = cols[:1] + [cols[1 + j] for j in keep] + cols[1 + len(added):]
        keys = [keys[j] for j in keep]
    geoms = cand.geojson
    if geoms is None:  # CSV candidates: points in their source CRS, RFC 7946 wants lon/lat
        tr = Transformer.from_crs(cand.crs, "EPSG:4326", always_xy=True)
        lon, lat = tr.transform(cand.xy[:, 0], cand.xy[:, 1])
        xs, ys = number_texts(lon), number_texts(lat)
        cols.append([b'{"type":"Point","coordinates":[%b,%b]}' % (xs[i], ys[i]) for i in order.tolist()])
    else:
        cols.append([dumps(geoms[i]) for i in order.tolist()])
    row = b'{"type":"Feature","properties":{%b,' + b",".join(keys) + b'},"geometry":%b}'
    row_empty = b'{"type":"Feature","properties":{' + b",".join(keys) + b'},"geometry":%b}'
    head = b'{"type":"FeatureCollection",\n"features":[\n'
    with open(path, "wb", buffering=0) as f:
        f.write(head)
        n = len(order)
        step = 65536
        for a in range(0, n, step):
            rows = [(row % t) if t[0] else (row_empty % t[1:]) for t in zip(*(col[a:a + step] for col in cols))]
            f.write(b",\n".join(rows) + (b",\n" if a + step < n else b"\n"))
        f.write(b"]}\n")


def write_output_legacy(path, cand, result, eligible):
    n = len(result["ids"])
    excl_idx = np.flatnonzero(~eligible)
    excl_keys = [id_sort_key(v) for v in np.asarray(result["ids"], dtype=object)[excl_idx]]
    excl_order = excl_idx[np.array(sorted(range(len(excl_idx)), key=excl_keys.__getitem__), dtype=np.int64)] \
        if len(excl_idx) else excl_idx
    elig_idx = np.flatnonzero(eligible)
    order = np.concatenate([elig_idx[np.argsort(result["rank"][elig_idx], kind="stable")], excl_order])
    if cand.geoms is not None:
        geoms = cand.geoms
    else:  # CSV candidates: points in their source CRS, RFC 7946 wants lon/lat
        tr = Transformer.from_crs(cand.crs, "EPSG:4326", always_xy=True)
        lon, lat = tr.transform(cand.xy[:, 0], cand.xy[:, 1])
        geoms = shapely.points(lon, lat)
    frame = cand.table.frame
    if frame is None:
        frame = pd.DataFrame.from_records(cand.table.props)
    cols = {name: frame[name].to_numpy()[order] for name in frame.columns}
    rank = pd.array(result["rank"][order], dtype="Int64")
    rank[~eligible[order]] = pd.NA
    cols["rank"] = rank
    cols["score"] = pd.array(np.where(eligible[order], result["score"][order], np.nan), dtype="Float64")
    cols["score"][~eligible[order]] = pd.NA
    cols["excluded"] = ~eligible[order]
    cols["excluded_by"] = result["excluded_by"][order].astype(str)
    for c in result["criteria"]:
        cid = c["id"]
        x = result["raw"][cid][order]
        cols[cid] = pd.array(x, dtype="Int64") if c["kind"] in ("count_within", "inside") else x
        v = pd.array(result["values"][cid][order], dtype="Float64")
        v[~eligible[order]] = pd.NA
        cols[cid + "_value"] = v
    import geopandas as gpd  # geopandas is only needed to hand pyogrio a GeoDataFrame
    import pyogrio
    gdf = gpd.GeoDataFrame(cols, geometry=geoms[order], crs="EPSG:4326")
    if os.path.exists(path):
        os.remove(path)
    pyogrio.write_dataframe(gdf, path, driver="GeoJSON", layer_options={"RFC7946": "YES"})
    del n


# ------------------------------------------------------------------------ check

def check(result, standort_path, limit=10):
    """Compare raw criterion values, exclusions, ranks and scores with Standort's output."""
    fc = load_json(standort_path)
    ids = result["ids"]
    index = {v: i for i, v in enumerate(ids)}
    problems, near_ties = [], []
    crit = result["criteria"]
    max_dist_diff = 0.0
    max_score_diff = 0.0
    seen = 0
    feats = fc.get("features", [])
    id_field = result["id_field"]

    def site_id(ft):
        if id_field:
            return ft["properties"].get(id_field)
        return ft.get("id")

    def note(msg):
        problems.append(msg)

    for ft in feats:
        p = ft["properties"]
        sid = site_id(ft)
        i = index.get(sid)
        if i is None:
            note(f"site {sid!r}: in Standort's output but not among the candidates")
            continue
        seen += 1
        ex = bool(result["excluded"][i])
        if bool(p.get("excluded")) != ex:
            note(f"site {sid}: excluded Standort={p.get('excluded')} peer={ex} "
                 f"(excluded_by Standort={p.get('excluded_by')!r} peer={result['excluded_by'][i]!r})")
        elif (p.get("excluded_by") or "") != result["excluded_by"][i]:
            note(f"site {sid}: excluded_by Standort={p.get('excluded_by')!r} peer={result['excluded_by'][i]!r}")
        for c in crit:
            cid, kind = c["id"], c["kind"]
            mine = result["raw"][cid][i]
            theirs = p.get(cid)
            if theirs is None:
                if not (isinstance(mine, float) and math.isnan(mine)):
                    note(f"site {sid}: {cid} ({kind}) Standort=null peer={float(mine)!r}")
                continue
            if kind == "distance":
                diff = abs(float(theirs) - float(mine))
                max_dist_diff = max(max_dist_diff, diff if math.isfinite(diff) else math.inf)
                if not diff < 1e-3:
                    note(f"site {sid}: {cid} (distance) Standort={theirs!r} peer={float(mine)!r} |diff|={diff:.3e} m")
            elif float(theirs) != float(mine):
                note(f"site {sid}: {cid} ({kind}) Standort={theirs!r} peer={float(mine)!r}")
            v_theirs = p.get(cid + "_value")
            v_mine = result["values"][cid][i]
            if ex:
                if v_theirs is not None:
                    note(f"site {sid}: {cid}_value should be null for an excluded site, Standort={v_theirs!r}")
            elif v_theirs is None or abs(float(v_theirs) - float(v_mine)) > 1e-9:
                note(f"site {sid}: {cid}_value Standort={v_theirs!r} peer={float(v_mine)!r}")
        if ex:
            if p.get("rank") is not None or p.get("score") is not None:
                note(f"site {sid}: excluded but rank={p.get('rank')!r} score={p.get('score')!r}")
            continue
        s_mine = result["score"][i]
        s_theirs = p.get("score")
        if s_theirs is None:
            note(f"site {sid}: score Standort=null peer={float(s_mine)!r}")
            continue
        max_score_diff = max(max_score_diff, abs(float(s_theirs) - s_mine))
        if abs(float(s_theirs) - s_mine) > 1e-9:
            note(f"site {sid}: score Standort={s_theirs!r} peer={float(s_mine)!r}")
        r_mine = int(result["rank"][i])
        if p.get("rank") != r_mine:
            # A swap between two sites whose scores differ only by rounding is a near-tie
            # (the two programs sum the weighted values in a different order).
            other = [j for j in np.flatnonzero(result["rank"] == p.get("rank"))]
            gap = abs(result["score"][other[0]] - s_mine) if other else math.inf
            msg = (f"site {sid}: rank Standort={p.get('rank')!r} peer={r_mine} "
                   f"(peer score {float(s_mine)!r}, Standort score {s_theirs!r}, gap to the peer's site at that rank {gap:.3e})")
            (near_ties if gap <= 1e-12 else problems).append(msg)
    if seen != len(ids):
        note(f"Standort's output has {seen} of the {len(ids)} candidates")
    stats = {"sites": seen, "max_distance_diff_m": max_dist_diff, "max_score_diff": max_score_diff,
             "near_tie_rank_swaps": len(near_ties)}
    return not problems, problems[:limit] + [f"(near-tie) {m}" for m in near_ties[:limit]], stats


def selftest(result, spatial_inputs, sample=300, seed=1):
    """Brute force on a sample of sites (no index): every distance, count, sum and inside value
    of the indexed computation is recomputed against all features of the layer."""
    sites_xy, layers = spatial_inputs
    rng = np.random.default_rng(seed)
    pick = rng.choice(len(sites_xy), size=min(sample, len(sites_xy)), replace=False)
    bad = 0
    for c in result["criteria"]:
        if c["kind"] not in SPATIAL_KINDS:
            continue
        layer = layers[c["layer"]]
        for i in pick:
            x, y = sites_xy[i]
            if layer.is_points:
                d = np.hypot(layer.work_xy[:, 0] - x, layer.work_xy[:, 1] - y)
            else:
                d = shapely.distance(shapely.Point(x, y), layer.work)
            if c["kind"] == "distance":
                want = d.min()
            elif c["kind"] == "count_within":
                want = float((d <= c["radius"]).sum())
            elif c["kind"] == "sum_within":
                w = layer.table.numeric(c["field"])
                want = float(np.nan_to_num(w)[d <= c["radius"]].sum())
            else:
                want = 1.0 if (d == 0).any() else 0.0
            got = result["raw"][c["id"]][i]
            if not abs(got - want) <= (1e-6 if c["kind"] == "distance" else 0.0):
                bad += 1
                if bad <= 10:
                    print(f"  selftest: site {result['ids'][i]} {c['id']} indexed={got!r} brute force={want!r}")
    print(f"SELFTEST {'PASS' if bad == 0 else 'FAIL'}: {len(pick)} sites x spatial criteria, {bad} mismatches")
    return bad == 0


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("scenario")
    ap.add_argument("--out", help="ranked GeoJSON to write")
    ap.add_argument("--method", choices=["wsm", "topsis"])
    ap.add_argument("--timings", help="write the stage timings JSON here too")
    ap.add_argument("--check", metavar="STANDORT_OUTPUT", help="compare with Standort's ranked GeoJSON")
    ap.add_argument("--quiet", action="store_true", help="no summary, timings JSON only")
    ap.add_argument("--legacy-io", action="store_true",
                    help="issue 7's peer I/O: pyogrio (Arrow) read and pyogrio GeoJSON write")
    ap.add_argument("--selftest", action="store_true",
                    help="recompute the spatial criteria of 300 random sites by brute force (no index)")
    args = ap.parse_args()
    try:
        result, timings = run(args)
    except (ScenarioError, KeyError, FileNotFoundError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    print(json.dumps({k: round(v, 4) for k, v in timings.items()}))
    if args.timings:
        with open(args.timings, "w") as f:
            json.dump(timings, f)
    if not args.quiet:
        n = len(result["ids"])
        ne = int(result["excluded"].sum())
        print(f"sites {n}, excluded {ne}, scored {n - ne}", file=sys.stderr)
        for c in result["criteria"]:
            x = result["raw"][c["id"]]
            print(f"  {c['id']:<16} min {np.nanmin(x):12.3f}  median {np.nanmedian(x):12.3f}  "
                  f"max {np.nanmax(x):12.3f}  zero {np.mean(x == 0) * 100:5.1f} %", file=sys.stderr)
    if args.selftest and not selftest(result, result["spatial_inputs"]):
        return 1
    if args.check:
        ok, messages, stats = check(result, args.check)
        print(("CHECK PASS" if ok else "CHECK FAIL") + f" against {os.path.relpath(args.check)}: " + json.dumps(stats))
        for m in messages:
            print("  " + m)
        return 0 if ok else 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
