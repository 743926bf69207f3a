// Package registertest makes registers of made-up certificates, as an IT
// provider's would look, for benchmarks, tests and the real-window suite
// (`go run ./scripts/seed-register`). Nothing here is a real certificate:
// the fingerprints, serials and UUIDs are derived from a counter.
package registertest

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"time"

	"github.com/fornyer/fornyer/core/register"
	"github.com/fornyer/fornyer/core/safefile"
)

var firstNames = []string{"Bager", "Tømrer", "Revision", "Vognmand", "Advokat", "Tandlæge", "Murer", "Blomster",
	"Auto", "El-installatør", "Frisør", "Købmand", "Maler", "VVS", "Ejendoms", "Skrædder", "Arkitekt", "Østergaard"}
var lastNames = []string{"Hansen", "Jensen", "Nielsen", "Pedersen", "Andersen", "Christensen", "Larsen", "Sørensen",
	"Rasmussen", "Jørgensen", "Petersen", "Madsen", "Kristensen", "Olsen", "Thomsen", "Poulsen", "Ågaard", "Lund"}
var forms = []string{"ApS", "A/S", "I/S", "& Søn", "IVS"}

// CVR is the made-up CVR number of client i (eight digits, unique for i
// below 10,000,000).
func CVR(i int) string { return fmt.Sprintf("%08d", 20000000+i*7%10000000) }

// Organization is the made-up name of client i.
func Organization(i int) string {
	r := rand.New(rand.NewPCG(uint64(i), 7))
	return fmt.Sprintf("%s %s %s", firstNames[r.IntN(len(firstNames))], lastNames[r.IntN(len(lastNames))], forms[r.IntN(len(forms))])
}

// Certificates returns n made-up certificates as of now: one renewal line
// per client, every fifth client with its previous certificate too, expiry
// spread over the past month and the next three years, a few test and
// system certificates, about half recorded as installed in DPG. The same n
// and now give the same certificates.
func Certificates(n int, now time.Time) []register.Certificate {
	now = now.UTC().Truncate(time.Second)
	r := rand.New(rand.NewPCG(uint64(n), 1))
	out := make([]register.Certificate, 0, n)
	for client := 0; len(out) < n; client++ {
		org, cvr := Organization(client), CVR(client)
		uuid := fmt.Sprintf("%08x-%04x-4%03x-8%03x-%012x", 0x3f2a0000+client, client%0x10000, client%0x1000, (client*7)%0x1000, client)
		kind, env := "organization", register.Production
		switch {
		case client%11 == 3:
			kind = "system"
		case client%13 == 5:
			env = register.Test
		}
		// Days until expiry, from 30 days ago to three years ahead.
		left := time.Duration(r.IntN(3*365+30)-30) * 24 * time.Hour
		line := []time.Time{now.Add(left)}
		if client%5 == 0 && len(out)+1 < n {
			line = append(line, line[0].AddDate(-3, 0, 0))
		}
		for gen, notAfter := range line {
			i := len(out)
			c := register.Certificate{
				SHA256:       fmt.Sprintf("%064x", 0xfeed0000+i),
				Organization: org,
				CVR:          cvr,
				UUID:         uuid,
				Serial:       fmt.Sprintf("%x", 0x51e000+i),
				CommonName:   org + " - Org",
				Kind:         kind,
				Environment:  env,
				NotBefore:    notAfter.AddDate(-3, 0, 0),
				NotAfter:     notAfter,
				File: &register.FileRef{
					Path:       filepath.Join("/home/it/Kunder", cvr, fmt.Sprintf("%s-%d.p12", cvr, len(line)-gen)),
					SHA256:     fmt.Sprintf("%064x", 0xf11e0000+i),
					VerifiedAt: now.Add(-time.Duration(i) * time.Minute),
				},
				PasswordSaved: i%3 == 0,
				Added:         now.Add(-time.Duration(i) * time.Hour),
				Updated:       now.Add(-time.Duration(i) * time.Minute),
			}
			if r.IntN(2) == 0 {
				c.DPG = &register.DPG{At: c.NotBefore.Add(time.Hour), By: "Anna"}
			}
			out = append(out, c)
		}
	}
	return out
}

// Write writes certs as a new register file at path, in the register's own
// format, never over an existing file. It is what the window and `fornyer
// list` then read.
func Write(path string, certs []register.Certificate) error {
	data, err := register.Encode(certs)
	if err != nil {
		return err
	}
	if _, err := os.Lstat(path); err == nil {
		return fmt.Errorf("%s exists already", path)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return err
	}
	return safefile.Replace(path, data)
}
