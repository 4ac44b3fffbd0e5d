#!/usr/bin/env python3
"""Differential test of Plenum's voting methods against independent Python implementations:
pref_voting (single-winner and STV), abcvoting (approval committees) and pabutools (participatory
budgeting), on random profiles from a fixed seed.

    python3 Tests/Differential/differential.py --plenum .build/debug/plenum [--profiles 300] [--seed 1]

For each profile it writes a Plenum JSON ballot file, runs `plenum tally FILE --method M --json`,
and compares what both sides promise:
- irresolute methods (pref_voting returns every winner the method cannot separate): Plenum's
  unbroken top group (`ranking[0]`) must equal pref_voting's winner set; where Plenum elects with
  its tie-break order only, its winner must belong to that set;
- methods whose tie rules are a documented convention difference (listed in CONVENTIONS) are
  held to the weaker promise, with the reason printed;
- committees and funded sets must be equal when neither side met a tie.
Any other disagreement fails the run (exit 1) and prints the profile.
"""
import argparse
import json
import os
import random
import signal
import subprocess
import sys
import tempfile

# Methods where Plenum settles ties that the Python side reports (or settles differently), so only
# "Plenum's winner is among the oracle's winners" is required; the reason is printed in the summary.
CONVENTIONS = {
    "instant-runoff": "pref_voting's instant_runoff_put returns every parallel-universe winner; Plenum breaks "
                      "elimination ties by earlier rounds, then its tie-break order",
    "ranked-pairs": "pref_voting's ranked_pairs returns the winners under every order of equal margins; Plenum "
                    "orders equal margins by fewer opposing votes, then locks equal victories together, skipping "
                    "any that would close a cycle (see docs/methods.md)",
    "star": "pref_voting's star returns every winner of a tied scoring round; Plenum applies the Equal Vote "
            "tie-breaking protocol",
    "majority-judgment": "pref_voting breaks majority-judgment ties by its own tiebreaker; Plenum uses Balinski "
                         "and Laraki's majority ranking, then its tie-break order",
}


class Disagreement(Exception):
    pass


class OracleTimeout(Exception):
    pass


def bounded(oracle, seconds=20):
    """Runs an oracle call with a time limit: some Python implementations enumerate every
    tie-breaking order (pref_voting's ranked_pairs on profiles with many equal margins) and can take
    exponential time. A call that runs out of time is skipped and counted, not failed."""
    def expired(_signum, _frame):
        raise OracleTimeout()
    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    try:
        return oracle()
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def tally(plenum, path, method, extra=()):
    result = subprocess.run([plenum, "tally", path, "--method", method, "--json", *extra],
                            capture_output=True, text=True)
    if result.returncode != 0:
        raise Disagreement(f"plenum tally failed for {method}: {result.stderr.strip()}")
    return json.loads(result.stdout)


def write(folder, index, document):
    path = os.path.join(folder, f"profile-{index}.json")
    with open(path, "w") as out:
        json.dump(document, out)
    return path


def random_rankings(rng, names, voters):
    """Strict full rankings drawn around a few 'factions', so that Condorcet winners, cycles and
    ties all occur."""
    factions = [rng.sample(names, len(names)) for _ in range(rng.randint(1, 3))]
    ballots = []
    for _ in range(voters):
        ranking = list(rng.choice(factions))
        for _ in range(rng.randint(0, 2)):
            i = rng.randrange(len(ranking) - 1)
            ranking[i], ranking[i + 1] = ranking[i + 1], ranking[i]
        ballots.append(ranking)
    return ballots


