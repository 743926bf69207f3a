package watch

import (
	"os"
	"path/filepath"
	"testing"
)

// Downloads renamed, and a folder or a link to one put in its place:
// watching goes on there, where it stopped silently until the next start
// (issue 24, 10).
func TestFolderReplacedIsWatchedAgain(t *testing.T) {
	for _, replace := range []string{"link", "folder"} {
		t.Run(replace, func(t *testing.T) {
			base := t.TempDir()
			downloads := Folder{Kind: Downloads, Path: filepath.Join(base, "Downloads")}
			if err := os.Mkdir(downloads.Path, 0o700); err != nil {
				t.Fatal(err)
			}
			arrived := make(chan Arrival, 4)
			lost, back := make(chan Folder, 4), make(chan Folder, 4)
			w, err := Start([]Folder{downloads}, Options{Settle: testSettle,
				Arrived: func(a Arrival) { arrived <- a },
				Lost:    func(f Folder) { lost <- f }, Back: func(f Folder) { back <- f }})
			if err != nil {
				t.Fatal(err)
			}
			defer w.Close()
			if err := os.Rename(downloads.Path, downloads.Path+".old"); err != nil {
				t.Fatal(err)
			}
			waitFolder(t, lost, downloads, "lost")
			target := downloads.Path
			if replace == "link" {
				target = filepath.Join(base, "elsewhere")
				if err := os.Mkdir(target, 0o700); err != nil {
					t.Fatal(err)
				}
				if err := os.Symlink(target, downloads.Path); err != nil {
					t.Skip(err)
				}
			} else if err := os.Mkdir(downloads.Path, 0o700); err != nil {
				t.Fatal(err)
			}
			waitFolder(t, back, downloads, "back")
			write(t, filepath.Join(target, "renewed.p12"), []byte("x"))
			if a := next(t, arrived); a.Folder != downloads || a.Name() != "renewed.p12" {
				t.Fatalf("arrival %+v", a)
			}
		})
	}
}

func waitFolder(t *testing.T, ch chan Folder, want Folder, what string) {
	t.Helper()
	if f := <-ch; f != want {
		t.Fatalf("%s %+v, want %+v", what, f, want)
	}
}
