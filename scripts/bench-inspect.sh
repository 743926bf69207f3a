#!/usr/bin/env bash
# bench-inspect.sh: how fast is `fornyer inspect`, side by side with
# `openssl pkcs12 -info -noout` on the same file, in one run:
#
#   1. in-process inspect (BenchmarkInspect) vs the whole openssl process;
#   2. the whole `fornyer-cli inspect` process vs the whole openssl process.
#
# The file is the benchmark's typical one: RSA 3072, made by OpenSSL with its
# defaults (AES-256-CBC, PBKDF2 and MAC with 2048 iterations), chain
# included, opened with the right password. Both commands read the password
# from standard input, so both decrypt the key and check the MAC.
#
# Usage: scripts/bench-inspect.sh [RUNS]      (default 300 runs per command)
# Needs: go, openssl; hyperfine if installed (apt-get install hyperfine),
# otherwise a plain timing loop.
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${1:-300}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

FORNYER_BENCH_DIR=$dir go test -count=1 -run '^TestWriteBenchmarkFile$' ./core/inspect >/dev/null
go build -o "$dir/fornyer-cli" ./cmd/fornyer-cli
p12=$dir/typical.p12

# Both must succeed on the file, or the comparison means nothing.
openssl pkcs12 -info -noout -in "$p12" -passin stdin <"$dir/password" 2>/dev/null
LANGUAGE=en "$dir/fornyer-cli" inspect --password-stdin --trust-ca "$dir/root.pem" "$p12" <"$dir/password" >/dev/null

openssl_cmd="openssl pkcs12 -info -noout -in $p12 -passin stdin <$dir/password"
fornyer_cmd="$dir/fornyer-cli inspect --password-stdin --trust-ca $dir/root.pem $p12 <$dir/password >/dev/null"

echo "== machine: $(nproc) cores, $(go version | cut -d' ' -f3), $(openssl version | cut -d' ' -f1-2)"
echo "== file: $(stat -c %s "$p12") bytes, RSA 3072, AES-256-CBC, 2048 iterations"

echo "== in-process inspect (go test -bench BenchmarkInspect)"
bench=$(go test -run '^$' -bench '^BenchmarkInspect$' -benchtime 2s -count 3 ./core/inspect | grep '^BenchmarkInspect')
echo "$bench"
# The median of the runs.
inproc_ms=$(echo "$bench" | awk '{print $3}' | sort -n | awk '{v[NR]=$1} END {printf "%.3f", v[int((NR+1)/2)]/1e6}')

echo "== whole processes"
if command -v hyperfine >/dev/null; then
	hyperfine --warmup 20 --runs "$runs" --export-json "$dir/h.json" \
		-n openssl "$openssl_cmd" -n fornyer-cli "$fornyer_cmd"
	# The median, not the mean: a busy machine adds long outliers.
	read -r openssl_ms fornyer_ms < <(python3 -c '
import json, sys
r = {x["command"]: x for x in json.load(open(sys.argv[1]))["results"]}
print("%.3f %.3f" % (r["openssl"]["median"] * 1e3, r["fornyer-cli"]["median"] * 1e3))' "$dir/h.json")
else
	timeit() {
		local start end
		for _ in $(seq 20); do sh -c "$1"; done
		start=$(date +%s%N)
		for _ in $(seq "$runs"); do sh -c "$1"; done
		end=$(date +%s%N)
		awk -v d=$((end - start)) -v n="$runs" 'BEGIN {printf "%.3f", d/n/1e6}'
	}
	openssl_ms=$(timeit "$openssl_cmd")
	fornyer_ms=$(timeit "$fornyer_cmd")
	echo "(no hyperfine: plain loop of $runs runs each, including a shell start)"
fi

echo
echo "== side by side (median per inspection, ms)"
printf '  %-42s %8s\n' "in-process inspect" "$inproc_ms"
printf '  %-42s %8s\n' "fornyer-cli inspect (whole process)" "$fornyer_ms"
printf '  %-42s %8s\n' "openssl pkcs12 -info -noout (whole process)" "$openssl_ms"
awk -v i="$inproc_ms" -v f="$fornyer_ms" -v o="$openssl_ms" 'BEGIN {
	printf "  goal 1, in-process faster than openssl:      %s (%.1fx)\n", (i < o ? "met" : "NOT met"), o / i
	printf "  goal 2, fornyer-cli no slower than openssl:  %s (%.2fx openssl)\n", (f <= o ? "met" : "NOT met"), f / o
}'
