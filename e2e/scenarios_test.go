//go:build e2e

package e2e

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/fornyer/fornyer/core/guide"
	"github.com/fornyer/fornyer/core/msg"
	"github.com/fornyer/fornyer/core/vault"
)

// Timeouts are generous: CI machines are shared and a slow frame is no bug;
// a missing one is.
const (
	screenWait = 60 * time.Second // for a screen to show
	checkWait  = 90 * time.Second // for a file's check to finish
)

// forEachLanguage runs a scenario once per language, each in its own
// session.
func forEachLanguage(t *testing.T, scenario string, run func(t *testing.T, s *session)) {
	forEachLanguageOn(t, scenario, "1280x900", run)
}

// forEachLanguageOn is forEachLanguage on a screen of the size given.
func forEachLanguageOn(t *testing.T, scenario, screen string, run func(t *testing.T, s *session)) {
	for _, l := range languages() {
		t.Run(l, func(t *testing.T) {
			record(t)
			s := newSessionOn(t, scenario, l, screen)
			run(t, s)
		})
	}
}

// TestDragAndDrop drops the renewed file, named with Danish letters and
// spaces, on the window from a real XDND drag source; no password is saved
// yet, so the window asks for it, and the typed one opens it: "ready".
func TestDragAndDrop(t *testing.T) {
	forEachLanguage(t, "drop", func(t *testing.T, s *session) {
		s.start()
		s.waitText("started", screenWait, s.L("tab.check"))
		s.drag(file(fileRenewed))
		s.waitText("asks-password", checkWait, s.L("check.password.title"))
		if d, ok := s.dropToVerdict(); ok {
			t.Logf("drop to verdict: %s", d.Round(time.Millisecond))
			addDropTime(d)
		} else {
			t.Errorf("no trace of the drop and its verdict (FORNYER_TRACE=1); app output:\n%s", s.appTail())
		}
		// The password field has the focus; a wrong password first.
		s.typ("not the password")
		s.key("Return")
		s.waitText("wrong-password", checkWait, s.L("check.password.wrong"))
		s.typ(certPassword)
		s.key("Return")
		p, _ := s.waitText("ready", checkWait, s.L("inspect.verdict.ready"))
		if !p.has(orgName) && !p.has(orgCVR) {
			t.Errorf("the answer does not name the organisation %q or CVR %s; it reads:\n%s", orgName, orgCVR, p.text())
		}
		s.noPasswordOnDisk()
	})
}

// TestBadFiles drops what an administrator might drop by mistake: an
// expired certificate, a folder, garbage. Each gets its own sentence, the
// window lives on, and the folder and the garbage change nothing on disk.
func TestBadFiles(t *testing.T) {
	forEachLanguage(t, "bad-files", func(t *testing.T, s *session) {
		s.start()
		s.waitText("started", screenWait, s.L("tab.check"))

		s.drag(file(fileExpired))
		// Not saved yet: the password is asked for first.
		s.waitText("expired-asks-password", checkWait, s.L("check.password.title"))
		s.timeDrop()
		s.typ(certPassword)
		s.key("Return")
		s.waitText("expired", checkWait, s.L("inspect.finding.expired.title"))

		before := s.homeFiles()
		for _, c := range []struct{ file, title string }{
			{fileFolder, "inspect.finding.unreadable_file.folder.title"},
			{fileGarbage, "inspect.finding.unrecognized_format.title"},
		} {
			s.drag(file(c.file))
			s.waitText(strings.TrimSuffix(c.file, ".p12"), checkWait, s.L(c.title))
			s.timeDrop()
		}
		if after := s.homeFiles(); !maps.Equal(before, after) {
			t.Errorf("dropping a folder and garbage changed files under the home:\nbefore %v\nafter  %v", before, after)
		}
		s.noPasswordOnDisk()
	})
}

