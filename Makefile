# Podium: the two commands of the README are `make run` and `make test`.
#
#   make run      install what is missing, build the UI and the app, start it
#   make test     everything, headless: Rust fmt/clippy/tests, the core-has-no-tauri check,
#                 UI lint/typecheck/unit tests, the browser tests and the end-to-end tests
#                 in the real app window (Xvfb), the last with a real Japanese IME
#   make deps     install what is missing (Debian packages, ui/node_modules)
#   make ui       build the UI into ui/dist
#   make app      build the app (debug, UI embedded) without starting it
#   make dev      the app against Vite's dev server, with hot reload (tauri dev)
#   make bench    run every benchmark of the core package and the app's (prints figures; not a test)
#   make bench-pathological the release CLI on pathological inputs up to the 2 MiB limit:
#                 time and peak memory per command (cli/benches/pathological.rs, part of make bench)
#   make test-e2e the end-to-end test in the real app window (tauri-driver, Xvfb)
#   make test-ime the end-to-end test with a real Japanese input method (ibus + mozc, Xvfb):
#                 inline composition, conversion, one commit, one on focus-out, no save meanwhile
#   make bench-prompter the prompter's frame pacing: 60 s of a 50,000-character script with an
#                 operator's speed changes in headless Chromium and in the real WebKitGTK
#                 window (Xvfb), beside the platform's floors (~12 min; FLOORS=0, WEBKIT_VARIANTS=0)
#   make bench-app the release app's start-up time and memory against an empty Tauri window (Xvfb),
#                 with its bundled typeface and with the face installed (fontTools from PyPI)
#   make reliability  crash, fault, bad-file and hostile-input tests at full length and every
#                 fuzz target for FUZZ_SECONDS (default 600) each; prints the figures (~40 min)
#   make fuzz     every fuzz target for FUZZ_SECONDS each (cargo-fuzz, installed when missing)
#   make bindings regenerate the TypeScript types of the IPC (ui/src/lib/bindings/) from Rust
#   make package  build the .deb (release build + tauri bundle; the bundler downloads nothing)
#   make package-windows the Windows x86_64 installer (NSIS: per user, no administrator rights;
#                 /ALLUSERS for IT) and the portable zip, cross-built here with mingw-w64, the
#                 dictionary inside (packaging/windows/; output in <target>/x86_64-pc-windows-gnu/
#                 release/bundle/)
#   make test-docx the Word documents in LibreOffice: each converted to PDF (headless), its pages
#                 counted and numbered, its text and ruby read back, the BIZ UD faces used (~10 s;
#                 installs libreoffice-writer-nogui, poppler-utils and the BIZ UD fonts; not part of
#                 make test, whose structural and round-trip tests of the .docx run without them)
#   make test-wordpress a real WordPress from Debian's packages (private MariaDB, PHP's built-in
#                 server on 127.0.0.1): Podium's draft saved there, read back, parsed into native
#                 blocks and opened in the block editor in headless Chromium (~40 s; part of make test)
#   make test-windows the core's and the CLI's tests for Windows under wine, then the installer
#                 and the installed podium.exe against the Linux CLI (not part of make test)
#   make clean    remove build outputs
#
# CARGO_TARGET_DIR is respected (CI keeps it outside the clone to reuse builds).

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help

CARGO ?= cargo
NPM ?= npm
TARGET_DIR := $(or $(CARGO_TARGET_DIR),$(CURDIR)/target)
APP := $(TARGET_DIR)/debug/podium-desktop

# Debian packages: WebKitGTK and friends to build the Tauri shell, Xvfb and WebKitWebDriver for
# window tests (ImageMagick to capture the full-screen prompter, xdotool to answer the native
# file dialogs and to press keys while another program — x11-utils' xmessage — has the focus),
# Chromium for the browser
# tests, a CJK font for the system, MeCab's IPADIC for the core's morphological analysis, ALSA's
# headers for the microphone of voice mode (cpal), iproute2 to give the office-network test its
# private address, Ghostscript to read back what the app printed.
APT_PACKAGES := libwebkit2gtk-4.1-dev libsoup-3.0-dev librsvg2-dev libayatana-appindicator3-dev \
	libxdo-dev libssl-dev build-essential pkg-config xvfb webkit2gtk-driver chromium \
	fonts-noto-cjk mecab-ipadic imagemagick xdotool x11-utils libasound2-dev iproute2 \
	ghostscript
