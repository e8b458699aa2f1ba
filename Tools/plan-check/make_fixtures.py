#!/usr/bin/env python3
"""Exact optima for NetworkPlanning's tests, from an independent solver (PuLP 3 with its bundled CBC).

    python3 Tools/plan-check/make_fixtures.py [--only NAME] [--out Tests/NetworkPlanningTests/Fixtures]

Generates seeded facility-location instances (integer coordinates in metres, so that
sqrt(dx*dx + dy*dy) is the same correctly rounded double in Python and Swift, and integer
demand weights), states each model as the textbook MILP, solves it with CBC through PuLP and
writes one JSON file per instance: the instance itself (candidates, demand, existing,
settings) and the optimum (objective, chosen sites, solver status, seconds). The tests in
Tests/NetworkPlanningTests read these files; nothing here imports Standort.

Semantics (the same as Sources/NetworkPlanning/README.md):
- distances are planar, coverage is boundary inclusive (d <= radius);
- existing facilities are open for free, are never counted in `count`, cover (mclp,
  setcover) and serve (pmedian) demand; with `attractiveness: score` they weigh 1;
- at most `count` new sites; new sites at least `min_spacing` apart (pairs closer than
  that exclude each other); total cost of new sites <= budget;
- MCLP (Church & ReVelle 1974): max sum w_i z_i, z_i <= sum_{j covers i} x_j, z_i <= 1
  (z_i = 1 if an existing site covers i); with attractiveness `score`: max sum w_i a_j y_ij,
  sum_j y_ij <= 1, y_ij <= x_j;
- p-median (ReVelle & Swain 1970): min sum w_i d_ij y_ij, sum_j y_ij = 1, y_ij <= x_j; with
  existing facilities a demand point is only ever assigned to a new site strictly nearer
  than its nearest existing one (otherwise the existing one serves it: an exact reduction);
- set cover: min sum x_j subject to sum w_i z_i >= target * W;
- capacity: a site serves at most capacity * per_unit demand (existing sites too when
  they have a capacity): fractional y_ij >= 0, y_ij <= x_j, sum_j y_ij <= 1 (mclp, within
  the radius) or = 1 (pmedian, all pairs), sum_i w_i y_ij <= cap_j x_j.
"""
import argparse
import json
import math
import os
import random
import time

import pulp


def dist(ax, ay, bx, by):
    dx, dy = ax - bx, ay - by
    return math.sqrt(dx * dx + dy * dy)


def clustered_points(rng, n, size, clusters, spread):
    centres = [(rng.uniform(0, size), rng.uniform(0, size)) for _ in range(clusters)]
    xs, ys = [], []
    for _ in range(n):
        if rng.random() < 0.3:
            x, y = rng.uniform(0, size), rng.uniform(0, size)
        else:
            cx, cy = centres[rng.randrange(clusters)]
            x, y = rng.gauss(cx, spread), rng.gauss(cy, spread)
        xs.append(int(round(min(max(x, 0), size))))
        ys.append(int(round(min(max(y, 0), size))))
    return xs, ys


def make_instance(name, seed, model, n_cand, n_dem, n_exist, size, count=None, radius=None, target=None,
                  min_spacing=0, attractiveness="none", budget=None, per_unit=None, existing_capacity=True):
    rng = random.Random(seed)
    cx, cy = clustered_points(rng, n_cand, size, 6, size / 10)
    dx, dy = clustered_points(rng, n_dem, size, 8, size / 12)
    ex = [int(rng.uniform(0, size)) for _ in range(n_exist)]
    ey = [int(rng.uniform(0, size)) for _ in range(n_exist)]
    inst = {
        "name": name,
        "generator": "Tools/plan-check/make_fixtures.py",
        "seed": seed,
        "settings": {
            "model": model, "count": count, "radius": radius, "target": target,
            "min_spacing": min_spacing, "attractiveness": attractiveness,
            "budget": budget, "per_unit": per_unit,
        },
        "candidates": {
            "x": cx, "y": cy,
            "score": [round(rng.uniform(0.2, 1.0), 3) for _ in range(n_cand)],
            "cost": [rng.randrange(100, 1000) * 1000 for _ in range(n_cand)] if budget is not None else None,
            "capacity": [rng.randrange(2, 13) for _ in range(n_cand)] if per_unit is not None else None,
        },
        "demand": {"x": dx, "y": dy, "weight": [rng.randrange(1, 100) for _ in range(n_dem)]},
        "existing": {
            "x": ex, "y": ey,
            "capacity": [rng.randrange(2, 9) for _ in range(n_exist)]
            if per_unit is not None and existing_capacity else None,
        },
    }
    return inst


