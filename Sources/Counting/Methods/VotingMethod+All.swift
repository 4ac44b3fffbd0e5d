extension VotingMethod {
    /// Every method this library implements, by registry name. Adding one is one entry here:
    /// name, summary, ballot shapes (and accepted conversions), seats, parameters, and the count.
    /// List only methods that are implemented and tested.
    public static let all: [VotingMethod] = [
        VotingMethod(
            name: Plurality.name, summary: "Each ballot counts for its first preference; the most votes wins.",
            shapes: [.ranked]
        ) { election, options throws(CountingError) in
            Plurality().count(
                try election.rankedBallots(for: Plurality.name), names: election.candidates,
                tieBreak: try options.tieBreakOrder(for: election))
        }
    ]
}
