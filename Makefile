# The set-up contract: `make run` and `make test` do everything on a fresh Debian 12 machine as root.
.PHONY: deps build run test test-unit sanitize test-sanitize fuzz tsan bench clean

BUILD ?= build
JOBS ?= $(shell nproc)
DATABASE ?= var/fabrique.db
LISTEN ?= 127.0.0.1:8080
# One clang build with AddressSanitizer and UndefinedBehaviorSanitizer holds the unit and integration tests
# and the fuzz targets; ThreadSanitizer needs a build of its own.
SANITIZE_BUILD ?= build-sanitize
TSAN_BUILD ?= build-tsan
FUZZ_SECONDS ?= 60
# The tests that run threads at once: the server's io_contexts and stop(), concurrent registrations and
# migrations, the connection pool, Markdown rendered from several threads, hostile clients, the mail sender.
TSAN_INTEGRATION_TESTS ?= HttpServer*:Storage.Concurrent*:Events.TwentyConcurrent*:HostileClient.*:Mail.TheSendersThread*
TSAN_UNIT_TESTS ?= Markdown.Concurrent*:Migrations.Concurrent*:SqliteDatabase.Pool*:SqliteDatabase.ReadersThroughTheKeptMap*

deps:
	@bash scripts/install-deps.sh

$(BUILD)/CMakeCache.txt:
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release

build: $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) -j $(JOBS)

run: deps build
	@bash scripts/run.sh $(BUILD)/fabrique $(DATABASE) $(LISTEN)

# Every test: the release build's suites (unit, integration on PostgreSQL, command line, several nodes,
# faults, browser), then the unit and integration tests on SQLite under AddressSanitizer and
# UndefinedBehaviorSanitizer, and each fuzz target for FUZZ_CI_SECONDS from its committed corpus. The
# integration tests on SQLite (label integration) are not run on the release build as well: that run
# repeated the sanitizers' one unchecked, for about 170 s of the 25 minutes `make test` has (`make
# test-unit` still runs them there). Two tests at once, on two cores. Three were tried (the long scripts
# mostly wait): the faults test's write during a held lock then waited over its 40 s, queued behind the
# mix's writes on a busier machine.
test: deps build sanitize
	cd $(BUILD) && ctest --output-on-failure -j 2 -LE '^integration$$'
	cd $(SANITIZE_BUILD) && ctest --output-on-failure -j 2 -L '^(unit|integration|fuzz)$$' -LE postgres

test-unit: deps build
	cd $(BUILD) && ctest --output-on-failure -j 2 -L '^(unit|integration)$$' -LE postgres

$(SANITIZE_BUILD)/CMakeCache.txt:
	CC=clang CXX=clang++ cmake -S . -B $(SANITIZE_BUILD) -DCMAKE_BUILD_TYPE=Sanitize \
	  -DFABRIQUE_SANITIZE=address,undefined -DFABRIQUE_FUZZ=ON

sanitize: $(SANITIZE_BUILD)/CMakeCache.txt
	cmake --build $(SANITIZE_BUILD) -j $(JOBS) --target unit_tests integration_tests fuzzers

test-sanitize: deps sanitize
	cd $(SANITIZE_BUILD) && ctest --output-on-failure -j 2 -L '^(unit|integration|fuzz)$$' -LE postgres

# Each fuzz target for FUZZ_SECONDS, from its committed corpus; what it finds stays in $(SANITIZE_BUILD)/fuzz/.
fuzz: deps sanitize
	@for t in $(SANITIZE_BUILD)/fuzz/fuzz_*; do \
	  name=$${t##*/fuzz_}; \
	  bash scripts/fuzz.sh $$t fuzz/corpus/$$name $(SANITIZE_BUILD)/fuzz/found/$$name $(FUZZ_SECONDS) || exit 1; \
	done

$(TSAN_BUILD)/CMakeCache.txt:
	CC=clang CXX=clang++ cmake -S . -B $(TSAN_BUILD) -DCMAKE_BUILD_TYPE=Sanitize -DFABRIQUE_SANITIZE=thread

# ThreadSanitizer over the concurrency tests (not part of `make test`: a third build).
tsan: deps $(TSAN_BUILD)/CMakeCache.txt
	cmake --build $(TSAN_BUILD) -j $(JOBS) --target unit_tests integration_tests
	TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1 $(TSAN_BUILD)/tests/unit_tests --gtest_filter='$(TSAN_UNIT_TESTS)'
	TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1 $(TSAN_BUILD)/tests/integration_tests \
	  --gtest_filter='$(TSAN_INTEGRATION_TESTS)'

# fabrique against nginx on a few pages under load (bench/run.sh), then every page's uncached cost
# (bench/crawl.sh, which also draws bench/crawl.svg), then the mixed run of visitors, members and writes
# (bench/mixed.sh). BENCH_SCALE=5 for issue #20's large programme; BENCH_SCALES="1 5" compares them.
bench: deps build
	bash bench/run.sh $(BUILD)
	bash bench/crawl.sh $(BUILD)
	bash bench/mixed.sh $(BUILD)

clean:
	rm -rf $(BUILD) $(SANITIZE_BUILD) $(TSAN_BUILD)
