extension VotingMethod {
    /// The single-winner methods that count ranked ballots, as registry entries.
    static let rankedSingleWinner: [VotingMethod] = [
        VotingMethod(
            name: Plurality.name, summary: "Each ballot counts for its first preference; the most votes wins.",
            shapes: [.ranked]
        ) { election, options throws(CountingError) in
            Plurality().count(
                try election.rankedBallots(for: Plurality.name), names: election.candidates,
                tieBreak: try options.tieBreakOrder(for: election))
        },
        VotingMethod(
            name: Borda.name,
            summary: "A ranking of k candidates gives k, k-1, ... points down the ballot; the most points win.",
            shapes: [.ranked],
            parameters: [MethodParameter("last-place-points", "points for the last of k places, 0 or more (default 1)")]
        ) { election, options throws(CountingError) in
            try Borda(lastPlacePoints: Int64(try options.integer("last-place-points", default: 1, in: 0...1_000_000)))
                .count(
                    try election.rankedBallots(for: Borda.name), names: election.candidates,
                    tieBreak: try options.tieBreakOrder(for: election))
        },
        VotingMethod(
            name: InstantRunoff.name,
            summary: "The candidate with the fewest votes is eliminated round by round, ballots moving to their "
                + "next continuing preference, until one has a majority.",
            shapes: [.ranked],
            parameters: [
                MethodParameter("majority-of", "continuing-votes (default) or all-ballots"),
                MethodParameter(
                    "elimination-tie", "backward-then-tie-break-order (default) or pairwise-then-together"),
                MethodParameter("equal-ranks", "split-equally (default) or skip-group"),
            ]
        ) { election, options throws(CountingError) in
            let majority = try options.choice(
                "majority-of", default: InstantRunoff.Majority.continuingVotes.rawValue,
                from: InstantRunoff.Majority.allCases.map(\.rawValue))
            let tie = try options.choice(
                "elimination-tie", default: InstantRunoff.EliminationTie.backwardThenTieBreakOrder.rawValue,
                from: InstantRunoff.EliminationTie.allCases.map(\.rawValue))
            let equal = try options.choice(
                "equal-ranks", default: InstantRunoff.EqualRanks.splitEqually.rawValue,
                from: InstantRunoff.EqualRanks.allCases.map(\.rawValue))
            return try InstantRunoff(
                majority: InstantRunoff.Majority(rawValue: majority)!,
                eliminationTie: InstantRunoff.EliminationTie(rawValue: tie)!,
                equalRanks: InstantRunoff.EqualRanks(rawValue: equal)!
            ).count(
                try election.rankedBallots(for: InstantRunoff.name), names: election.candidates,
                tieBreak: try options.tieBreakOrder(for: election))
        },
        VotingMethod(
            name: Copeland.name, summary: "The candidate with the most pairwise victories (ties count half) wins.",
            shapes: [.ranked]
        ) { election, options throws(CountingError) in
            try Copeland().count(
                try election.rankedBallots(for: Copeland.name), names: election.candidates,
                tieBreak: try options.tieBreakOrder(for: election))
        },
        VotingMethod(
            name: Minimax.name, summary: "The candidate whose worst pairwise defeat is the mildest wins.",
            shapes: [.ranked], parameters: [strengthParameter]
        ) { election, options throws(CountingError) in
            try Minimax(strength: try strength(options)).count(
                try election.rankedBallots(for: Minimax.name), names: election.candidates,
                tieBreak: try options.tieBreakOrder(for: election))
        },
        VotingMethod(
            name: Schulze.name,
            summary: "Beatpath method: a candidate wins when its strongest paths beat every other's (Schulze).",
            shapes: [.ranked], parameters: [strengthParameter]
        ) { election, options throws(CountingError) in
            try Schulze(strength: try strength(options)).count(
                try election.rankedBallots(for: Schulze.name), names: election.candidates,
                tieBreak: try options.tieBreakOrder(for: election))
        },
        VotingMethod(
            name: RankedPairs.name,
            summary: "Pairwise victories are locked in from the largest margin down, skipping any that would "
                + "make a cycle (Tideman).",
            shapes: [.ranked]
        ) { election, options throws(CountingError) in
            try RankedPairs().count(
                try election.rankedBallots(for: RankedPairs.name), names: election.candidates,
                tieBreak: try options.tieBreakOrder(for: election))
        },
    ]

    static let strengthParameter = MethodParameter(
        "strength", "how a pairwise victory is weighed: winning-votes (default) or margin")

    static func strength(_ options: MethodOptions) throws(CountingError) -> PairwiseStrength {
        let text = try options.choice(
            "strength", default: PairwiseStrength.winningVotes.rawValue, from: PairwiseStrength.allCases.map(\.rawValue)
        )
        return PairwiseStrength(rawValue: text)!
    }
}
