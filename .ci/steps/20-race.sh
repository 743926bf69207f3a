#!/usr/bin/env bash
# Every test again under the race detector.
set -euo pipefail
scripts/test.sh -race
