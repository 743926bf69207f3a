// Package packaging holds what turns the build into something people
// install: the Windows resources and MSI (windows/, built by make windows)
// and the macOS Info.plist (macos/, used by scripts/macos-package.sh). It
// has no code; its tests hold those files to what the README promises.
package packaging
