package scene

import (
	"strings"
	"testing"

	"github.com/fornyer/fornyer/core/msg"
)

// Every illustration has one sentence for screen readers, in Danish and
// English, that names what to press as the picture marks it.
func TestEveryIllustrationHasASentenceForScreenReaders(t *testing.T) {
	ids := IDs()
	if len(ids) < 10 {
		t.Fatalf("only %d scenes", len(ids))
	}
	for _, id := range ids {
		da, en := msg.Catalogue("da")[AccessibilityKey(id)], msg.Catalogue("en")[AccessibilityKey(id)]
		if da == "" || en == "" {
			t.Errorf("scene %q: no sentence (da %q, en %q)", id, da, en)
			continue
		}
		if da == en {
			t.Errorf("scene %q: the same sentence in both languages", id)
		}
		for _, s := range []string{da, en} {
			if !strings.HasSuffix(s, ".") {
				t.Errorf("scene %q: %q is not a sentence", id, s)
			}
		}
	}
	if got := New("login").AccessibilityLabel(); got == "" {
		t.Error("an illustration has no label")
	}
}
