# Fornyer: `make run` opens the window, `make test` runs every test.
# Both install the Debian packages they need when they are missing.

GO ?= go
VERSION := $(shell sed -n 's/^ *Version *= *"\(.*\)"/\1/p' FyneApp.toml)
LDFLAGS := -X github.com/fornyer/fornyer/core/appinfo.Version=$(VERSION)

.PHONY: run test build cli windows lint deps-build deps-test deps-windows

run: deps-build
	$(GO) run -ldflags "$(LDFLAGS)" ./cmd/fornyer

test: deps-test
	scripts/test.sh

build: deps-build
	$(GO) build -ldflags "$(LDFLAGS)" -o build/fornyer ./cmd/fornyer

cli:
	CGO_ENABLED=0 $(GO) build -ldflags "$(LDFLAGS)" -o build/fornyer-cli ./cmd/fornyer-cli

windows: deps-windows
	CGO_ENABLED=1 GOOS=windows GOARCH=amd64 CC=x86_64-w64-mingw32-gcc \
		$(GO) build -ldflags "$(LDFLAGS) -H=windowsgui" -o build/fornyer.exe ./cmd/fornyer
	CGO_ENABLED=0 GOOS=windows GOARCH=amd64 \
		$(GO) build -ldflags "$(LDFLAGS)" -o build/fornyer-cli.exe ./cmd/fornyer-cli

lint:
	$(GO) vet ./...
	$(GO) run honnef.co/go/tools/cmd/staticcheck@v0.8.2 ./...
	@test -z "$$(gofmt -l .)" || (gofmt -l . && echo "gofmt would change the files above" && exit 1)

deps-build:
	@scripts/deps.sh build
deps-test:
	@scripts/deps.sh test
deps-windows:
	@scripts/deps.sh windows
