#!/usr/bin/env bash
# Measures Fornyer's window against a trivial Fyne window (issue 27): the
# time from launch to the first frame on the screen, the CPU time used until
# then, and the memory once idle, for an empty register and for one of
# 1,000 made-up certificates.
# Usage: scripts/launch-compare.sh [PAIRS] [SIZES...]
#   PAIRS  launches of each program per size, alternating (default 7); medians
#   SIZES  register sizes (default: 0 1000)
#   CACHES (environment) "warm", "cold" or "warm cold" (default): see below
#   SETTLE (environment) seconds after the first frame before the memory is
#          read (default 5)
#   TRIVIAL_ARGS (environment) arguments for the trivial window: "-kinds"
#          makes it draw one of each kind of thing Fornyer's first card
#          draws (scripts/trivial-window), to tell Fyne's and the graphics
#          driver's cost for those kinds from Fornyer's own
#   FORNYER_BIN (environment) a Fornyer binary to measure instead of the one
#          built from this tree (an earlier build, for a before and after)
#   TRIVIAL_TAGS (environment) build tags for the trivial window: by default
#          none, a Fyne window as Fyne builds it (with its emoji font);
#          "no_emoji" builds it with the tags Fornyer ships with (Makefile)
# The trivial window is scripts/trivial-window, built in the same run from the
# same go.mod with the same linker flags as build/fornyer (make build), at
# the same window size. Each pair runs the two in turn, the order swapped every pair,
# so that a machine getting busier or quieter weighs on both alike.
#
# What is measured, by scripts/firstframe (a small X client): every 20 ms it
# looks for a viewable window of the launched process and reads its pixels;
# the first frame is the first look at which they hold more than 8 colours,
# counted from just before the process was started. The CPU time is the
# process's user and system time at that moment, in /proc's 10 ms steps;
# "own count" is each program's own exact figure, printed when its first
# frame was painted (FORNYER_TRACE=1; both print it). The memory is read SETTLE
# seconds after the first frame: PSS (proportional: shared libraries divided
# among the processes that map them) and RSS from /proc/PID/smaps_rollup.
#
# Every launch has a fresh, private HOME, XDG folders and runtime folder, so
# it starts with no settings or progress; with a size above 0 the register of
# that size (scripts/seed-register, written once per size) is copied in
# before each launch, so every launch of Fornyer has the same reminders to
# give. The cache folder (XDG_CACHE_HOME) is what "warm" and "cold" differ
# in: Mesa's software renderer under Xvfb compiles each shader the first
# frame uses, which takes most of a first launch's CPU time, and keeps the
# result in mesa_shader_cache there (beside go-text's font index). "cold"
# gives every launch an empty cache: the very first launch on a computer.
# "warm" keeps one cache per program across its launches, filled by
# launches that are not measured until one adds nothing to it: every later
# launch, the everyday start.
# Everything runs under a virtual screen (Xvfb, 1280x900) and, when
# dbus-run-session exists, a private D-Bus session, as on a desktop.
# Fornyer runs with FORNYER_TRACE=1; the medians of its start trace's pieces
# (ui/trace.go) are printed after each size.
set -euo pipefail
cd "$(dirname "$0")/.."
args=("$@")
pairs=${1:-7}
shift || true
sizes=${*:-0 1000}
settle=${SETTLE:-5}
command -v Xvfb >/dev/null || { echo "launch-compare: needs Xvfb (scripts/deps.sh test)" >&2; exit 1; }

fornyer=${FORNYER_BIN:-build/fornyer}
if [ -z "${LAUNCH_COMPARE_BUS:-}" ]; then
# Fornyer as make build builds it; the trivial window with the same
# linker flags and Fyne's own default build tags (TRIVIAL_TAGS).
version=$(sed -n 's/^ *Version *= *"\(.*\)"/\1/p' FyneApp.toml)
ldflags="-X github.com/fornyer/fornyer/core/appinfo.Version=$version"
[ -n "${FORNYER_BIN:-}" ] || make -s build >/dev/null
go build -tags "${TRIVIAL_TAGS:-}" -ldflags "$ldflags" -o build/trivial-window ./scripts/trivial-window
go build -o build/firstframe ./scripts/firstframe
go build -o build/seed-register ./scripts/seed-register
fi

