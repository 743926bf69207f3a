#!/usr/bin/env bash
# Every test again under the race detector. Tests wait on events, never on
# a clock; the only bound is go test's time-out, which turns a hang into a
# failure with every goroutine's stack. Its default of 10 minutes a package
# is too short on a loaded machine: at load 30, ui took 16 minutes a run
# under -race (core/pfx 7), with every test passing.
set -euo pipefail
scripts/test.sh -race -timeout 30m
