#!/usr/bin/env bash
# bench-growstack.sh: does growStack (cmd/fornyer-cli/growstack.go) still
# pay? The same `fornyer-cli inspect --json` on the benchmark's typical
# file, built with it and without it (-tags nogrowstack), the two taking
# turns, each process's processor time (user+sys, from wait4) recorded:
# wall time on a shared machine is noise. Prints the medians and a 95 %
# bootstrap interval of their difference; note the figure in growstack.go.
#
# Usage: scripts/bench-growstack.sh [RUNS]      (default 1500 runs each)
# Needs: go, python3.
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${1:-1500}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

FORNYER_BENCH_DIR=$dir go test -count=1 -run '^TestWriteBenchmarkFile$' ./core/inspect >/dev/null
export GOEXPERIMENT=$(scripts/cli-goexperiment.sh) # as make cli builds it
CGO_ENABLED=0 go build -o "$dir/with" ./cmd/fornyer-cli
CGO_ENABLED=0 go build -tags nogrowstack -o "$dir/without" ./cmd/fornyer-cli
mkdir -p "$dir/home"
echo "== $(go version | cut -d' ' -f3), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); $runs runs each"
python3 - "$dir" "$runs" <<'PY'
import os, random, statistics, sys
d, runs = sys.argv[1], int(sys.argv[2])
env = dict(os.environ, HOME=d + "/home", XDG_CONFIG_HOME=d + "/home/.config", LANGUAGE="en")
devnull = os.open(os.devnull, os.O_WRONLY)
ms = {"with": [], "without": []}
for i in range(runs):
    for name in (("with", "without") if i % 2 == 0 else ("without", "with")):
        pw = os.open(d + "/password", os.O_RDONLY)
        pid = os.fork()
        if pid == 0:
            os.dup2(pw, 0); os.dup2(devnull, 1); os.dup2(devnull, 2)
            os.execve(d + "/" + name, [name, "inspect", "--json", "--password-stdin", "--trust-ca", d + "/root.pem", d + "/typical.p12"], env)
        _, status, ru = os.wait4(pid, 0)
        os.close(pw)
        if os.waitstatus_to_exitcode(status) != 0:
            sys.exit(f"{name} failed: {status}")
        ms[name].append((ru.ru_utime + ru.ru_stime) * 1000)
w, wo = ms["with"], ms["without"]
for name, v in ms.items():
    print(f"{name:8s} user+sys: median {statistics.median(v):.3f} ms, mean {statistics.mean(v):.3f} ms")
random.seed(1)
diffs = sorted(statistics.median(random.choices(w, k=len(w))) - statistics.median(random.choices(wo, k=len(wo))) for _ in range(2000))
d = statistics.median(w) - statistics.median(wo)
print(f"with - without: {d:+.3f} ms ({100 * d / statistics.median(wo):+.1f} %), 95 % interval [{diffs[50]:+.3f}, {diffs[1949]:+.3f}] ms")
PY
