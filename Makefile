# thongbao — build, serve and test. Everything installs itself on first use
# (as root, with only the package registries reachable) and is skipped when
# already there. See ../shared/spec/toolchain.md for why these versions.
SHELL := /bin/bash
.ONESHELL:
.SHELLFLAGS := -eu -o pipefail -c

TRUNK_VERSION := 0.21.14
# The release build of the site uses a pinned nightly: it rebuilds std for
# size (build-std, abort without panic messages). Tests use stable. Why, and
# what it saves: ARCHITECTURE.md, "Size". The fuzzer uses the same nightly.
RUST_NIGHTLY := nightly-2026-10-30
RELEASE_RUSTFLAGS := -Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none -Zfmt-debug=none --cfg erase_components
# Must equal the `wasm-bindgen` crate pinned with `=` in Cargo.toml.
WASM_BINDGEN_VERSION := $(shell sed -n 's/^wasm-bindgen = "=\(.*\)"/\1/p' Cargo.toml)
CARGO_BIN := $(HOME)/.cargo/bin
export PATH := $(CURDIR)/node_modules/.bin:$(CARGO_BIN):$(PATH)
export TRUNK_SKIP_VERSION_CHECK := true
# puppeteer-core never downloads a browser; this says so to its install step too.
export PUPPETEER_SKIP_DOWNLOAD := 1
export CARGO_TERM_COLOR := never
PORT ?= 8080
# Hosts the page may fetch data files from (?src=), e.g. "https://portal.example".
CONNECT_SRC ?=

.PHONY: help fetch-crates serve dist test test-core test-wasm test-e2e test-e2e-firefox check-browsers tools test-tools clean fmt lint bench fuzz

help:
	@echo "make serve   build and serve the app on http://127.0.0.1:$(PORT)"
	@echo "make test    run every test layer (core, wasm in Chromium, browser support, end-to-end in Chromium and Firefox)"
	@echo "make dist    release build of the static site into dist/"

# ---- tools -----------------------------------------------------------------

.tools/rust-target:
	rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
	mkdir -p .tools && touch $@

.tools/trunk-$(TRUNK_VERSION):
	if ! trunk --version 2>/dev/null | grep -qx "trunk $(TRUNK_VERSION)"; then \
	  cargo install --locked trunk --version $(TRUNK_VERSION); fi
	mkdir -p .tools && touch $@

# No --locked: it wants a webpki-roots the registry here lacks.
.tools/wasm-bindgen-$(WASM_BINDGEN_VERSION):
	if ! wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $(WASM_BINDGEN_VERSION)"; then \
	  cargo install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION); fi
	mkdir -p .tools && touch $@

# wasm-opt from npm binaryen (Debian's wasm-opt 108 breaks the module),
# playwright-core and puppeteer-core (no browser download) and acorn, pinned
# by package-lock.json.
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

.tools/$(RUST_NIGHTLY):
	rustup toolchain install $(RUST_NIGHTLY) --profile minimal --component rust-src
	mkdir -p .tools && touch $@

tools: .tools/rust-target .tools/$(RUST_NIGHTLY) .tools/trunk-$(TRUNK_VERSION) .tools/wasm-bindgen-$(WASM_BINDGEN_VERSION) node_modules/.installed

# Debian's Chromium and ChromeDriver for the browser tests.
.tools/chromium:
	if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null; fi
	mkdir -p .tools && touch $@

# Debian's Firefox ESR for the Firefox tests, driven by puppeteer-core over
# WebDriver BiDi (no driver, no browser download).
.tools/firefox:
	if ! command -v firefox-esr >/dev/null; then \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq firefox-esr >/dev/null; fi
	mkdir -p .tools && touch $@

# LibreOffice (headless) and poppler to check the .docx and the printed PDF.
.tools/office:
	if ! command -v soffice >/dev/null || ! command -v pdftotext >/dev/null; then \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
	    libreoffice-writer-nogui poppler-utils fonts-liberation2 >/dev/null; fi
	mkdir -p .tools && touch $@

test-tools: tools .tools/chromium .tools/office

# ---- build -----------------------------------------------------------------

