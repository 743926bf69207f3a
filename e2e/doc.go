// Package e2e is the real-window end-to-end suite: the real fornyer binary
// under a virtual X screen, with a private home, session bus and unlocked
// GNOME keyring, driven with xdotool the way a person uses it, and judged by
// what a person relies on afterwards (files on disk, the keyring, the
// register, the words on the screen).
//
// The tests are behind the build tag e2e, so `go test ./...` leaves them
// out. Run them with
//
//	go test -tags e2e -v ./e2e/
//
// or .ci/steps/60-e2e.sh, which installs what they need first. Environment:
//
//	FORNYER_E2E_BIN     the binary to drive (default: built from ./cmd/fornyer)
//	FORNYER_E2E_SHOTS   where screenshots go (default: build/e2e-shots)
//	FORNYER_E2E_LANGS   the languages to run, e.g. "da" (default: "da en")
//	FORNYER_E2E_MONKEY  random actions per language (default: 600; 0 skips)
//	FYNE_SCALE, FYNE_THEME  passed to the app, to try Windows' 125 % scaling
//	                    (1.25) or the dark theme by hand (default: auto, light)
//
// Most scenarios run on a 1280×900 screen; TestMainActionOnALaptop runs on
// a 1366×768 laptop's (newSessionOn).
package e2e
