#!/usr/bin/env bash
# Signs Windows files in place with Authenticode (SHA-256), through
# osslsigncode: scripts/sign-windows.sh FILE...
#
# The certificate comes from the environment (make windows passes its
# variables on):
#   SIGN_PFX            the organisation's code-signing certificate with its
#                       key (.pfx / .p12)
#   SIGN_PASSWORD_FILE  a file whose first line is the .pfx's password: it is
#                       handed to osslsigncode as a file name (-readpass),
#                       so the password itself never appears in a command
#                       line, a log or the process list
#   SIGN_TIMESTAMP_URL  optional: an RFC 3161 timestamp server (for example
#                       the certificate authority's), so that the signature
#                       stays valid after the certificate expires. Leave it
#                       unset where there is no network (CI).
# Without SIGN_PFX and SIGN_PASSWORD_FILE it signs nothing and says so.
# Each file is signed to a temporary file beside it and renamed over the
# original only when osslsigncode succeeded.
set -euo pipefail

if [ -z "${SIGN_PFX:-}" ] && [ -z "${SIGN_PASSWORD_FILE:-}" ]; then
  for f in "$@"; do echo "NOT SIGNED: $f (give SIGN_PFX=FILE SIGN_PASSWORD_FILE=FILE to sign)"; done
  exit 0
fi
if [ -z "${SIGN_PFX:-}" ] || [ -z "${SIGN_PASSWORD_FILE:-}" ]; then
  echo "sign-windows: SIGN_PFX and SIGN_PASSWORD_FILE go together" >&2
  exit 64
fi
for f in "$SIGN_PFX" "$SIGN_PASSWORD_FILE"; do
  [ -r "$f" ] || { echo "sign-windows: cannot read $f" >&2; exit 66; }
done
command -v osslsigncode >/dev/null || { echo "sign-windows: osslsigncode is not installed (scripts/deps.sh windows)" >&2; exit 69; }

ts=()
[ -n "${SIGN_TIMESTAMP_URL:-}" ] && ts=(-ts "$SIGN_TIMESTAMP_URL")
for f in "$@"; do
  tmp="$f.signing"
  rm -f "$tmp"
  if ! osslsigncode sign -pkcs12 "$SIGN_PFX" -readpass "$SIGN_PASSWORD_FILE" -h sha256 \
    -n Fornyer -i https://github.com/fornyer/fornyer "${ts[@]}" -in "$f" -out "$tmp" >/dev/null; then
    rm -f "$tmp"
    echo "sign-windows: signing $f failed" >&2
    exit 1
  fi
  mv -f "$tmp" "$f"
  echo "signed: $f (SHA-256${SIGN_TIMESTAMP_URL:+, timestamped by $SIGN_TIMESTAMP_URL})"
done
