package vault

import (
	"encoding/base64"
	"io"
	"os/exec"
	"strings"

	"github.com/zalando/go-keyring"
)

// SetLabeled writes the password as go-keyring's Set does on macOS (a
// generic password of the login keychain with the service and account
// go-keyring and every lookup find it by, the value base64-encoded behind
// go-keyring's prefix, which its Get decodes), and names it: the item's
// label (-l), which Keychain Access lists as its Name, in place of
// go-keyring's, which is the service alone ("Fornyer" for every item).
// The command goes to security's standard input, never its arguments,
// so the password is not seen in the process list.
func (goKeyring) SetLabeled(service, user, label, password string) error {
	command := addGenericPassword(service, user, label, password)
	if len(command) > 4096 {
		return keyring.ErrSetDataTooBig
	}
	cmd := exec.Command("/usr/bin/security", "-i")
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return err
	}
	if err := cmd.Start(); err != nil {
		return err
	}
	if _, err := io.WriteString(stdin, command); err != nil {
		_ = stdin.Close()
		_ = cmd.Wait()
		return err
	}
	if err := stdin.Close(); err != nil {
		_ = cmd.Wait()
		return err
	}
	return cmd.Wait()
}

// addGenericPassword is the line security -i is given: go-keyring's
// (v0.2.8, keyring_darwin.go) with the label.
func addGenericPassword(service, user, label, password string) string {
	value := "go-keyring-base64:" + base64.StdEncoding.EncodeToString([]byte(password))
	args := []string{"add-generic-password", "-U", "-s", quote(service), "-a", quote(user), "-w", quote(value)}
	if label != "" {
		args = append(args, "-l", quote(label))
	}
	return strings.Join(args, " ") + "\n"
}

// quote is go-keyring's shell quoting (its internal shellescape): a word
// of only safe characters as it is, anything else in single quotes.
func quote(s string) string {
	if s == "" {
		return "''"
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("_@%+=:,./-", r)) {
			return "'" + strings.ReplaceAll(s, "'", `'"'"'`) + "'"
		}
	}
	return s
}
