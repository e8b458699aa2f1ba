#!/usr/bin/env python3
"""pyogrio's read time for the same file (median of runs). Usage: peer.py FILE [RUNS]"""
import sys, time, os
import pyogrio
path = sys.argv[1]; runs = int(sys.argv[2]) if len(sys.argv) > 2 else 3
times = []
for _ in range(runs):
    t = time.perf_counter(); df = pyogrio.read_dataframe(path); times.append(time.perf_counter() - t)
times.sort(); m = times[len(times) // 2]; size = os.path.getsize(path) / 1e6
print(f"pyogrio {pyogrio.__version__} (GDAL {pyogrio.__gdal_version_string__}): features {len(df)}  size {size:.1f} MB  median {m:.3f} s  {size/m:.0f} MB/s  (runs: {' '.join(f'{x:.3f}' for x in times)})")
