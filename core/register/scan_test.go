package register

import (
	"bytes"
	"encoding/json"
	"fmt"
	"hash/crc32"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
)

// scanCases are register files, each in the layout Encode writes or close
// to it: what Scan must read as Read does, or refuse as Read does.
func scanCases(t testing.TB) map[string]string {
	certs := []Certificate{cert(1, "u1", t0), cert(2, "u1", t0.AddDate(3, 0, 0)), cert(3, "u3", t0.AddDate(1, 0, 0))}
	certs[0].Organization = `Prøve <&> "ApS"` + "\u2028"
	certs[1].DPG = &DPG{At: t0, By: "Anna"}
	certs[2].Backups = []FileRef{{Path: `C:\Backup\x.p12`, VerifiedAt: t0}}
	certs[2].Reminded = []Sent{{Days: 30, At: t0}}
	encoded, err := Encode(certs)
	if err != nil {
		t.Fatal(err)
	}
	indented, err := json.MarshalIndent(file{Version: FormatVersion, Certificates: certs}, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	one := string(encoded)
	ca := cert(9, "", t0.AddDate(10, 0, 0))
	ca.Organization, ca.CommonName = "Den Danske Stat", "Den Danske Stat OCES rod-CA"
	stateCA, err := Encode([]Certificate{certs[0], ca, certs[2]})
	if err != nil {
		t.Fatal(err)
	}
	sha1, sha2 := certs[0].SHA256, certs[1].SHA256
	return map[string]string{
		"encoded":              one,
		"indented":             string(indented),
		"empty":                `{"version":2,"certificates":[]}`,
		"no certificates":      `{"version":2}`,
		"null certificates":    `{"version":2,"certificates":null}`,
		"certificates first":   `{"certificates":[{"sha256":"` + sha1 + `","not_after":"2030-01-01T00:00:00Z"}],"version":2}`,
		"keys in capitals":     strings.Replace(strings.Replace(one, `"organization"`, `"ORGANIZATION"`, 1), `"version"`, `"Version"`, 1),
		"escaped key":          strings.Replace(one, `"uuid"`, `"uu\u0069d"`, 1),
		"folded key":           strings.Replace(one, `"sha256"`, `"\u017fha256"`, 1),
		"key twice":            strings.Replace(one, `"uuid":"u1"`, `"uuid":"first","uuid":"u1"`, 1),
		"null name":            strings.Replace(one, `"organization":`, `"organization":null,"organization":`, 1) + " ",
		"null after name":      strings.Replace(one, `"cvr":`, `"organization":"x","organization":null,"cvr":`, 1),
		"unknown nested":       strings.Replace(one, `"version":2`, `"version":2,"extra":{"a":[1,-2.5e+3,true,false,null,"\u00e6\n"],"b":{}}`, 1),
		"trailing bracket":     one + "]",
		"trailing garbage":     one + "x",
		"trailing register":    one + one,
		"truncated":            one[:len(one)/2],
		"not json":             "{not json",
		"not an object":        `[1,2]`,
		"no version":           `{"certificates":[]}`,
		"version twice":        `{"version":2,"version":2,"certificates":[]}`,
		"version null":         `{"version":null,"certificates":[]}`,
		"version 2.0":          `{"version":2.0,"certificates":[]}`,
		"version 1":            `{"version":1,"certificates":{"` + sha1 + `":{"not_after":"2030-01-01T00:00:00Z"}},"reminders_sent":{}}`,
		"version 99":           `{"version":99,"certificates":[]}`,
		"certificates twice":   `{"version":2,"certificates":[{"sha256":"` + sha1 + `","not_after":"2030-01-01T00:00:00Z","cvr":"1"}],"certificates":[{"sha256":"` + sha2 + `","not_after":"2030-01-01T00:00:00Z"}]}`,
		"listed twice":         `{"version":2,"certificates":[{"sha256":"` + sha1 + `","not_after":"2030-01-01T00:00:00Z"},{"sha256":"` + sha1 + `","not_after":"2031-01-01T00:00:00Z"}]}`,
		"capital fingerprint":  `{"version":2,"certificates":[{"sha256":"` + strings.ToUpper(sha1) + `","not_after":"2030-01-01T00:00:00Z"}]}`,
		"no expiry":            `{"version":2,"certificates":[{"sha256":"` + sha1 + `"}]}`,
		"zero expiry":          `{"version":2,"certificates":[{"sha256":"` + sha1 + `","not_after":"0001-01-01T00:00:00Z"}]}`,
		"zero expiry offset":   `{"version":2,"certificates":[{"sha256":"` + sha1 + `","not_after":"0001-01-01T01:00:00+01:00"}]}`,
		"bad expiry":           `{"version":2,"certificates":[{"sha256":"` + sha1 + `","not_after":"2030-13-01T00:00:00Z"}]}`,
		"number for a name":    strings.Replace(one, `"organization":`, `"organization":5,"x":`, 1),
		"wrong type elsewhere": strings.Replace(one, `"password_saved":false`, `"password_saved":"no"`, 1),
		"control character":    strings.Replace(one, `"u3"`, "\"u\x013\"", 1),
		"bad escape":           strings.Replace(one, `"u3"`, `"u\x3"`, 1),
		"leading zero":         `{"version":2,"n":01,"certificates":[]}`,
		"bare minus":           `{"version":2,"n":-,"certificates":[]}`,
		"empty certificate":    `{"version":2,"certificates":[{}]}`,
		"invalid utf-8":        strings.Replace(one, `"u3"`, "\"u\xff3\"", 1),
		"byte order mark":      "\ufeff" + one,
		"state CA entry":       string(stateCA),
	}
}

// TestScanAgreesWithRead: Scan reads every file as Read does (the same
// certificates, or the same error code), takes the fast way for what
// Encode writes, and its entries are the certificates' own fields.
func TestScanAgreesWithRead(t *testing.T) {
	dir := t.TempDir()
	for name, content := range scanCases(t) {
		path := filepath.Join(dir, FileName)
		if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
		want, readErr := Read(path)
		x, scanErr := Scan(path)
		if scanErr == nil {
			defer x.Close()
		}
		if name == "state CA entry" && (readErr != nil || len(want) != 2) {
			t.Errorf("%s: Read gives %d certificates (%v), want the 2 of the user's", name, len(want), readErr)
		}
		if name == "wrong type elsewhere" {
			// The one check Scan leaves to Certificates.
			if readErr == nil || scanErr != nil {
				t.Fatalf("%s: Read %v, Scan %v", name, readErr, scanErr)
			}
			if _, err := x.Certificates(all(x)); Code(err) != CodeDamaged {
				t.Errorf("%s: Certificates of all: %v, want damaged", name, err)
			}
			continue
		}
		if Code(scanErr) != Code(readErr) {
			t.Errorf("%s: Scan %v, Read %v", name, scanErr, readErr)
			continue
		}
		if readErr != nil {
			continue
		}
		got, err := x.Certificates(all(x))
		if err != nil || !sameCertificates(got, want) {
			t.Errorf("%s: Certificates = %v, %v\nwant %v", name, got, err, want)
		}
		for i, e := range x.entries {
			c := want[i]
			if !sameEntry(e, entryOf(c)) {
				t.Errorf("%s: entry %d = %+v, certificate %+v", name, i, e, c)
			}
		}
	}
	// What Encode writes is scanned, not decoded whole.
	path := filepath.Join(dir, "encoded.json")
	if err := os.WriteFile(path, []byte(scanCases(t)["encoded"]), 0o600); err != nil {
		t.Fatal(err)
	}
	if x, err := Scan(path); err != nil || x.raw == nil || x.certs != nil {
		t.Errorf("the register Encode writes was decoded whole (%v)", err)
	}
	if _, err := Scan(filepath.Join(dir, "missing.json")); Code(err) != CodeNotFound {
		t.Errorf("missing: %v", err)
	}
}

func all(x *Index) []int {
	idx := make([]int, len(x.entries))
	for i := range idx {
		idx[i] = i
	}
	return idx
}

// FuzzScan: whatever the file, Scan and Read agree: a file Read reads is
// scanned to the same certificates; a file Scan refuses, Read refuses
// with the same code; a file Scan reads and whose every certificate
// decodes, Read reads. And whatever bytes carry a matching checksum
// (Encode's layout around them), reading them by it does not panic.
func FuzzScan(f *testing.F) {
	for _, content := range scanCases(f) {
		f.Add([]byte(content))
	}
	dir := f.TempDir()
	n := 0
	f.Fuzz(func(t *testing.T, data []byte) {
		n++
		array := string(data)
		if i := strings.Index(array, checkedMiddle); i >= 0 {
			array = strings.TrimSuffix(array[i+len(checkedMiddle):], "}\n")
		}
		scanChecked(fmt.Sprintf("%s%08x%s%s}\n", checkedHead, crc32.ChecksumIEEE([]byte(array)), checkedMiddle, array))
		path := filepath.Join(dir, fmt.Sprintf("r%d.json", n))
		if err := os.WriteFile(path, data, 0o600); err != nil {
			t.Fatal(err)
		}
		defer os.Remove(path)
		want, readErr := Read(path)
		x, scanErr := Scan(path)
		if scanErr != nil {
			if Code(scanErr) != Code(readErr) {
				t.Fatalf("Scan %v, Read %v", scanErr, readErr)
			}
			return
		}
		defer x.Close()
		got, err := x.Certificates(all(x))
		if (err == nil) != (readErr == nil) {
			t.Fatalf("Certificates %v, Read %v", err, readErr)
		}
		if err != nil {
			return
		}
		if !sameCertificates(got, want) {
			t.Fatalf("Certificates = %v\nRead = %v", got, want)
		}
		for i, e := range x.entries {
			if c := got[i]; !sameEntry(e, entryOf(c)) {
				t.Fatalf("entry %d = %+v, certificate %+v", i, e, c)
			}
		}
	})
}

// sameEntry: the same entry, its times the same instant written the same
// way. Not ==: each decoded time outside UTC and Local has a zone of its
// own (time.FixedZone), so two equal offsets are two pointers.
func sameEntry(a, b Entry) bool {
	sameTime := func(x, y time.Time) bool {
		return x.Equal(y) && x.Format(time.RFC3339Nano) == y.Format(time.RFC3339Nano)
	}
	if !sameTime(a.NotAfter, b.NotAfter) || !sameTime(a.Updated, b.Updated) {
		return false
	}
	a.NotAfter, a.Updated, b.NotAfter, b.Updated = time.Time{}, time.Time{}, time.Time{}, time.Time{}
	return a == b
}

// sameCertificates: the same certificates (none is none, nil or empty).
func sameCertificates(a, b []Certificate) bool {
	return len(a) == 0 && len(b) == 0 || reflect.DeepEqual(a, b)
}

// TestScanCheckedAgreesWithRead: a register Encode wrote is read by its
// checksum's way (scanChecked), and gives what Read gives, for
// certificates with every field Encode can write filled, and texts that
// look like the layout scanChecked relies on (a certificate's start,
// "updated", "not_before", quotes, escapes, bytes that are not UTF-8).
// Encode refuses an invalid register. A changed byte is read the long way.
func TestScanCheckedAgreesWithRead(t *testing.T) {
	r := rand.New(rand.NewPCG(24, 13))
	texts := []string{"", "Bager ApS", `},{"sha256":"` + sha(7) + `"`, `,"updated":"2030-01-01T00:00:00Z"}`, `","not_before":"`,
		`a\b"c`, "æøå <&> \u2028\x01\t", "bad \xff utf-8", "Den Danske Stat", "\xed\xa0\x80", `\u0041`}
	pick := func() string { return texts[r.IntN(len(texts))] }
	at := func() time.Time { return t0.Add(time.Duration(r.IntN(1e6)) * time.Second) }
	dir := t.TempDir()
	for n := range 300 {
		var certs []Certificate
		for i := range r.IntN(6) {
			c := cert(n*10+i+1, pick(), at())
			c.Organization, c.CVR, c.CommonName, c.SHA1, c.Serial, c.Kind, c.Environment = pick(), pick(), pick(), pick(), pick(), pick(), pick()
			if r.IntN(3) == 0 {
				c.CommonName = "Den Danske Stat OCES rod-CA"
			}
			c.Apart = r.IntN(3) == 0
			c.File = &FileRef{Path: pick(), SHA256: sha(n*10 + i + 1), VerifiedAt: at(), Drive: pick(), SameDisk: true}
			c.Backups = []FileRef{{Path: pick(), SHA256: sha(3)}, {}}
			c.PasswordSaved, c.PasswordHost, c.PasswordKept = true, pick(), pick()
			c.Receipts = []Receipt{{Path: pick(), At: at(), By: pick(), Email: pick()}}
			c.Renewed, c.PlacesAt, c.Added, c.Updated = at(), at(), at(), at()
			c.DPG = &DPG{At: at(), By: pick()}
			c.Places = []Place{{ID: pick(), Preset: pick(), Kind: pick(), Name: pick(), Note: pick(), Given: pick(), GivenAt: at()}, {}}
			c.HandOvers = []HandOver{{To: pick(), At: at(), File: pick(), SHA256: sha(5), PasswordID: pick()}}
			c.Reminded = []Sent{{Days: 30, At: at()}}
			c.Scheduled = []Scheduled{{Days: 7, ID: pick(), At: at()}}
			c.Apart = r.IntN(3) == 0
			certs = append(certs, c)
		}
		path, data := writeEncoded(t, dir, n, certs)
		want, err := Read(path)
		if err != nil {
			t.Fatal(err)
		}
		x, err := Scan(path)
		if err != nil || !x.checked {
			t.Fatalf("case %d: Scan %v, by the checksum %v", n, err, err == nil && x.checked)
		}
		got, err := x.Certificates(all(x))
		if err != nil || !sameCertificates(got, want) {
			t.Fatalf("case %d: Certificates = %v, %v\nwant %v", n, got, err, want)
		}
		for i, e := range x.entries {
			c := want[i]
			if !sameEntry(e, entryOf(c)) {
				t.Fatalf("case %d: entry %d = %+v, certificate %+v", n, i, e, c)
			}
		}
		x.Close()
		// One byte changed in the certificates: the checksum no longer
		// holds, and the file is read and checked whole.
		if len(certs) > 0 {
			i := bytes.Index(data, []byte(`"not_after"`)) + 2
			data[i] = 'N'
			if err := os.WriteFile(path, data, 0o600); err != nil {
				t.Fatal(err)
			}
			if x, err := Scan(path); err == nil && x.checked {
				t.Fatalf("case %d: a changed file was read by its checksum", n)
			}
		}
	}
	if _, err := Encode([]Certificate{cert(1, "", t0), cert(1, "", t0)}); err == nil {
		t.Error("Encode wrote a register with a fingerprint twice")
	}
	if _, err := Encode([]Certificate{{SHA256: sha(1)}}); err == nil {
		t.Error("Encode wrote a certificate without an expiry")
	}
}

// TestScanCutShortWhileMappedIsUnreadable: a register cut short in place
// by another program while Scan has it mapped is CodeUnreadable, not a
// fatal fault, wherever Scan reads the mapped bytes: here between the
// scan and keepMine, which reads every entry's names (review T1: it read
// them outside guard, and the process died with SIGBUS).
func TestScanCutShortWhileMappedIsUnreadable(t *testing.T) {
	c := cert(1, "u1", t0)
	c.Organization = "Firma ApS"
	encoded, err := Encode([]Certificate{c})
	if err != nil {
		t.Fatal(err)
	}
	indented, err := json.MarshalIndent(file{Version: FormatVersion, Certificates: []Certificate{c}}, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{"checked": encoded, "scanned": indented} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), FileName)
			if err := os.WriteFile(path, data, 0o600); err != nil {
				t.Fatal(err)
			}
			cut := false
			afterScan = func() {
				cut = true
				if err := os.Truncate(path, 0); err != nil {
					t.Error(err)
				}
			}
			defer func() { afterScan = func() {} }()
			x, err := Scan(path)
			if !cut {
				t.Fatal("Scan did not scan the file (the hook never ran)")
			}
			if err == nil {
				x.Close()
				t.Fatal("Scan read a register cut short while read")
			}
			if Code(err) != CodeUnreadable {
				t.Fatalf("Scan: %v (code %q), want %q", err, Code(err), CodeUnreadable)
			}
		})
	}
}