// homeFiles are the files under the private home (but the keyring's, which
// the store may rewrite at will) with their SHA-256.
func (s *session) homeFiles() map[string]string {
	s.t.Helper()
	out := map[string]string{}
	_ = filepath.WalkDir(s.home, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.Contains(p, "keyrings") || strings.Contains(p, ".cache") {
			return nil
		}
		out[p] = sha256File(s.t, p)
		return nil
	})
	return out
}

// drag drags path from the suite's drag source onto the app's window,
// with the mouse as a person would, and waits for the source to have
// handed the file over. sourceFlags go to the drag source
// (testdata/dragsource.c), e.g. --exit-after-send.
func (s *session) drag(path string, sourceFlags ...string) {
	s.t.Helper()
	cmd := s.command(suite.dragsource, append(sourceFlags, path)...)
	out, err := cmd.StdoutPipe()
	if err != nil {
		s.t.Fatal(err)
	}
	events := make(chan string, 16)
	cmd.Stderr = io.Discard
	s.background(cmd)
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			events <- sc.Text()
		}
		close(events)
	}()
	wait := func(what string) {
		select {
		case e, ok := <-events:
			if !ok || e != what {
				s.fatalf("the drag source said %q, not %q", e, what)
			}
		case <-time.After(screenWait):
			s.fatalf("the drag source did not say %q", what)
		}
	}
	wait("ready")
	var src rect
	s.waitFor("the drag source's window", screenWait, func() bool {
		out, err := s.command("xdotool", "search", "--onlyvisible", "--name", "^dragsource$").Output()
		if err != nil {
			return false
		}
		src = s.geometry(strings.Fields(string(out))[0])
		return src.w > 0
	})
	sx, sy := src.centre()
	tx, ty := s.win.centre()
	s.mark()
	s.xdo("mousemove", strconv.Itoa(sx), strconv.Itoa(sy))
	time.Sleep(200 * time.Millisecond)
	s.xdo("mousedown", "1")
	// Past GTK's drag threshold, then across to the window in steps.
	for i := 1; i <= 10; i++ {
		x := sx + (tx-sx)*i/10
		y := sy + (ty-sy)*i/10
		s.xdo("mousemove", strconv.Itoa(x), strconv.Itoa(y))
		time.Sleep(60 * time.Millisecond)
	}
	s.xdo("mousemove", strconv.Itoa(tx+3), strconv.Itoa(ty+3))
	time.Sleep(300 * time.Millisecond)
	s.xdo("mouseup", "1")
	wait("sent")
}

// timeDrop records the last drop's time to its verdict for the closing
// median, and fails when the app traced none.
func (s *session) timeDrop() {
	s.t.Helper()
	d, ok := s.dropToVerdict()
	if !ok {
		s.t.Errorf("no trace of the drop and its verdict (FORNYER_TRACE=1); app output:\n%s", s.appTail())
		return
	}
	if k, ok := s.dropToSaved(); ok {
		s.t.Logf("drop to verdict: %s (of which the credential store's look-up: %s)", d.Round(time.Millisecond), k.Round(time.Millisecond))
	} else {
		s.t.Logf("drop to verdict: %s", d.Round(time.Millisecond))
	}
	addDropTime(d)
}

// dropToSaved is the time from the last drop to the saved passwords read
// from the credential store, from the app's trace.
func (s *session) dropToSaved() (time.Duration, bool) { return s.sinceDrop("saved") }

// mark forgets earlier trace events, so the next drop is timed alone.
func (s *session) mark() {
	traceMu.Lock()
	defer traceMu.Unlock()
	s.traces = nil
}

// dropToVerdict is the time from the last drop to its verdict, from the
// app's trace; false if either is missing.
func (s *session) dropToVerdict() (time.Duration, bool) { return s.sinceDrop("verdict") }

