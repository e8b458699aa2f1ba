#!/usr/bin/env python3
"""Writes a seeded FeatureCollection of N points with 3 properties each (int, string, float),
in the layout GDAL writes (one feature per line). Usage: make_points.py N OUT.geojson"""
import random, sys

n = int(sys.argv[1]); out = sys.argv[2]
rng = random.Random(42)
kinds = ["parking", "school", "shop", "station", "park"]
with open(out, "w") as f:
    f.write('{\n"type": "FeatureCollection",\n"name": "points",\n"features": [\n')
    for i in range(n):
        lon = rng.uniform(5.9, 15.0); lat = rng.uniform(47.3, 55.0)
        sep = ",\n" if i < n - 1 else "\n"
        f.write('{ "type": "Feature", "properties": { "id": %d, "kind": "%s", "capacity": %.2f }, '
                '"geometry": { "type": "Point", "coordinates": [ %.7f, %.7f ] } }%s'
                % (i, kinds[i % 5], rng.uniform(0, 500), lon, lat, sep))
    f.write(']\n}\n')
