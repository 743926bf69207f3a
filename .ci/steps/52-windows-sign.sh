#!/usr/bin/env bash
# Authenticode: the unsigned build of step 50 fails `osslsigncode verify`;
# `make windows SIGN_PFX=… SIGN_PASSWORD_FILE=…` with a throwaway code-signing
# CA and certificate made here with OpenSSL signs fornyer.exe,
# fornyer-cli.exe and the MSI, and each verifies against that CA. The
# password goes by file only: it must not appear in make's output. No
# timestamp server (no network in CI). The signed files stay in build/ for
# the Wine step, which installs the signed MSI.
set -euo pipefail
cd "$(dirname "$0")/../.."
t0=$(date +%s)
version=$(sed -n 's/^ *Version *= *"\(.*\)"/\1/p' FyneApp.toml)
files=(build/fornyer.exe build/fornyer-cli.exe "build/Fornyer-$version.msi")
fail() { echo "FAIL: $*" >&2; exit 1; }
[ -f "${files[0]}" ] && [ -f "${files[2]}" ] || make windows
unsigned_size=$(stat -c %s "${files[2]}")

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

openssl req -x509 -newkey rsa:3072 -nodes -days 2 -subj "/CN=Fornyer CI Test Code Signing CA/O=Fornyer CI" \
  -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign \
  -keyout "$work/ca.key" -out "$work/ca.pem" 2>/dev/null
openssl req -newkey rsa:3072 -nodes -subj "/CN=Fornyer CI Test Signer/O=Fornyer CI" \
  -keyout "$work/leaf.key" -out "$work/leaf.csr" 2>/dev/null
printf 'basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=codeSigning\n' >"$work/leaf.ext"
openssl x509 -req -in "$work/leaf.csr" -CA "$work/ca.pem" -CAkey "$work/ca.key" -CAcreateserial -days 2 \
  -extfile "$work/leaf.ext" -out "$work/leaf.pem" 2>/dev/null
password="ci-$(openssl rand -hex 12)"
printf '%s\n' "$password" >"$work/password"
openssl pkcs12 -export -inkey "$work/leaf.key" -in "$work/leaf.pem" -certfile "$work/ca.pem" \
  -passout "file:$work/password" -out "$work/signing.pfx"

for f in "${files[@]}"; do
  if osslsigncode verify -CAfile "$work/ca.pem" -in "$f" >/dev/null 2>&1; then
    fail "the unsigned $f passes verification"
  fi
done
echo "unsigned: all three fail verification, as they must"

s=$(date +%s)
make windows SIGN_PFX="$work/signing.pfx" SIGN_PASSWORD_FILE="$work/password" >"$work/make.log" 2>&1 ||
  { cat "$work/make.log"; fail "the signed build failed"; }
sign_s=$(($(date +%s) - s))
! grep -qF "$password" "$work/make.log" || fail "the signing password appears in make's output"
grep -c '^signed: ' "$work/make.log" | grep -qx 3 || { cat "$work/make.log"; fail "make did not sign three files"; }

for f in "${files[@]}"; do
  out=$(osslsigncode verify -CAfile "$work/ca.pem" -in "$f" 2>&1) || { echo "$out"; fail "$f does not verify"; }
  grep -q 'Fornyer CI Test Signer' <<<"$out" || { echo "$out"; fail "$f is not signed by the test certificate"; }
  grep -qi 'sha256' <<<"$out" || { echo "$out"; fail "$f's signature is not SHA-256"; }
done
signed_size=$(stat -c %s "${files[2]}")
echo "signed and verified: ${files[*]}; MSI $unsigned_size bytes unsigned, $signed_size signed; signed build ${sign_s} s, step $(($(date +%s) - t0)) s"