# The private D-Bus session, with a home of its own for the services it
# starts (a keyring daemon), since the builds above needed the real one.
if [ -z "${LAUNCH_COMPARE_BUS:-}" ] && command -v dbus-run-session >/dev/null; then
	bushome=$(mktemp -d)
	trap 'rm -rf "$bushome"' EXIT
	mkdir -m 700 "$bushome/run"
	HOME="$bushome" XDG_DATA_HOME="$bushome/data" XDG_CACHE_HOME="$bushome/cache" \
		XDG_CONFIG_HOME="$bushome/config" XDG_RUNTIME_DIR="$bushome/run" \
		LAUNCH_COMPARE_BUS=1 FORNYER_BIN="$fornyer" dbus-run-session -- "$0" "${args[@]}" 2>&1 |
		grep --line-buffered -v -e '^dbus-daemon' -e 'GNOME_KEYRING' -e 'keyring' -e '^discover_other_daemon' || true
	exit
fi

exec 3< <(exec Xvfb -displayfd 1 -screen 0 1280x900x24 -nolisten tcp 2>/dev/null)
xvfb_pid=$!
read -r -u 3 disp
export DISPLAY=":$disp"
work=$(mktemp -d)
cleanup() {
	kill "$xvfb_pid" 2>/dev/null || true
	rm -rf "$work"
}
trap cleanup EXIT

median() { sort -n | awk '{a[NR]=$1} END {if (NR) print a[int((NR+1)/2)]}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {if (b > 0) printf "%.2f", a / b; else print "-"}'; }
field() { sed -n "s/.*\b$1=\([0-9]*\).*/\1/p" <<<"$2"; }

# cpu_us NAME: the CPU time, in µs, that NAME's last launch said it had used
# when Show had painted its first frame ("trace first-frame-cpu", exact,
# where firstframe's figure is in /proc's 10 ms steps and read up to one
# poll later, while Fornyer already runs what waited for the frame).
cpu_us() { sed -n 's/^trace first-frame-cpu us=\([0-9]*\).*/\1/p' "$work/$1.err" | head -n 1 | grep . || echo 0; }

# launch NAME PROGRAM SIZE CACHE: one measured launch in a fresh home
# (PROGRAM: the program and its arguments, split at spaces);
# prints firstframe's line.
launch() {
	local name=$1 program=$2 size=$3 cache=$4 home="$work/home"
	rm -rf "$home"
	if [ "$size" -gt 0 ]; then
		cp -a "$work/seed-$size" "$home"
	else
		mkdir -p "$home"
	fi
	mkdir -p -m 700 "$home/run"
	local cachedir="$home/cache"
	[ "$cache" = warm ] && cachedir="$work/cache-$name"
	HOME="$home" XDG_CONFIG_HOME="$home/config" XDG_DATA_HOME="$home/data" \
		XDG_CACHE_HOME="$cachedir" XDG_RUNTIME_DIR="$home/run" FORNYER_TRACE=1 \
		./build/firstframe -settle "$settle"s -- $program 2>"$work/$name.err" ||
		{ echo "launch-compare: $name failed:" >&2; tail -n 20 "$work/$name.err" >&2; exit 1; }
}

for n in $sizes; do
	if [ "$n" -gt 0 ]; then
		mkdir -p "$work/seed-$n"
		HOME="$work/seed-$n" XDG_CONFIG_HOME="$work/seed-$n/config" ./build/seed-register -n "$n" >/dev/null
	fi
done
# The warm caches, filled by launches that are not measured until a launch
# adds nothing to them (at most 5). One launch is not always enough: Mesa's
# llvmpipe compiles a few more shader variants at each of Fornyer's second
# and third launches (its cache held 20, 22, then 23 files), and those two
# launches took some 40 ms more CPU to their first frame, in LLVM, than the
# ones after; the trivial window's cache is full after one.
fill() {
	local name=$1 program=$2 before after
	mkdir -p "$work/cache-$name"
	for _ in 1 2 3 4 5; do
		before=$(find "$work/cache-$name" -type f | wc -l)
		launch "$name" "$program" 0 warm >/dev/null
		after=$(find "$work/cache-$name" -type f | wc -l)
		[ "$after" -gt "$before" ] || break
	done
	echo "warm cache of $name: $after files" >&2
}
fill trivial "build/trivial-window ${TRIVIAL_ARGS:-}"
fill fornyer "$fornyer"

