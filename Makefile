# Thin wrapper: every target does its own set-up on a fresh Debian 12 machine.
#   make run    build and run the product
#   make test   build and run every test (also under AddressSanitizer + UBSan, then the browser)
#   make e2e    browser tests of the web application against the release build
#   make bench  build and run the benchmarks (figures go in docs/performance.md)
#   make test-security  sqlmap, wapiti and header checks against the demo server (docs/security.md)
#   make fuzz   run every fuzz target FUZZ_SECONDS (default 600) each (docs/security.md)
.PHONY: run test e2e bench test-security fuzz deps build build-web build-asan format format-check clean

BUILD ?= build
ASAN_BUILD ?= build-asan
CMAKE_FLAGS ?=

deps:
	@scripts/install-deps

build: deps
	@cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Release $(CMAKE_FLAGS) >/dev/null
	@cmake --build $(BUILD)
	@$(MAKE) --no-print-directory build-web

# The web application needs Node.js; without it the server still builds and serves its API.
build-web:
	@if command -v node >/dev/null 2>&1; then scripts/build-web; \
	else echo "make: Node.js not found, web/dist not built (README: Web application)" >&2; fi

build-asan: deps
	@cmake -S . -B $(ASAN_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Debug -DMOTCUA_SANITIZE=ON \
	  -DMOTCUA_BUILD_BENCH=OFF $(CMAKE_FLAGS) >/dev/null
	@cmake --build $(ASAN_BUILD)

run: build
	@scripts/run-product $(BUILD)

# Two test processes at a time (the suites are independent; ha_tests runs alone by its RUN_SERIAL
# property): the whole run stays well inside the CI's time on a 2-core machine.
CTEST_JOBS ?= 2

test: build build-asan format-check
	@echo "== tests (release build)"
	@cd $(BUILD) && ctest --output-on-failure --timeout 600 -j$(CTEST_JOBS)
	@echo "== tests (AddressSanitizer + UndefinedBehaviorSanitizer)"
	@cd $(ASAN_BUILD) && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
	  LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp \
	  ctest --output-on-failure --timeout 900 -j$(CTEST_JOBS)
	@$(MAKE) --no-print-directory e2e

# Browser tests (Debian chromium + playwright-core) against $(BUILD)/motcua; last, as their
# closing "N passed, N failed" line is the run's last word.
e2e: build
	@echo "== browser tests (tests/e2e)"
	@scripts/test-e2e $(BUILD)

bench: build
	@scripts/run-benchmarks $(BUILD)

# Scanners against the demo server (about three minutes on 2 cores, so not part of `make test`).
test-security: build
	@scripts/test-security $(BUILD)

format:
	@git ls-files '*.cpp' '*.hpp' | xargs clang-format -i

format-check: deps
	@git ls-files '*.cpp' '*.hpp' | xargs clang-format --dry-run --Werror

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) build-fuzz

# Long fuzzing runs (fuzz/, scripts/fuzz): FUZZ_SECONDS per target, corpora kept in
# build-fuzz/corpus/ from one run to the next; FUZZ_JOBS targets at once.
FUZZ_SECONDS ?= 600
fuzz: deps
	@FUZZ_SECONDS=$(FUZZ_SECONDS) scripts/fuzz long
