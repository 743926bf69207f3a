#!/usr/bin/env bash
# Runs every test, including the ones against the real credential store: a
# private D-Bus session with an unlocked GNOME keyring, in a private runtime
# folder, so that nothing touches the user's own keyring.
# Extra arguments go to `go test` (for example -race).
set -euo pipefail
cd "$(dirname "$0")/.."

runtime_dir=$(mktemp -d)
trap 'rm -rf "$runtime_dir"' EXIT
export XDG_RUNTIME_DIR="$runtime_dir" HOME_KEYRING_DIR="$runtime_dir"
export FORNYER_REAL_KEYRING=1 # the integration tests fail, not skip, without it
export FORNYER_X_TESTS=1 # core/sysclip's tests fail, not skip, without Xvfb and xclip

# The keyring keeps its files under XDG_DATA_HOME; keep those private too.
export XDG_DATA_HOME="$runtime_dir/data"
mkdir -p "$XDG_DATA_HOME"

exec dbus-run-session -- sh -c '
  echo -n fornyer-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1
  exec go test "$@" ./...
' sh "$@"
