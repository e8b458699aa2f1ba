#!/usr/bin/env python3
"""Reference values for Tests/SiteScoringTests/VIKORTests.swift and PROMETHEETests.swift.

Independent implementation: pymcdm 1.4.0 (pip install pymcdm==1.4.0), methods VIKOR(v) and
PROMETHEE_II(preference_function, p, q). Prints Swift array literals to paste into the tests.
"""
import numpy as np
from pymcdm.methods import VIKOR, PROMETHEE_II

MATRIX = np.array([
    [0.2, 0.9, 0.5, 0.1],
    [0.8, 0.3, 0.6, 0.7],
    [0.5, 0.5, 0.5, 0.5],
    [1.0, 0.0, 0.2, 0.9],
    [0.3, 0.7, 1.0, 0.0],
    [0.6, 0.6, 0.4, 0.3],
])
WEIGHTS = np.array([0.4, 0.3, 0.2, 0.1])
TYPES = np.ones(4)


def swift(values):
    return "[" + ", ".join(repr(float(x)) for x in values) + "]"


for v in (0.5, 0.2):
    print(f"VIKOR v={v} Q:", swift(VIKOR(v=v)(MATRIX, WEIGHTS, TYPES)))

cases = [
    ("usual", None, None),
    ("ushape", None, 0.25),
    ("vshape", 0.5, None),
    ("level", 0.5, 0.2),
    ("vshape_2", 0.6, 0.1),  # pymcdm's V-shape with indifference = Standort's `linear`
]
for name, p, q in cases:
    kwargs = {}
    if p is not None:
        kwargs["p"] = np.full(4, p)
    if q is not None:
        kwargs["q"] = np.full(4, q)
    flows = PROMETHEE_II(name, **kwargs)(MATRIX, WEIGHTS, TYPES)
    print(f"PROMETHEE II {name} p={p} q={q} net flow:", swift(flows))
