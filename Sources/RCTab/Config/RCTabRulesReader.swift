/// Reads the `rules` object of an RCTab contest configuration into ``RCTabRules``, with RCTab's
/// defaults for what it leaves out and RCTab's ranges for what it gives.
enum RCTabRulesReader {
    static func rules(_ object: inout RCTabConfigObject) throws(RCTabError) -> RCTabRules {
        let location = object.location
        var rules = RCTabRules()
        rules.tiebreakMode = try choice(&object, "tiebreakMode", RCTabTiebreakMode.self)
        rules.overvoteRule = try choice(&object, "overvoteRule", RCTabOvervoteRule.self)
        rules.winnerElectionMode = try choice(&object, "winnerElectionMode", RCTabWinnerElectionMode.self)
        rules.randomSeed = try object.integer("randomSeed", in: -140_737_488_355_328...140_737_488_355_327)
        let needsSeed: [RCTabTiebreakMode] = [.random, .previousRoundCountsThenRandom, .generatePermutation]
        if needsSeed.contains(rules.tiebreakMode) && rules.randomSeed == nil {
            throw RCTabError(
                "config_value", at: "\(location).randomSeed", "tiebreakMode \(rules.tiebreakMode.rawValue) needs a seed"
            )
        }
        rules.numberOfWinners = try object.int("numberOfWinners", in: 0...1_000_000) ?? 1
        if let percent = try object.int("multiSeatBottomsUpPercentageThreshold", in: 1...100) {
            rules.multiSeatBottomsUpPercentageThreshold = RCTabDecimal(percent)
        }
        rules.decimalPlacesForVoteArithmetic = try object.int("decimalPlacesForVoteArithmetic", in: 1...20) ?? 4
        rules.minimumVoteThreshold = try object.int("minimumVoteThreshold", in: 0...1_000_000) ?? 0
        rules.maxSkippedRanksAllowed =
            try limit(&object, "maxSkippedRanksAllowed", unlimited: "unlimited", from: 0)
            ?? .some(1)
        rules.maxRankingsAllowed = try limit(&object, "maxRankingsAllowed", unlimited: "max", from: 1) ?? nil
        rules.nonIntegerWinningThreshold = try object.bool("nonIntegerWinningThreshold")
        rules.floorWinningThreshold = try object.bool("floorWinningThreshold", default: true)
        rules.doesFirstRoundDetermineThreshold = try object.bool("doesFirstRoundDetermineThreshold")
        rules.hareQuota = try object.bool("hareQuota")
        rules.batchElimination = try object.bool("batchElimination")
        rules.cutoffElimination = try object.bool("cutoffElimination")
        rules.continueUntilTwoCandidatesRemain = try object.bool("continueUntilTwoCandidatesRemain")
        rules.stopTabulationEarlyAfterRound = try object.int("stopTabulationEarlyAfterRound", in: 1...1_000_000)
        rules.exhaustOnDuplicateCandidate = try object.bool("exhaustOnDuplicateCandidate")
        rules.rulesDescription = try object.nonBlank("rulesDescription")
        return rules
    }

    /// A required member whose text is one of `Choice`'s raw values.
    private static func choice<Choice: RawRepresentable & CaseIterable>(
        _ object: inout RCTabConfigObject, _ key: String, _ type: Choice.Type
    ) throws(RCTabError) -> Choice where Choice.RawValue == String {
        let known = Choice.allCases.map(\.rawValue).joined(separator: ", ")
        guard let text = try object.nonBlank(key) else {
            throw RCTabError("config_value", at: "\(object.location).\(key)", "required: one of \(known)")
        }
        guard let value = Choice(rawValue: text) else {
            throw RCTabError("config_value", at: "\(object.location).\(key)", "\"\(text)\" is not one of \(known)")
        }
        return value
    }

    /// A count that may instead be the word `unlimited`: `.some(nil)` for the word, `.some(n)` for
    /// a number, `nil` when absent.
    private static func limit(
        _ object: inout RCTabConfigObject, _ key: String, unlimited word: String, from lowest: Int
    ) throws(RCTabError) -> Int?? {
        guard let text = try object.nonBlank(key) else { return nil }
        if text.lowercased() == word { return .some(nil) }
        guard let number = Int(text), number >= lowest else {
            throw RCTabError(
                "config_value", at: "\(object.location).\(key)",
                "\"\(text)\" is neither \(word) nor a number ≥ \(lowest)")
        }
        return .some(number)
    }
}
