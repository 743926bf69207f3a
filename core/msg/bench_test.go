package msg

import "testing"

// BenchmarkTTemplated renders a templated sentence, as the window does on
// every redraw of a check's answer (go test -bench T ./core/msg/).
func BenchmarkTTemplated(b *testing.B) {
	data := map[string]any{"Date": "1. maj 2027", "Days": 3}
	for b.Loop() {
		if T("da", "inspect.finding.expires_soon", data) == "inspect.finding.expires_soon" {
			b.Fatal("no such key")
		}
	}
}