def solve(inst, time_limit):
    s = inst["settings"]
    C, D, E = inst["candidates"], inst["demand"], inst["existing"]
    nc, nd, ne = len(C["x"]), len(D["x"]), len(E["x"])
    w = D["weight"]
    W = sum(w)
    model, radius = s["model"], s["radius"]
    capacitated = s["per_unit"] is not None
    prob = pulp.LpProblem(inst["name"], pulp.LpMinimize if model in ("pmedian", "setcover") else pulp.LpMaximize)
    x = [pulp.LpVariable(f"x{j}", cat="Binary") for j in range(nc)]
    d = lambda i, j: dist(D["x"][i], D["y"][i], C["x"][j], C["y"][j])
    de = lambda i, e: dist(D["x"][i], D["y"][i], E["x"][e], E["y"][e])
    score = C["score"]

    # side constraints shared by all models
    if s["count"] is not None and model != "setcover":
        prob += pulp.lpSum(x) <= s["count"], "count"
    if s["min_spacing"]:
        for a in range(nc):
            for b in range(a + 1, nc):
                if dist(C["x"][a], C["y"][a], C["x"][b], C["y"][b]) < s["min_spacing"]:
                    prob += x[a] + x[b] <= 1
    if s["budget"] is not None:
        prob += pulp.lpSum(C["cost"][j] * x[j] for j in range(nc)) <= s["budget"], "budget"

    if capacitated:
        cap = [C["capacity"][j] * s["per_unit"] for j in range(nc)]
        ecap = [E["capacity"][e] * s["per_unit"] if E["capacity"] is not None else None for e in range(ne)]
        y, ye = {}, {}
        for i in range(nd):
            for j in range(nc):
                if model == "pmedian" or d(i, j) <= radius:
                    y[i, j] = pulp.LpVariable(f"y{i}_{j}", 0, 1)
                    prob += y[i, j] <= x[j]
            for e in range(ne):
                if model == "pmedian" or de(i, e) <= radius:
                    ye[i, e] = pulp.LpVariable(f"ye{i}_{e}", 0, 1)
        for i in range(nd):
            row = [y[i, j] for j in range(nc) if (i, j) in y] + [ye[i, e] for e in range(ne) if (i, e) in ye]
            if model == "pmedian":
                prob += pulp.lpSum(row) == 1
            else:
                prob += pulp.lpSum(row) <= 1
        for j in range(nc):
            prob += pulp.lpSum(w[i] * y[i, j] for i in range(nd) if (i, j) in y) <= cap[j] * x[j]
        for e in range(ne):
            if ecap[e] is not None:
                prob += pulp.lpSum(w[i] * ye[i, e] for i in range(nd) if (i, e) in ye) <= ecap[e]
        if model == "pmedian":
            prob += pulp.lpSum(w[i] * d(i, j) * v for (i, j), v in y.items()) + \
                pulp.lpSum(w[i] * de(i, e) * v for (i, e), v in ye.items())
        else:
            a = score if s["attractiveness"] == "score" else [1.0] * nc
            prob += pulp.lpSum(w[i] * a[j] * v for (i, j), v in y.items()) + \
                pulp.lpSum(w[i] * v for (i, e), v in ye.items())
    elif model == "pmedian":
        objective = []
        for i in range(nd):
            near_e = min((de(i, e) for e in range(ne)), default=math.inf)
            row = []
            for j in range(nc):
                dij = d(i, j)
                if dij < near_e:
                    v = pulp.LpVariable(f"y{i}_{j}", 0, 1)
                    prob += v <= x[j]
                    row.append(v)
                    objective.append(w[i] * dij * v)
            if near_e < math.inf:
                v = pulp.LpVariable(f"ye{i}", 0, 1)
                row.append(v)
                objective.append(w[i] * near_e * v)
            prob += pulp.lpSum(row) == 1
        prob += pulp.lpSum(objective)
    else:
        pre = [any(de(i, e) <= radius for e in range(ne)) for i in range(nd)]
        cover = [[j for j in range(nc) if d(i, j) <= radius] for i in range(nd)]
        if s["attractiveness"] == "score" and model == "mclp":
            objective = []
            for i in range(nd):
                if pre[i]:
                    objective.append(w[i])
                    continue
                row = []
                for j in cover[i]:
                    v = pulp.LpVariable(f"y{i}_{j}", 0, 1)
                    prob += v <= x[j]
                    row.append(v)
                    objective.append(w[i] * score[j] * v)
                if row:
                    prob += pulp.lpSum(row) <= 1
            prob += pulp.lpSum(objective)
        else:
            z = {}
            for i in range(nd):
                if pre[i] or not cover[i]:
                    continue
                z[i] = pulp.LpVariable(f"z{i}", 0, 1)
                prob += z[i] <= pulp.lpSum(x[j] for j in cover[i])
            covered = pulp.lpSum(w[i] * v for i, v in z.items()) + sum(w[i] for i in range(nd) if pre[i])
            if model == "mclp":
                prob += covered
            else:
                prob += covered >= s["target"] * W, "target"
                prob += pulp.lpSum(x)

    t0 = time.perf_counter()
    status = prob.solve(pulp.PULP_CBC_CMD(msg=False, timeLimit=time_limit, gapRel=0, threads=1))
    seconds = time.perf_counter() - t0
    return {
        "objective": pulp.value(prob.objective),
        "selected": [j for j in range(nc) if (x[j].value() or 0) > 0.5],
        "status": pulp.LpStatus[status],
        "seconds": round(seconds, 2),
        "solver": f"PuLP {pulp.__version__} PULP_CBC_CMD (bundled CBC), gapRel=0",
    }


