#!/usr/bin/env bash
# Installs the Debian packages named on the command line that are missing.
# Usage: scripts/deps.sh build|test|windows|e2e|wine|fat
set -euo pipefail

build=(gcc pkg-config libgl1-mesa-dev xorg-dev libwayland-dev libxkbcommon-dev wayland-protocols)
# What the tests drive: a virtual screen and a clipboard reader (core/sysclip
# serves the X clipboard itself), the real credential store, PDF tools, OpenSSL.
test=("${build[@]}" xvfb xauth xclip xdotool imagemagick poppler-utils gnome-keyring dbus-x11 openssl)
# Windows: the cross-compiler, the MSI (wixl; ImageMagick for its icon),
# and Authenticode signing (osslsigncode).
windows=(gcc-mingw-w64-x86-64 wixl imagemagick osslsigncode)
# The real-window suite: OCR in Danish and English, the keyring's own
# client, GTK for the suite's drag source (xclip comes with test).
e2e=("${test[@]}" x11-xkb-utils tesseract-ocr tesseract-ocr-dan tesseract-ocr-eng libsecret-tools libgtk-3-dev)
# Windows under Wine (the MSI's and the window's checks need a virtual
# screen, xdotool, screenshots and OCR).
wine=("${windows[@]}" wine wine64 xvfb xauth xdotool imagemagick tesseract-ocr tesseract-ocr-eng)
# File systems a USB stick may have.
fat=(dosfstools mtools fusefat exfatprogs)

case "${1:-}" in
  build) want=("${build[@]}") ;;
  test) want=("${test[@]}") ;;
  windows) want=("${windows[@]}") ;;
  e2e) want=("${e2e[@]}") ;;
  wine) want=("${wine[@]}") ;;
  fat) want=("${fat[@]}") ;;
  *) echo "usage: $0 build|test|windows|e2e|wine|fat" >&2; exit 64 ;;
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
