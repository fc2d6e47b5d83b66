#!/bin/sh
# Issue 3's benchmark: launch time and RSS of the Stowage shell beside a bare JavaFX window with one WebView,
# measured in the same run (alternating fresh JVMs). Prints a Markdown table for docs/BENCHMARKS.md.
#   app/bench/shell-bench.sh [ROUNDS]        (from the repository root; default 5 rounds)
# Needs a display: uses $DISPLAY if set, else xvfb-run (apt-get install xvfb xauth libgtk-3-0 libxtst6).
set -eu
cd "$(dirname "$0")/../.."
mvn -B -q -pl app -am package -DskipTests
CP="app/target/stowage.jar:app/target/test-classes"
if [ -n "${DISPLAY:-}" ]; then
  exec java -cp "$CP" dev.stowage.app.bench.BenchDriver "${1:-5}"
else
  exec xvfb-run -a -s "-screen 0 1280x800x24" java -cp "$CP" dev.stowage.app.bench.BenchDriver "${1:-5}"
fi
