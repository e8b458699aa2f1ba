#!/usr/bin/env python3
"""Weights and consistency of the AHP matrix in mitteldeutschland-structural-change.yaml.

    python3 GeoData/tools/ahp_check.py

Principal eigenvector (numpy.linalg.eig), CI = (lambda_max - n)/(n - 1),
CR = CI/RI with Saaty's random index RI(n) (RI(7) = 1.32).
The criteria and judgements are read from the scenario file.
"""
import os

import numpy as np
import yaml

SCENARIO = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
                        "scenarios", "mitteldeutschland-structural-change.yaml")
with open(SCENARIO, encoding="utf-8") as fh:
    _sc = yaml.safe_load(fh)
CRITERIA = [c["id"] for c in _sc["criteria"]]
# [a, b, s]: a is s times as important as b (Saaty 1-9 scale), read from the scenario file.
JUDGEMENTS = [tuple(j) for j in _sc["ahp"]]
RI = {1: 0.0, 2: 0.0, 3: 0.58, 4: 0.90, 5: 1.12, 6: 1.24, 7: 1.32, 8: 1.41, 9: 1.45}

n = len(CRITERIA)
A = np.ones((n, n))
for a, b, s in JUDGEMENTS:
    i, j = CRITERIA.index(a), CRITERIA.index(b)
    A[i, j], A[j, i] = s, 1.0 / s
vals, vecs = np.linalg.eig(A)
k = int(np.argmax(vals.real))
w = np.abs(vecs[:, k].real)
w /= w.sum()
lam = vals[k].real
ci = (lam - n) / (n - 1)
cr = ci / RI[n]
for c, x in zip(CRITERIA, w):
    print(f"{c:30} {x:.4f}")
print(f"lambda_max {lam:.4f}  CI {ci:.4f}  RI {RI[n]}  CR {cr:.4f}")
gm = np.prod(A, axis=1) ** (1 / n)
print("geometric-mean weights:", " ".join(f"{x:.4f}" for x in gm / gm.sum()))
