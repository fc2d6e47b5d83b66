#!/bin/sh
# The inspector's first opening in a fresh process, through the real jar, as a person gives it: the page
# (app/bench/first-f12.html) writes 20,000 keys on load while the person presses Shift every 0.5 s for 5 s,
# then stops, and presses F12 DELAY seconds after the last key. JavaFX's pulse logger lists every pulse; for
# the 150 pulses after F12 it prints the five longest gaps between two pulses (what an animation on screen
# sees: the FX thread held by tasks between pulses, or a pulse waiting for the renderer) and the five longest
# pulses (the pulse logger counts the renderer's painting in them). Runs each jar given in turn, ROUNDS
# times (fresh JVMs, alternating), so that two builds compare in one sitting.
#   app/bench/first-f12.sh DELAY ROUNDS JAR [JAR...]     (from the repository root)
# Needs an X display ($DISPLAY, e.g. Xvfb :99 -screen 0 1280x900x24), xdotool and python3.
set -eu
cd "$(dirname "$0")/../.."
DELAY="$1"; ROUNDS="$2"; shift 2
WORK=$(mktemp -d)
python3 -u -m http.server 0 --bind 127.0.0.1 --directory app/bench > "$WORK/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; rm -rf "$WORK"' EXIT
PORT=""
while [ -z "$PORT" ]; do sleep 0.2; PORT=$(sed -n 's/.*port \([0-9]*\).*/\1/p' "$WORK/server.log" | head -1); done
round=0
while [ "$round" -lt "$ROUNDS" ]; do
  round=$((round + 1))
  for JAR in "$@"; do
    rm -rf "$WORK/profile"; mkdir -p "$WORK/profile" "$WORK/downloads"
    java -Djavafx.pulseLogger=true -Djavafx.pulseLogger.threshold=1000 -jar "$JAR" --profile "$WORK/profile" \
      --download-dir "$WORK/downloads" "http://127.0.0.1:$PORT/first-f12.html" > "$WORK/pulses.log" 2>&1 &
    APP=$!
    WINDOW=""
    while [ -z "$WINDOW" ]; do sleep 0.1; WINDOW=$(xdotool search --name "first F12" 2>/dev/null | head -1 || true); done
    i=0
    while [ "$i" -lt 10 ]; do xdotool key shift; sleep 0.5; i=$((i + 1)); done
    sleep "$DELAY"
    FROM=$(wc -l < "$WORK/pulses.log")
    xdotool key F12
    sleep 4
    xdotool key ctrl+shift+q
    wait "$APP" || true
    printf '%s round %s: ' "$JAR" "$round"
    tail -n +"$FROM" "$WORK/pulses.log" | grep -o '\[[0-9]* [0-9]*ms:[0-9]*ms\]' | head -150 | python3 -c '
import re, sys
pulses = [tuple(map(int, re.findall(r"\d+", line))) for line in sys.stdin]
print("longest gaps", sorted((p[1] for p in pulses), reverse=True)[:5],
      "longest pulses", sorted((p[2] for p in pulses), reverse=True)[:5], "(ms)")'
  done
done
