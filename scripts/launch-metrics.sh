#!/usr/bin/env bash
# Measures the window's launch-to-first-frame time and its resident memory
# when idle, under a virtual screen (Xvfb, 1280x900).
# Usage: scripts/launch-metrics.sh [RUNS] [IDLE_SECONDS]
#   RUNS          launches to time (default 5); the median is reported
#   IDLE_SECONDS  how long the last launch idles before its memory is read (default 5)
# "First frame" is the moment the window is mapped and its contents are not
# blank (more than a handful of colours), polled every few milliseconds.
# LANGUAGE and FYNE_THEME pass through. Each run has a throw-away settings
# folder, so it starts like a first launch.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
idle=${2:-5}
for tool in Xvfb xdotool xwininfo import convert; do
	command -v "$tool" >/dev/null || { echo "launch-metrics: needs $tool (scripts/deps.sh test)" >&2; exit 1; }
done
make -s build >/dev/null # as shipped (the Makefile's tags)

now_ms() { date +%s%3N; }

# A private display.
exec 3< <(exec Xvfb -displayfd 1 -screen 0 1280x900x24 -nolisten tcp 2>/dev/null)
xvfb_pid=$!
read -r -u 3 disp
export DISPLAY=":$disp"
home=$(mktemp -d)
cleanup() {
	if [ -n "${app:-}" ]; then
		kill "$app" 2>/dev/null || true
		wait "$app" 2>/dev/null || true
	fi
	[ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
	rm -rf "$home"
}
trap cleanup EXIT

times=()
for run in $(seq 1 "$runs"); do
	rm -rf "$home"/*
	start=$(now_ms)
	HOME="$home" XDG_CONFIG_HOME="$home/config" XDG_DATA_HOME="$home/data" XDG_CACHE_HOME="$home/cache" \
		./build/fornyer 2>/dev/null &
	app=$!
	first=""
	while [ -z "$first" ]; do
		if [ $(($(now_ms) - start)) -gt 20000 ]; then
			echo "launch-metrics: no window after 20 s" >&2
			exit 1
		fi
		id=$(xdotool search --onlyvisible --pid "$app" 2>/dev/null | head -n 1 || true)
		if [ -n "$id" ] && xwininfo -id "$id" 2>/dev/null | grep -q IsViewable; then
			colours=$(import -silent -window "$id" miff:- 2>/dev/null | convert miff:- -format %k info: 2>/dev/null || echo 0)
			if [ "${colours:-0}" -gt 8 ]; then
				first=$(($(now_ms) - start))
			fi
		fi
		[ -z "$first" ] && sleep 0.005
	done
	times+=("$first")
	echo "run $run: first frame after $first ms"
	if [ "$run" -lt "$runs" ]; then
		kill "$app"
		wait "$app" 2>/dev/null || true
		app=""
	fi
done

sleep "$idle"
rss=$(ps -o rss= -p "$app" | tr -d ' ')
sorted=$(printf '%s\n' "${times[@]}" | sort -n)
median=$(echo "$sorted" | sed -n "$(((runs + 1) / 2))p")
echo "first frame: median $median ms over $runs runs (min $(echo "$sorted" | head -n 1), max $(echo "$sorted" | tail -n 1))"
echo "resident memory after ${idle} s idle: $((rss / 1024)) MiB ($rss KiB)"
