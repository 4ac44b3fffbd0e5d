#!/usr/bin/env python3
"""Validates RCTab summary JSON files (URCVT, jsonFormatVersion 1) with the rcvformats package
(PyPI), the schema and checks that result viewers such as RCVis read summaries with.

    python3 Tests/Differential/urcvt_validate.py SUMMARY.json [...]

rcvformats (0.0.46) publishes one Universal Tabulator schema, the unversioned first one, which
forbids members it does not name: RCTab's own version-1 summaries fail it as they are (for
`jsonFormatVersion`, `summary`, `config.generatedBy`, and each round's `inactiveBallots` and
`threshold`). So each file is checked in two parts:
1. the version-1 members, here: `jsonFormatVersion` is "1", `summary` and each round's
   `inactiveBallots` and `threshold` hold what RCTab writes, every number a plain decimal;
2. the rest, with those members taken out, by rcvformats' SchemaV0: its JSON schema, then its
   logic checks (unique non-empty names, no elimination in the last round, an eliminated
   candidate leaves the tally, votes fall only after a surplus transfer).
Prints one line per file and closes with "urcvt: N passed, M failed"; exits 1 on any failure.
"""
import copy
import json
import re
import sys

from rcvformats.schemas.universaltabulator import SchemaV0

DECIMAL = re.compile(r"^\d*[.]{0,1}\d+$")  # rcvformats' decimal-as-string
INACTIVE = {"overvotes", "skippedRankings", "exhaustedChoices", "repeatedRankings"}


def check_version_1(data):
    """Raises ValueError where the version-1 members are not as RCTab writes them."""
    def decimal(value, where):
        if not isinstance(value, str) or not DECIMAL.match(value):
            raise ValueError(f"{where}: {value!r} is not a decimal string")

    if data.get("jsonFormatVersion") != "1":
        raise ValueError(f"jsonFormatVersion is {data.get('jsonFormatVersion')!r}, not \"1\"")
    if not isinstance(data.get("config", {}).get("generatedBy"), str):
        raise ValueError("config.generatedBy is missing")
    summary = data.get("summary")
    if not isinstance(summary, dict):
        raise ValueError("summary is missing")
    for key in ("finalThreshold", "totalNumBallots"):
        decimal(summary.get(key), f"summary.{key}")
    for key in ("numCandidates", "numWinners", "undervotes"):
        if not isinstance(summary.get(key), int) or summary[key] < 0:
            raise ValueError(f"summary.{key}: {summary.get(key)!r} is not a count")
    for index, result in enumerate(data.get("results", [])):
        where = f"results[{index}]"
        inactive = result.get("inactiveBallots")
        if not isinstance(inactive, dict) or not INACTIVE <= set(inactive) <= INACTIVE | {"finalRoundSurplus"}:
            raise ValueError(f"{where}.inactiveBallots: {inactive!r}")
        for key, value in inactive.items():
            decimal(value, f"{where}.inactiveBallots.{key}")
        decimal(result.get("threshold"), f"{where}.threshold")
        for entry in result.get("tallyResults", []):
            for name, value in entry.get("transfers", {}).items():
                decimal(value, f"{where}.transfers.{name}")
    if data.get("results") and summary["finalThreshold"] != data["results"][-1]["threshold"]:
        raise ValueError("summary.finalThreshold is not the last round's threshold")


def version_0_core(data):
    """The document without the members rcvformats' SchemaV0 does not name."""
    core = copy.deepcopy(data)
    core.pop("jsonFormatVersion", None)
    core.pop("summary", None)
    core.get("config", {}).pop("generatedBy", None)
    for result in core.get("results", []):
        result.pop("inactiveBallots", None)
        result.pop("threshold", None)
    return core


def validate(path):
    with open(path, encoding="utf-8") as source:
        data = json.load(source)
    check_version_1(data)
    schema = SchemaV0()
    if not schema.validate(version_0_core(data)):
        error = str(schema.last_error()).splitlines()[0]
        raise ValueError(f"rcvformats {schema.version()}: {error}")


def main(paths):
    failed = 0
    for path in paths:
        try:
            validate(path)
            print(f"ok {path}")
        except (OSError, ValueError, KeyError) as error:
            failed += 1
            print(f"FAILED {path}: {error}")
    print(f"urcvt: {len(paths) - failed} passed, {failed} failed")
    return 1 if failed or not paths else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
