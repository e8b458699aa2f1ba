#!/usr/bin/env python3
"""Standort on Spark: measure the partitions of a scenario on the executors, merge on the driver.

Each of N Spark tasks runs the `standort` binary (shipped to the executors with SparkContext.addFile, i.e.
the mechanism behind spark-submit --files, and found there with SparkFiles.get) as

    standort score SCEN --partition I/N --partition-by BY --out part-I.ndjson --quiet

inside mapPartitions; the driver then runs

    standort merge SCEN part-*.ndjson --out OUT

The merged output is byte for byte what `standort score SCEN --out OUT` writes on one machine, except
for the manifest's "parts" list. Spark only distributes the work: no scoring logic lives here.

The scenario file and its layers must be readable at the same path on every executor (a shared file
system; see docs/scale.md). Parts are written to --parts-dir, a directory the executors and the driver share (in
local mode a temporary one by default); without it, on a cluster, they come back to the driver through Spark's
result channel (collect), which suits small runs only (spark.driver.maxResultSize, driver heap).

usage (local mode):
    spark-submit --master 'local[2]' Tools/spark/standort_spark.py \
        --standort .build/release/standort --scenario SCEN.yaml --partitions 4 --out ranked.geojson
"""
import argparse
import os
import shutil
import stat
import subprocess
import sys
import tempfile
import time


def parse_args(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--standort", required=True, help="path of the standort binary (shipped to the executors)")
    ap.add_argument("--scenario", required=True, help="scenario file, at a path every executor can read")
    ap.add_argument("--out", required=True, help="the merged output on the driver (.geojson, .csv, ...)")
    ap.add_argument("--partitions", type=int, default=0,
                    help="number of partitions N (default: Spark's default parallelism)")
    ap.add_argument("--partition-by", default="hash", help="hash (default) or tile:SIZE (metres)")
    ap.add_argument("--threads", type=int, default=1, help="threads per standort process (= cores per task)")
    ap.add_argument("--parts-dir", default=None,
                    help="a shared directory for the part files (default: returned to the driver through Spark)")
    ap.add_argument("--master", default=None, help="Spark master when not started by spark-submit, e.g. local[2]")
    ap.add_argument("--merge-arg", action="append", default=[],
                    help="extra argument for `standort merge` (repeat), e.g. --merge-arg=--method --merge-arg=topsis")
    return ap.parse_args(argv)


def measure_partitions(indices, scenario, count, by, threads, parts_dir):
    """Runs on an executor: measures the partitions in `indices` with the shipped binary."""
    from pyspark import SparkFiles

    binary = SparkFiles.get("standort")
    mode = os.stat(binary).st_mode
    if not mode & stat.S_IXUSR:
        os.chmod(binary, mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    for i in indices:
        folder = parts_dir or tempfile.mkdtemp(prefix="standort-part-")
        path = os.path.join(folder, "part-%d.ndjson" % i)
        started = time.time()
        proc = subprocess.run(
            [binary, "score", scenario, "--partition", "%d/%d" % (i, count), "--partition-by", by,
             "--out", path, "--quiet", "--threads", str(threads)],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        if proc.returncode != 0:
            # The task fails with standort's own error line; Spark retries it, then fails the job with it.
            raise RuntimeError("standort score --partition %d/%d failed (exit %d): %s"
                               % (i, count, proc.returncode, proc.stderr.strip()))
        seconds = time.time() - started
        if parts_dir:
            yield (i, path, None, proc.stderr, seconds)
        else:
            with open(path, "rb") as f:
                data = f.read()
            shutil.rmtree(folder, ignore_errors=True)
            yield (i, None, data, proc.stderr, seconds)


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName("standort")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    sc = spark.sparkContext
    sc.setLogLevel("WARN")
    standort = os.path.abspath(args.standort)
    scenario = os.path.abspath(args.scenario)
    sc.addFile(standort)
    count = args.partitions or sc.defaultParallelism
    by, threads, parts_dir = args.partition_by, args.threads, args.parts_dir
    own_parts_dir = None
    if not parts_dir and sc.master.startswith("local"):
        # Local mode: the executors share the driver's file system, so parts go through files, not through
        # Spark's result channel (large byte results exhaust the driver's JVM heap).
        parts_dir = own_parts_dir = tempfile.mkdtemp(prefix="standort-parts-")
    if parts_dir:
        parts_dir = os.path.abspath(parts_dir)
        os.makedirs(parts_dir, exist_ok=True)

    started = time.time()
    results = (sc.parallelize(range(1, count + 1), count)
               .mapPartitions(lambda it: measure_partitions(list(it), scenario, count, by, threads, parts_dir))
               .collect())
    measured = time.time() - started
    warnings = set()
    local_dir = tempfile.mkdtemp(prefix="standort-parts-")
    paths = []
    for i, path, data, stderr, _ in sorted(results):
        warnings.update(line for line in stderr.splitlines() if line.startswith("warning:"))
        if path is None:
            path = os.path.join(local_dir, "part-%d.ndjson" % i)
            with open(path, "wb") as f:
                f.write(data)
        paths.append(path)
    for line in sorted(warnings):
        print(line, file=sys.stderr)
    spark.stop()

    started = time.time()
    proc = subprocess.run([standort, "merge", scenario] + paths + ["--out", args.out, "--quiet"] + args.merge_arg)
    merged = time.time() - started
    shutil.rmtree(local_dir, ignore_errors=True)
    if own_parts_dir:
        shutil.rmtree(own_parts_dir, ignore_errors=True)
    if proc.returncode != 0:
        return proc.returncode
    task_seconds = sorted(r[4] for r in results)
    print("standort-spark: %d partitions measured in %.1f s (tasks %.1f-%.1f s), merged in %.1f s; wrote %s"
          % (count, measured, task_seconds[0], task_seconds[-1], merged, args.out), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
