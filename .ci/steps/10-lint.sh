#!/usr/bin/env bash
# go vet, staticcheck, gofmt.
set -euo pipefail
make lint
