extension VotingMethod {
    /// Every method this library implements, by registry name. Adding one is one entry in its
    /// family's list (`VotingMethod+Ranked.swift`, `+Cardinal`, `+Committee`, or ``stv`` below):
    /// name, summary, ballot shapes (and accepted conversions), seats, parameters, and the count.
    /// List only methods that are implemented and tested.
    public static let all: [VotingMethod] = ranked + cardinal + committee

    /// The methods that count ranked ballots.
    static let ranked: [VotingMethod] = rankedSingleWinner + stv

    /// The single transferable vote rule sets.
    static let stv: [VotingMethod] = [
        VotingMethod(
            name: ScottishSTV.name,
            summary: "Single transferable vote under the Scottish Local Government Elections Order 2011: "
                + "Droop quota, weighted inclusive Gregory transfers, values truncated to 5 decimals.",
            shapes: [.ranked], multiWinner: true
        ) { election, options throws(CountingError) in
            try ScottishSTV(seats: election.seats).count(
                try election.rankedBallots(for: ScottishSTV.name), names: election.candidates,
                tieBreak: try options.tieBreakOrder(for: election))
        },
        VotingMethod(
            name: MeekSTV.name,
            summary: "Single transferable vote by Meek's method (keep values, quota recomputed as votes "
                + "exhaust), in the Reference Meek Rule's fixed-point arithmetic or exactly.",
            shapes: [.ranked], multiWinner: true,
            parameters: [
                MethodParameter("arithmetic", "fixed (default) or exact (fractions; limited to 4096-bit keep values)"),
                MethodParameter("places", "decimal places of the fixed-point arithmetic, 1 to 12 (default 9)"),
                MethodParameter("omega", "iteration stops when the surplus is below 10^-omega, 1 to 12 (default 6)"),
            ]
        ) { election, options throws(CountingError) in
            let places = try options.integer("places", default: 9, in: 1...12)
            let exact = try options.choice("arithmetic", default: "fixed", from: ["fixed", "exact"]) == "exact"
            return try MeekSTV(
                seats: election.seats, arithmetic: exact ? .exact : .fixed(places: places),
                omegaExponent: try options.integer("omega", default: 6, in: 1...12)
            ).count(
                try election.rankedBallots(for: MeekSTV.name), names: election.candidates,
                tieBreak: try options.tieBreakOrder(for: election))
        },
    ]
}