// sinceDrop is the time from the last traced drop to the first event after
// it; false if either is missing.
func (s *session) sinceDrop(event string) (time.Duration, bool) {
	traceMu.Lock()
	defer traceMu.Unlock()
	var drop, at time.Time
	for _, e := range s.traces {
		switch e.what {
		case "drop":
			drop, at = e.at, time.Time{}
		case event:
			if !drop.IsZero() && at.IsZero() {
				at = e.at
			}
		}
	}
	if drop.IsZero() || at.IsZero() {
		return 0, false
	}
	return at.Sub(drop), true
}

// register is the part of the register file the suite reads.
type register struct {
	Certificates []struct {
		SHA256        string `json:"sha256"`
		Organization  string `json:"organization"`
		CVR           string `json:"cvr"`
		UUID          string `json:"uuid"`
		PasswordSaved bool   `json:"password_saved"`
		Backups       []struct {
			Path string `json:"path"`
		} `json:"backups"`
		Receipts []struct {
			Path string `json:"path"`
		} `json:"receipts"`
		DPG *struct {
			By string `json:"by"`
		} `json:"dpg"`
	} `json:"certificates"`
}

// readRegister reads the app's register from its storage under the private
// home; nil if there is none yet.
func (s *session) readRegister() *register {
	s.t.Helper()
	var found string
	_ = filepath.WalkDir(s.home, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".json") || strings.Contains(p, "keyrings") {
			return nil
		}
		data, _ := os.ReadFile(p)
		if bytes.Contains(data, []byte(`"certificates"`)) {
			found = p
			return filepath.SkipAll
		}
		return nil
	})
	if found == "" {
		return nil
	}
	data, err := os.ReadFile(found)
	if err != nil {
		s.t.Fatal(err)
	}
	var r register
	if err := json.Unmarshal(data, &r); err != nil {
		s.t.Fatalf("the register %s is not JSON: %v", found, err)
	}
	return &r
}

// readProgress reads the guide's progress file.
func (s *session) readProgress() guide.Progress {
	s.t.Helper()
	path := s.findFile(guide.FileName)
	if path == "" {
		s.t.Fatalf("no %s under the private home", guide.FileName)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		s.t.Fatal(err)
	}
	var p guide.Progress
	if err := json.Unmarshal(data, &p); err != nil {
		s.t.Fatalf("%s: %v", path, err)
	}
	return p
}

// keyringSecrets are the secrets Fornyer keeps in the keyring, by the
// account (entry id) go-keyring stores them under.
func (s *session) keyringSecrets() map[string]string {
	s.t.Helper()
	secrets := map[string]string{}
	for account, it := range s.keyringItems() {
		secrets[account] = it.secret
	}
	return secrets
}

// keyringItem is one of Fornyer's items as secret-tool lists it.
type keyringItem struct{ secret, label string }

// keyringItems are Fornyer's items in the keyring, by account (entry id).
func (s *session) keyringItems() map[string]keyringItem {
	s.t.Helper()
	out, err := s.command("secret-tool", "search", "--all", "--unlock", "service", vault.Service).CombinedOutput()
	if err != nil && len(out) == 0 {
		return nil
	}
	// One item per block, opened by its path in brackets; secret-tool
	// prints the label and the secret before the attributes.
	items := map[string]keyringItem{}
	var account string
	var it keyringItem
	flush := func() {
		if account != "" || it != (keyringItem{}) {
			items[account] = it
		}
		account, it = "", keyringItem{}
	}
	for _, l := range strings.Split(string(out), "\n") {
		k, v, ok := strings.Cut(l, " = ")
		if !ok {
			if strings.Contains(l, "[/") {
				flush()
			}
			continue
		}
		switch strings.TrimSpace(k) {
		case "attribute.username":
			account = v
		case "secret":
			it.secret = v
		case "label":
			it.label = v
		}
	}
	flush()
	return items
}

