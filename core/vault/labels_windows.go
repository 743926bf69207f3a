package vault

import (
	"github.com/danieljoos/wincred"
	"github.com/zalando/go-keyring"
)

// SetLabeled writes the credential where go-keyring looks for it
// (TargetName "<service>:<user>", a generic credential kept on this
// computer, the password as its blob), so that go-keyring reads, lists
// and deletes it as its own, and names what it opens where Credential
// Manager shows it: label (StoreLabel's) as the "User name" (Credential
// Manager lists items by the target name and shows the user name when
// one is opened) and as the comment.
func (goKeyring) SetLabeled(service, user, label, password string) error {
	if len(password) > MaxPasswordBytes {
		return keyring.ErrSetDataTooBig
	}
	cred := wincred.NewGenericCredential(service + ":" + user)
	cred.UserName = label
	cred.Comment = label
	cred.CredentialBlob = []byte(password)
	return cred.Write()
}
