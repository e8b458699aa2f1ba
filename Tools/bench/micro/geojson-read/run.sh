#!/bin/sh
# GeoJSON read micro-benchmark: Standort's GeoJSONReader vs pyogrio on a generated 1M-point file.
# Usage (from the repository root): Tools/bench/micro/geojson-read/run.sh [N]
# The reader and the geometry values are compiled with the harness into one optimised module
# (-O -wmo, as a release build does), so the harness does not depend on the rest of GeoCore.
set -e
N=${1:-1000000}
HERE=$(dirname "$0")
OUT=${OUT:-/tmp/standort-geojson-read-bench}
DATA=${DATA:-/tmp/standort-points-$N.geojson}
[ -f "$DATA" ] || python3 "$HERE/make_points.py" "$N" "$DATA"
swiftc -O -wmo -D SINGLE_MODULE -module-name ReadBench \
    Sources/GeoCore/Geometry/Position.swift Sources/GeoCore/Geometry/BoundingBox.swift Sources/GeoCore/Geometry/Geometry.swift Sources/GeoCore/Geometry/Polygon+Winding.swift Sources/GeoCore/GeoJSON/*.swift Sources/GeoCore/IO/*.swift \
    "$HERE/main.swift" -o "$OUT"
"$OUT" "$DATA" 3
python3 "$HERE/peer.py" "$DATA" 3
