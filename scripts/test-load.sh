#!/usr/bin/env bash
# `pnpm test:load`: the whole suite while a CPU hog keeps every core busy, as on a laptop doing
# other work. The suite must pass like this: tests wait for events, never for times. Extra
# arguments go to vitest (`pnpm test:load --project browser`). The hogs are this script's own
# children, stopped by their process ids however the run ends.
set -uo pipefail
cd "$(dirname "$0")/.."

hogs=()
suite=""
stop_hogs() {
  ((${#hogs[@]})) || return 0
  kill "${hogs[@]}" 2>/dev/null
  wait "${hogs[@]}" 2>/dev/null
  hogs=()
}
# Interrupted: stop the suite too (it runs in the background so that a signal is handled at once).
stop_all() {
  [[ -n "$suite" ]] && kill "$suite" 2>/dev/null
  stop_hogs
}
trap stop_all EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

cores=$(nproc)
for _ in $(seq "$cores"); do
  (while :; do :; done) &
  hogs+=("$!")
done
echo "test:load: ${cores} CPU hog(s) running (pids ${hogs[*]}); now the suite."

started=$(date +%s%N)
pnpm vitest run "$@" &
suite=$!
wait "$suite"
status=$?
suite=""
stop_hogs
elapsed=$(( ($(date +%s%N) - started) / 1000000 ))
echo "test:load: the suite took $((elapsed / 1000)).$(printf '%03d' $((elapsed % 1000))) s with every core (${cores}) busy; vitest exited ${status}."
exit "$status"
