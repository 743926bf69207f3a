# Fornyer: `make run` opens the window, `make test` runs every test.
# Both install the Debian packages they need when they are missing.

GO ?= go
VERSION := $(shell sed -n 's/^ *Version *= *"\(.*\)"/\1/p' FyneApp.toml)
LDFLAGS := -X github.com/fornyer/fornyer/core/appinfo.Version=$(VERSION)

.PHONY: run test build cli windows msi lint deps-build deps-test deps-windows

run: deps-build
	$(GO) run -ldflags "$(LDFLAGS)" ./cmd/fornyer

test: deps-test
	scripts/test.sh

build: deps-build
	$(GO) build -ldflags "$(LDFLAGS)" -o build/fornyer ./cmd/fornyer

cli:
	CGO_ENABLED=0 $(GO) build -ldflags "$(LDFLAGS)" -o build/fornyer-cli ./cmd/fornyer-cli

# The Windows executables and their installer, build/Fornyer-$(VERSION).msi.
# fornyer.exe carries the icon and a version resource (go-winres writes a
# .syso that go build links into cmd/fornyer for windows/amd64 only; it is
# generated here, not committed) and speaks to screen readers (Fyne's
# accessibility tag). The MSI is built by wixl from packaging/windows.
WINRES := github.com/tc-hib/go-winres@v0.3.3
MSI := build/Fornyer-$(VERSION).msi
windows: deps-windows
	$(GO) run $(WINRES) make --in packaging/windows/winres.json --arch amd64 \
		--out cmd/fornyer/rsrc --product-version $(VERSION) --file-version $(VERSION)
	CGO_ENABLED=1 GOOS=windows GOARCH=amd64 CC=x86_64-w64-mingw32-gcc \
		$(GO) build -tags accessibility -ldflags "$(LDFLAGS) -H=windowsgui" -o build/fornyer.exe ./cmd/fornyer
	CGO_ENABLED=0 GOOS=windows GOARCH=amd64 \
		$(GO) build -ldflags "$(LDFLAGS)" -o build/fornyer-cli.exe ./cmd/fornyer-cli
	$(MAKE) --no-print-directory msi

# The MSI from the executables already built (wixl reads paths relative to
# the folder it runs in).
msi:
	convert assets/icon.png -define icon:auto-resize=256,64,48,32,16 build/fornyer.ico
	cd build && wixl -D Version=$(VERSION) -D BuildDir=. -o Fornyer-$(VERSION).msi ../packaging/windows/Fornyer.wxs
	@ls -l $(MSI)

lint:
	$(GO) vet ./...
	$(GO) vet -tags e2e,ci ./...
	$(GO) run honnef.co/go/tools/cmd/staticcheck@v0.8.2 ./...
	$(GO) run honnef.co/go/tools/cmd/staticcheck@v0.8.2 -tags e2e,ci ./...
	$(GO) mod tidy -diff
	@test -z "$$(gofmt -l .)" || (gofmt -l . && echo "gofmt would change the files above" && exit 1)

deps-build:
	@scripts/deps.sh build
deps-test:
	@scripts/deps.sh test
deps-windows:
	@scripts/deps.sh windows