SOURCES := $(shell find src core/src crates assets style -type f 2>/dev/null) index.html Cargo.toml core/Cargo.toml Trunk.toml Cargo.lock Makefile

# Trunk and cargo run offline, so every crate must be in the registry cache
# first: the workspace's, and std's own (build-std resolves the nightly's
# library/Cargo.lock: wasip1, rustc-demangle, ...), which `cargo fetch` of the
# workspace does not bring. Each fetch tries the cache alone first, so a
# second run needs no network.
STD_MANIFEST = $$(rustc +$(RUST_NIGHTLY) --print sysroot)/lib/rustlib/src/rust/library/Cargo.toml
fetch-crates: | tools
	cargo fetch --quiet --offline 2>/dev/null || cargo fetch --quiet
	cargo +$(RUST_NIGHTLY) fetch --quiet --offline --manifest-path "$(STD_MANIFEST)" 2>/dev/null \
	  || cargo +$(RUST_NIGHTLY) fetch --quiet --manifest-path "$(STD_MANIFEST)"

dist/.built: $(SOURCES) tools/postbuild.mjs tools/wasm-names.mjs | tools
	$(MAKE) --no-print-directory fetch-crates
	RUSTUP_TOOLCHAIN=$(RUST_NIGHTLY) \
	  CARGO_UNSTABLE_BUILD_STD=std,panic_abort \
	  CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size \
	  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="$(RELEASE_RUSTFLAGS)" \
	  trunk build --release --offline --public-url ./
	node tools/postbuild.mjs dist
	node tools/set-connect-src.mjs dist "$(CONNECT_SRC)"
	touch $@

dist: dist/.built

serve: dist
	node tools/serve.mjs dist $(PORT)

# ---- tests -----------------------------------------------------------------

test: test-core test-wasm check-browsers test-e2e test-e2e-firefox
	@echo "make test: all layers passed"

test-core:
	cargo test --workspace

# The runner gives chromedriver 5 s to start by default; on a busy 2-core
# machine that fails now and then ("driver failed to bind port").
# Chromium leaves its ~130 MB scoped profile behind when the runner stops
# chromedriver: TMPDIR keeps it under target/, emptied on each run.
test-wasm: test-tools
	rm -rf target/tmp-wasm && mkdir -p target/tmp-wasm
	TMPDIR="$(CURDIR)/target/tmp-wasm" \
	WASM_BINDGEN_TEST_DRIVER_TIMEOUT=60 \
	CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
	  cargo test --target wasm32-unknown-unknown --test web

target/fixtures/.made: core/examples/make_fixtures.rs $(shell find core/src crates -type f)
	cargo run --quiet -p thongbao-core --example make_fixtures -- target/fixtures
	touch $@

test-e2e: test-tools dist target/fixtures/.made
	node --test --test-concurrency=1 tests/e2e/

# The clerk's and the portal's flows in Firefox ESR (tests/e2e-firefox/).
test-e2e-firefox: test-tools .tools/firefox dist target/fixtures/.made
	node --test --test-concurrency=1 tests/e2e-firefox/

# The built site uses only what Chrome/Edge 109 and Firefox 115 support
# (WebAssembly features, JS syntax and APIs, CSS): tools/check-browsers.mjs.
check-browsers: dist node_modules/.installed
	node tools/check-browsers.mjs dist

# Performance figures (printed, never asserted): see tools/bench.mjs.
bench: test-tools dist
	node tools/bench.mjs

# Fuzz every cargo-fuzz target (core/fuzz) for FUZZ_SECONDS each; installs a
# nightly toolchain and cargo-fuzz when missing. See core/fuzz/README.md.
FUZZ_SECONDS ?= 60
fuzz:
	FUZZ_TOOLCHAIN=$${FUZZ_TOOLCHAIN:-$(RUST_NIGHTLY)} bash tools/fuzz.sh $(FUZZ_SECONDS)

lint:
	cargo fmt --all -- --check
	cargo clippy --workspace --all-targets -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --lib --tests -- -D warnings

fmt:
	cargo fmt --all

clean:
	rm -rf dist target .tools node_modules
