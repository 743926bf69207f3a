package oces

// KindKey and EnvironmentKey are the catalogue keys (assets/translations,
// area "oces") that name a certificate's kind and environment: the one rule
// for what a value is called, an unknown one included, so that the window,
// the receipt and the command line never disagree. A certificate whose
// issuer says neither production nor test is "unknown", never production.
func KindKey(kind string) string {
	switch kind {
	case Organization, System, Employee:
		return "oces.kind." + kind
	}
	return "oces.kind.unknown"
}

// EnvironmentKey: see KindKey.
func EnvironmentKey(env string) string {
	switch env {
	case Production, Test:
		return "oces.environment." + env
	}
	return "oces.environment.unknown"
}

// EnvironmentKnown: the certificate's issuer says production or test.
// Where no label says what a word is (My certificates' detail line) or a
// row would read as doubt (the receipt), an environment not known is left
// out: a bare "Unknown" between the kind and the CVR says nothing (walk W10).
func EnvironmentKnown(env string) bool { return env == Production || env == Test }
