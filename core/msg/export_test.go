package msg

// LoadError reports a catalogue that could not be read; tests assert it is nil.
func LoadError() error {
	Catalogue("en")
	return loadErr
}
