#!/usr/bin/env python3
"""Python peer of the micro-benchmarks (issue 7): the same operations on the same data as `micro`.

Reads the inputs `micro` wrote to the data folder (float64 files and points.geojson), so both sides
measure on identical values, and prints JSON: a list of measurements like micro's
({id, impl, work, unit, times, check}), possibly several per id (variants; the runner takes the
fastest). Single-threaded like micro (cKDTree workers=1, numpy's BLAS limited to one thread), except
where a library has no choice. Setup (building shapely geometries, copying arrays) is not timed:
an analyst's GeoDataFrame already holds geometries.

usage: peer_micro.py [--data DIR] [--reps N] [--only ID,ID…] > peer.json
"""
import os

# One BLAS thread, as micro's scoring is single-threaded; must be set before numpy loads.
for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(var, "1")

import argparse  # noqa: E402
import gc  # noqa: E402
import io  # noqa: E402
import json  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402

import numpy as np  # noqa: E402


def measure(reps, fn, setup=None):
    """Sorted run times and the last result; the previous result is freed before each timed run."""
    times, result = [], None
    for _ in range(reps):
        state = setup() if setup else None
        result = None
        gc.collect()
        t = time.perf_counter()
        result = fn(state) if setup else fn()
        times.append(time.perf_counter() - t)
    return sorted(times), result


