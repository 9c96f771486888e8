# csdash: make run (open the dashboard on the sample data), make test (every test).
PREFIX ?= /usr/local
SWIFT ?= swift
SAMPLE := sample-data/gloucestershire
DEBUG_BIN := .build/debug/csdash
# Debian packages the build and the end-to-end tests need.
APT_PACKAGES := libncursesw5-dev tmux python3 ncurses-term chromium chromium-driver
# PyPI packages the board pack's browser tests need (versions known to work with Debian's chromium).
PIP_PACKAGES := selenium==4.51.0 axe-selenium-python==2.1.6

VERSION := $(shell sed -n 's/.*static let version = "\(.*\)"/\1/p' Sources/csdash/CSDash.swift)
DIST_NAME := csdash-$(VERSION)-linux-$(shell uname -m)
# The dist binary is built apart (its own scratch path) with the Swift runtime linked in statically.
DIST_BUILD := .build-dist
MAN_DIR := .build/man
COMPLETIONS_DIR := .build/completions

.PHONY: all deps build release run wall test unit-test e2e-test bench fuzz install uninstall clean sample-data bench-import \
        themes man completions dist dist-test

all: build

# Installs what is missing with apt-get when run as root; otherwise prints the exact command.
deps:
	@missing=""; \
	if [ ! -f /usr/include/ncurses.h ] && [ ! -f /usr/include/ncursesw/ncurses.h ]; then missing="$$missing libncursesw5-dev"; fi; \
	command -v tmux >/dev/null 2>&1 || missing="$$missing tmux"; \
	command -v python3 >/dev/null 2>&1 || missing="$$missing python3"; \
	command -v pgrep >/dev/null 2>&1 || missing="$$missing procps"; \
	[ -f /usr/share/terminfo/x/xterm-direct ] || [ -f /lib/terminfo/x/xterm-direct ] || missing="$$missing ncurses-term"; \
	command -v chromium >/dev/null 2>&1 || missing="$$missing chromium"; \
	[ -x /usr/bin/chromedriver ] || missing="$$missing chromium-driver"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "csdash: installing$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null || exit 1; \
	  else \
	    echo "csdash: missing$$missing. Install with:"; \
	    echo "  sudo apt-get install -y$$missing"; \
	    exit 1; \
	  fi; \
	fi
	@command -v $(SWIFT) >/dev/null 2>&1 || { echo "csdash: Swift 6 is needed (swift not on PATH)"; exit 1; }
	@python3 -c "import selenium, axe_selenium_python" 2>/dev/null || { \
	  echo "csdash: installing $(PIP_PACKAGES)"; \
	  python3 -m pip install -q $(PIP_PACKAGES) 2>/dev/null || python3 -m pip install -q --break-system-packages $(PIP_PACKAGES) \
	  || { echo "csdash: could not install them. Install with:"; echo "  python3 -m pip install $(PIP_PACKAGES)"; exit 1; }; }

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release --product csdash

run: build
	$(DEBUG_BIN) $(SAMPLE)

# The wall display on the sample data; DWELL=seconds per page, DATA=another directory.
DWELL ?= 15
wall: build
	$(DEBUG_BIN) wall $(or $(DATA),$(SAMPLE)) --dwell $(DWELL)

# The tests write their temporary data directories under a scratch TMPDIR removed afterwards, pass or fail
# (short, and open to the user 'nobody' that some end-to-end tests run as).
unit-test: deps
	@scratch=$$(mktemp -d "$${TMPDIR:-/tmp}/csdash-unit.XXXXXX"); \
	TMPDIR=$$scratch $(SWIFT) test; status=$$?; rm -rf "$$scratch"; exit $$status

e2e-test: build
	@scratch=$$(mktemp -d "$${TMPDIR:-/tmp}/e2e.XXXXXX") && chmod 755 "$$scratch"; \
	TMPDIR=$$scratch python3 Tests/e2e/run.py $(DEBUG_BIN); status=$$?; rm -rf "$$scratch"; exit $$status

# The release build is part of the tests: Swift 6.3.1 has crashed compiling this code with -O only,
# which would break make install and make bench while every debug test still passed.
test: unit-test e2e-test release

# Regenerates the sample's DfE benchmarks from the published files in sample-data/dfe/ (a unit test checks the
# committed files equal a fresh import).
sample-data: build
	$(DEBUG_BIN) import dfe --la 916 --map sample-data/dfe/gloucestershire.yaml \
	  --out $(SAMPLE)/history/dfe.csv --authorities $(SAMPLE)/authorities/dfe.csv

# Release build; writes docs/benchmarks.md (machine, date, figures) and prints it. Takes a few minutes.
bench: deps
	$(SWIFT) build -c release --product csdash
	$(SWIFT) build -c release --product csdash-bench
	.build/release/csdash-bench docs/benchmarks.md
	python3 Tests/bench/import_dfe.py .build/release/csdash

# The speed check of csdash import dfe alone: all seven DfE files for one authority, release build, whole process.
bench-import: deps
	$(SWIFT) build -c release --product csdash
	python3 Tests/bench/import_dfe.py .build/release/csdash

