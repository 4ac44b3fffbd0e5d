# Plenum's two set-up commands on a fresh Debian machine with Swift 6:
#   make run    builds and runs plenum (for now: its help, and `plenum key new` makes a key)
#   make test   runs every test
# Both first install the Debian packages the build links against, when they are missing.

SWIFT ?= swift
DEBIAN_PACKAGES := libsodium-dev libsqlite3-dev pkg-config
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run test deps lint bench bench-foundation format

deps:
	@missing=""; for p in $(DEBIAN_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing$$missing"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq $$missing; \
	fi

run: deps
	$(SWIFT) run plenum $(ARGS)

test: deps
	$(SWIFT) test

lint:
	$(SWIFT) format lint --strict --recursive Package.swift Sources Tests

format:
	$(SWIFT) format --in-place --recursive Package.swift Sources Tests

bench: bench-foundation

bench-foundation: deps
	$(SWIFT) run -c release plenum-benchmarks foundation
