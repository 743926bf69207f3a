package renewal

import (
	"path/filepath"
	"testing"

	"github.com/fornyer/fornyer/core/guide"
	"github.com/fornyer/fornyer/core/register"
)

// Where the answer to "where else is the password kept" goes: the
// progress alone until the register knows the renewal's certificate, then
// the register, the progress's copy going once the register holds it (and
// staying when the answer or the file changed meanwhile). The facts show
// the answer at once, over the register's earlier one.
func TestAnswerKept(t *testing.T) {
	renewed := known("b2", "02", started.AddDate(3, 0, 0), started)
	renewed.PasswordKept, renewed.PasswordHost = register.KeptNowhere, "OLD-PC"
	for _, c := range []struct {
		name         string
		register     bool // a register is open
		knows        bool // it knows the renewed certificate
		fileChecked  bool // the progress knows the renewed file
		kept         string
		change       func(p *guide.Progress) // between the answer and the write
		wantRegister bool                    // the answer goes to the register
		wantForget   bool                    // the progress's copy goes once it is there
	}{
		{"no register", false, false, true, register.KeptWritten, nil, false, false},
		{"no file yet", true, true, false, register.KeptWritten, nil, false, false},
		{"file not in the register", true, false, true, register.KeptWritten, nil, false, false},
		{"the register knows it", true, true, true, register.KeptManager, nil, true, true},
		{"answered again meanwhile", true, true, true, register.KeptManager, func(p *guide.Progress) { p.SetPasswordKept(register.KeptWritten, "") }, true, false},
		{"another file meanwhile", true, true, true, register.KeptManager, func(p *guide.Progress) { p.SetFileChecked(known("c3", "03", started, started).SHA256, started) }, true, false},
		{"an unknown answer", true, true, true, "somewhere", nil, false, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			var reg *register.Store
			if c.register {
				var err error
				if reg, err = register.Open(filepath.Join(t.TempDir(), "register.json")); err != nil {
					t.Fatal(err)
				}
				if c.knows {
					if err := reg.Upsert(renewed); err != nil {
						t.Fatal(err)
					}
				}
			}
			p := atDownload()
			if c.fileChecked {
				p.SetFileChecked(renewed.SHA256, started)
			}
			a, f := AnswerKept(p, reg, guide.Passwords{}, c.kept, "PC")
			if got := a.SHA256 != ""; got != c.wantRegister {
				t.Fatalf("to the register: %v, want %v", got, c.wantRegister)
			}
			if !register.KnownKept(c.kept) {
				if p.PasswordKept != "" {
					t.Errorf("an unknown answer kept: %q", p.PasswordKept)
				}
			} else if f.Kept != c.kept || p.PasswordKept != c.kept || f.Host != "PC" {
				t.Errorf("facts %q on %q, progress %q, want %q on PC", f.Kept, f.Host, p.PasswordKept, c.kept)
			}
			if c.change != nil {
				c.change(p)
			}
			if err := a.Record(); err != nil {
				t.Fatal(err)
			}
			if reg != nil && c.knows {
				got, _ := reg.Get(renewed.SHA256)
				if wrote := got.PasswordKept == c.kept && got.PasswordHost == "PC"; wrote != c.wantRegister {
					t.Errorf("register holds %q on %q", got.PasswordKept, got.PasswordHost)
				}
			}
			before := p.PasswordKept
			if forgot := a.Recorded(p); forgot != c.wantForget || forgot != (p.PasswordKept == "" && before != "") {
				t.Errorf("progress's copy forgotten: %v (%q), want %v", forgot, p.PasswordKept, c.wantForget)
			}
		})
	}
}

// The receipt says where else the password is kept from wherever the
// answer is: the register's record, else the guide's progress (before the
// register knows the certificate, when the renewal's file is this one);
// the register's wins when both answer.
func TestReceiptDataWhereThePasswordIsKept(t *testing.T) {
	r := checked("b2", "02", started)
	withKept := func(kept, host string) *register.Certificate {
		c := known("b2", "02", r.Certificate.NotAfter, started)
		c.PasswordKept, c.PasswordHost = kept, host
		return &c
	}
	answered := func(kept, host string, file bool) *guide.Progress {
		p := atDownload()
		p.SetPasswordKept(kept, host)
		if file {
			p.SetFileChecked(r.Certificate.SHA256, started)
		}
		return p
	}
	for _, c := range []struct {
		name           string
		reg            *register.Certificate
		p              *guide.Progress
		kept, wantHost string
	}{
		{"the register's answer, no guide", withKept(register.KeptWritten, "PC-A"), nil, register.KeptWritten, "PC-A"},
		{"the guide's answer, the register not told yet", nil, answered(register.KeptManager, "PC-B", true), register.KeptManager, "PC-B"},
		{"both: the register's", withKept(register.KeptWritten, "PC-A"), answered(register.KeptManager, "PC-B", true), register.KeptWritten, "PC-A"},
		{"the guide's answer, for a renewal without this file", nil, answered(register.KeptManager, "PC-B", false), "", ""},
		{"nobody answered", nil, nil, "", ""},
	} {
		d := ReceiptData(r, "en", false, c.reg, c.p, guide.Passwords{Known: true}, started, "PC-C")
		if d.PasswordKept != c.kept || d.PasswordHost != c.wantHost {
			t.Errorf("%s: kept %q on %q, want %q on %q", c.name, d.PasswordKept, d.PasswordHost, c.kept, c.wantHost)
		}
	}
}