# Fuzzing for a bounded time (FUZZ_SECONDS): libFuzzer with AddressSanitizer when the toolchain can build it,
# else a seeded random run of the same target. A crash leaves its input in .build-fuzz/artifacts/: copy it
# to Tests/Fuzz/regressions/, fix the cause, and the unit tests replay it from then on (docs/fuzzing.md).
FUZZ_SECONDS ?= 300
FUZZ_BUILD := .build-fuzz
fuzz: deps
	@if $(SWIFT) build -c release --build-path $(FUZZ_BUILD) --product csdash-fuzz -Xswiftc -sanitize=fuzzer,address \
	    -Xswiftc -DFUZZING -Xswiftc -parse-as-library; then \
	  mkdir -p $(FUZZ_BUILD)/corpus $(FUZZ_BUILD)/artifacts; \
	  ASAN_OPTIONS=detect_leaks=0 $(FUZZ_BUILD)/release/csdash-fuzz -detect_leaks=0 -max_total_time=$(FUZZ_SECONDS) \
	    -max_len=8192 -timeout=10 -rss_limit_mb=2048 -dict=Tests/Fuzz/csdash.dict -artifact_prefix=$(FUZZ_BUILD)/artifacts/ \
	    $(FUZZ_BUILD)/corpus Tests/Fuzz/seeds Tests/Fuzz/regressions \
	  || { echo "csdash: the fuzzer found a crash: see $(FUZZ_BUILD)/artifacts/ (docs/fuzzing.md)"; exit 1; }; \
	else \
	  echo "csdash: could not build the libFuzzer target (see above; the toolchain may lack -sanitize=fuzzer); running the seeded property test instead"; \
	  $(SWIFT) build --product csdash-fuzz && .build/debug/csdash-fuzz --random $(FUZZ_SECONDS) 1; \
	fi

# Compiles Themes/*.yaml into the binary again (Sources/CsdashUI/Theme/ShippedThemes.swift) after editing a theme.
themes: deps
	$(SWIFT) run csdash-themes

# The man page, generated from the same command-line definition as --help (swift-argument-parser's plugin).
man: release
	mkdir -p $(MAN_DIR)
	$(SWIFT) package --allow-writing-to-directory $(MAN_DIR) generate-manual --output-directory $(MAN_DIR)

# Shell completions for bash, zsh and fish, generated by swift-argument-parser.
completions: release
	mkdir -p $(COMPLETIONS_DIR)
	.build/release/csdash --generate-completion-script bash > $(COMPLETIONS_DIR)/csdash
	.build/release/csdash --generate-completion-script zsh > $(COMPLETIONS_DIR)/_csdash
	.build/release/csdash --generate-completion-script fish > $(COMPLETIONS_DIR)/csdash.fish

# PREFIX/bin/csdash, the man page, completions, the sample data and the themes (PREFIX/share/csdash/Themes).
install: release man completions
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/csdash/Themes $(DESTDIR)$(PREFIX)/share/man/man1 \
	  $(DESTDIR)$(PREFIX)/share/bash-completion/completions $(DESTDIR)$(PREFIX)/share/zsh/site-functions \
	  $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d
	install -m 755 .build/release/csdash $(DESTDIR)$(PREFIX)/bin/csdash
	install -m 644 $(MAN_DIR)/csdash.1 $(DESTDIR)$(PREFIX)/share/man/man1/csdash.1
	install -m 644 $(COMPLETIONS_DIR)/csdash $(DESTDIR)$(PREFIX)/share/bash-completion/completions/csdash
	install -m 644 $(COMPLETIONS_DIR)/_csdash $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_csdash
	install -m 644 $(COMPLETIONS_DIR)/csdash.fish $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/csdash.fish
	install -m 644 Themes/*.yaml Themes/README.md $(DESTDIR)$(PREFIX)/share/csdash/Themes/
	rm -rf $(DESTDIR)$(PREFIX)/share/csdash/gloucestershire
	cp -R $(SAMPLE) $(DESTDIR)$(PREFIX)/share/csdash/

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/csdash $(DESTDIR)$(PREFIX)/share/man/man1/csdash.1
	rm -f $(DESTDIR)$(PREFIX)/share/bash-completion/completions/csdash $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_csdash
	rm -f $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/csdash.fish
	rm -rf $(DESTDIR)$(PREFIX)/share/csdash

# A tarball for a machine with ncursesw but no Swift: the binary carries the Swift runtime (--static-swift-stdlib),
# laid out like PREFIX (bin/, share/), so it runs where it is unpacked or can be copied to /usr/local.
dist: man completions
	$(SWIFT) build -c release --product csdash --static-swift-stdlib --scratch-path $(DIST_BUILD)
	rm -rf $(DIST_BUILD)/$(DIST_NAME) && mkdir -p $(DIST_BUILD)/$(DIST_NAME)
	$(MAKE) --no-print-directory install PREFIX= DESTDIR=$(CURDIR)/$(DIST_BUILD)/$(DIST_NAME)
	install -s -m 755 $(DIST_BUILD)/release/csdash $(DIST_BUILD)/$(DIST_NAME)/bin/csdash
	install -m 644 README.md $(DIST_BUILD)/$(DIST_NAME)/README.md
	tar -C $(DIST_BUILD) -czf $(DIST_NAME).tar.gz $(DIST_NAME)
	@echo "csdash: wrote $(DIST_NAME).tar.gz"

# Builds the tarball, then checks it: ldd names no Swift library, and the unpacked binary opens the sample.
# Not part of make test: a cold static build takes several minutes on a small machine.
dist-test: dist
	python3 Tests/e2e/dist_check.py $(DIST_NAME).tar.gz

clean:
	$(SWIFT) package clean
	rm -rf .build .build-fuzz $(DIST_BUILD) csdash-*.tar.gz
