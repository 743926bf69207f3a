#!/usr/bin/env bash
# Backups onto a real FAT file system (a fusefat mount of an image, made by
# internal/fattest; the kernel's vfat module is not available in every
# sandbox): ten writers at once each get a file of their own holding their
# bytes, and a whole backup of a file named as FAT cannot store ("a:b?.p12")
# lands under a FAT-safe name, one named as fusefat refuses ("æøå.p12")
# under its plain name ("aeoa.p12"), and cleans an unplugged stick's temporary
# file. A few seconds.
set -euo pipefail
scripts/deps.sh fat
out="$(go test -count=1 -run '^(TestConcurrentWritesOnFAT|TestBackupOntoFAT|TestBackupOntoFATWhereTheNameIsRefused)$' -v ./core/safefile/ ./core/backup/ 2>&1)" || { echo "$out"; exit 1; }
echo "$out" | grep -E -- '--- (PASS|SKIP)|fat_test' || true
