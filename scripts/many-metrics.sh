#!/usr/bin/env bash
# Measures the window with an IT provider's register (issue 16): for each
# register size, the launch-to-first-frame time and the CPU time the app
# spent until then (which a busy shared machine does not inflate as it
# does the wall time), the resident memory when idle, and the time from a
# click on "My certificates" to its first rows drawn (the window's
# FORNYER_TRACE line), under a virtual screen.
# Usage: scripts/many-metrics.sh [RUNS] [SIZES...]
#   RUNS   launches per size (default 3); medians are reported
#   SIZES  register sizes (default: 0 1000 10000)
# Each launch has a throw-away home whose register scripts/seed-register
# fills with made-up certificates. Needs Xvfb, xdotool, xwininfo, import,
# convert (scripts/deps.sh test).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
shift || true
sizes=${*:-0 1000 10000}
for tool in Xvfb xdotool xwininfo import convert; do
	command -v "$tool" >/dev/null || { echo "many-metrics: needs $tool (scripts/deps.sh test)" >&2; exit 1; }
done
make -s build >/dev/null # as shipped (the Makefile's tags)
go build -o build/seed-register ./scripts/seed-register

now_ms() { date +%s%3N; }
# cpu_ms is the user and system CPU time process $1 has used.
cpu_ms() { awk -v hz="$(getconf CLK_TCK)" '{print int(($14 + $15) * 1000 / hz)}' "/proc/$1/stat"; }

exec 3< <(exec Xvfb -displayfd 1 -screen 0 1280x900x24 -nolisten tcp 2>/dev/null)
xvfb_pid=$!
read -r -u 3 disp
export DISPLAY=":$disp"
home=$(mktemp -d)
app=""
cleanup() {
	if [ -n "$app" ]; then
		kill "$app" 2>/dev/null || true
		wait "$app" 2>/dev/null || true
	fi
	kill "$xvfb_pid" 2>/dev/null || true
	rm -rf "$home"
}
trap cleanup EXIT

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

for n in $sizes; do
	frames=() cpus=() rss=() tabs=()
	for run in $(seq 1 "$runs"); do
		rm -rf "${home:?}"/*
		XDG_CONFIG_HOME="$home/config" HOME="$home" ./build/seed-register -n "$n" >/dev/null
		start=$(now_ms)
		HOME="$home" XDG_CONFIG_HOME="$home/config" XDG_DATA_HOME="$home/data" XDG_CACHE_HOME="$home/cache" \
			LANGUAGE=da FORNYER_TRACE=1 ./build/fornyer 2>"$home/err.log" &
		app=$!
		first=""
		while [ -z "$first" ]; do
			if [ $(($(now_ms) - start)) -gt 90000 ]; then
				echo "many-metrics: no window after 90 s" >&2
				exit 1
			fi
			id=$(xdotool search --onlyvisible --pid "$app" 2>/dev/null | head -n 1 || true)
			if [ -n "$id" ] && xwininfo -id "$id" 2>/dev/null | grep -q IsViewable; then
				colours=$(import -silent -window "$id" miff:- 2>/dev/null | convert miff:- -format %k info: 2>/dev/null || echo 0)
				if [ "${colours:-0}" -gt 8 ]; then
					first=$(($(now_ms) - start))
					cpus+=("$(cpu_ms "$app")")
				fi
			fi
			[ -z "$first" ] && sleep 0.005
		done
		sleep 5 # idle: the register read and the reminders done
		rss+=("$(($(ps -o rss= -p "$app" | tr -d ' ') / 1024))")
		# "Mine certifikater" is the third tab, in the middle of the tab bar.
		clicked=$(date +%s%N)
		xdotool mousemove --window "$id" 240 20 click 1
		drawn=""
		for _ in $(seq 1 400); do
			drawn=$(awk '$1 == "trace" && $2 == "certificates-rows" {print $3; exit}' "$home/err.log")
			[ -n "$drawn" ] && break
			sleep 0.01
		done
		tab=$([ -n "$drawn" ] && echo $(((drawn - clicked) / 1000000)) || echo "none")
		frames+=("$first") tabs+=("$tab")
		echo "size $n run $run: first frame $first ms (CPU ${cpus[-1]} ms), resident ${rss[-1]} MiB, tab to rows $tab ms"
		kill "$app"
		wait "$app" 2>/dev/null || true
		app=""
	done
	echo "size $n: first frame median $(printf '%s\n' "${frames[@]}" | median) ms (CPU $(printf '%s\n' "${cpus[@]}" | median) ms), resident median $(printf '%s\n' "${rss[@]}" | median) MiB, tab to rows median $(printf '%s\n' "${tabs[@]}" | median) ms"
done