INSTANCES = [
    # name, seed, model, candidates, demand, existing, square side, keyword settings
    ("mclp-small", 11, "mclp", 60, 600, 3, 10000, dict(count=5, radius=1500)),
    ("mclp-score-spacing-budget", 12, "mclp", 60, 600, 2, 10000,
     dict(count=6, radius=1500, attractiveness="score", min_spacing=1500, budget=2500000)),
    ("pmedian-small", 13, "pmedian", 40, 400, 0, 10000, dict(count=4)),
    ("pmedian-existing-spacing-budget", 14, "pmedian", 40, 400, 4, 10000,
     dict(count=5, min_spacing=1200, budget=2500000)),
    ("pmedian-timelimit", 14, "pmedian", 50, 500, 4, 10000, dict(count=5, min_spacing=1200, budget=2500000)),
    ("setcover-small", 15, "setcover", 60, 600, 2, 10000, dict(radius=1800, target=0.8)),
    ("setcover-spacing", 16, "setcover", 60, 600, 0, 10000, dict(radius=2000, target=0.7, min_spacing=1000)),
    ("cmclp-small", 17, "mclp", 30, 300, 2, 10000, dict(count=4, radius=2000, per_unit=400)),
    ("cmclp-score", 18, "mclp", 30, 300, 2, 10000, dict(count=4, radius=2000, per_unit=300, attractiveness="score")),
    ("cmclp-spacing-budget", 24, "mclp", 40, 400, 2, 10000,
     dict(count=5, radius=2000, per_unit=300, min_spacing=1500, budget=2000000)),
    ("cpmedian-spacing-budget", 25, "pmedian", 30, 300, 2, 10000,
     dict(count=6, per_unit=600, min_spacing=1200, budget=3000000)),
    ("cpmedian-small", 19, "pmedian", 25, 250, 2, 10000, dict(count=5, per_unit=500)),
    ("cmclp-medium", 20, "mclp", 100, 1000, 3, 20000, dict(count=6, radius=2500, per_unit=500)),
    ("cpmedian-medium", 21, "pmedian", 40, 400, 3, 20000, dict(count=5, per_unit=500)),
    ("mclp-large", 22, "mclp", 500, 5000, 0, 50000, dict(count=10, radius=3500)),
    ("pmedian-large", 23, "pmedian", 500, 5000, 20, 50000, dict(count=10)),
]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--only")
    ap.add_argument("--out", default=os.path.join(os.path.dirname(__file__), "..", "..",
                                                  "Tests", "NetworkPlanningTests", "Fixtures"))
    ap.add_argument("--time-limit", type=float, default=900)
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    for name, seed, model, nc, nd, ne, size, kw in INSTANCES:
        if args.only and args.only != name:
            continue
        inst = make_instance(name, seed, model, nc, nd, ne, size, **kw)
        inst["optimum"] = solve(inst, args.time_limit)
        print(name, inst["optimum"]["status"], inst["optimum"]["objective"], inst["optimum"]["seconds"], "s",
              flush=True)
        with open(os.path.join(args.out, name + ".json"), "w") as f:
            json.dump(inst, f, separators=(",", ":"))
            f.write("\n")


if __name__ == "__main__":
    main()