NODE_MIN := 20.19
# A real Japanese input method for `make test-ime` only: ibus with mozc, a D-Bus session for
# them, xdotool to type on the X server.
IME_APT_PACKAGES := ibus ibus-mozc dbus-x11 xdotool
# LibreOffice to lay out the Word exports, poppler to read its PDFs, the faces they name.
DOCX_APT_PACKAGES := libreoffice-writer-nogui poppler-utils fonts-morisawa-bizud-mincho \
	fonts-morisawa-bizud-gothic
# A real WordPress for `make test-wordpress`: Debian's WordPress (its default theme and Japanese
# translation), MariaDB and PHP's command line (its built-in server).
WORDPRESS_APT_PACKAGES := wordpress wordpress-theme-twentytwentythree wordpress-l10n \
	mariadb-server php-cli php-mysql

# The Tauri CLI runs from ui/ with the config at the repository root.
TAURI := cd ui && TAURI_APP_PATH=.. TAURI_FRONTEND_PATH=. npx --no-install tauri

.PHONY: help run app dev test deps apt-deps apt-deps-ime tools ui bench bench-pathological bindings \
	package package-windows test-windows apt-deps-windows clean test-rust test-core-free-of-tauri test-ui test-e2e test-ime test-docx apt-deps-docx apt-deps-wordpress test-wordpress bench-app bench-prompter \
	tauri-driver

help:
	@sed -n 's/^#   //p' Makefile

# ---------------------------------------------------------------------------------------------
# Dependencies

deps: apt-deps tools ui/node_modules/.package-lock.json

# $(call apt-install,PACKAGES): installs those of PACKAGES that are missing.
define apt-install
	@missing=""; \
	for p in $(1); do \
	  dpkg-query -W -f='$${Status}' "$$p" 2>/dev/null | grep -q 'ok installed' || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  sudo=""; [ "$$(id -u)" -eq 0 ] || sudo="sudo"; \
	  echo "Installing Debian packages:$$missing"; \
	  $$sudo apt-get update; \
	  DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y $$missing; \
	fi
endef

apt-deps:
	$(call apt-install,$(APT_PACKAGES))

apt-deps-ime:
	$(call apt-install,$(IME_APT_PACKAGES))

apt-deps-docx:
	$(call apt-install,$(DOCX_APT_PACKAGES))
apt-deps-wordpress:
	$(call apt-install,$(WORDPRESS_APT_PACKAGES))

tools:
	@command -v $(CARGO) >/dev/null || { echo "cargo is missing: install Rust (rustup)"; exit 1; }
	@command -v node >/dev/null || { echo "Node.js >= $(NODE_MIN) is missing"; exit 1; }
	@node -e 'const [a,b]=process.versions.node.split(".").map(Number),[x,y]="$(NODE_MIN)".split(".").map(Number);if(a<x||(a===x&&b<y)){console.error("Node.js >= $(NODE_MIN) is needed, found "+process.versions.node);process.exit(1)}'

# npm writes node_modules/.package-lock.json on every install: newer than the lock file means
# node_modules is current.
ui/node_modules/.package-lock.json: ui/package-lock.json ui/package.json
	cd ui && $(NPM) ci --no-audit --no-fund
	touch $@

# ---------------------------------------------------------------------------------------------
# Build and run

ui: deps
	cd ui && $(NPM) run build

# A debug build with the UI embedded (custom-protocol): no dev server needed.
app: deps ui
	$(CARGO) build -p podium-desktop --features tauri/custom-protocol

run: app
	@if [ -z "$${DISPLAY:-}" ] && [ -z "$${WAYLAND_DISPLAY:-}" ]; then \
	  echo "The app is built, but there is no display (DISPLAY/WAYLAND_DISPLAY unset)."; \
	  echo "To start it without one: xvfb-run -a $(APP)"; \
	  exit 1; \
	fi
	$(APP)

dev: deps
	$(TAURI) dev

# Not `tauri build`: the CLI takes the Cargo.toml beside tauri.conf.json (the core's, at the
# root) for the app crate and would look for the wrong binary. So cargo builds the shell and
# `tauri bundle` packages it (the deb bundler downloads nothing).
# The .deb holds the app, the `podium` command (/usr/bin) and the third-party licence notice.
DEB_FILES := "/usr/bin/podium":"$(TARGET_DIR)/release/podium",\
	"/usr/share/doc/podium-desktop/THIRD-PARTY-LICENSES.txt":"$(TARGET_DIR)/release/THIRD-PARTY-LICENSES.txt"
