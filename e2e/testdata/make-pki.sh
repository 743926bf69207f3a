#!/usr/bin/env bash
# Makes the real-window suite's certificate files the way the world makes
# them: an OCES-like root and issuing CA, organisation certificates signed
# with RSA-PSS, exported with `openssl pkcs12 -export`.
# Usage: make-pki.sh OUTDIR PASSWORD
# Writes, in OUTDIR:
#   ca.pem                         the suite's root and issuing CA (FORNYER_TRUST_CA)
#   previous.p12                   the organisation's current certificate
#   Fornyet certifikat æøå.p12     the renewed one: same subject and OCES UUID,
#                                  new key and serial, later expiry
#   expired.p12                    a certificate that expired last year
#   other.p12                      another organisation's (a supplier's) certificate
#   garbage.p12                    random bytes
#   a folder.p12/                  a folder with a certificate's name
#   Anden Virksomhed.p12           another organisation's (at the end)
# All .p12 files have PASSWORD.
set -euo pipefail
out=$1 pw=$2
mkdir -p "$out"
cd "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

uuid=8b0e7c5a-3f1d-4c2e-9a6b-5d4e3c2b1a09
org="Fornyer Prøve ApS"
cvr=12345678
subj="/CN=$org - Organisationscertifikat/serialNumber=UI:DK-O:G:$uuid/O=$org/organizationIdentifier=NTRDK-$cvr/C=DK"

cat >"$work/ca.cnf" <<CNF
[ ca ]
default_ca = ca_any
[ ca_any ]
database = $work/index.txt
new_certs_dir = $work
serial = $work/serial
default_md = sha256
policy = policy_any
unique_subject = no
copy_extensions = none
[ policy_any ]
commonName = supplied
[ req ]
distinguished_name = dn
utf8 = yes
string_mask = utf8only
[ dn ]
[ root_ext ]
basicConstraints = critical,CA:true
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
[ issuing_ext ]
basicConstraints = critical,CA:true,pathlen:0
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[ org_ext ]
basicConstraints = critical,CA:false
keyUsage = critical,digitalSignature,nonRepudiation,keyEncipherment
certificatePolicies = 1.2.208.169.1.1.1.3.1
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
CNF
: >"$work/index.txt"
echo 1001 >"$work/serial"
export OPENSSL_CONF="$work/ca.cnf"
pss=(-sigopt rsa_padding_mode:pss -sigopt rsa_pss_saltlen:32)

key() { openssl genpkey -quiet -algorithm RSA -pkeyopt rsa_keygen_bits:"$2" -out "$work/$1.key"; }
# sign NAME SUBJECT SIGNER_CERT SIGNER_KEY EXT START END
sign() {
  openssl req -new -utf8 -key "$work/$1.key" -subj "$2" -out "$work/$1.csr"
  local selfsign=()
  [ "$3" = self ] && selfsign=(-selfsign) || selfsign=(-cert "$3")
  openssl ca -batch -notext -preserveDN -utf8 -config "$work/ca.cnf" "${selfsign[@]}" -keyfile "$4" \
    -extensions "$5" -startdate "$6" -enddate "$7" -md sha256 "${pss[@]}" \
    -in "$work/$1.csr" -out "$work/$1.pem" 2>"$work/$1.log" || { cat "$work/$1.log" >&2; exit 1; }
}
day() { date -u -d "$1" +%Y%m%d%H%M%SZ; }

key root 3072
sign root "/CN=Fornyer Prøve rod-CA/O=Fornyer Prøve/C=DK" self "$work/root.key" root_ext "$(day '-5 years')" "$(day '+20 years')"
key issuing 3072
sign issuing "/CN=Fornyer Prøve udstedende-CA 1/O=Fornyer Prøve/C=DK" "$work/root.pem" "$work/root.key" issuing_ext "$(day '-5 years')" "$(day '+15 years')"
cat "$work/root.pem" "$work/issuing.pem" >ca.pem

leaf() { # leaf NAME KEYNAME START END OUTFILE [SUBJECT NAME]
  key "$2" 3072
  sign "$1" "${6:-$subj}" "$work/issuing.pem" "$work/issuing.key" org_ext "$3" "$4"
  openssl pkcs12 -export -inkey "$work/$2.key" -in "$work/$1.pem" -certfile "$work/issuing.pem" \
    -name "${7:-$org}" -passout "pass:$pw" -out "$5"
}
leaf previous previous "$(day '-3 years +60 days')" "$(day '+50 days')" previous.p12
leaf renewed renewed "$(day '-1 day')" "$(day '+3 years -1 day')" "Fornyet certifikat æøå.p12"
leaf expired expired "$(day '-4 years')" "$(day '-1 year')" expired.p12
other="Anden Virksomhed ApS"
leaf other other "$(day '-1 day')" "$(day '+3 years -1 day')" other.p12 \
  "/CN=$other - Organisationscertifikat/serialNumber=UI:DK-O:G:2d7f4a10-6b3c-4e8d-a1f2-9c0b8e7d6a53/O=$other/organizationIdentifier=NTRDK-87654321/C=DK" "$other"
head -c 4096 /dev/urandom >garbage.p12
mkdir -p "a folder.p12"

# Another organisation's certificate, with a long name, issued an hour ago
# (its key is the expired certificate's: one key less to make):
#   Anden Virksomhed.p12
other="Anden Virksomhed og Søn Holding- og Investeringsselskab ApS"
cp "$work/expired.key" "$work/other.key"
sign other "/CN=$other/serialNumber=UI:DK-O:G:1f2e3d4c-5b6a-4789-8a7b-6c5d4e3f2a10/O=$other/organizationIdentifier=NTRDK-87654321/C=DK" \
  "$work/issuing.pem" "$work/issuing.key" org_ext "$(day '-1 hour')" "$(day '+3 years -1 hour')"
openssl pkcs12 -export -inkey "$work/other.key" -in "$work/other.pem" -certfile "$work/issuing.pem" \
  -name "$other" -passout "pass:$pw" -out "Anden Virksomhed.p12"
