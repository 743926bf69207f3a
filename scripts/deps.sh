#!/usr/bin/env bash
# Installs the Debian packages named on the command line that are missing.
# Usage: scripts/deps.sh build|test|windows
set -euo pipefail

build=(gcc pkg-config libgl1-mesa-dev xorg-dev libwayland-dev libxkbcommon-dev wayland-protocols)
# What the tests drive: a virtual screen, the real credential store, PDF tools, OpenSSL.
test=("${build[@]}" xvfb xauth xdotool imagemagick poppler-utils gnome-keyring dbus-x11 openssl)
windows=(gcc-mingw-w64-x86-64)

case "${1:-}" in
  build) want=("${build[@]}") ;;
  test) want=("${test[@]}") ;;
  windows) want=("${windows[@]}") ;;
  *) echo "usage: $0 build|test|windows" >&2; exit 64 ;;
esac

missing=()
for p in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if ! command -v apt-get >/dev/null; then
  echo "Please install these packages (or your system's equivalents): ${missing[*]}" >&2
  exit 1
fi
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "Installing ${missing[*]}" >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