// keyringNamed fails unless every item Fornyer keeps in the keyring is
// named in the user's words (Y4): the list of passwords as what it is, each
// password as Fornyer's list says the store shows it, none by go-keyring's
// "Password for '<id>' on 'Fornyer'".
func (s *session) keyringNamed() {
	s.t.Helper()
	items := s.keyringItems()
	var list []vault.Entry
	if err := json.Unmarshal([]byte(items["index"].secret), &list); err != nil {
		s.t.Errorf("the list of passwords in the keyring: %v", err)
	}
	want := map[string]string{"index": s.L("vault.label.index")}
	for _, e := range list {
		want[e.ID] = e.Shown
	}
	for account, it := range items {
		s.t.Logf("the keyring names %s %q", account, it.label)
		if w, ok := want[account]; !ok || it.label != w || !strings.HasPrefix(it.label, vault.Service+": ") {
			s.t.Errorf("the keyring names %s %q, want %q", account, it.label, w)
		}
	}
}

// noPasswordOnDisk fails if the certificate's password, or one of the
// others given (a hand-over's), is in any file under the private home (the
// keyring's own encrypted file holds them, not as text).
func (s *session) noPasswordOnDisk(others ...string) {
	s.t.Helper()
	_ = filepath.WalkDir(s.home, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		data, err := os.ReadFile(p)
		for _, pw := range append([]string{certPassword}, others...) {
			if err == nil && bytes.Contains(data, []byte(pw)) {
				s.t.Errorf("the password %q is written in %s", pw, p)
			}
		}
		return nil
	})
}

