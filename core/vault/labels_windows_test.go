package vault

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/danieljoos/wincred"
	"github.com/zalando/go-keyring"
)

// Windows Credential Manager names the organisation: the credential
// Fornyer saves carries the label as its user name and in its comment,
// and go-keyring still finds, reads and deletes it. It runs against the
// real Credential Manager (CI: under Wine, .ci/steps/80-windows-wine.sh),
// so it runs only when asked.
func TestCredentialManagerNamesTheOrganisation(t *testing.T) {
	if os.Getenv("FORNYER_WINDOWS_CREDENTIALS") != "1" {
		t.Skip("set FORNYER_WINDOWS_CREDENTIALS=1 to write to this computer's Credential Manager")
	}
	v := New(WithLanguage(func() string { return "en" }))
	ctx := context.Background()
	id := CertificateID(strings.Repeat("5a", 32))
	const label, password = "Skærbæk Smørrebrød ApS", "Æblegrød \"$`"
	if err := v.Save(ctx, id, label, password); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _, _ = v.Forget(context.Background()) })
	cred, err := wincred.GetGenericCredential(Service + ":" + id)
	if err != nil {
		t.Fatal(err)
	}
	want := "Fornyer: password of the certificate for " + label
	if cred.UserName != want || cred.Comment != want || string(cred.CredentialBlob) != password {
		t.Errorf("credential: user %q, comment %q, blob %q", cred.UserName, cred.Comment, cred.CredentialBlob)
	}
	if got, err := keyring.Get(Service, id); got != password || err != nil {
		t.Errorf("go-keyring reads %q, %v", got, err)
	}
	// Y4: the list of passwords says what it is, not "index".
	if index, err := wincred.GetGenericCredential(Service + ":index"); err != nil || index.UserName != "Fornyer: internal list of the saved passwords (holds no password; do not delete)" {
		t.Errorf("the list of passwords: %+v, %v", index, err)
	}
	if n, err := v.Forget(ctx); n != 1 || err != nil {
		t.Errorf("Forget = %d, %v", n, err)
	}
	if _, err := wincred.GetGenericCredential(Service + ":" + id); err == nil {
		t.Error("the credential is still there after Forget")
	}
	if _, err := wincred.GetGenericCredential(Service + ":index"); err == nil {
		t.Error("the list of passwords is still there after Forget")
	}
}
