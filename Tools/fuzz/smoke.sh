#!/bin/sh
# CI smoke pass over the parsers (issue 5): builds the fuzz package without libFuzzer (any toolchain),
# replays every saved crasher in regressions/, then runs each target's seeded mutation harness for a
# fixed number of inputs (200 000, at most 18 s each, so ≤ 60 s in all after the build). Exits non-zero on a crash.
#   Tools/fuzz/smoke.sh [SEED]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
seed=${1:-1}
scratch=${FUZZ_SCRATCH:-$here/.build}
swift build --quiet --package-path "$here" --scratch-path "$scratch" -c release
bin=$(swift build --package-path "$here" --scratch-path "$scratch" -c release --show-bin-path)
corpus=$(mktemp -d)
trap 'rm -rf "$corpus"' EXIT
"$here/corpus.sh" "$corpus" >/dev/null
cd "$corpus"   # crash-* files land here
status=0
for target in GeoJSON CSV Scenario; do
  kind=$(echo "$target" | tr 'A-Z' 'a-z')
  "$bin/Fuzz$target" --replay "$here/regressions/$kind" >/dev/null || { echo "FAIL: a saved $kind crasher crashes again"; status=1; }
  if "$bin/Fuzz$target" --seed "$seed" --runs 200000 --max-time 18 "$corpus/$kind" > "out-$kind.txt"; then
    echo "Fuzz$target: $(head -1 "out-$kind.txt")"
  else
    echo "FAIL: Fuzz$target crashed; input saved as: $(ls crash-* 2>/dev/null | head -1)"
    for f in crash-*; do [ -f "$f" ] && cp "$f" "$here/../../fuzz-$kind-$f"; done
    status=1
  fi
done
exit $status
