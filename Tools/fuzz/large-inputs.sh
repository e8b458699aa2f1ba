#!/bin/sh
# Peak memory of `standort score` on large inputs (issue 5): N-point GeoJSON candidate layers and a
# 10-million-row CSV context layer, generated in $TMPDIR (never in the repository), each run under
# /usr/bin/time -v. Prints one line per run: input, bytes, wall seconds, peak RSS (MiB).
#   Tools/fuzz/large-inputs.sh [STANDORT_BINARY] [COUNTS…]     (default counts: 1000000 5000000)
set -eu
bin=${1:-$(swift build -c release --show-bin-path)/standort}
[ $# -gt 0 ] && shift
counts=${*:-1000000 5000000}
work=${TMPDIR:-/tmp}/standort-large
mkdir -p "$work"
cd "$work"

# A small context layer and scenario shared by all runs (the candidates file is swapped in).
python3 - <<'PY'
import json
json.dump({"type": "FeatureCollection", "features": [
  {"type": "Feature", "properties": {}, "geometry": {"type": "Point", "coordinates": [10.70 + 0.01 * i, 52.40 + 0.005 * (i % 7)]}} for i in range(20)]},
  open("exits.geojson", "w"))
PY
scenario() { # candidates file, extra layer yaml, extra criterion yaml
cat > scenario.yaml <<YAML
name: Large input
crs: EPSG:25832
candidates: {path: $1, id: site_id}
layers:
  exits: {path: exits.geojson}
$2
criteria:
  - {id: exit_distance, kind: distance, layer: exits, direction: cost, weight: 3}
  - {id: spaces, kind: attribute, field: spaces, direction: benefit, weight: 1}
$3
YAML
}
points_geojson() { # n, file
python3 - "$1" "$2" <<'PY'
import random, sys
n, path = int(sys.argv[1]), sys.argv[2]
r = random.Random(7)
with open(path, "w") as f:
    f.write('{"type": "FeatureCollection", "features": [\n')
    for i in range(n):
        f.write('%s{"type": "Feature", "properties": {"site_id": %d, "spaces": %d}, "geometry": {"type": "Point", "coordinates": [%.7f, %.7f]}}\n'
                % ("," if i else "", i, r.randrange(100), r.uniform(10.6, 10.9), r.uniform(52.35, 52.5)))
    f.write(']}\n')
PY
}
measure() { # label, args…
  label=$1; shift
  /usr/bin/time -v "$@" > /dev/null 2> time.txt || { grep -E "^error:" time.txt || tail -3 time.txt; }
  rss=$(awk -F: '/Maximum resident/ {print int($2/1024)}' time.txt)
  wall=$(awk '/Elapsed \(wall/ {print $NF}' time.txt)
  printf '%s\twall %s\tpeak RSS %s MiB\n' "$label" "$wall" "$rss"
}

for n in $counts; do
  points_geojson "$n" "sites_$n.geojson"
  scenario "sites_$n.geojson" "" ""
  bytes=$(wc -c < "sites_$n.geojson")
  measure "GeoJSON $n points ($bytes bytes)" "$bin" score scenario.yaml --out "ranked_$n.csv" --quiet
done

# 10 million CSV rows as a count_within layer, with 1000 candidates.
points_geojson 1000 sites_small.geojson
python3 - <<'PY'
import random
r = random.Random(11)
with open("shops_10m.csv", "w") as f:
    f.write("id,lon,lat,kind\n")
    for i in range(10_000_000):
        f.write("%d,%.6f,%.6f,k%d\n" % (i, r.uniform(10.6, 10.9), r.uniform(52.35, 52.5), i % 5))
PY
scenario sites_small.geojson "  shops: {path: shops_10m.csv, x: lon, y: lat}" "  - {id: shops_500m, kind: count_within, layer: shops, radius: 500, direction: benefit, weight: 2}"
measure "CSV 10000000 rows ($(wc -c < shops_10m.csv) bytes)" "$bin" score scenario.yaml --out ranked_csv.csv --quiet

# Over the GeoJSON size cap (1 GiB): a sparse file is enough to show it is rejected up front.
truncate -s 1200000000 sites_huge.geojson
scenario sites_huge.geojson "" ""
measure "GeoJSON 1.2 GB (sparse, over the cap)" "$bin" score scenario.yaml --out ranked_huge.csv --quiet
rm -f sites_huge.geojson
