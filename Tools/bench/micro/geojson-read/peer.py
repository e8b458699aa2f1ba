#!/usr/bin/env python3
"""pyogrio's read time for the same file (median of runs), with and without Arrow. Usage: peer.py FILE [RUNS]"""
import os, sys, time
import pyogrio

path = sys.argv[1]; runs = int(sys.argv[2]) if len(sys.argv) > 2 else 3
size = os.path.getsize(path) / 1e6
for use_arrow in (False, True):
    times = []
    for _ in range(runs):
        t = time.perf_counter(); df = pyogrio.read_dataframe(path, use_arrow=use_arrow); times.append(time.perf_counter() - t)
    times.sort(); m = times[len(times) // 2]
    print(f"pyogrio {pyogrio.__version__} (GDAL {pyogrio.__gdal_version_string__}, use_arrow={use_arrow}): features {len(df)}  "
          f"size {size:.1f} MB  median {m:.3f} s  {size/m:.0f} MB/s  (runs: {' '.join(f'{x:.3f}' for x in times)})")
