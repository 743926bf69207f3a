package vault

import "testing"

// The line given to security -i is go-keyring's, with the label: the
// item is found by service and account as go-keyring finds it, and a
// label with quotes, spaces and Danish letters is one word.
func TestAddGenericPasswordLine(t *testing.T) {
	got := addGenericPassword("Fornyer", "sha256:ab", "Fornyer: adgangskode til certifikatet for Bager's ApS", "pw")
	want := "add-generic-password -U -s Fornyer -a sha256:ab -w go-keyring-base64:cHc= -l 'Fornyer: adgangskode til certifikatet for Bager'\"'\"'s ApS'\n"
	if got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}
