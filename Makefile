# The set-up contract: `make run` and `make test` do everything on a fresh Debian 12 machine as root.
.PHONY: deps build run test test-unit test-browser bench clean

BUILD ?= build
JOBS ?= $(shell nproc)
DATABASE ?= var/fabrique.db
LISTEN ?= 127.0.0.1:8080

deps:
	@bash scripts/install-deps.sh

$(BUILD)/CMakeCache.txt:
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release

build: $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) -j $(JOBS)

run: deps build
	@bash scripts/run.sh $(BUILD)/fabrique $(DATABASE) $(LISTEN)

test: deps build
	cd $(BUILD) && ctest --output-on-failure -j 2

bench: deps build
	bash bench/run.sh

clean:
	rm -rf $(BUILD)
