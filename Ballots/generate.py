#!/usr/bin/env python3
"""Writes the large synthetic ballot files the benchmarks count (not committed: they are made
again, identically, from a fixed seed).

    python3 Ballots/generate.py [--out Ballots/generated] [--voters 1000000]

Files (PrefLib format, so that Plenum and pref_voting read the very same bytes; BLT for STV):
- uniform-10.soc     strict full rankings of 10 candidates, each ordering equally likely
                     (almost every ballot distinct: the worst case for merging)
- mallows-10.soc     Mallows model around 0..9 with dispersion 0.5 (heavy duplication, a
                     realistic electorate with a consensus order and local disagreements)
- stv-20.blt         20 candidates, 5 seats, truncated rankings (1 to 20 preferences, Mallows
                     with dispersion 0.7 around a random reference order)
"""
import argparse
import os
import random
from collections import Counter


def mallows(rng, m, phi, reference):
    """One ranking from the Mallows model by repeated insertion (Doignon et al. 2004)."""
    ranking = []
    for i, candidate in enumerate(reference):
        # insert at position j (0..i) with probability proportional to phi^(i - j)
        weights = [phi ** (i - j) for j in range(i + 1)]
        total = sum(weights)
        x = rng.random() * total
        j = 0
        while x > weights[j]:
            x -= weights[j]
            j += 1
        ranking.insert(j, candidate)
    return tuple(ranking)


def write_soc(path, title, m, counter, voters):
    with open(path, "w") as out:
        out.write(f"# FILE NAME: {os.path.basename(path)}\n")
        out.write(f"# TITLE: {title}\n")
        out.write("# DATA TYPE: soc\n")
        out.write(f"# NUMBER ALTERNATIVES: {m}\n")
        out.write(f"# NUMBER VOTERS: {voters}\n")
        out.write(f"# NUMBER UNIQUE ORDERS: {len(counter)}\n")
        for c in range(m):
            out.write(f"# ALTERNATIVE NAME {c + 1}: Candidate {c + 1}\n")
        for ranking, count in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0])):
            out.write(f"{count}: " + ",".join(str(c + 1) for c in ranking) + "\n")


def write_blt(path, title, m, seats, counter):
    with open(path, "w") as out:
        out.write(f"{m} {seats}\n")
        for ranking, count in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0])):
            out.write(f"{count} " + " ".join(str(c + 1) for c in ranking) + " 0\n")
        out.write("0\n")
        for c in range(m):
            out.write(f'"Candidate {c + 1}"\n')
        out.write(f'"{title}"\n')


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", default=os.path.join(os.path.dirname(__file__), "generated"))
    parser.add_argument("--voters", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=20261127)
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)

    rng = random.Random(args.seed)
    m = 10
    uniform = Counter()
    candidates = list(range(m))
    for _ in range(args.voters):
        rng.shuffle(candidates)
        uniform[tuple(candidates)] += 1
    write_soc(os.path.join(args.out, "uniform-10.soc"), "Uniform random, 10 candidates", m, uniform, args.voters)

    rng = random.Random(args.seed + 1)
    realistic = Counter(mallows(rng, m, 0.5, list(range(m))) for _ in range(args.voters))
    write_soc(os.path.join(args.out, "mallows-10.soc"), "Mallows phi=0.5, 10 candidates", m, realistic, args.voters)

    rng = random.Random(args.seed + 2)
    m = 20
    reference = list(range(m))
    rng.shuffle(reference)
    stv = Counter()
    for _ in range(args.voters):
        full = mallows(rng, m, 0.7, reference)
        stv[full[: rng.randint(1, m)]] += 1
    write_blt(os.path.join(args.out, "stv-20.blt"), "Synthetic STV, 20 candidates, 5 seats", m, 5, stv)
    print(f"wrote {args.out}/uniform-10.soc ({len(uniform)} distinct), mallows-10.soc ({len(realistic)} distinct), "
          f"stv-20.blt ({len(stv)} distinct)")


if __name__ == "__main__":
    main()