class Peer:
    def __init__(self, folder, reps, only):
        self.folder, self.reps, self.only = folder, reps, only
        with open(os.path.join(folder, "sizes.json")) as f:
            self.sizes = json.load(f)
        self.out = []

    def load(self, name, columns):
        return np.fromfile(os.path.join(self.folder, name), dtype="<f8").reshape(-1, columns)

    def wanted(self, *ids):
        return self.only is None or any(i in self.only for i in ids)

    def add(self, id, impl, work, unit, run, check):
        times, _ = run
        m = {"id": id, "impl": impl, "work": work, "unit": unit, "times": times,
             "check": None if check is None else float(check)}
        self.out.append(m)
        med = times[(len(times) - 1) // 2]
        rate = f"{med * 1e3:.1f} ms" if unit == "build" else f"{work / med:,.0f} {unit}/s"
        print(f"  peer {id}: {rate}  ({impl})", file=sys.stderr)

    # GeoJSON: pyogrio from the file (page cache) and from bytes in memory (GDAL /vsimem/).
    def geojson(self):
        import pyogrio
        path = os.path.join(self.folder, "points.geojson")
        mb = os.path.getsize(path) / 1e6
        reps = min(self.reps, 3)
        with open(path, "rb") as f:
            raw = f.read()

        def check(df):
            return float(df.geometry.x.sum() + df.geometry.y.sum())
        ver = f"pyogrio {pyogrio.__version__}, GDAL {pyogrio.__gdal_version_string__}"
        # GDAL's GeoJSON driver takes seconds per million features: the Arrow path (the faster one) gets
        # the full runs, the other variant one run.
        for arrow, runs in ((True, reps), (False, 1)):
            r = measure(runs, lambda: pyogrio.read_dataframe(path, use_arrow=arrow))
            self.add("geojson_read_file", f"pyogrio.read_dataframe(path, use_arrow={arrow}) ({ver})", mb, "MB", r, check(r[1]))
        r = measure(reps, lambda: pyogrio.read_dataframe(io.BytesIO(raw), use_arrow=True))
        self.add("geojson_parse", "pyogrio.read_dataframe(BytesIO, use_arrow=True)", mb, "MB", r, check(r[1]))

    def transform(self):
        import pyproj
        xy = self.load("lonlat.f64", 2)
        x0, y0 = np.ascontiguousarray(xy[:, 0]), np.ascontiguousarray(xy[:, 1])
        t = pyproj.Transformer.from_crs("EPSG:4326", "EPSG:25832", always_xy=True)
        n = len(x0)
        ver = f"pyproj {pyproj.__version__}, PROJ {pyproj.proj_version_str}"
        r = measure(self.reps, lambda: t.transform(x0, y0))
        self.add("transform", f"Transformer.transform(x, y) numpy, always_xy ({ver})", n, "points", r,
                 r[1][0].sum() + r[1][1].sum())
        r = measure(self.reps, lambda s: t.transform(s[0], s[1], inplace=True), setup=lambda: (x0.copy(), y0.copy()))
        self.add("transform", "Transformer.transform(x, y, inplace=True)", n, "points", r, r[1][0].sum() + r[1][1].sum())

    def raw_proj(self):
        """`proj_trans_generic` called directly (ctypes) on micro's interleaved x/y layout, once with the
        system PROJ that Standort links and once with the PROJ bundled in pyproj's wheel: separates the
        PROJ version from either wrapper's overhead."""
        import ctypes
        import ctypes.util
        import glob
        import pyproj  # loads the bundled PROJ's own dependencies first
        xy = self.load("lonlat.f64", 2)
        bundled = glob.glob(os.path.join(os.path.dirname(os.path.dirname(pyproj.__file__)), "pyproj.libs", "libproj*.so*"))
        system = ctypes.util.find_library("proj")
        for label, path, data_dir in (("system", system, None), ("pyproj-bundled", bundled[0] if bundled else None,
                                                                   pyproj.datadir.get_data_dir())):
            if not path:
                continue
            lib = ctypes.CDLL(path)
            vp, sz = ctypes.c_void_p, ctypes.c_size_t
            lib.proj_context_create.restype = vp
            lib.proj_create_crs_to_crs.restype = vp
            lib.proj_create_crs_to_crs.argtypes = [vp, ctypes.c_char_p, ctypes.c_char_p, vp]
            lib.proj_normalize_for_visualization.restype = vp
            lib.proj_normalize_for_visualization.argtypes = [vp, vp]
            lib.proj_trans_generic.restype = sz
            lib.proj_trans_generic.argtypes = [vp, ctypes.c_int] + [vp, sz, sz] * 4
            real = os.path.realpath(path if os.path.isabs(path) else f"/usr/lib/x86_64-linux-gnu/{path}")
            version = ".".join(os.path.basename(real).split(".so.")[-1].split(".")[1:]) or real
            ctx = lib.proj_context_create()
            if data_dir:
                lib.proj_context_set_search_paths.argtypes = [vp, ctypes.c_int, ctypes.POINTER(ctypes.c_char_p)]
                lib.proj_context_set_search_paths(ctx, 1, (ctypes.c_char_p * 1)(data_dir.encode()))
            op = lib.proj_normalize_for_visualization(ctx, lib.proj_create_crs_to_crs(ctx, b"EPSG:4326", b"EPSG:25832", None))
            n = len(xy)

            def call(b):
                lib.proj_trans_generic(op, 1, b.ctypes.data, 16, n, b.ctypes.data + 8, 16, n, None, 0, 0, None, 0, 0)
                return b
            r = measure(self.reps, call, setup=lambda: xy.copy())
            self.add(f"proj_raw_{label.split('-')[0]}", f"proj_trans_generic via ctypes, {label} PROJ {version}", n,
                     "points", r, r[1].sum())

    def index(self):
        import shapely
        from scipy.spatial import cKDTree
        pts = self.load("index_points.f64", 2)
        seg = self.load("segments.f64", 4)
        k = self.sizes["polygonVertices"]
        rings = self.load("polygons.f64", 2).reshape(-1, k, 2)
        rings = np.concatenate([rings, rings[:, :1, :]], axis=1)  # close the rings
        q = self.load("queries.f64", 2)
        pip = self.load("pip_points.f64", 2)
        ver = f"scipy cKDTree, shapely {shapely.__version__} GEOS {shapely.geos_version_string}"

        def strtree(geoms):
            # GEOS builds an STRtree lazily at its first query: force it with one empty query.
            tree = shapely.STRtree(geoms)
            tree.query(shapely.points(0.0, 0.0))
            return tree

        if self.wanted("build_points", "knn1", "knn5", "within500", "within1000"):
            r = measure(self.reps, lambda: cKDTree(pts))
            self.add("build_points", f"cKDTree(points) ({ver})", 0, "build", r, r[1].n)
            point_geoms = shapely.points(pts)
            r = measure(self.reps, lambda: strtree(point_geoms))
            self.add("build_points", "shapely.STRtree(points) + first query", 0, "build", r, len(r[1]))
        lines = shapely.linestrings(seg.reshape(-1, 2, 2))
        r = measure(self.reps, lambda: strtree(lines))
        self.add("build_segments", "shapely.STRtree(linestrings) + first query", 0, "build", r, len(r[1]))
        polys = shapely.polygons(rings)
        r = measure(self.reps, lambda: strtree(polys))
        self.add("build_polygons", "shapely.STRtree(polygons) + first query", 0, "build", r, len(r[1]))

        tree = cKDTree(pts)
        n = len(q)
        if self.wanted("knn1"):
            r = measure(self.reps, lambda: tree.query(q, k=1))
            self.add("knn1", "cKDTree.query(q, k=1)", n, "queries", r, r[1][0].sum())
        if self.wanted("knn5"):
            r = measure(self.reps, lambda: tree.query(q, k=5))
            self.add("knn5", "cKDTree.query(q, k=5)", n, "queries", r, r[1][0].sum())
        for radius in (500, 1000):
            if self.wanted(f"within{radius}"):
                r = measure(self.reps, lambda: tree.query_ball_point(q, radius, return_length=True))
                self.add(f"within{radius}", f"cKDTree.query_ball_point(q, {radius}, return_length=True)", n,
                         "queries", r, r[1].sum())

        if self.wanted("pip"):
            m = len(pip)
            ptree = shapely.STRtree(polys)
            pgeoms = shapely.points(pip)
            r = measure(self.reps, lambda: ptree.query(pgeoms, predicate="intersects"))
            self.add("pip", 'STRtree.query(points, predicate="intersects")', m, "points", r, np.unique(r[1][0]).size)
            px, py = np.ascontiguousarray(pip[:, 0]), np.ascontiguousarray(pip[:, 1])
            prepared = polys.copy()
            shapely.prepare(prepared)
            ptree2 = shapely.STRtree(prepared)

            def candidates_then_contains_xy():
                # Box candidates from the tree, then the exact test on prepared polygons, vectorised.
                i, j = ptree2.query(pgeoms)
                hit = shapely.contains_xy(prepared[j], px[i], py[i])
                return np.unique(i[hit]).size
            r = measure(self.reps, candidates_then_contains_xy)
            self.add("pip", "STRtree.query(points) boxes + contains_xy(prepared[j], x[i], y[i])", m, "points", r, r[1])

    def mcda(self):
        n, k = self.sizes["sites"], self.sizes["criteria"]
        x = self.load("matrix.f64", k)
        w = np.fromfile(os.path.join(self.folder, "weights.f64"), dtype="<f8")
        benefit = np.fromfile(os.path.join(self.folder, "benefit.f64"), dtype="<f8") == 1
        v = np.where(benefit, x / 1000, 1 - x / 1000)  # value functions, as micro's WSM input
        r = measure(self.reps, lambda: v @ w)
        self.add("wsm", f"numpy {np.__version__}: V @ w", n, "sites", r, r[1].sum())

        # TOPSIS with the normalisation and ideal/anti-ideal prepared once, as TOPSISModel does:
        # d± = sqrt(G± @ w²) with G± the squared gaps of the normalised matrix.
        rn = x / np.sqrt((x * x).sum(axis=0))
        best = np.where(benefit, rn.max(axis=0), rn.min(axis=0))
        worst = np.where(benefit, rn.min(axis=0), rn.max(axis=0))
        gp, gm = (rn - best) ** 2, (rn - worst) ** 2

        def topsis_prepared():
            w2 = w * w
            dp, dm = np.sqrt(gp @ w2), np.sqrt(gm @ w2)
            return dm / (dp + dm)
        r = measure(self.reps, topsis_prepared)
        self.add("topsis_scores", "numpy: sqrt(G± @ w²), d⁻/(d⁺+d⁻) on prepared gaps", n, "sites", r, r[1].sum())

        def topsis_full():
            vw = x / np.sqrt((x * x).sum(axis=0)) * w
            ideal = np.where(benefit, vw.max(axis=0), vw.min(axis=0))
            anti = np.where(benefit, vw.min(axis=0), vw.max(axis=0))
            dp = np.sqrt(((vw - ideal) ** 2).sum(axis=1))
            dm = np.sqrt(((vw - anti) ** 2).sum(axis=1))
            return dm / (dp + dm)
        r = measure(min(self.reps, 3), topsis_full)
        self.add("topsis_evaluate", "numpy: normalise, weight, ideals, distances, closeness", n, "sites", r, r[1].sum())


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default="/tmp/standort-micro")
    ap.add_argument("--reps", type=int, default=5)
    ap.add_argument("--only")
    a = ap.parse_args()
    peer = Peer(a.data, a.reps, set(a.only.split(",")) if a.only else None)
    if peer.wanted("geojson_parse", "geojson_read_file"):
        peer.geojson()
    if peer.wanted("transform", "transform_parallel"):
        peer.transform()
        peer.raw_proj()
    if peer.wanted("build_points", "build_segments", "build_polygons", "knn1", "knn5", "within500", "within1000", "pip"):
        peer.index()
    if peer.wanted("wsm", "topsis_scores", "topsis_evaluate"):
        peer.mcda()
    json.dump(peer.out, sys.stdout, indent=1)


if __name__ == "__main__":
    main()
