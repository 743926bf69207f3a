package certlist

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/fornyer/fornyer/core/register"
	"github.com/fornyer/fornyer/internal/cputime"
)

// byPredecessor is how lines were built before chains: register.Predecessor
// over what is left, step by step (quadratic in one UUID's certificates).
// chains must give the same lines.
func byPredecessor(g []register.Certificate) [][]string {
	var out [][]string
	for len(g) > 0 {
		line := []string{g[0].SHA256}
		rest := slices.Clone(g[1:])
		for cur := g[0]; ; {
			p, ok := register.Predecessor(rest, cur)
			if !ok {
				break
			}
			line = append(line, p.SHA256)
			rest = slices.DeleteFunc(rest, func(c register.Certificate) bool { return c.SHA256 == p.SHA256 })
			cur = p
		}
		out = append(out, line)
		g = rest
	}
	return out
}

// One UUID's certificates with serials and expiries drawn from small sets,
// so that the same serial again and equal expiries (what no rule links)
// are common: the lines agree with register.Predecessor's.
func TestLinesAgreeWithPredecessor(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for round := range 300 {
		n := 1 + r.IntN(30)
		var certs []register.Certificate
		for i := range n {
			c := cert(round*100+i, "Bager", "u-1", time.Duration(r.IntN(8))*day, false)
			c.Serial = fmt.Sprint(r.IntN(1 + n/2))
			if r.IntN(4) == 0 {
				c.Serial = strings.ToUpper("a" + c.Serial) // case is no new serial
			}
			certs = append(certs, c)
		}
		var got [][]string
		for _, l := range Lines(certs) {
			var line []string
			for _, c := range l.All() {
				line = append(line, c.SHA256)
			}
			got = append(got, line)
		}
		sorted := slices.Clone(certs)
		slices.SortFunc(sorted, func(a, b register.Certificate) int {
			if c := b.NotAfter.Compare(a.NotAfter); c != 0 {
				return c
			}
			return strings.Compare(a.SHA256, b.SHA256)
		})
		if want := byPredecessor(sorted); !reflect.DeepEqual(got, want) {
			t.Fatalf("round %d:\n got %v\nwant %v", round, got, want)
		}
	}
}

// oneOrganisation is n renewals of one certificate: one OCES UUID, a new
// serial each time, three years apart.
func oneOrganisation(n int) []register.Certificate {
	certs := make([]register.Certificate, n)
	for i := range certs {
		certs[i] = cert(i, "Bager Hansen ApS", "8d4bf2b7-1f1c-4f4e-9a51-1c9c0f1f0a11", time.Duration(i-n+10)*3*365*day, true)
	}
	return certs
}

// BenchmarkLinesOneOrganisation is `fornyer list` and My certificates for
// one organisation's many renewals (issue 24, 6): 1,000 took 0.23 s of
// CPU, 4,000 2.4 s, 19,000 67 s.
func BenchmarkLinesOneOrganisation(b *testing.B) {
	for _, n := range []int{1000, 4000, 20000} {
		certs := oneOrganisation(n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			start := cputime.Used()
			for b.Loop() {
				lines := Query{}.Apply(Lines(certs), now)
				if len(lines) != 1 || len(lines[0].History) != n-1 {
					b.Fatalf("%d lines", len(lines))
				}
			}
			cputime.Report(b, start)
		})
	}
}
