#!/usr/bin/env python3
"""Times pref_voting (the Python reference implementation) on the same PrefLib files that
`plenum-benchmarks counting` counts, for the ratio in docs/performance.md.

    python Benchmarks/pref_voting_times.py FILE.soc [--timeout 300]

Prints one JSON object: {"load": seconds, "methods": {plenum-name: seconds or null if it timed out}}.
The time to read the file is reported apart from counting, as Plenum's benchmark does; each method
is timed once (they take seconds, not microseconds).
"""
import argparse
import json
import signal
import sys
import time


class TimedOut(Exception):
    pass


def alarm(_signum, _frame):
    raise TimedOut()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("file")
    parser.add_argument("--timeout", type=int, default=300)
    args = parser.parse_args()

    from pref_voting.io.readers import preflib_to_profile
    from pref_voting import scoring_methods as sm, iterative_methods as im, c1_methods as c1
    from pref_voting import margin_based_methods as mb

    start = time.perf_counter()
    profile = preflib_to_profile(args.file)
    load = time.perf_counter() - start

    methods = {
        "plurality": sm.plurality, "borda": sm.borda, "instant-runoff": im.instant_runoff,
        "copeland": c1.copeland, "minimax": mb.minimax, "schulze": mb.beat_path, "ranked-pairs": mb.ranked_pairs,
    }
    times = {}
    signal.signal(signal.SIGALRM, alarm)
    for name, method in methods.items():
        signal.alarm(args.timeout)
        try:
            start = time.perf_counter()
            method(profile)
            times[name] = time.perf_counter() - start
        except TimedOut:
            times[name] = None
        finally:
            signal.alarm(0)
    json.dump({"load": load, "methods": times}, sys.stdout)
    print()


if __name__ == "__main__":
    main()