package: ui
	$(CARGO) build --release -p podium-desktop --features tauri/custom-protocol
	$(CARGO) build --release -p podium-cli --bin podium
	node packaging/third-party-licenses.mjs $(TARGET_DIR)/release/THIRD-PARTY-LICENSES.txt
	$(TAURI) bundle --bundles deb --config '{"bundle":{"linux":{"deb":{"files":{$(DEB_FILES)}}}}}'
	packaging/linux/check-deb.sh $(TARGET_DIR)/release/bundle/deb/*.deb

# Windows x86_64 from this machine (packaging/windows/): mingw-w64 links, Debian's makensis writes
# the installer, ImageMagick makes the icon set, mecab-ipadic is the dictionary's source; wine
# runs the tests. Nothing is downloaded but crates and Debian packages.
WIN_TRIPLE := x86_64-pc-windows-gnu
WIN_APT_PACKAGES := gcc-mingw-w64-x86-64 g++-mingw-w64-x86-64 nsis zip imagemagick mecab-ipadic
WINE_APT_PACKAGES := wine64
WIN_RUNNER := CARGO_TARGET_X86_64_PC_WINDOWS_GNU_RUNNER=$(CURDIR)/packaging/windows/wine/run.sh

apt-deps-windows:
	$(call apt-install,$(WIN_APT_PACKAGES))
	@rustup target list --installed | grep -qx $(WIN_TRIPLE) || rustup target add $(WIN_TRIPLE)

package-windows: apt-deps-windows ui
	CARGO=$(CARGO) TARGET_DIR=$(TARGET_DIR) packaging/windows/package.sh

# The tests run in the release profile, in the tree package-windows builds (one Windows tree).
# The PostgreSQL half of the store's tests and the SIGKILL crash harness are Unix-only.
test-windows: package-windows
	$(call apt-install,$(WINE_APT_PACKAGES))
	CARGO_TARGET_DIR=$(TARGET_DIR) $(WIN_RUNNER) \
	  $(CARGO) test --release --target $(WIN_TRIPLE) -p podium -p podium-cli
	$(CARGO) build -p podium-cli --bin podium
	CARGO_TARGET_DIR=$(TARGET_DIR) packaging/windows/wine/check.sh \
	  $(TARGET_DIR)/$(WIN_TRIPLE)/release/bundle/*-setup-x64.exe $(TARGET_DIR)/debug/podium
	CARGO_TARGET_DIR=$(TARGET_DIR) $(XVFB) packaging/windows/wine/webview2-missing.sh \
	  $(TARGET_DIR)/$(WIN_TRIPLE)/release/bundle/stage/Podium ui/test-results/wine-webview2-missing.png

# The core's benchmarks and the CLI's pathological inputs (bench-pathological runs that alone).
bench: tools
	$(CARGO) bench -p podium --bench '*'
	$(CARGO) bench -p podium-cli --bench pathological
	$(MAKE) --no-print-directory bench-app
	$(MAKE) --no-print-directory bench-prompter

# Time and peak memory of every CLI command on pathological inputs up to the 2 MiB input
# limit (PATHOLOGICAL_SIZES, PATHOLOGICAL_ONLY … : see the file's header).
bench-pathological: tools
	$(CARGO) bench -p podium-cli --bench pathological

# The window tests drive the app through tauri-driver (crates.io) in front of Debian's
# WebKitWebDriver; cargo installs it into ~/.cargo/bin when missing.
TAURI_DRIVER := $(or $(shell command -v tauri-driver 2>/dev/null),$(HOME)/.cargo/bin/tauri-driver)
XVFB := xvfb-run -a -s "-screen 0 1280x800x24"

tauri-driver:
	@[ -x "$(TAURI_DRIVER)" ] || $(CARGO) install tauri-driver --locked

# BIZ UDPGothic as a system has it installed, one file per weight (benches/app/installed_font.py,
# with fontTools from PyPI in a virtualenv): bench-app also times the app with it installed.
BENCH_FONTS := $(TARGET_DIR)/bench-fonts
$(BENCH_FONTS)/BIZUDPGothic-Regular.ttf: benches/app/installed_font.py ui/node_modules/.package-lock.json
	[ -x $(TARGET_DIR)/fonttools/bin/python ] || python3 -m venv $(TARGET_DIR)/fonttools
	$(TARGET_DIR)/fonttools/bin/pip install --quiet fonttools==4.68.0 brotli==1.2.1
	$(TARGET_DIR)/fonttools/bin/python benches/app/installed_font.py \
	  ui/node_modules/@fontsource/biz-udpgothic/files 700 $(BENCH_FONTS)/BIZUDPGothic-Bold.ttf
	$(TARGET_DIR)/fonttools/bin/python benches/app/installed_font.py \
	  ui/node_modules/@fontsource/biz-udpgothic/files 400 $@

# Start-up and memory of the release build, timed in turn with an empty Tauri window (the
# floor: src-tauri/examples/empty_window.rs) under the same load (see benches/app/bench.mjs).
bench-app: ui tauri-driver $(BENCH_FONTS)/BIZUDPGothic-Regular.ttf
	$(CARGO) build -p podium-cli --bin podium
	$(CARGO) build --release -p podium-desktop --features tauri/custom-protocol
	$(CARGO) build --release -p podium-desktop --example empty_window \
	  --features tauri/custom-protocol,bench-empty-window
	PODIUM_APP=$(TARGET_DIR)/release/podium-desktop \
	  PODIUM_EMPTY_APP=$(TARGET_DIR)/release/examples/empty_window \
	  PODIUM_CLI=$(TARGET_DIR)/debug/podium PODIUM_INSTALLED_FONTS=$(BENCH_FONTS) \
	  TAURI_DRIVER=$(TAURI_DRIVER) $(XVFB) node benches/app/bench.mjs

# Prompter frame pacing (benches/prompter/bench.mjs): rAF callback time, dropped frames and
# frames over 25 and 50 ms during an operator's schedule of speed changes, in Chromium (the
# built UI on its test backend: the test-only server of podium-app) and in the real window,
# with WebKitGTK's renderer variants and the floors (a no-op loop, a small page moving, the
# script moving without the engine).
bench-prompter: app tauri-driver
	$(CARGO) build -p podium-app --example test_backend
	cd ui && $(NPM) run build:fake
	CARGO_TARGET_DIR=$(TARGET_DIR) TAURI_DRIVER=$(TAURI_DRIVER) $(XVFB) node benches/prompter/bench.mjs

# The wire types are declared in Rust (app/src/wire/) and exported with ts-rs. The app layer's
# test `bindings_are_current` (part of `cargo test --workspace`) fails when these are stale.
BINDINGS := ui/src/lib/bindings
bindings: tools
	rm -f $(BINDINGS)/*.ts
	TS_RS_EXPORT_DIR=$(CURDIR)/$(BINDINGS) $(CARGO) test -p podium-app export_bindings

# ---------------------------------------------------------------------------------------------
# Reliability and security (SECURITY.md). `make test` runs the short forms: the crash test with
# 20 kills, the fault, bad-file and hostile-input tests, and a replay of the fuzz corpus.

KILLS ?= 200
FUZZ_SECONDS ?= 600

.PHONY: reliability fuzz

reliability: tools
	PODIUM_CRASH_KILLS=$(KILLS) $(CARGO) test -p podium-cli --test reliability -- --nocapture \
	  2>&1 | tee $(TARGET_DIR)/reliability.log | grep -E '^(crash safety|typing time|hostile|skipped)|test result' \
	  || { echo "FAIL: see $(TARGET_DIR)/reliability.log"; exit 1; }
	@grep -q 'test result: ok' $(TARGET_DIR)/reliability.log
	$(MAKE) --no-print-directory fuzz
	CARGO_TARGET_DIR=$(TARGET_DIR) fuzz/run.sh --cmin
	@printf 'fuzz corpus: %s files, %s (fuzz/corpus/)\n' "$$(find fuzz/corpus -type f | wc -l)" \
	  "$$(du -sh --apparent-size fuzz/corpus | cut -f1)"
	@sed -n 's/^| *\([0-9]\+\) *| *\([a-z]*\) *| \(.*\) |$$/found and fixed: #\1 (\2) \3/p' SECURITY.md

fuzz:
	CARGO_TARGET_DIR=$(TARGET_DIR) fuzz/run.sh $(FUZZ_SECONDS)

clean:
	$(CARGO) clean
	rm -rf ui/dist ui/dist-fake ui/test-results src-tauri/gen/schemas

# ---------------------------------------------------------------------------------------------
# Tests (headless)

test: deps
	$(MAKE) --no-print-directory test-ui
	$(MAKE) --no-print-directory test-core-free-of-tauri
	$(MAKE) --no-print-directory test-rust
	$(MAKE) --no-print-directory test-wordpress
	$(MAKE) --no-print-directory test-e2e
	$(MAKE) --no-print-directory test-ime
	@echo "make test: all checks passed"

test-rust:
	$(CARGO) fmt --all --check
	$(CARGO) clippy --workspace --all-targets -- -D warnings
	$(CARGO) test --workspace

# DESIGN.md: the core knows nothing of Tauri; the layers (core, app, cli, shell) depend
# downwards only. Fails if a tauri/wry/tao crate is among the normal or build dependencies of the
# core or the application layer, or clap (the command line's) among them.
test-core-free-of-tauri:
	@for package in podium podium-app; do \
	  deps=$$($(CARGO) tree -p $$package -e normal,build --prefix none --format '{p}'); \
	  if grep -E '^(tauri|tauri-[a-z-]+|wry|tao|clap|podium-cli|podium-desktop) v' <<<"$$deps"; then \
	    echo "FAIL: the package '$$package' depends on the crates above (a front end's)"; \
	    exit 1; \
	  fi; \
	done; \
	echo "ok: the core and the application layer depend on no front end (tauri, clap)"

# The real windows under Xvfb (ui/e2e/*.e2e.mjs: the editor, the prompter), one file at a time
# (two apps at once on one X server and two CPUs only slow each other down); the last step of
# `make test`.
test-e2e: app tauri-driver
	$(CARGO) build -p podium --example pg_test_server --features test-support
	cd ui && TAURI_DRIVER=$(TAURI_DRIVER) $(XVFB) node --test --test-concurrency=1 e2e/app.e2e.mjs e2e/paths.e2e.mjs e2e/print.e2e.mjs e2e/prompter.e2e.mjs e2e/remote.e2e.mjs e2e/voice.e2e.mjs e2e/japanese.e2e.mjs e2e/server.e2e.mjs
	$(OFFICE_NETNS) sh -c 'ip link set lo up && ip addr add $(OFFICE_ADDRESS)/24 dev lo && \
	  cd ui && OFFICE_ADDRESS=$(OFFICE_ADDRESS) TAURI_DRIVER=$(TAURI_DRIVER) \
	  $(XVFB) node --test e2e/remote-office.e2e.mjs'

# The remote opened to the office network (e2e/remote-office.e2e.mjs) runs in a network
# namespace of its own whose loopback also holds a private address, the office network's
# address of this "PC": the app binds to it as on an office LAN, and nothing outside this
# machine is touched (unshare -n as root, with a user namespace otherwise).
OFFICE_ADDRESS := 192.168.77.1
OFFICE_NETNS := $(if $(filter 0,$(shell id -u)),unshare -n,unshare -rn)

# A real WordPress (tests/wordpress/run.sh): Debian's, with a private MariaDB and PHP's built-in
# server on 127.0.0.1 in a temporary folder; Podium's WordPress draft against it
# (app/tests/wordpress_site.rs) and the draft in the block editor (ui/tests/wordpress-editor.mjs).
test-wordpress: apt-deps-wordpress
	CARGO=$(CARGO) tests/wordpress/run.sh

# A real IME (ui/e2e/ime.e2e.mjs): ibus + mozc, D-Bus and the app run as `nobody` when this
# runs as root (mozc's server refuses root). The screen is wider than the window: the test
# moves the pointer off the window to take the keyboard focus away from it.
test-ime: deps apt-deps-ime app tauri-driver
	$(CARGO) build -p podium-cli --bin podium
	cd ui && TAURI_DRIVER=$(TAURI_DRIVER) xvfb-run -a -s "-screen 0 1600x900x24" \
	  node --test e2e/ime.e2e.mjs

# The Word exports in LibreOffice (tests/word.rs, its ignored test): several seconds, so not
# part of make test.
test-docx: apt-deps-docx
	$(CARGO) test -p podium --test word -- --include-ignored

# Two builds of the UI: ui/dist, the app's (no test backend: tests/bundle.test.mjs checks), and
# ui/dist-fake, which the browser tests run on the test backend, answered by podium-app's
# test-only server (app/examples/test_backend.rs).
test-ui:
	cd ui && $(NPM) run lint
	cd ui && $(NPM) run check
	cd ui && $(NPM) test
	cd ui && $(NPM) run build
	cd ui && $(NPM) run build:fake
	$(CARGO) build -p podium-app --example test_backend
	cd ui && CARGO_TARGET_DIR=$(TARGET_DIR) $(NPM) run test:browser
