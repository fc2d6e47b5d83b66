#!/bin/sh
# The inspector's first opening in a fresh process, through the real jar, as a person gives it: the page
# (app/bench/first-f12.html) writes 20,000 keys on load while the person presses Shift every 0.5 s for 5 s,
# then stops, and presses F12 DELAY seconds after the last key. JavaFX's pulse logger lists every pulse
# (when it started, from the gap to the one before); a filter stamps each line of it with the time it came.
# For the 150 pulses that start after F12 it prints the five longest gaps between two pulses (what an
# animation on screen sees: the FX thread held by tasks between pulses, or a pulse waiting for the renderer;
# 16-17 ms when nothing holds it) and the five longest pulses (the renderer's painting counts in them).
# Runs each jar given in turn, ROUNDS times (fresh JVMs, alternating), so that two builds compare in one
# sitting.
#   app/bench/first-f12.sh DELAY ROUNDS JAR [JAR...]     (from the repository root; Linux)
# KEYS=N presses Shift N times instead of 10 (KEYS=0: F12 DELAY seconds after the window appears).
# With DETAIL=DIR set, it also writes, for each run, DIR/JAR-NAME-ROUND.txt: the pulse logger's phases (CSS,
# layout, waiting for the renderer, painting) of every pulse over 12 ms, and whatever else the app printed,
# from 50 ms before F12 to 1.5 s after it, each line marked with its time from F12 in seconds.
# Needs an X display ($DISPLAY, e.g. Xvfb :99 -screen 0 1280x900x24), xdotool and python3.
set -eu
cd "$(dirname "$0")/../.."
DELAY="$1"; ROUNDS="$2"; shift 2
WORK=$(mktemp -d)
SERVER=""; APP=""
cleanup() {
  for pid in $APP $SERVER; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP
python3 -u -m http.server 0 --bind 127.0.0.1 --directory app/bench > "$WORK/server.log" 2>&1 &
SERVER=$!
# Waits up to $2 tenths of a second for the command $1 to print something.
until_some() {
  tries=0
  while [ -z "$(sh -c "$1" 2>/dev/null)" ]; do
    tries=$((tries + 1)); [ "$tries" -le "$2" ] || { echo "gave up waiting for: $1" >&2; exit 1; }
    sleep 0.1
  done
}
until_some "sed -n 's/.*port \([0-9]*\).*/\1/p' '$WORK/server.log'" 50
PORT=$(sed -n 's/.*port \([0-9]*\).*/\1/p' "$WORK/server.log" | head -n 1)
round=0
while [ "$round" -lt "$ROUNDS" ]; do
  round=$((round + 1))
  for JAR in "$@"; do
    rm -rf "$WORK/profile"; mkdir -p "$WORK/profile" "$WORK/downloads"
    THRESHOLD=1000; [ -z "${DETAIL:-}" ] || THRESHOLD=12
    (java -Djavafx.pulseLogger=true -Djavafx.pulseLogger.threshold=$THRESHOLD -jar "$JAR" --profile "$WORK/profile" \
      --download-dir "$WORK/downloads" "http://127.0.0.1:$PORT/first-f12.html" 2>&1 \
      | python3 -u -c 'import sys, time
for line in sys.stdin:
    print("%.4f %s" % (time.time(), line), end="")' > "$WORK/pulses.log") &
    APP=$!
    until_some "xdotool search --name 'first F12'" 300
    WINDOW=$(xdotool search --name "first F12" | head -n 1)
    xdotool windowfocus --sync "$WINDOW"
    i=0
    while [ "$i" -lt "${KEYS:-10}" ]; do xdotool key shift; sleep 0.5; i=$((i + 1)); done
    sleep "$DELAY"
    F12=$(date +%s.%N)
    xdotool key F12
    sleep 4
    xdotool key ctrl+shift+q
    tries=0
    while kill -0 "$APP" 2>/dev/null; do
      tries=$((tries + 1)); [ "$tries" -le 300 ] || { echo "$JAR did not quit" >&2; exit 1; }
      sleep 0.1
    done
    APP=""
    if [ -n "${DETAIL:-}" ]; then
      mkdir -p "$DETAIL"
      python3 - "$WORK/pulses.log" "$F12" > "$DETAIL/$(basename "$JAR" .jar)-$round.txt" <<'PY'
import sys
f12 = float(sys.argv[2])
noise = ("Dirty", "Render Root", "Slow", "Nodes ", "Cached", "NGRegion", "Rendering region", "Counters")
for line in open(sys.argv[1], errors="replace"):
    stamp, _, rest = line.partition(" ")
    try:
        at = float(stamp) - f12
    except ValueError:
        continue
    if -0.05 <= at <= 1.5 and rest.strip() and not any(n in rest for n in noise):
        print("%+.3f %s" % (at, rest.rstrip()))
PY
    fi
    printf '%s round %s: ' "$JAR" "$round"
    python3 - "$WORK/pulses.log" "$F12" <<'PY'
import re, sys
f12 = float(sys.argv[2])
pulses = []  # (start, gap, duration) in s, ms, ms
for line in open(sys.argv[1]):
    stamp, _, rest = line.partition(" ")
    # Ten short pulses a line, "[N GAPms:LENGTHms]"; a pulse over the threshold on a line of its own,
    # "PULSE: N [GAPms:LENGTHms]", followed by its phases.
    found = [tuple(int(g) for g in p if g) for p in
             re.findall(r"\[(\d+) (\d+)ms:(\d+)ms\]|PULSE: (\d+) \[(\d+)ms:(\d+)ms\]", rest)]
    if not found:
        continue
    # The line came when its last pulse ended: walk back through the gaps to when each started.
    start = float(stamp) - found[-1][2] / 1000
    starts = [start]
    for later in reversed(found[1:]):
        start -= later[1] / 1000
        starts.append(start)
    pulses += [(s, p[1], p[2]) for s, p in zip(reversed(starts), found)]
after = [p for p in pulses if p[0] >= f12][:150]
print("longest gaps", sorted((p[1] for p in after), reverse=True)[:5],
      "longest pulses", sorted((p[2] for p in after), reverse=True)[:5], "(ms)")
PY
  done
done
