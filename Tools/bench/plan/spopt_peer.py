#!/usr/bin/env python3
"""PySAL spopt on a NetworkPlanning benchmark instance (the fixture format of Tools/plan-check).

    spopt_peer.py INSTANCE.json [--time-limit S] [--max-matrix-gb G]

Builds the dense demand x facility cost matrix spopt needs (columns: the candidates, then the
existing facilities as spopt's `predefined_facilities_arr`, so p = count + existing, the same
model as Standort's: existing facilities are open and not counted in count), solves
spopt.locate.MCLP or PMedian with PuLP's bundled CBC under the time limit, and prints one JSON
object: seconds (build + solve, after imports), objective, status, selected candidates. When the
matrix alone would exceed --max-matrix-gb it prints {"skipped": reason} instead: spopt keeps the
full matrix in memory.
"""
import argparse
import json
import sys
import time

import numpy as np


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("instance")
    ap.add_argument("--time-limit", type=float, default=600)
    ap.add_argument("--max-matrix-gb", type=float, default=3.0)
    args = ap.parse_args()
    inst = json.load(open(args.instance))
    s = inst["settings"]
    C, D, E = inst["candidates"], inst["demand"], inst["existing"]
    nc, nd, ne = len(C["x"]), len(D["x"]), len(E["x"])
    gb = nd * (nc + ne) * 8 / 1e9
    if gb > args.max_matrix_gb:
        print(json.dumps({"skipped": f"the {nd} x {nc + ne} cost matrix needs {gb:.1f} GB"}))
        return
    import pulp
    from spopt.locate import MCLP, PMedian

    t0 = time.perf_counter()
    fx = np.array(C["x"] + E["x"], dtype=float)
    fy = np.array(C["y"] + E["y"], dtype=float)
    dx = np.array(D["x"], dtype=float)[:, None] - fx[None, :]
    dy = np.array(D["y"], dtype=float)[:, None] - fy[None, :]
    cost = np.sqrt(dx * dx + dy * dy)
    del dx, dy
    weights = np.array(D["weight"], dtype=float)
    predefined = np.array([False] * nc + [True] * ne) if ne else None
    p = s["count"] + ne
    solver = pulp.PULP_CBC_CMD(msg=False, timeLimit=args.time_limit)
    if s["model"] == "mclp":
        model = MCLP.from_cost_matrix(cost, weights, service_radius=s["radius"], p_facilities=p,
                                      predefined_facilities_arr=predefined)
    elif s["model"] == "pmedian":
        model = PMedian.from_cost_matrix(cost, weights, p_facilities=p, predefined_facilities_arr=predefined)
    else:
        sys.exit(f"model {s['model']} not benchmarked against spopt")
    model = model.solve(solver)
    seconds = time.perf_counter() - t0
    chosen = [j for j in range(nc) if (model.fac_vars[j].value() or 0) > 0.5]
    print(json.dumps({
        "seconds": seconds,
        "objective": pulp.value(model.problem.objective),
        "status": pulp.LpStatus[model.problem.status],
        "selected_sites": chosen,
    }))


if __name__ == "__main__":
    main()
