#!/bin/bash
# Black-box start time: from spawning `java -jar stowage.jar` to its window being mapped on an X display,
# for an empty profile against a copy of a profile whose session restores many tabs, rounds alternating.
#
#   app/src/test/bench/start-time.sh JAR PROFILE_WITH_SESSION [ROUNDS]
#
# Needs an X server on $DISPLAY (Xvfb :99 is fine) and xdotool. PROFILE_WITH_SESSION is a profile folder
# holding session/ (SessionSaveBenchmark prints the path of the 50-tab profile it made). The window is
# looked for every 10 ms; each start is ended with SIGTERM (the orderly quit) before the next.
set -euo pipefail
jar=${1:?usage: start-time.sh JAR PROFILE_WITH_SESSION [ROUNDS]}
template=${2:?usage: start-time.sh JAR PROFILE_WITH_SESSION [ROUNDS]}
rounds=${3:-6}
[ -d "$template/session" ] || { echo "start-time.sh: no session/ in $template" >&2; exit 2; }
command -v xdotool >/dev/null || { echo "start-time.sh: xdotool is needed" >&2; exit 2; }

window_up() {
  xdotool search --onlyvisible --name ' - Stowage$' >/dev/null 2>&1
}

one_start() { # kind -> prints ms
  local kind=$1 profile
  profile=$(mktemp -d /tmp/stowage-start-XXXXXX)
  if [ "$kind" = restore ]; then cp -r "$template/session" "$profile/"; fi
  while window_up; do sleep 0.2; done
  local t0 t1 pid
  t0=$(date +%s%N)
  java -jar "$jar" --profile "$profile" >/dev/null 2>&1 &
  pid=$!
  until window_up; do sleep 0.01; done
  t1=$(date +%s%N)
  echo $(( (t1 - t0) / 1000000 ))
  kill -TERM "$pid"
  wait "$pid" || true
  rm -rf "$profile"
}

median() {
  sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}

one_start empty >/dev/null # warm the file cache
empty=() restore=()
for ((i = 0; i < rounds; i++)); do
  empty+=("$(one_start empty)")
  restore+=("$(one_start restore)")
done
e=$(printf '%s\n' "${empty[@]}" | median)
r=$(printf '%s\n' "${restore[@]}" | median)
echo "empty:   ${empty[*]} ms (median $e)"
echo "restore: ${restore[*]} ms (median $r)"
awk -v e="$e" -v r="$r" 'BEGIN {printf "ratio of medians: %.2f\n", r / e}'
