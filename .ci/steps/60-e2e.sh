#!/usr/bin/env bash
# The real-window end-to-end suite (issue 12): the real binary under Xvfb
# with a private home, session bus and unlocked keyring, driven with
# xdotool, in Danish and English. A screenshot of every step is kept in
# build/e2e-shots, the CI artifact folder. See e2e/doc.go.
set -euo pipefail
scripts/deps.sh e2e
make build
mkdir -p build/e2e-shots
FORNYER_E2E_BIN=build/fornyer FORNYER_E2E_SHOTS=build/e2e-shots \
  go test -tags e2e -count=1 -timeout 30m -v ./e2e/
