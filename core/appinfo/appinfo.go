// Package appinfo owns the facts about Fornyer itself that both the window
// and the command line print: its name, its app ID and its version.
package appinfo

// Name is the product's name.
const Name = "Fornyer"

// ID is the reverse-domain app ID, as in FyneApp.toml.
const ID = "dk.fornyer.app"

// Version is set at build time with -ldflags "-X .../core/appinfo.Version=...";
// it matches FyneApp.toml in development builds.
var Version = "0.1.0"
