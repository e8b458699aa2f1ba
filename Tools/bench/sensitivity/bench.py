"""numpy reference for the Monte Carlo benchmark: same aggregation (WSM), same weight perturbation
(w_i * U[1-s, 1+s], renormalised) and the same top-N counting (P(rank 1), P(top N)); batched so numpy
does a matrix product and one argpartition per batch instead of a Python loop per sample."""
import sys, time
import numpy as np

path, samples, sites, criteria, top = sys.argv[1], *map(int, sys.argv[2:6])
m = np.fromfile(path, dtype=np.float64).reshape(sites, criteria)
w0 = np.arange(1, criteria + 1, dtype=np.float64)
w0 /= w0.sum()
rng = np.random.default_rng(42)
batch = 64
start = time.perf_counter()
rank1 = np.zeros(sites, dtype=np.int64)
topn = np.zeros(sites, dtype=np.int64)
done = 0
while done < samples:
    b = min(batch, samples - done)
    w = w0[:, None] * rng.uniform(0.75, 1.25, size=(criteria, b))
    w /= w.sum(axis=0)
    scores = m @ w                                   # sites × b
    part = np.argpartition(-scores, top - 1, axis=0)[:top]   # top indices per column, unordered
    np.add.at(topn, part.ravel(), 1)
    best = part[np.argmax(np.take_along_axis(scores, part, axis=0), axis=0), np.arange(b)]
    np.add.at(rank1, best, 1)
    done += b
elapsed = time.perf_counter() - start
print(f"numpy_seconds={elapsed:.3f}")
print(f"numpy_version={np.__version__}")
i = int(np.argmax(rank1))
print(f"numpy_best=site {i + 1} with P(rank 1) = {rank1[i] / samples:.4f}")
