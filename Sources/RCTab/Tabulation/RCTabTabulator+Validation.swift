extension RCTabTabulator {
    /// The checks RCTab's configuration validation makes on the rules that matter for counting,
    /// and a refusal of every option Plenum does not implement.
    static func validate(_ rules: RCTabRules, _ candidates: [RCTabCandidate]) throws {
        func invalid(_ option: String, _ message: String) -> RCTabError {
            RCTabError("invalid_option", at: "rules.\(option)", message)
        }
        switch rules.tiebreakMode {
        case .stopCountingAndAsk, .previousRoundCountsThenAsk:
            throw RCTabError(
                "unsupported_option", at: "rules.tiebreakMode",
                "tie-break mode \(rules.tiebreakMode.rawValue) asks an operator; Plenum counts unattended")
        case .random, .previousRoundCountsThenRandom, .generatePermutation:
            guard rules.randomSeed != nil else {
                throw invalid("randomSeed", "tie-break mode \(rules.tiebreakMode.rawValue) needs randomSeed")
            }
        case .useCandidateOrder:
            break
        }
        if !rules.floorWinningThreshold {
            throw RCTabError(
                "unsupported_option", at: "rules.floorWinningThreshold",
                "floorWinningThreshold false (an unfloored integer threshold) is not implemented")
        }
        guard (1...20).contains(rules.decimalPlacesForVoteArithmetic) else {
            throw invalid("decimalPlacesForVoteArithmetic", "must be from 1 to 20")
        }
        guard rules.minimumVoteThreshold >= 0 else { throw invalid("minimumVoteThreshold", "must not be negative") }
        if let skipped = rules.maxSkippedRanksAllowed, skipped < 0 {
            throw invalid("maxSkippedRanksAllowed", "must be \"unlimited\" or at least 0")
        }
        if let rankings = rules.maxRankingsAllowed, rankings < 1 {
            throw invalid("maxRankingsAllowed", "must be \"max\" or at least 1")
        }
        if let stop = rules.stopTabulationEarlyAfterRound, stop < 1 {
            throw invalid("stopTabulationEarlyAfterRound", "must be at least 1")
        }
        let mode = rules.winnerElectionMode
        let seats = rules.numberOfWinners
        switch mode {
        case .singleWinnerMajority:
            guard seats == 1 else { throw invalid("numberOfWinners", "singleWinnerMajority elects exactly 1") }
        case .bottomsUpUsingPercentageThreshold:
            guard seats == 0 else {
                throw invalid("numberOfWinners", "bottomsUpUsingPercentageThreshold needs numberOfWinners 0")
            }
            guard let percentage = rules.multiSeatBottomsUpPercentageThreshold,
                percentage > .zero && percentage <= RCTabDecimal(100)
            else {
                throw invalid("multiSeatBottomsUpPercentageThreshold", "must be from 1 to 100 in this mode")
            }
            if rules.batchElimination { throw invalid("batchElimination", "not allowed with a percentage threshold") }
        default:
            guard seats > 1 else { throw invalid("numberOfWinners", "\(mode.rawValue) needs more than 1 winner") }
        }
        if rules.cutoffElimination && mode != .bottomsUpUsingPercentageThreshold {
            throw invalid("cutoffElimination", "only applies to bottomsUpUsingPercentageThreshold")
        }
        if rules.continueUntilTwoCandidatesRemain && seats != 1 {
            throw invalid("continueUntilTwoCandidatesRemain", "only applies to single-winner contests")
        }
        if (rules.nonIntegerWinningThreshold || rules.hareQuota) && !mode.isSurplusTransferMultiSeat {
            throw invalid(
                rules.hareQuota ? "hareQuota" : "nonIntegerWinningThreshold",
                "only applies to the multi-winner surplus-transfer modes")
        }
        if rules.nonIntegerWinningThreshold && rules.hareQuota {
            throw invalid("hareQuota", "cannot be combined with nonIntegerWinningThreshold")
        }
        guard candidates.contains(where: { !$0.excluded && $0.name != RCTabBallot.undeclaredWriteInName }) else {
            throw RCTabError("invalid_candidate", at: "candidates", "no candidate is left to count")
        }
    }
}