func sha256File(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

// pdfText is a PDF's text (pdftotext).
func pdfText(t *testing.T, path string) string {
	t.Helper()
	out, err := exec.Command("pdftotext", "-layout", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", path, err)
	}
	return string(out)
}

// stepTitles are the guide's card titles in order, in lang.
func stepTitles(lang string) []string {
	out := make([]string, len(guide.Steps))
	for i, st := range guide.Steps {
		out[i] = msg.T(lang, st.Title, nil)
	}
	return out
}

func sortedKeys(m map[string]string) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// TestRenewal walks the whole renewal as an administrator would: every
// card of the guide, the password pasted from the portal's "Copy to
// clipboard" and saved, the downloaded file landing in Downloads, noticed
// and checked with the saved password, "Is this the file you just
// downloaded?" answered yes (a fresh home knows no earlier certificate),
// a backup on a "USB stick" and a receipt from the download card, both
// through their folder pickers, DPG installed, the places switched over,
// and the certificate in My certificates. Then it checks what the
// administrator relies on afterwards. (Choose file… is TestChooseFile's.)
func TestRenewal(t *testing.T) {
	forEachLanguage(t, "renewal", func(t *testing.T, s *session) {
		downloads := filepath.Join(s.home, "Downloads")
		usb := filepath.Join(s.home, "USB")
		receipts := filepath.Join(s.home, "Kvitteringer")
		for _, d := range []string{usb, receipts} {
			if err := os.MkdirAll(d, 0o700); err != nil {
				t.Fatal(err)
			}
		}
		s.start()
		titles := stepTitles(s.lang)
		usageStep := guide.Index("prepare-usage")
		passwordStep := guide.Index("password")
		downloadStep := guide.Index("download")
		installStep := guide.Index("dpg-install")
		verifyStep := guide.Index("dpg-verify")
		switchStep := guide.Index("switch")
		summaryStep := guide.Index("summary")

		// The cards before the password: read each title, Enter is Done;
		// on the card of places, Datafordeleren is noted with a note
		// of the administrator's own.
		for i := 0; i < passwordStep; i++ {
			s.waitText(guide.Steps[i].ID, screenWait, titles[i])
			if i == usageStep {
				// The notes' fields in order: DPG secure mail,
				// Datafordeleren, ...; a note ticks its place.
				s.clickNthText("usage-note", screenWait, strings.Join(strings.Fields(s.L("guide.usage.note"))[0:2], " "), 2)
				s.typ("e-conomic")
				// Out of the field (a click on the title), then Enter is Done.
				s.clickText("usage-title", screenWait, titles[i])
				s.key("Return")
				continue
			}
			s.key("Return")
		}

		// The password card: the portal's "Copy to clipboard", then paste.
		s.waitText("password", screenWait, titles[passwordStep])
		s.clipboard(certPassword)
		s.clickText("password-field", screenWait, s.L("vault.password.placeholder"))
		s.key("ctrl+v")
		s.key("Return")
		saved := msg.T(s.lang, "vault.saved", map[string]any{"Store": s.L(vault.StoreName("linux"))})
		s.waitText("password-saved", screenWait, saved)
		s.clickDone("password-done")

		// The download: the file lands in Downloads, and the window, on the
		// download card, notices it and checks it at once with the saved
		// password.
		s.waitText("download", screenWait, titles[downloadStep])
		s.copyFile(fileRenewed, downloads)
		s.waitText("ready", checkWait, s.L("inspect.verdict.ready"))
		// No earlier certificate is known in this fresh home, so Fornyer
		// asks whether this is the file just downloaded: yes.
		s.answerYes()
		// "Say yes and the guide goes on": the guide comes forward, its
		// download card taking the file as checked.
		s.waitText("download-checked", screenWait, s.L("guide.download.checked"))

		// The backup on the stick, through the folder picker, from the
		// download card.
		// The button is the lowest "Make a backup": the card's warning
		// above it says "make a backup in a safe place" in English.
		s.clickLastText("backup", screenWait, s.L("check.action.backup"))
		s.backUpTo(usb)
		s.key("Return") // Done has the focus now

		// Still on the download card, which still says the file is
		// checked, and offers no receipt: the cards ahead would outdate
		// it before the summary asks for one (Y16).
		if p, _ := s.waitText("download-still-checked", screenWait, s.L("guide.download.checked")); p.has(s.L("check.action.receipt")) {
			t.Errorf("the download card offers a receipt before DPG:\n%s", p.text())
		}
		s.clickDone("download-done")
		for i := downloadStep + 1; i < verifyStep; i++ {
			s.waitText(guide.Steps[i].ID, screenWait, titles[i])
			if i == installStep {
				// The portal asks for the file: shown in its folder, and the
				// password, copied; the file's folder is what is opened.
				s.clickLastText("dpg-show-file", screenWait, s.L("watch.reveal")) // the button is below the card's sentence, which may name it too
				s.waitText("dpg-copy-password", screenWait, s.L("vault.password.copy"))
				s.waitFor("the file's folder opened", screenWait, func() bool {
					b, _ := os.ReadFile(filepath.Join(s.dir, "opened.log"))
					return strings.Contains(string(b), downloads)
				})
			}
			s.key("Return")
		}

		// DPG: the name of who installed it, and "Installed in DPG".
		s.waitText("dpg-verify", screenWait, titles[verifyStep])
		s.clickText("dpg-name", screenWait, s.L("guide.dpg.name"))
		s.typ("Mette Prøvesen")
		s.key("Return")
		// The note's first four words ("Installed in DPG on"): the button's
		// three alone would be found before anything was recorded.
		s.waitText("dpg-installed", screenWait, strings.Join(strings.Fields(s.L("guide.dpg.installed_note"))[0:4], " "))
		s.clickText("dpg-done", screenWait, s.L("guide.done"))

		// The places noted before come back, to be ticked one by one.
		s.waitText("switch", screenWait, titles[switchStep])
		s.clickText("switch-done-tick", screenWait, s.L("guide.place.done"))
		s.key("Return")

		// The summary: where things are, and what is left (the password's
		// second copy, which this walk did not confirm).
		s.waitText("summary", screenWait, titles[summaryStep])
		s.waitText("summary-undone", screenWait, s.L("guide.summary.undone"))
		// The receipt, the summary's main action, where the keyboard is
		// (Z4): Enter opens its dialog; it goes in a folder of its own.
		s.key("Return")
		s.clickText("receipt-choose", screenWait, s.L("receipt.ui.folder.choose"))
		s.chooseFolder(receipts)
		s.waitText("receipt-ready", screenWait, strings.TrimSpace(msg.T(s.lang, "receipt.ui.folder.chosen", map[string]any{"Folder": ""})))
		s.key("Return") // Lav kvittering has the focus
		s.waitText("receipt-saved", checkWait, s.L("receipt.ui.saved"))
		s.key("Return")
		// The receipt just made is the renewal's: the summary does not
		// call it out of date (Y16).
		again := strings.Join(strings.Fields(s.L("guide.summary.receipt.update"))[0:3], " ")
		s.waitGone("receipt-closed", screenWait, s.L("receipt.ui.saved"))
		if p, _ := s.waitText("summary-receipt-made", screenWait, s.L("guide.summary.undone")); p.has(again) {
			t.Errorf("the summary calls the receipt it just made out of date:\n%s", p.text())
		}
		s.clickDone("summary-done")

		// My certificates lists it.
		s.clickText("my-certificates", screenWait, s.L("tab.certificates"))
		s.waitText("my-certificates-list", screenWait, orgName)

		// What the administrator relies on.
		src := filepath.Join(downloads, fileRenewed)
		srcSum := sha256File(t, src)
		if got := sha256File(t, filepath.Join(usb, fileRenewed)); got != srcSum {
			t.Errorf("the backup %s is not byte-identical to the download", filepath.Join(usb, fileRenewed))
		}
		pdfs, _ := filepath.Glob(filepath.Join(receipts, "*.pdf"))
		if len(pdfs) != 1 {
			t.Errorf("want one receipt PDF in %s, found %v", receipts, pdfs)
		} else if text := pdfText(t, pdfs[0]); !strings.Contains(text, orgCVR) || !strings.Contains(text, orgName) {
			t.Errorf("the receipt %s does not name %q and CVR %s:\n%s", pdfs[0], orgName, orgCVR, text)
		}
		reg := s.readRegister()
		if reg == nil || len(reg.Certificates) != 1 {
			t.Fatalf("want the renewed certificate in the register, got %+v", reg)
		}
		c := reg.Certificates[0]
		if c.Organization != orgName || c.CVR != orgCVR || !c.PasswordSaved || len(c.Backups) == 0 || c.DPG == nil {
			t.Errorf("the register's entry is incomplete: %+v", c)
		}
		if len(c.Receipts) == 0 {
			t.Errorf("the register does not record the receipt (issue 12: RecordReceipt has no caller): %+v", c)
		}
		secrets := s.keyringSecrets()
		found := false
		for _, v := range secrets {
			found = found || v == certPassword
		}
		if !found {
			t.Errorf("the keyring does not hold the password; Fornyer's items: %v", sortedKeys(secrets))
		}
		p := s.readProgress()
		for _, st := range guide.Steps {
			if !p.IsDone(st.ID) {
				t.Errorf("the progress file does not mark %q done: %+v", st.ID, p)
			}
		}
		if !p.FileChecked() || c.DPG == nil || c.DPG.By != "Mette Prøvesen" {
			t.Errorf("the progress file and the register do not say done: %+v, %+v", p, c)
		}
		if list := p.Checklist(); len(list) != 1 || list[0].Preset != string(guide.PlaceDatafordeler) || list[0].Note != "e-conomic" || !list[0].Done {
			t.Errorf("the places noted and ticked are not in the progress file: %+v", list)
		}
		s.noPasswordOnDisk()
	})
}

// answerYes answers "Is this the file you just downloaded?" yes. The yes
// button (white on blue, which OCR does not read) is beside the readable
// no, in the other half of the card.
func (s *session) answerYes() {
	s.t.Helper()
	asked, _ := s.waitText("ask", screenWait, s.L("renewal.ask.no"))
	no, _ := asked.find(s.L("renewal.ask.no"))
	x, y := no.centre()
	s.click(x+s.win.w/2, y)
	s.waitGone("asked", screenWait, s.L("renewal.ask.no"))
}

// clickDone presses the guide's Done, at the window's bottom right corner:
// its white text on the accent colour is what the OCR reads worst.
func (s *session) clickDone(label string) {
	s.t.Helper()
	s.shot(label)
	s.click(s.win.x+s.win.w-47, s.win.y+s.win.h-22)
}

// backUpTo makes the backup in the backup dialog just opened, in dir,
// and waits until it is verified.
func (s *session) backUpTo(dir string) {
	s.t.Helper()
	// The dialog looks for USB sticks as it opens and says so above its
	// buttons, which move down then: wait for the answer (none here)
	// before clicking.
	s.waitText("backup-drives", screenWait, strings.SplitN(s.L("backup.drives.none"), ".", 2)[0])
	s.clickText("backup-choose", screenWait, s.L("backup.folder.choose"))
	s.chooseFolder(dir)
	// The folder chosen, Tag sikkerhedskopi has the focus: Enter, as a
	// keyboard user does (OCR does not read white on blue reliably).
	s.waitText("backup-ready", screenWait, strings.TrimSpace(msg.T(s.lang, "backup.folder.chosen", map[string]any{"Folder": ""})))
	s.key("Return")
	s.waitText("backup-verified", checkWait, s.L("backup.verified"))
}

// chooseFolder picks a folder in a folder dialog.
func (s *session) chooseFolder(dir string) {
	s.t.Helper()
	s.pickInDialog(dir, "")
}

// TestDownloadNoticed saves the renewed file into the private home's
// Downloads the way Chrome does, as a .crdownload renamed when complete.
// The partial file is not announced; the complete one is, by name, and
// one click checks it (no password saved yet, so the window asks for it).
func TestDownloadNoticed(t *testing.T) {
	forEachLanguage(t, "download-noticed", func(t *testing.T, s *session) {
		s.start()
		s.waitText("started", screenWait, s.L("tab.check"))
		downloads := filepath.Join(s.home, "Downloads")
		data, err := os.ReadFile(file(fileRenewed))
		if err != nil {
			t.Fatal(err)
		}
		partial := filepath.Join(downloads, fileRenewed+".crdownload")
		if err := os.WriteFile(partial, data, 0o600); err != nil {
			t.Fatal(err)
		}
		time.Sleep(3 * time.Second) // longer than the watcher's quiet period
		if p := s.ocr("partial"); p.has(s.L("watch.dismiss")) || p.has(announcedStart(s)) {
			t.Fatalf("a partial download was announced:\n%s", p.text())
		}
		if err := os.Rename(partial, filepath.Join(downloads, fileRenewed)); err != nil {
			t.Fatal(err)
		}
		announced := msg.T(s.lang, "watch.arrived", map[string]any{"Folder": s.L("watch.folder.downloads"), "Name": fileRenewed})
		s.waitText("announced", screenWait, announced)
		// "Check it" is white on blue, which tesseract does not read; its
		// row sits right above the tabs, so it is clicked there, at the
		// start of the row, the button's middle.
		p, _ := s.waitText("announced-tabs", screenWait, s.L("tab.renew"))
		tab, _ := p.find(s.L("tab.renew"))
		_, tabY := tab.centre()
		s.click(s.win.x+56, tabY-49)
		s.waitText("asks-password", checkWait, s.L("check.password.title"))
		s.typ(certPassword)
		s.key("Return")
		s.waitText("ready", checkWait, s.L("inspect.verdict.ready"))
		s.noPasswordOnDisk()
		landed := filepath.Join(downloads, fileRenewed)
		if files := s.homeFiles(); files[landed] != sha256File(t, file(fileRenewed)) {
			t.Errorf("the downloaded file is not where it landed, unchanged: %v", sortedKeys(files))
		}
	})
}

// announcedStart is the announcement's words before the file's name.
func announcedStart(s *session) string {
	text := msg.T(s.lang, "watch.arrived", map[string]any{"Folder": s.L("watch.folder.downloads"), "Name": ""})
	return strings.TrimSuffix(strings.TrimSpace(text), ":")
}
