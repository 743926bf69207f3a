#!/usr/bin/env bash
# Takes a screenshot of the real window under a virtual screen.
# Usage: scripts/screenshot.sh OUT.png [SECONDS] [-- xdotool args...]
# LANGUAGE and FYNE_THEME pass through, e.g.
#   LANGUAGE=da FYNE_THEME=dark scripts/screenshot.sh /tmp/da-dark.png
# FORNYER_ARGS are passed to the app (files to check at start), and
# FORNYER_TRUST_CA too. The app runs with a private, throw-away settings folder.
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(realpath -m "$1"); shift
wait=${1:-3}; [ $# -gt 0 ] && shift
[ "${1:-}" = "--" ] && shift
go build -o build/fornyer ./cmd/fornyer
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
HOME="$home" XDG_CONFIG_HOME="$home/config" XDG_DATA_HOME="$home/data" \
xvfb-run -a -s "-screen 0 1280x900x24" bash -c '
  ./build/fornyer $FORNYER_ARGS & pid=$!
  sleep "$1"; shift
  out=$1; shift
  if [ $# -gt 0 ]; then xdotool "$@"; sleep 1; fi
  import -window root "$out"
  kill $pid
' bash "$wait" "$out" "$@"
echo "$out"
