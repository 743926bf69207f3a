#!/usr/bin/env bash
# bench-inspect.sh: how fast is `fornyer inspect`, side by side with
# `openssl pkcs12 -info -noout` on the same file, in one run:
#
#   1. in-process inspect (BenchmarkInspect) vs the whole openssl process;
#   2. the whole `fornyer-cli inspect --json` process vs the whole openssl
#      process (issue 24's goal: at most 0.9x openssl's median), by CPU
#      time (user+sys of each child, the verdict's measure) and wall time,
#      fornyer-cli as installed (a copy of what the linker wrote; the
#      linker's own file is measured too, "(as linked)": see below).
#
# The file is the benchmark's typical one: RSA 3072, made by OpenSSL with its
# defaults (AES-256-CBC, PBKDF2 and MAC with 2048 iterations), chain
# included, opened with the right password. Both commands read the password
# from standard input, so both decrypt the key and check the MAC.
#
# fornyer-cli runs with a HOME of its own and, by default, no register;
# REGISTER=N gives it a register of N made-up certificates
# (scripts/seed-register), which inspect reads for its answer.
#
# APP=1 also measures the app binary, `fornyer inspect --json` (cgo, Fyne
# linked, built as `make build` builds it), beside the two.
#
# Usage: scripts/bench-inspect.sh [RUNS]      (default 300 runs per command)
# Needs: go, openssl, python3. HYPERFINE=1 also runs hyperfine (through a
# shell, one command after the other) for its own statistics.
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${1:-300}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

FORNYER_BENCH_DIR=$dir go test -count=1 -run '^TestWriteBenchmarkFile$' ./core/inspect >/dev/null
# Built as `make cli` builds what ships: without cgo, so without the
# dynamic loader's work at every start, and with its garbage collector
# (scripts/cli-goexperiment.sh).
GOEXPERIMENT=$(scripts/cli-goexperiment.sh) CGO_ENABLED=0 go build -o "$dir/fornyer-cli.linked" ./cmd/fornyer-cli
# Measured as installed: a copy of the linked file, as an installer (or a
# read from disk after a restart) puts it in memory. The same bytes as the
# linker left them cost 0.9-1.0 ms more CPU at every start on this
# machine (2026-12-07, Linux 6.18 ext4, 250-300 alternating runs each,
# `cmp` equal: 4.45 against 3.56 ms), seemingly how the kernel keeps the
# pages the linker wrote through its mapping; openssl's own files are
# installed ones. The linked file is measured beside it, for reference.
cp "$dir/fornyer-cli.linked" "$dir/fornyer-cli"
if [ -n "${APP:-}" ]; then
	go build -tags no_emoji -o "$dir/fornyer" ./cmd/fornyer
fi
p12=$dir/typical.p12
# fornyer-cli's own HOME (go keeps the caller's, and its caches).
home=$dir/home
mkdir -p "$home"
if [ -n "${REGISTER:-}" ]; then
	go build -o "$dir/seed-register" ./scripts/seed-register
	HOME=$home XDG_CONFIG_HOME=$home/.config "$dir/seed-register" -n "$REGISTER" >/dev/null
fi

# Both must succeed on the file, or the comparison means nothing.
openssl pkcs12 -info -noout -in "$p12" -passin stdin <"$dir/password" 2>/dev/null
HOME=$home XDG_CONFIG_HOME=$home/.config LANGUAGE=en "$dir/fornyer-cli" inspect --json --password-stdin --trust-ca "$dir/root.pem" "$p12" <"$dir/password" >/dev/null

echo "== machine: $(nproc) cores, $(go version | cut -d' ' -f3), $(openssl version | cut -d' ' -f1-2), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== file: $(stat -c %s "$p12") bytes, RSA 3072, AES-256-CBC, 2048 iterations; register: ${REGISTER:-none}"

echo "== in-process inspect (go test -bench BenchmarkInspect)"
bench=$(go test -run '^$' -bench '^BenchmarkInspect$' -benchtime 2s -count 3 ./core/inspect | grep '^BenchmarkInspect')
echo "$bench"
# The median of the runs.
inproc_ms=$(echo "$bench" | awk '{print $3}' | sort -n | awk '{v[NR]=$1} END {printf "%.3f", v[int((NR+1)/2)]/1e6}')