for cache in ${CACHES:-warm cold}; do
for n in $sizes; do
	tf=() ff=() tc=() fc=() tu=() fu=() tp=() fp=() tr=() fr=() pr=()
	: >"$work/trace"
	for pair in $(seq 1 "$pairs"); do
		if [ $((pair % 2)) -eq 1 ]; then
			t=$(launch trivial "build/trivial-window ${TRIVIAL_ARGS:-}" "$n" "$cache")
			f=$(launch fornyer "$fornyer" "$n" "$cache")
		else
			f=$(launch fornyer "$fornyer" "$n" "$cache")
			t=$(launch trivial "build/trivial-window ${TRIVIAL_ARGS:-}" "$n" "$cache")
		fi
		grep '^trace start ' "$work/fornyer.err" >>"$work/trace" || true
		tu+=("$(cpu_us trivial)") fu+=("$(cpu_us fornyer)")
		tf+=("$(field frame_ms "$t")") ff+=("$(field frame_ms "$f")")
		tc+=("$(field cpu_ms "$t")") fc+=("$(field cpu_ms "$f")")
		tp+=("$(field pss_kib "$t")") fp+=("$(field pss_kib "$f")")
		tr+=("$(field rss_kib "$t")") fr+=("$(field rss_kib "$f")")
		pr+=("$(ratio "${ff[-1]}" "${tf[-1]}")")
		echo "$cache cache, size $n, pair $pair: first frame trivial ${tf[-1]} ms, Fornyer ${ff[-1]} ms (${pr[-1]}x);" \
			"CPU ${tc[-1]} / ${fc[-1]} ms (own count $((tu[-1] / 1000)) / $((fu[-1] / 1000)) ms); idle PSS $((tp[-1] / 1024)) / $((fp[-1] / 1024)) MiB," \
			"RSS $((tr[-1] / 1024)) / $((fr[-1] / 1024)) MiB"
	done
	mtf=$(printf '%s\n' "${tf[@]}" | median) mff=$(printf '%s\n' "${ff[@]}" | median)
	mtc=$(printf '%s\n' "${tc[@]}" | median) mfc=$(printf '%s\n' "${fc[@]}" | median)
	mtu=$(printf '%s\n' "${tu[@]}" | median) mfu=$(printf '%s\n' "${fu[@]}" | median)
	mtp=$(printf '%s\n' "${tp[@]}" | median) mfp=$(printf '%s\n' "${fp[@]}" | median)
	mtr=$(printf '%s\n' "${tr[@]}" | median) mfr=$(printf '%s\n' "${fr[@]}" | median)
	echo "$cache cache, size $n, medians of $pairs pairs (trivial / Fornyer):"
	echo "  first frame  $mtf / $mff ms = $(ratio "$mff" "$mtf")x (median of the pairs' ratios $(printf '%s\n' "${pr[@]}" | median)x)"
	echo "  CPU to it    $mtc / $mfc ms = $(ratio "$mfc" "$mtc")x (read by firstframe, 10 ms steps)"
	echo "  own count    $((mtu / 1000)).$(printf %03d $((mtu % 1000))) / $((mfu / 1000)).$(printf %03d $((mfu % 1000))) ms = $(ratio "$mfu" "$mtu")x (each program's CPU when its first frame was painted)"
	echo "  idle PSS     $((mtp / 1024)) / $((mfp / 1024)) MiB = $(ratio "$mfp" "$mtp")x (after ${settle} s)"
	echo "  idle RSS     $((mtr / 1024)) / $((mfr / 1024)) MiB = $(ratio "$mfr" "$mtr")x"
	echo "  Fornyer's start trace, medians (ms; 'at' from launch, 'took' the piece):"
	awk '{
		piece = $3; at = $4; took = $5; sub(/^at=/, "", at); sub(/^took=/, "", took)
		if (!(piece in seen)) { seen[piece] = 1; order[++n] = piece }
		ats[piece] = ats[piece] " " at; tooks[piece] = tooks[piece] " " took
	}
	function med(list,   v, k, i, j, t) {
		k = split(list, v, " ")
		for (i = 1; i <= k; i++) for (j = i + 1; j <= k; j++) if (v[j] + 0 < v[i] + 0) { t = v[i]; v[i] = v[j]; v[j] = t }
		return v[int((k + 1) / 2)]
	}
	END { for (i = 1; i <= n; i++) printf "    %-22s at %7.1f  took %7.1f\n", order[i], med(ats[order[i]]), med(tooks[order[i]]) }' "$work/trace"
done
done