def check_ranked(plenum, rng, folder, index, counts):
    from pref_voting.profiles import Profile
    from pref_voting import scoring_methods as sm, iterative_methods as im, c1_methods as c1
    from pref_voting import margin_based_methods as mb, proportional_methods as pm

    m = rng.randint(3, 6)
    names = [f"C{i}" for i in range(m)]
    ballots = random_rankings(rng, names, rng.randint(3, 40))
    path = write(folder, index, {"candidates": names, "ballots": [{"ranking": b} for b in ballots]})
    profile = Profile([[names.index(c) for c in b] for b in ballots], cmap={i: n for i, n in enumerate(names)})

    oracles = {
        "plurality": sm.plurality, "borda": sm.borda, "copeland": c1.copeland, "minimax": mb.minimax,
        "schulze": mb.beat_path, "ranked-pairs": mb.ranked_pairs, "instant-runoff": im.instant_runoff_put,
    }
    for method, oracle in oracles.items():
        outcome = tally(plenum, path, method)
        try:
            expected = {names[c] for c in bounded(lambda: oracle(profile))}
        except OracleTimeout:
            counts[f"{method} (oracle timed out, skipped)"] = counts.get(f"{method} (oracle timed out, skipped)", 0) + 1
            continue
        compare(method, outcome, expected, path, counts)

    # STV: pref_voting's stv_scottish (exact rule set) and stv_meek (floating point); compared when
    # Plenum met no tie settled by its order (the oracles draw lots differently).
    seats = rng.randint(2, max(2, m - 1))
    for method, oracle in (("scottish-stv", pm.stv_scottish), ("meek-stv", pm.stv_meek)):
        outcome = tally(plenum, path, method, ["--seats", str(seats)])
        if outcome["ties"]:
            counts["skipped (tie settled by order)"] = counts.get("skipped (tie settled by order)", 0) + 1
            continue
        expected = {names[c] for c in oracle(profile, num_seats=seats)}
        got = {outcome["candidates"][c] for c in outcome["winners"]}
        if got != expected:
            raise Disagreement(f"{method} with {seats} seats: plenum elects {sorted(got)}, "
                               f"pref_voting {sorted(expected)} ({path})")
        counts[method] = counts.get(method, 0) + 1


def compare(method, outcome, expected, path, counts):
    top = {outcome["candidates"][c] for c in (outcome["ranking"][0] if outcome["ranking"] else outcome["winners"])}
    winner = {outcome["candidates"][c] for c in outcome["winners"]}
    if top == expected:
        counts[method] = counts.get(method, 0) + 1
        return
    if method in CONVENTIONS and winner <= expected and not outcome["ranking"]:
        counts[method + " (convention)"] = counts.get(method + " (convention)", 0) + 1
        return
    if method in CONVENTIONS and winner <= expected:
        counts[method + " (convention)"] = counts.get(method + " (convention)", 0) + 1
        return
    raise Disagreement(f"{method}: plenum's top group {sorted(top)} (winner {sorted(winner)}), "
                       f"oracle {sorted(expected)} ({path})")


def check_cardinal(plenum, rng, folder, index, counts):
    from pref_voting.grade_profiles import GradeProfile
    from pref_voting import grade_methods as gm

    m = rng.randint(2, 6)
    names = [f"C{i}" for i in range(m)]
    voters = rng.randint(3, 30)
    rows = [{c: rng.randint(0, 5) for c in names} for _ in range(voters)]
    path = write(folder, index, {"candidates": names, "ballots": [{"scores": r} for r in rows]})
    grades = GradeProfile(rows, [0, 1, 2, 3, 4, 5], candidates=names)
    for method, oracle in (("score", gm.score_voting), ("star", gm.star),
                           ("majority-judgment", gm.majority_judgement)):
        extra = ["--param", "grades=g0,g1,g2,g3,g4,g5"] if method == "majority-judgment" else []
        outcome = tally(plenum, path, method, extra)
        compare(method, outcome, set(oracle(grades)), path, counts)

    approvals = [[c for c in names if rng.random() < 0.4] for _ in range(voters)]
    path = write(folder, f"{index}-approval", {"candidates": names, "ballots": [{"approve": a} for a in approvals]})
    approval_grades = GradeProfile([{c: int(c in a) for c in names} for a in approvals], [0, 1], candidates=names)
    compare("approval", tally(plenum, path, "approval"), set(gm.approval(approval_grades)), path, counts)