// TestScanForFindsWhatTheKeysName: in a register Encode wrote, ScanFor's
// entries are exactly the user's certificates the keys name, found by
// searching (not every entry: the search is what is tested), in the file's
// order: those with a fingerprint (in any case), those whose UUID matches
// without regard to case, the first of the user's with the CVR, and the
// one learnt last (LearntLast over every entry Scan gives). Texts that
// look like the keys elsewhere in a certificate are not matches. Keys it
// cannot search for exactly, and a register without "learnt", give every
// entry, as Scan does.
func TestScanForFindsWhatTheKeysName(t *testing.T) {
	r := rand.New(rand.NewPCG(24, 1313))
	uuids := []string{"", "3f6e1a2b-7c4d-4e5f-9a0b-1c2d3e4f5a6b", "3F6E1A2B-7C4D-4E5F-9A0B-1C2D3E4F5A6B", "3f6e1a2b-7c4d-4e5f-9a0b-1c2d3e4f5a6c", "abc", "k-1"}
	cvrs := []string{"", "12345678", "87654321", "1234567"}
	texts := append(append([]string{"Firma ApS", `,"cvr":"12345678"`, `,"uuid":"3f6e1a2b-7c4d-4e5f-9a0b-1c2d3e4f5a6b"`, `{"sha256":"` + sha(3) + `"`}, uuids...), cvrs...)
	pick := func(vs []string) string { return vs[r.IntN(len(vs))] }
	dir := t.TempDir()
	for n := range 500 {
		var certs []Certificate
		for i := range r.IntN(8) {
			c := cert(i+1, pick(uuids), t0.AddDate(0, 0, r.IntN(900)))
			c.CVR, c.Organization, c.CommonName = pick(cvrs), pick(texts), pick(texts)
			if r.IntN(5) == 0 {
				c.Organization, c.CommonName = "Den Danske Stat", "Den Danske Stat OCES rod-CA"
			}
			c.Apart = r.IntN(5) == 0
			c.Updated = t0.Add(time.Duration(r.IntN(4)) * time.Hour)
			c.File = &FileRef{Path: pick(texts), SHA256: sha(r.IntN(9) + 1)}
			c.Places = []Place{{Name: pick(texts), Note: pick(texts)}}
			certs = append(certs, c)
		}
		k := Keys{UUID: pick(uuids), CVR: pick(cvrs)}
		for range r.IntN(3) {
			s := sha(r.IntN(9) + 1)
			if r.IntN(2) == 0 {
				s = strings.ToUpper(s)
			}
			k.SHA256 = append(k.SHA256, s)
		}
		// Found by the index, and in a register written before it by
		// searching the file's bytes: the same entries.
		path, _ := writeEncoded(t, dir, n, certs)
		unindexed, err := encode(certs, false)
		if err != nil {
			t.Fatal(err)
		}
		pathUnindexed := filepath.Join(dir, fmt.Sprintf("u%d.json", n))
		if err := os.WriteFile(pathUnindexed, unindexed, 0o600); err != nil {
			t.Fatal(err)
		}
		every, err := Scan(path)
		if err != nil {
			t.Fatal(err)
		}
		var want []Entry
		learnt := LearntLast(len(every.entries), func(i int) (time.Time, bool) { return every.entries[i].Updated, true })
		cvrFound := false
		for i, e := range every.entries {
			named := i == learnt || k.UUID != "" && strings.EqualFold(e.UUID, k.UUID) ||
				slices.ContainsFunc(k.SHA256, func(s string) bool { return strings.EqualFold(s, e.SHA256) })
			if k.CVR != "" && !cvrFound && e.CVR == k.CVR {
				cvrFound, named = true, true
			}
			if named {
				want = append(want, e)
			}
		}
		if k.UUID == "k-1" {
			want = slices.Clone(every.entries) // not a UUID's characters only: every entry
		}
		for i, e := range want { // in memory of their own: every's go with Close
			want[i] = entryOf(e.Certificate())
			want[i].Apart = e.Apart
		}
		every.Close()
		for _, p := range []string{path, pathUnindexed} {
			x, err := ScanFor(p, k)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.EqualFunc(x.entries, want, sameEntry) {
				t.Fatalf("case %d, %s: keys %+v:\nScanFor %+v\nwant    %+v", n, filepath.Base(p), k, x.entries, want)
			}
			got, err := x.Certificates(all(x))
			if err != nil {
				t.Fatal(err)
			}
			for i, c := range got {
				if !sameEntry(entryOf(c), x.entries[i]) {
					t.Fatalf("case %d: entry %+v, certificate %+v", n, x.entries[i], c)
				}
			}
			x.Close()
		}
	}
	// A register written before "learnt": every entry.
	certs := []Certificate{cert(1, "u1", t0), cert(2, "u2", t0)}
	array, _ := json.Marshal(certs)
	old := fmt.Sprintf("%s%08x%s%s}\n", checkedHead, crc32.ChecksumIEEE(array), checkedMiddle, array)
	path := filepath.Join(dir, "old.json")
	if err := os.WriteFile(path, []byte(old), 0o600); err != nil {
		t.Fatal(err)
	}
	x, err := ScanFor(path, Keys{SHA256: []string{sha(1)}})
	if err != nil || len(x.entries) != 2 || !x.checked {
		t.Fatalf("a register without learnt: %v, %d entries", err, len(x.entries))
	}
	x.Close()
}

