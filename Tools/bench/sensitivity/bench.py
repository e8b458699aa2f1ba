"""numpy reference for the Monte Carlo benchmark: same aggregation (WSM), same weight perturbation
(w_i * U[1-s, 1+s], renormalised) and the same top-N counting (P(rank 1), P(top N)); batched so numpy
does a matrix product and one argpartition per batch instead of a Python loop per sample."""
import sys, time
import numpy as np

path, samples, sites, criteria, top = sys.argv[1], *map(int, sys.argv[2:6])
m = np.fromfile(path, dtype=np.float64).reshape(sites, criteria)
mt = np.ascontiguousarray(m.T)                       # criteria × sites, so each sample's scores are a contiguous row
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
    scores = w.T @ mt                                # b × sites, row per sample
    part = np.argpartition(-scores, top - 1, axis=1)[:, :top]   # top indices per row, unordered
    topn += np.bincount(part.ravel(), minlength=sites)
    best = part[np.arange(b), np.argmax(np.take_along_axis(scores, part, axis=1), axis=1)]
    rank1 += np.bincount(best, minlength=sites)
    done += b
elapsed = time.perf_counter() - start
print(f"numpy_seconds={elapsed:.3f}")
print(f"numpy_version={np.__version__}")
i = int(np.argmax(rank1))
print(f"numpy_best=site {i + 1} with P(rank 1) = {rank1[i] / samples:.4f}")
