//go:build e2e

package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fornyer/fornyer/core/msg"
	"github.com/fornyer/fornyer/internal/fattest"
)

// TestBackupOntoAStickThatRefusesTheName backs the renewed file up, from
// the Check tab's answer, onto a real FAT stick that refuses its name
// (X3: fusefat stores no "æøå"; a mounted image, skipped where fusefat
// cannot mount). The backup is verified under the plain name, the dialog
// says what the copy is called there, and the copy on the stick is the
// file.
func TestBackupOntoAStickThatRefusesTheName(t *testing.T) {
	forEachLanguage(t, "fat-name", func(t *testing.T, s *session) {
		stick := fattest.Mount(t)
		if err := os.WriteFile(filepath.Join(stick, "æ.txt"), nil, 0o600); err == nil {
			t.Skip("this FAT mount stores æ; nothing is refused")
		}
		s.start()
		s.waitText("started", screenWait, s.L("tab.check"))
		s.drag(file(fileRenewed))
		s.waitText("asks-password", checkWait, s.L("check.password.title"))
		s.typ(certPassword)
		s.key("Return")
		s.waitText("ready", checkWait, s.L("inspect.verdict.ready"))
		s.clickText("backup", screenWait, s.L("check.action.backup"))
		s.waitText("backup-drives", screenWait, strings.SplitN(s.L("backup.drives.none"), ".", 2)[0])
		s.clickText("backup-choose", screenWait, s.L("backup.folder.choose"))
		s.chooseFolder(stick)
		s.waitText("backup-ready", screenWait, strings.TrimSpace(msg.T(s.lang, "backup.folder.chosen", map[string]any{"Folder": ""})))
		s.key("Return")
		s.waitText("backup-verified", checkWait, s.L("backup.verified"))
		const plain = "Fornyet certifikat aeoa.p12"
		said := strings.Fields(msg.T(s.lang, "backup.verified.plain_name", map[string]string{"Folder": "", "Name": "", "Plain": ""}))
		s.waitText("plain-name", screenWait, strings.Join(said[0:3], " ")) // "does not accept", "tager ikke imod"
		if got, want := readFile(t, filepath.Join(stick, plain)), readFile(t, file(fileRenewed)); string(got) != string(want) {
			t.Errorf("the copy on the stick (%d bytes) is not the file (%d bytes)", len(got), len(want))
		}
	})
}
