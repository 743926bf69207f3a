//go:build e2e

package e2e

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/fornyer/fornyer/core/guide"
	"github.com/fornyer/fornyer/core/msg"
)

// TestAnotherOrganisationsFileIsNotToldOfATypo is Y17: the renewal of the
// user's own organisation (its current certificate known) waits on the
// download card with a password saved on the password card, and a
// supplier's file lands whose certificate is read before its password:
// the prompt says only that no saved password opens it, never that the
// password saved on step 12 may have a typo. The supplier's file as
// OpenSSL 3 exports it (its certificate encrypted too) gets the sentence
// that names the typo only if it is the file just downloaded.
func TestAnotherOrganisationsFileIsNotToldOfATypo(t *testing.T) {
	forEachLanguage(t, "typo-other", func(t *testing.T, s *session) {
		s.registerFile(s.copyFile(filePrevious, filepath.Join(s.home, "Documents")))
		s.saveOnThePasswordCard("Kode-æøå 7!Zw") // the renewal's, one letter off
		s.clickDone("password-done")
		s.waitText("download", screenWait, stepTitles(s.lang)[guide.Index("download")])

		// The supplier's file with its certificate readable before the
		// password (no encryption of the certificate bag).
		open := filepath.Join(s.home, "Documents", "leverandoer.p12")
		s.run("bash", "-c", `openssl pkcs12 -in "$1" -passin "pass:$2" -nodes -out "$3.pem" && openssl pkcs12 -export -in "$3.pem" -certpbe NONE -passout "pass:$2" -out "$3" && rm "$3.pem"`,
			"-", file(fileOther), certPassword, open)
		step := map[string]any{"Step": guide.Index("password") + 1}
		// A sentence's first words, as OCR reads a line: the first
		// sentence of key's text, or its second.
		clause := func(key string, n int) string {
			sentences := strings.SplitAfter(msg.T(s.lang, key, step), ". ")
			return strings.Join(strings.Fields(sentences[n])[:5], " ")
		}
		typo, ifJust := clause("check.password.explain.pending", 0), clause("check.password.explain.pending_unknown", 1)
		s.drag(open)
		p, _ := s.waitText("other-asks", checkWait, clause("check.password.explain", 0))
		if p.has(typo) || p.has(ifJust) {
			t.Errorf("the supplier's file is told of a typo:\n%s", p.text())
		}

		s.drag(file(fileOther))
		s.waitText("sealed-asks", checkWait, ifJust)
	})
}
