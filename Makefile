# Plenum's two set-up commands on a fresh Debian machine with Swift 6:
#   make run    builds plenum and serves a demo organization (plenum demo) at http://127.0.0.1:8080
#   make test   runs every test
# Both first install the Debian packages the build links against, when they are missing.

SWIFT ?= swift
DEBIAN_PACKAGES := libsodium-dev libsqlite3-dev pkg-config
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run test deps lint walkthrough openapi bench bench-foundation bench-counting bench-rctab bench-ingest bench-audit format differential oracles urcvt audit-independent web-e2e

deps:
	@missing=""; for p in $(DEBIAN_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing$$missing"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq $$missing; \
	fi

ARGS ?= demo

run: deps
	$(SWIFT) run plenum $(ARGS)

# Runs the README's walkthrough (the ```sh walkthrough block) as written, in an empty folder, with
# the built plenum on the PATH.
WALKTHROUGH := .build/walkthrough

walkthrough: deps
	$(SWIFT) build --product plenum
	@rm -rf $(WALKTHROUGH) && mkdir -p $(WALKTHROUGH)
	@awk '/^```sh walkthrough$$/ {on=1; next} /^```$$/ {on=0} on' README.md > $(WALKTHROUGH)/walkthrough.sh
	@cd $(WALKTHROUGH) && PATH="$$($(SWIFT) build --show-bin-path):$$PATH" \
	  bash -c 'set -euo pipefail; trap "jobs -p | xargs -r kill 2>/dev/null" EXIT; . ./walkthrough.sh'

test: deps
	$(SWIFT) test

# The Python implementations the differential test compares with (PyPI), in a virtual
# environment under .build-oracles/ (git-ignored); rcvformats validates RCTab summaries (URCVT).
ORACLES := .build-oracles/venv
ORACLE_PACKAGES := pref_voting==1.18.2 abcvoting==2.19.2 pabutools==1.2.3 rcvformats==0.0.46

oracles:
	@[ -x $(ORACLES)/bin/python ] || python3 -m venv $(ORACLES)
	@$(ORACLES)/bin/python -c "import pref_voting, abcvoting, pabutools, rcvformats" 2>/dev/null || \
	  $(ORACLES)/bin/pip install -q $(ORACLE_PACKAGES)

# Summaries written by `plenum tally ... --rctab-summary` (the hand-checked contest, and Scottish
# wards from ../shared when present), then RCTab's own Minneapolis mayor summary as a control, all
# validated as URCVT by rcvformats.
URCVT := .build/urcvt
URCVT_WARDS := $(wildcard ../shared/ballots/scottish/angus_2022_ward4.blt ../shared/ballots/scottish/aberdeen_2022_ward13.blt)
URCVT_CONTROL := $(wildcard ../shared/ballots/rctab/2013_minneapolis_mayor/2013_minneapolis_mayor_expected_detailed_report.json)

differential: deps oracles urcvt
	$(SWIFT) build --product plenum
	$(ORACLES)/bin/python Tests/Differential/differential.py --plenum "$$($(SWIFT) build --show-bin-path)/plenum"

urcvt: deps oracles
	$(SWIFT) build --product plenum
	@rm -rf $(URCVT) && mkdir -p $(URCVT)
	@plenum="$$($(SWIFT) build --show-bin-path)/plenum"; \
	for file in Tests/Differential/urcvt_small.blt $(URCVT_WARDS); do \
	  name=$$(basename $$file .blt); \
	  for method in instant-runoff scottish-stv; do \
	    "$$plenum" tally $$file --method $$method --rctab-summary --output $(URCVT)/$$name-$$method.json >/dev/null \
	      || exit 1; \
	  done; \
	  "$$plenum" tally $$file --method meek-stv --seats 1 --rctab-summary --output $(URCVT)/$$name-meek-stv.json \
	    >/dev/null || exit 1; \
	done
	$(ORACLES)/bin/python Tests/Differential/urcvt_validate.py $(URCVT)/*.json $(URCVT_CONTROL)

lint:
	$(SWIFT) format lint --strict --recursive Package.swift Sources Tests

format:
	$(SWIFT) format --in-place --recursive Package.swift Sources Tests

bench: bench-foundation bench-counting bench-rctab

bench-foundation: deps
	$(SWIFT) run -c release plenum-benchmarks foundation

bench-counting: deps oracles
	@[ -f Ballots/generated/stv-20.blt ] || python3 Ballots/generate.py
	$(SWIFT) run -c release plenum-benchmarks counting Ballots/generated --compare $(ORACLES)/bin/python

bench-rctab: deps
	$(SWIFT) run -c release plenum-benchmarks rctab ../shared/ballots/rctab

# Signed ballots over HTTP into the in-process service (file database, synchronous=FULL): 100,000
# voters, 64 keep-alive connections, against libsodium's verification rate on every core measured
# in the same run. INGEST_ARGS="--quick" for 10,000 voters.
bench-ingest: deps
	$(SWIFT) build -c release --product plenum-benchmarks
	"$$($(SWIFT) build -c release --show-bin-path)/plenum-benchmarks" ingest $(INGEST_ARGS)

# A record of 1,000,000 ballots (generated once under .build/benchmarks/, 1.7 GB) verified as
# `plenum audit verify` does, beside libsodium's verification ceiling. AUDIT_ARGS: --voters N,
# --ballots N, --threads N, --record PATH.
bench-audit: deps
	$(SWIFT) build -c release --product plenum-benchmarks
	"$$($(SWIFT) build -c release --show-bin-path)/plenum-benchmarks" audit $(AUDIT_ARGS)

# docs/openapi.yaml checked against the OpenAPI 3.1 schema (openapi-spec-validator from PyPI).
openapi: oracles
	@$(ORACLES)/bin/python -c "import openapi_spec_validator" 2>/dev/null || $(ORACLES)/bin/pip install -q openapi-spec-validator==0.7.1
	$(ORACLES)/bin/openapi-spec-validator docs/openapi.yaml

# An independent check of the audit record format: Tests/Audit/verify_record.py, written from
# docs/audit-record.md and docs/protocol.md alone (PyNaCl from PyPI), must verify the record that
# `plenum audit export` writes for the demo's closed round, and must refuse a copy of it with one
# byte of a ballot flipped.
AUDIT_INDEPENDENT := .build/audit-independent

audit-independent: deps oracles
	@$(ORACLES)/bin/python -c "import nacl; assert nacl.__version__ == '1.6.2'" 2>/dev/null || \
	  $(ORACLES)/bin/pip install -q pynacl==1.6.2
	$(SWIFT) build --product plenum
	@rm -rf $(AUDIT_INDEPENDENT) && mkdir -p $(AUDIT_INDEPENDENT)
	@set -eu; dir=$(AUDIT_INDEPENDENT); plenum="$$($(SWIFT) build --show-bin-path)/plenum"; \
	port=$$($(ORACLES)/bin/python -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'); \
	client="--key-file $$dir/keys/eve.key --server http://127.0.0.1:$$port"; \
	"$$plenum" demo --db $$dir/demo.sqlite --keys $$dir/keys --port $$port >$$dir/server.log 2>&1 & pid=$$!; \
	trap 'kill $$pid 2>/dev/null || true' EXIT; \
	for i in $$(seq 1 100); do \
	  "$$plenum" round list $$client >$$dir/rounds.txt 2>/dev/null && break; \
	  kill -0 $$pid 2>/dev/null || { cat $$dir/server.log; exit 1; }; sleep 0.2; \
	done; \
	round=$$(awk '$$2 == "[closed]" { print $$1; exit }' $$dir/rounds.txt); \
	[ -n "$$round" ] || { echo "no closed round in:"; cat $$dir/rounds.txt; exit 1; }; \
	"$$plenum" audit export $$round --output $$dir/record.jsonl $$client; \
	kill $$pid 2>/dev/null || true; wait $$pid 2>/dev/null || true; \
	$(ORACLES)/bin/python Tests/Audit/verify_record.py $$dir/record.jsonl; \
	$(ORACLES)/bin/python -c 'import base64, json, sys; \
	  lines = open(sys.argv[1]).readlines(); \
	  d = lambda s: bytearray(base64.urlsafe_b64decode(s + "=" * (-len(s) % 4))); \
	  i = next(i for i, l in enumerate(lines) if b"plenum/v1/ballot.cast\0" in d(json.loads(l).get("entry", ""))); \
	  o = json.loads(lines[i]); e = d(o["entry"]); e[-2] ^= 1; \
	  o["entry"] = base64.urlsafe_b64encode(e).decode().rstrip("="); \
	  lines[i] = json.dumps(o, separators=(",", ":")) + "\n"; \
	  open(sys.argv[2], "w").writelines(lines); print("tampered: flipped a byte of the ballot on line", i + 1)' \
	  $$dir/record.jsonl $$dir/tampered.jsonl; \
	$(ORACLES)/bin/python Tests/Audit/verify_record.py --expect-fail $$dir/tampered.jsonl

# The web pages end to end (issue 8): Tests/Web/e2e.py drives Debian's chromium headless through
# chromium-driver and Selenium (PyPI), against `plenum init` + `plenum serve` in a folder under
# .build/web-e2e/; screenshots go to .build/web-screenshots/. Tests/Web/unit.mjs checks the
# browser's bytes (canonical JSON, signatures, RFC 9162 proofs) with Node when it is installed.
WEB_PACKAGES := chromium chromium-driver
SELENIUM := selenium==4.51.0

web-e2e: deps oracles
	@missing=""; for p in $(WEB_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing$$missing"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq $$missing; \
	fi
	@$(ORACLES)/bin/python -c "import selenium; assert selenium.__version__ == '4.51.0'" 2>/dev/null || \
	  $(ORACLES)/bin/pip install -q $(SELENIUM)
	@if command -v node >/dev/null; then node Tests/Web/unit.mjs; fi
	$(SWIFT) build --product plenum
	$(ORACLES)/bin/python Tests/Web/e2e.py --plenum "$$($(SWIFT) build --show-bin-path)/plenum"