// writeEncoded writes certs as Encode does, as the nth register in dir.
func writeEncoded(t *testing.T, dir string, n int, certs []Certificate) (path string, data []byte) {
	t.Helper()
	data, err := Encode(certs)
	if err != nil {
		t.Fatal(err)
	}
	path = filepath.Join(dir, fmt.Sprintf("r%d.json", n))
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return path, data
}

// TestEncodeIndexesEveryCertificate: Encode's index has one record per
// certificate, in the array's order, each with the start of its
// fingerprint, the hashes of its UUID (case folded) and CVR, and where its
// object begins; ScanFor reads it (a register whose index leads
// elsewhere, its checksum made to match, is read the long way: every
// entry).
func TestEncodeIndexesEveryCertificate(t *testing.T) {
	r := rand.New(rand.NewPCG(24, 1314))
	for n := range 200 {
		var certs []Certificate
		for i := range r.IntN(6) {
			c := cert(i+1, []string{"", "3F6E1A2B-7C4D-4E5F-9A0B-1C2D3E4F5A6B", "u"}[r.IntN(3)], t0.AddDate(0, 0, r.IntN(900)))
			c.CVR = []string{"", "12345678", "1234 5678"}[r.IntN(3)]
			c.Organization = []string{"Firma ApS", `},{"sha256":"` + sha(9) + `"`}[r.IntN(2)]
			certs = append(certs, c)
		}
		data, err := Encode(certs)
		if err != nil {
			t.Fatal(err)
		}
		array, _, index, _, ok := checkedParts(string(data))
		if !ok || len(index) != len(certs)*indexRecord {
			t.Fatalf("case %d: index of %d bytes for %d certificates (ok %v)", n, len(index), len(certs), ok)
		}
		for i, c := range certs {
			rec := index[i*indexRecord : (i+1)*indexRecord]
			at, _ := hex32(rec[24:])
			if rec[:8] != c.SHA256[:8] || rec[8:16] != string(appendHex32(nil, keyHash(strings.ToLower(c.UUID), false))) ||
				rec[16:24] != string(appendHex32(nil, keyHash(c.CVR, false))) || !strings.HasPrefix(array[at:], entryOpen+c.SHA256) {
				t.Fatalf("case %d: record %d %q for %+v", n, i, rec, c)
			}
		}
	}
	// A record that leads elsewhere: every entry, not a wrong one.
	certs := []Certificate{cert(1, "u1", t0), cert(2, "u2", t0), cert(3, "u3", t0)}
	data, err := Encode(certs)
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	_, _, index, _, _ := checkedParts(text)
	at := strings.Index(text, index)
	bad := text[:at+indexRecord+24] + "00000002" + text[at+2*indexRecord:]
	start := len(checkedHead) + 8
	bad = bad[:len(checkedHead)] + string(appendHex32(nil, crc32.ChecksumIEEE([]byte(bad[start:len(bad)-3])))) + bad[start:]
	path := filepath.Join(t.TempDir(), "bad.json")
	if err := os.WriteFile(path, []byte(bad), 0o600); err != nil {
		t.Fatal(err)
	}
	x, err := ScanFor(path, Keys{SHA256: []string{sha(2)}})
	if err != nil || len(x.entries) != 3 {
		t.Fatalf("a register whose index leads elsewhere: %v, %d entries", err, len(x.entries))
	}
	x.Close()
	// The same file with its index as Encode wrote it: the one named, and
	// the one learnt last.
	good := filepath.Join(t.TempDir(), "good.json")
	if err := os.WriteFile(good, data, 0o600); err != nil {
		t.Fatal(err)
	}
	if x, err = ScanFor(good, Keys{SHA256: []string{sha(2)}}); err != nil || len(x.entries) != 2 {
		t.Fatalf("a register with its index: %v, %d entries", err, len(x.entries))
	}
	x.Close()
}
