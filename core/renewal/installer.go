package renewal

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/fornyer/fornyer/core/msg"
)

// MaxInstallerName bounds the name of who installed a certificate in DPG:
// a person's name, not a paragraph.
const MaxInstallerName = 200

// NameError is a name refused by InstallerName: Code is stable, Key the
// catalogue's sentence for the user.
type NameError struct{ Code, Key string }

func (e *NameError) Error() string { return "renewal: installer name: " + e.Code }

// Fault is the name's sentence and code.
func (e *NameError) Fault() msg.Fault { return msg.Fault{Code: e.Code, Key: e.Key} }

// The installer name's errors.
var (
	ErrNoName      = &NameError{Code: "no_name", Key: "guide.rule.name"}
	ErrNameTooLong = &NameError{Code: "name_too_long", Key: "renewal.name.too_long"}
)

// InstallerName is the one rule for the name of who installed a
// certificate in DPG (the guide's DPG card, "Mark as installed" in My
// certificates) and who renewed it (the receipt): line breaks, tabs and
// other control characters become spaces, runs of space one, the ends are
// trimmed; an empty name is ErrNoName (the receipt, where the name is
// optional, ignores that one), a name over MaxInstallerName characters
// ErrNameTooLong. The name returned is the one to record.
func InstallerName(s string) (string, error) {
	s = strings.Join(strings.FieldsFunc(strings.ToValidUTF8(s, ""), func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsControl(r)
	}), " ")
	switch {
	case s == "":
		return "", ErrNoName
	case utf8.RuneCountInString(s) > MaxInstallerName:
		return "", ErrNameTooLong
	}
	return s, nil
}
