# csdash: make run (open the dashboard on the sample data), make test (every test).
PREFIX ?= /usr/local
SWIFT ?= swift
SAMPLE := sample-data/gloucestershire
DEBUG_BIN := .build/debug/csdash
# Debian packages the build and the end-to-end tests need.
APT_PACKAGES := libncursesw5-dev tmux python3

.PHONY: all deps build release run wall test unit-test e2e-test bench fuzz install uninstall clean sample-data bench-import

all: build

# Installs what is missing with apt-get when run as root; otherwise prints the exact command.
deps:
	@missing=""; \
	if [ ! -f /usr/include/ncurses.h ] && [ ! -f /usr/include/ncursesw/ncurses.h ]; then missing="$$missing libncursesw5-dev"; fi; \
	command -v tmux >/dev/null 2>&1 || missing="$$missing tmux"; \
	command -v python3 >/dev/null 2>&1 || missing="$$missing python3"; \
	command -v pgrep >/dev/null 2>&1 || missing="$$missing procps"; \
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

unit-test: deps
	$(SWIFT) test

e2e-test: build
	python3 Tests/e2e/run.py $(DEBUG_BIN)

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
	  echo "csdash: this toolchain cannot build with -sanitize=fuzzer; running the seeded property test instead"; \
	  $(SWIFT) build --product csdash-fuzz && .build/debug/csdash-fuzz --random $(FUZZ_SECONDS) 1; \
	fi

install: release
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/csdash
	install -m 755 .build/release/csdash $(DESTDIR)$(PREFIX)/bin/csdash
	cp -R $(SAMPLE) $(DESTDIR)$(PREFIX)/share/csdash/
	cp -R Themes $(DESTDIR)$(PREFIX)/share/csdash/

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/csdash
	rm -rf $(DESTDIR)$(PREFIX)/share/csdash

clean:
	$(SWIFT) package clean
	rm -rf .build .build-fuzz