echo "== whole processes, $runs runs each, interleaved (median / p10 / min / mean wall ms; median CPU ms)"
# The two commands take turns, so that load from elsewhere hits both alike;
# no shell in between: the process is started with the password file as
# its standard input, as a script would. Each child's CPU time (user+sys,
# from wait4's rusage: the kernel's own count of the time it ran) is taken
# beside the wall time: on a busy machine the wall time mostly measures the
# others (waiting for a core), the CPU time what the process itself cost.
read -r openssl_ms fornyer_ms openssl_cpu fornyer_cpu < <(python3 - "$runs" "$dir" <<'PY'
import os, statistics, subprocess, sys, time
runs, d = int(sys.argv[1]), sys.argv[2]
env = dict(os.environ, LANGUAGE="en", HOME=d + "/home", XDG_CONFIG_HOME=d + "/home/.config")
cmds = {
    "openssl": ["openssl", "pkcs12", "-info", "-noout", "-in", d + "/typical.p12", "-passin", "stdin"],
    "fornyer-cli": [d + "/fornyer-cli", "inspect", "--json", "--password-stdin", "--trust-ca", d + "/root.pem", d + "/typical.p12"],
}
cmds["(as linked)"] = [d + "/fornyer-cli.linked"] + cmds["fornyer-cli"][1:]
if os.environ.get("APP"):
    cmds["fornyer (app)"] = [d + "/fornyer"] + cmds["fornyer-cli"][1:]
wall = {k: [] for k in cmds}
cpu = {k: [] for k in cmds}
for i in range(runs + 20):
    for name, argv in cmds.items():
        with open(d + "/password", "rb") as pw:
            t0 = time.perf_counter_ns()
            p = subprocess.Popen(argv, stdin=pw, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
            _, status, ru = os.wait4(p.pid, 0)
            t1 = time.perf_counter_ns()
            p.returncode = os.waitstatus_to_exitcode(status)
        if p.returncode != 0:
            sys.exit("%s failed with %d" % (name, p.returncode))
        if i >= 20:  # the first 20 warm the caches
            wall[name].append((t1 - t0) / 1e6)
            cpu[name].append((ru.ru_utime + ru.ru_stime) * 1e3)
for name, t in wall.items():
    p10 = sorted(t)[len(t) // 10]
    print("  %-14s %7.3f / %7.3f / %7.3f / %7.3f   CPU %7.3f (%.2fx openssl's)" % (name, statistics.median(t), p10, min(t), statistics.mean(t),
          statistics.median(cpu[name]), statistics.median(cpu[name]) / statistics.median(cpu["openssl"])), file=sys.stderr)
print("%.3f %.3f %.3f %.3f" % (statistics.median(wall["openssl"]), statistics.median(wall["fornyer-cli"]),
                              statistics.median(cpu["openssl"]), statistics.median(cpu["fornyer-cli"])))
PY
)
if command -v hyperfine >/dev/null && [ -n "${HYPERFINE:-}" ]; then
	hyperfine --warmup 20 --runs "$runs" \
		-n openssl "openssl pkcs12 -info -noout -in $p12 -passin stdin <$dir/password" \
		-n fornyer-cli "HOME=$home XDG_CONFIG_HOME=$home/.config $dir/fornyer-cli inspect --json --password-stdin --trust-ca $dir/root.pem $p12 <$dir/password >/dev/null"
fi

echo
echo "== side by side (median per inspection, ms; load $(cut -d' ' -f1-3 /proc/loadavg) at the end)"
printf '  %-42s %8s\n' "in-process inspect" "$inproc_ms"
printf '  %-42s %8s wall %8s CPU\n' "fornyer-cli inspect --json (whole process)" "$fornyer_ms" "$fornyer_cpu"
printf '  %-42s %8s wall %8s CPU\n' "openssl pkcs12 -info -noout (whole process)" "$openssl_ms" "$openssl_cpu"
# The verdict goes by the CPU time's median, which holds still under load;
# the wall time's is printed beside it (on a quiet machine the two agree).
awk -v i="$inproc_ms" -v f="$fornyer_ms" -v o="$openssl_ms" -v fc="$fornyer_cpu" -v oc="$openssl_cpu" 'BEGIN {
	printf "  goal 1, in-process faster than openssl:      %s (%.1fx)\n", (i < o ? "met" : "NOT met"), o / i
	printf "  goal 2, fornyer-cli at most 0.9x openssl:    %s (CPU %.2fx openssl; wall %.2fx)\n", (fc <= 0.9 * oc ? "met" : "NOT met"), fc / oc, f / o
}'
