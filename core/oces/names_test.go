package oces

import (
	"testing"

	"github.com/fornyer/fornyer/core/msg"
)

// Every kind and environment, and values no issuer says, have a name in
// both languages; what is not known is never called production.
func TestNamesAreInBothCataloguesAndUnknownIsNotProduction(t *testing.T) {
	keys := map[string]string{}
	for _, k := range []string{Organization, System, Employee, "", "robot"} {
		keys["kind "+k] = KindKey(k)
	}
	for _, e := range []string{Production, Test, "", "Production", "staging"} {
		keys["environment "+e] = EnvironmentKey(e)
	}
	for what, key := range keys {
		for _, l := range msg.Languages {
			if _, ok := msg.Catalogue(l)[key]; !ok {
				t.Errorf("%s: %q is not in the %s catalogue", what, key, l)
			}
		}
	}
	for _, e := range []string{"", "Production", "staging"} {
		if EnvironmentKey(e) == EnvironmentKey(Production) {
			t.Errorf("environment %q is named as production", e)
		}
	}
	if KindKey("robot") == KindKey(Organization) {
		t.Error("an unknown kind is named as an organisation certificate")
	}
}
