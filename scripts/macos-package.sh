#!/usr/bin/env bash
# Builds build/Fornyer.app on a Mac: the app with Fyne's accessibility tag
# (VoiceOver), bundled by `fyne package` (fyne.io/tools v1.7.4) for the icon,
# then packaging/macos/Info.plist in place of the one fyne package writes,
# which cannot declare the .p12/.pfx document types. Sign and notarise
# afterwards as the README says. Not run in CI (no Mac there).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
[ "$(uname)" = Darwin ] || { echo "Fornyer.app is built on a Mac" >&2; exit 1; }
version=$(sed -n 's/^ *Version *= *"\(.*\)"/\1/p' FyneApp.toml)
build=$(sed -n 's/^ *Build *= *\([0-9]*\)/\1/p' FyneApp.toml)
mkdir -p build
# no_emoji: the Makefile's TAGS, as every build of the window.
go build -tags accessibility,no_emoji -trimpath \
  -ldflags "-s -w -X github.com/fornyer/fornyer/core/appinfo.Version=$version" \
  -o build/fornyer ./cmd/fornyer
rm -rf build/Fornyer.app cmd/fornyer/Fornyer.app
(cd cmd/fornyer && go run fyne.io/tools/cmd/fyne@v1.7.4 package --target darwin --release \
  --executable "$root/build/fornyer" --icon "$root/assets/icon.png" --name Fornyer \
  --app-id dk.fornyer.app --app-version "$version" --app-build "$build")
mv cmd/fornyer/Fornyer.app build/
sed -e "s/@VERSION@/$version/" -e "s/@BUILD@/$build/" packaging/macos/Info.plist \
  >build/Fornyer.app/Contents/Info.plist
plutil -lint build/Fornyer.app/Contents/Info.plist
echo "build/Fornyer.app $version ($build)"