def check_committee(plenum, rng, folder, index, counts):
    """Approval committees against abcvoting (resolute, whose ties go to the smallest index, as
    Plenum's default tie-break order does)."""
    from abcvoting.preferences import Profile as ABCProfile, Voter
    from abcvoting import abcrules

    m = rng.randint(3, 8)
    names = [f"C{i}" for i in range(m)]
    seats = rng.randint(1, m - 1)
    ballots = [(sorted(rng.sample(range(m), rng.randint(1, m))), rng.randint(1, 3)) for _ in range(rng.randint(3, 25))]
    path = write(folder, index, {"candidates": names, "seats": seats,
                                 "ballots": [{"approve": [names[c] for c in a], "weight": w} for a, w in ballots]})
    profile = ABCProfile(m)
    for approved, weight in ballots:
        profile.add_voter(Voter(approved, weight=weight))
    oracles = {
        "pav": lambda: abcrules.compute_pav(profile, seats, algorithm="brute-force", resolute=True),
        "seq-pav": lambda: abcrules.compute_seqpav(profile, seats, resolute=True),
        "seq-phragmen": lambda: abcrules.compute_seqphragmen(profile, seats, algorithm="standard-fractions",
                                                             resolute=True),
        "equal-shares": lambda: abcrules.compute_equal_shares(profile, seats, algorithm="standard-fractions",
                                                              resolute=True),
    }
    for method, oracle in oracles.items():
        outcome = tally(plenum, path, method)
        got = sorted(outcome["winners"])
        expected = sorted(oracle()[0])
        if got != expected:
            raise Disagreement(f"{method} with {seats} seats: plenum {got}, abcvoting {expected} ({path})")
        counts[method] = counts.get(method, 0) + 1


def check_budgeting(plenum, rng, folder, index, counts):
    """Participatory budgeting against pabutools: greedy by approvals and the method of equal shares
    with cost utility (no completion, and pabutools' add1). Projects are named p00, p01, ... so that
    pabutools' name order is Plenum's candidate order."""
    from pabutools.election import Instance, Project, ApprovalProfile, ApprovalBallot, Cost_Sat
    from pabutools.rules import greedy_utilitarian_welfare, method_of_equal_shares

    m = rng.randint(2, 8)
    names = [f"p{i:02d}" for i in range(m)]
    costs = [rng.randint(1, 10) * 10 for _ in range(m)]
    total = rng.randint(max(costs), sum(costs))
    voters = [sorted(rng.sample(range(m), rng.randint(1, m))) for _ in range(rng.randint(3, 20))]
    path = write(folder, index, {"candidates": names, "budget": {"total": total, "costs": dict(zip(names, costs))},
                                 "ballots": [{"approve": [names[c] for c in a]} for a in voters]})
    projects = [Project(n, c) for n, c in zip(names, costs)]
    instance = Instance(projects, budget_limit=total)
    profile = ApprovalProfile([ApprovalBallot([projects[c] for c in a]) for a in voters])
    runs = [
        ("pb-greedy", [], lambda: greedy_utilitarian_welfare(instance, profile, sat_class=Cost_Sat)),
        ("pb-equal-shares", ["--param", "completion=none"],
         lambda: method_of_equal_shares(instance, profile, sat_class=Cost_Sat)),
        ("pb-equal-shares", ["--param", "add1-convention=pabutools"],
         lambda: method_of_equal_shares(instance, profile, sat_class=Cost_Sat, voter_budget_increment=1)),
    ]
    for method, extra, oracle in runs:
        outcome = tally(plenum, path, method, extra)
        got = sorted(outcome["candidates"][c] for c in outcome["winners"])
        expected = sorted(p.name for p in oracle())
        label = method + (" " + extra[1] if extra else "")
        if got != expected:
            raise Disagreement(f"{label}: plenum funds {got}, pabutools {expected} ({path})")
        counts[label] = counts.get(label, 0) + 1


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--plenum", required=True)
    parser.add_argument("--profiles", type=int, default=300)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    counts = {}
    failures = []
    with tempfile.TemporaryDirectory() as folder:
        for index in range(args.profiles):
            for check in (check_ranked, check_cardinal, check_committee, check_budgeting):
                try:
                    check(args.plenum, rng, folder, f"{check.__name__}-{index}", counts)
                except Disagreement as error:
                    with open(str(error).rsplit("(", 1)[-1].rstrip(")")) if str(error).endswith(".json)") else \
                            open(os.devnull) as source:
                        failures.append(f"{error}\n    {source.read()[:2000]}")
    for method in sorted(counts):
        verb = "profiles" if "skipped" in method else "profiles agree"
        print(f"{method}: {counts[method]} {verb}")
    for method, reason in CONVENTIONS.items():
        print(f"convention ({method}): {reason}")
    for failure in failures:
        print("DISAGREEMENT:", failure)
    skipped = sum(n for key, n in counts.items() if "skipped" in key)
    passed = sum(counts.values()) - skipped
    print(f"differential: {passed} passed, {len(failures)} failed, {skipped} skipped")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
