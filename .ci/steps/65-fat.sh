#!/usr/bin/env bash
# Backups onto a real FAT file system (a fusefat mount of an image; the
# kernel's vfat module is not available in every sandbox): ten writers at
# once each get a file of their own holding their bytes. A few seconds.
set -euo pipefail
scripts/deps.sh fat
out="$(go test -count=1 -run '^TestConcurrentWritesOnFAT$' -v ./core/safefile/ 2>&1)" || { echo "$out"; exit 1; }
echo "$out" | grep -E -- '--- (PASS|SKIP)|fat_test' || true
