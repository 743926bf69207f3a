# Fornyer: `make run` opens the window, `make test` runs every test.
# Both install the Debian packages they need when they are missing.

GO ?= go
VERSION := $(shell sed -n 's/^ *Version *= *"\(.*\)"/\1/p' FyneApp.toml)
LDFLAGS := -X github.com/fornyer/fornyer/core/appinfo.Version=$(VERSION)
# The window is built without Fyne's bundled colour emoji font (4 MB, which
# Fyne parses again for every text style drawn: some 5 MB of memory and a
# few milliseconds of the start each, issue 27). No text of Fornyer's own
# uses an emoji; one in a name or a password is drawn from the system's
# emoji font, which Fyne looks for when its own fonts lack a character.
# Every build of the window uses these tags (scripts/macos-package.sh too).
TAGS := no_emoji

.PHONY: run test build cli windows msi lint deps-build deps-test deps-windows

run: deps-build
	$(GO) run -tags $(TAGS) -ldflags "$(LDFLAGS)" ./cmd/fornyer

test: deps-test
	scripts/test.sh

build: deps-build
	$(GO) build -tags $(TAGS) -ldflags "$(LDFLAGS)" -o build/fornyer ./cmd/fornyer

# The command line is built with the garbage collector that suits a process
# of a few milliseconds that never collects (scripts/cli-goexperiment.sh).
CLI_GOEXPERIMENT = $(shell GO=$(GO) scripts/cli-goexperiment.sh)

cli:
	GOEXPERIMENT=$(CLI_GOEXPERIMENT) CGO_ENABLED=0 $(GO) build -ldflags "$(LDFLAGS)" -o build/fornyer-cli ./cmd/fornyer-cli

# The Windows executables and their installer, build/Fornyer-$(VERSION).msi.
# fornyer.exe and fornyer-cli.exe carry the icon and a version resource
# (go-winres writes a .syso that go build links into cmd/fornyer and
# cmd/fornyer-cli for windows/amd64 only; it is generated here, not
# committed); fornyer.exe speaks to screen readers (Fyne's accessibility
# tag). -s -w leave out the symbol table and debug information, which no
# user needs. The MSI is built by wixl from packaging/windows.
#
# Signing: make windows SIGN_PFX=FILE SIGN_PASSWORD_FILE=FILE
# [SIGN_TIMESTAMP_URL=URL] signs both executables (before they go into the
# MSI) and the MSI with Authenticode, SHA-256 (scripts/sign-windows.sh);
# without them everything is built unsigned, and it says so.
WINRES := github.com/tc-hib/go-winres@v0.3.3
MSI := build/Fornyer-$(VERSION).msi
WINLDFLAGS := $(LDFLAGS) -s -w
SIGN := SIGN_PFX='$(SIGN_PFX)' SIGN_PASSWORD_FILE='$(SIGN_PASSWORD_FILE)' \
	SIGN_TIMESTAMP_URL='$(SIGN_TIMESTAMP_URL)' scripts/sign-windows.sh
windows: deps-windows
	$(GO) run $(WINRES) make --in packaging/windows/winres.json --arch amd64 \
		--out cmd/fornyer/rsrc --product-version $(VERSION) --file-version $(VERSION)
	$(GO) run $(WINRES) make --in packaging/windows/winres-cli.json --arch amd64 \
		--out cmd/fornyer-cli/rsrc --product-version $(VERSION) --file-version $(VERSION)
	@rm -f build/fornyer.exe build/fornyer-cli.exe # relinked, so an earlier build's signature never stays
	CGO_ENABLED=1 GOOS=windows GOARCH=amd64 CC=x86_64-w64-mingw32-gcc \
		$(GO) build -tags accessibility,$(TAGS) -ldflags "$(WINLDFLAGS) -H=windowsgui" -o build/fornyer.exe ./cmd/fornyer
	GOEXPERIMENT=$(CLI_GOEXPERIMENT) CGO_ENABLED=0 GOOS=windows GOARCH=amd64 \
		$(GO) build -ldflags "$(WINLDFLAGS)" -o build/fornyer-cli.exe ./cmd/fornyer-cli
	@$(SIGN) build/fornyer.exe build/fornyer-cli.exe
	$(MAKE) --no-print-directory msi

# The MSI from the executables already built (wixl reads paths relative to
# the folder it runs in), 64-bit (-a x64), signed as above.
msi:
	convert assets/icon.png -define icon:auto-resize=256,64,48,32,16 build/fornyer.ico
	convert assets/icon.png -resize 256x256 build/fornyer.png
	cd build && wixl -a x64 -D Version=$(VERSION) -D BuildDir=. -o Fornyer-$(VERSION).msi ../packaging/windows/Fornyer.wxs
	@$(SIGN) $(MSI)
	@ls -l $(MSI)

lint:
	$(GO) vet ./...
	$(GO) vet -tags e2e,ci ./...
	$(GO) run honnef.co/go/tools/cmd/staticcheck@v0.8.2 ./...
	$(GO) run honnef.co/go/tools/cmd/staticcheck@v0.8.2 -tags e2e,ci ./...
	$(GO) mod tidy -diff
	GO=$(GO) scripts/deadcode.sh
	@test -z "$$(gofmt -l .)" || (gofmt -l . && echo "gofmt would change the files above" && exit 1)

deps-build:
	@scripts/deps.sh build
deps-test:
	@scripts/deps.sh test
deps-windows:
	@scripts/deps.sh windows
