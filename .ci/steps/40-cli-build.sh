#!/usr/bin/env bash
# The command-line binary builds without Fyne.
set -euo pipefail
make cli
if go list -deps ./cmd/fornyer-cli | grep -q '^fyne.io/'; then
  echo "cmd/fornyer-cli links Fyne" >&2; exit 1
fi
./build/fornyer-cli --version
# Built with the collector scripts/cli-goexperiment.sh names, if any; the
# command line's tests (each subcommand run whole, inspect's answers among
# them) also run with it, as the binary that ships does.
want=$(scripts/cli-goexperiment.sh)
if [ -n "$want" ]; then
  if ! go version -m build/fornyer-cli | grep -q "GOEXPERIMENT=$want"; then
    echo "build/fornyer-cli is not built with GOEXPERIMENT=$want" >&2; exit 1
  fi
  GOEXPERIMENT=$want CGO_ENABLED=0 go test -count=1 ./cli/
fi
