#!/bin/sh
# Collects the seed corpora into OUT/{geojson,csv,scenario}: the handwritten seeds in Tools/fuzz/seeds,
# every test fixture and the GeoData layers and scenarios.  Usage: Tools/fuzz/corpus.sh OUT
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
out=${1:?usage: corpus.sh OUT}
mkdir -p "$out/geojson" "$out/csv" "$out/scenario"
copy() { # kind, files…
  kind=$1; shift
  for f in "$@"; do
    [ -f "$f" ] || continue
    name=$(printf '%s' "${f#$root/}" | tr '/' '_')
    cp "$f" "$out/$kind/$name"
  done
}
copy geojson "$here"/seeds/geojson/* $(find "$root/Tests" "$root/GeoData/layers" -name '*.geojson' -size -64k | sort)
copy csv "$here"/seeds/csv/* $(find "$root/Tests" "$root/GeoData/layers" -name '*.csv' -size -64k | sort)
copy scenario "$here"/seeds/scenario/* $(find "$root/Tests" "$root/GeoData/scenarios" \( -name '*.yaml' -o -name '*.yml' \) -size -64k | sort)
echo "corpus: $(ls "$out/geojson" | wc -l) GeoJSON, $(ls "$out/csv" | wc -l) CSV, $(ls "$out/scenario" | wc -l) scenario seeds in $out"
