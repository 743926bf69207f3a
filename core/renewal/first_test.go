package renewal

import (
	"path/filepath"
	"reflect"
	"testing"

	"github.com/fornyer/fornyer/core/guide"
	"github.com/fornyer/fornyer/core/register"
	"github.com/fornyer/fornyer/core/register/registertest"
)

// The register OpenFirst opens for an IT provider's 1,000 certificates
// gives the first card, before the whole register is read, what the whole
// gives it: the reminders, the certificate to renew, "Last time" and the
// renewed file's record; and it decodes only a few certificates before
// the first frame. A progress other than the one the part was picked for
// is answered from the whole register.
func TestOpenFirstGivesTheFirstCardOfTheWhole(t *testing.T) {
	certs := registertest.Certificates(1000, started)
	for name, p := range map[string]*guide.Progress{
		"no renewal":   nil,
		"at download":  atDownload(),
		"file checked": func() *guide.Progress { p := atDownload(); p.SetFileChecked(certs[4].SHA256, started); return p }(),
	} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			path, progressPath := filepath.Join(dir, register.FileName), filepath.Join(dir, guide.FileName)
			if err := registertest.Write(path, certs); err != nil {
				t.Fatal(err)
			}
			if p != nil {
				if err := p.Save(progressPath); err != nil {
					t.Fatal(err)
				}
			}
			reg, err := OpenFirst(path, progressPath, started)
			if err != nil {
				t.Fatal(err)
			}
			whole, err := register.Open(path)
			if err != nil {
				t.Fatal(err)
			}
			progress := p
			if progress == nil {
				progress = &guide.Progress{}
			}
			part := FirstCertificates(p, reg)
			// The reminders that stand are about one in twelve of
			// registertest's certificates.
			if len(part) == 0 || len(part) > 150 {
				t.Fatalf("the first card's part is %d certificates", len(part))
			}
			all := whole.List()
			if got, want := Standing(p, part, started), Standing(p, all, started); !reflect.DeepEqual(got, want) {
				t.Errorf("reminders = %v, want %v", got, want)
			}
			got, gotOK := Renewing(progress, part, started)
			want, wantOK := Renewing(progress, all, started)
			if gotOK != wantOK || !reflect.DeepEqual(got, want) {
				t.Errorf("renewing = %v %v, want %v %v", got.SHA256, gotOK, want.SHA256, wantOK)
			}
			gotLast, gotOK := Last(progress, part, started)
			wantLast, wantOK := Last(progress, all, started)
			if gotOK != wantOK || gotLast != wantLast {
				t.Errorf("Last = %+v %v, want %+v %v", gotLast, gotOK, wantLast, wantOK)
			}
			if got, want := State(progress, reg, guide.Passwords{}), State(progress, whole, guide.Passwords{}); !reflect.DeepEqual(got, want) {
				t.Errorf("State = %+v, want %+v", got, want)
			}
			select {
			case <-reg.Whole():
				t.Fatal("the first card's questions read the whole register")
			default:
			}
			// Another renewed file than the part was picked for: the whole.
			other := atDownload()
			other.SetFileChecked(certs[9].SHA256, started)
			if n := len(FirstCertificates(other, reg)); n != len(all) {
				t.Errorf("for another renewed file: %d certificates, want the whole %d", n, len(all))
			}
		})
	}
}
