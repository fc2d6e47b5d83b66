#!/bin/sh
# Issue 3's benchmark: launch time and RSS of the Stowage shell beside a bare JavaFX window with one WebView,
# measured in the same run (alternating fresh JVMs, one warm-up pair discarded). Prints Markdown tables for
# docs/BENCHMARKS.md, twice: with default JVM options, and with the Java heap fixed and pre-touched (so RSS
# growth is retained memory, not fresh eden pages touched by garbage).
#   app/bench/shell-bench.sh [ROUNDS]        (from the repository root; default 5 rounds)
# Needs a display: uses $DISPLAY if set, else xvfb-run (apt-get install xvfb xauth libgtk-3-0 libxtst6).
set -eu
cd "$(dirname "$0")/../.."
ROUNDS="${1:-5}"
mvn -B -q -pl app -am package -DskipTests
CP="app/target/stowage.jar:app/target/test-classes"
run() {
  if [ -n "${DISPLAY:-}" ]; then
    java -cp "$CP" dev.stowage.app.bench.BenchDriver "$@"
  else
    xvfb-run -a -s "-screen 0 1280x800x24" java -cp "$CP" dev.stowage.app.bench.BenchDriver "$@"
  fi
}
run "$ROUNDS"
run "$ROUNDS" -Xms256m -Xmx256m -XX:+AlwaysPreTouch
