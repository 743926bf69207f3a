#!/usr/bin/env bash
# cli-goexperiment.sh: the GOEXPERIMENT that fornyer-cli is built with
# (make cli, make windows, scripts/bench-*.sh): Go's earlier garbage
# collector, "nogreenteagc", while the Go in use knows it (Go 1.25-1.26;
# nothing once a Go drops it, which then builds with its default).
#
# Why: an inspection allocates about 1 MB and ends before any collection
# (GODEBUG=gctrace=1 prints none, with or without a register), so the
# collector's only cost is how its heap is laid out. The Green Tea
# collector (Go 1.26's default) keeps each small-object span's mark bits
# at the span's end, one more page touched, and faulted in, for each size
# class used: 607 page faults an inspection against 487 without it (perf
# stat, 30 runs), and 0.26-0.33 ms less processor time of 4.3-4.4 ms
# (scripts/bench-inspect.sh's measure, 300-400 alternating runs, load 5-9,
# 2026-12-07). The window (make build) keeps the default: it runs for
# hours and collects.
set -euo pipefail
if GOEXPERIMENT=nogreenteagc "${GO:-go}" env GOEXPERIMENT >/dev/null 2>&1; then
	echo nogreenteagc
fi
