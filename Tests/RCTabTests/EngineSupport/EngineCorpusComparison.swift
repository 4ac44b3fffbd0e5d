@testable import RCTab

/// TEST-ONLY: the differences between an engine result and an expected RCTab summary, as
/// sentences. A number that has the right value but is printed with another scale is reported
/// with "(scale only)".
enum EngineCorpusComparison {
    static func differences(_ result: RCTabResult, _ expected: [String: Any]) -> [String] {
        var found: [String] = []
        let summary = expected["summary"] as! [String: Any]
        number("finalThreshold", result.finalThreshold, summary["finalThreshold"], &found)
        number("totalNumBallots", result.totalNumBallots, summary["totalNumBallots"], &found)
        plain("numCandidates", result.numCandidates, summary["numCandidates"], &found)
        plain("numWinners", result.numWinners, summary["numWinners"], &found)
        plain("undervotes", result.undervotes, summary["undervotes"], &found)
        let rounds = expected["results"] as! [[String: Any]]
        if rounds.count != result.rounds.count {
            found.append("rounds: \(result.rounds.count), expected \(rounds.count)")
        }
        for (actual, wanted) in zip(result.rounds, rounds) {
            let at = "round \(actual.round)"
            number("\(at) threshold", actual.threshold, wanted["threshold"], &found)
            let tally = wanted["tally"] as! [String: Any]
            if Set(tally.keys) != Set(actual.tally.keys) {
                found.append("\(at) tally names \(actual.tally.keys.sorted()), expected \(tally.keys.sorted())")
            }
            for (name, value) in tally { number("\(at) tally \(name)", actual.tally[name], value, &found) }
            let inactive = wanted["inactiveBallots"] as! [String: Any]
            let mine = actual.inactiveBallots
            number("\(at) overvotes", mine.overvotes, inactive["overvotes"], &found)
            number("\(at) skippedRankings", mine.skippedRankings, inactive["skippedRankings"], &found)
            number("\(at) repeatedRankings", mine.repeatedRankings, inactive["repeatedRankings"], &found)
            number("\(at) exhaustedChoices", mine.exhaustedChoices, inactive["exhaustedChoices"], &found)
            if inactive["finalRoundSurplus"] != nil || mine.finalRoundSurplus != nil {
                number("\(at) finalRoundSurplus", mine.finalRoundSurplus, inactive["finalRoundSurplus"], &found)
            }
            let actions = wanted["tallyResults"] as! [[String: Any]]
            let described = actual.tallyResults.map { "\($0.action.rawValue) \($0.candidate)" }
            let wantedDescribed = actions.map { action in
                action["elected"].map { "elected \($0)" } ?? "eliminated \(action["eliminated"] ?? "?")"
            }
            if described != wantedDescribed {
                found.append("\(at) tallyResults \(described), expected \(wantedDescribed)")
                continue
            }
            for (mineAction, action) in zip(actual.tallyResults, actions) {
                let transfers = action["transfers"] as! [String: Any]
                if Set(transfers.keys) != Set(mineAction.transfers.keys) {
                    found.append(
                        "\(at) \(mineAction.candidate) transfer targets \(mineAction.transfers.keys.sorted()),"
                            + " expected \(transfers.keys.sorted())")
                }
                for (target, value) in transfers {
                    number("\(at) \(mineAction.candidate)→\(target)", mineAction.transfers[target], value, &found)
                }
            }
        }
        return found
    }

    private static func number(_ what: String, _ actual: RCTabDecimal?, _ expected: Any?, _ found: inout [String]) {
        let text = EngineCorpusContest.text(expected)
        guard let actual else {
            found.append("\(what): missing, expected \(text)")
            return
        }
        guard let wanted = RCTabDecimal(text) else {
            found.append("\(what): \(actual), expected \(text.isEmpty ? "nothing" : text)")
            return
        }
        if actual != wanted {
            found.append("\(what): \(actual), expected \(text)")
        } else if actual.description != text {
            found.append("\(what): \(actual), expected \(text) (scale only)")
        }
    }

    private static func plain(_ what: String, _ actual: Int, _ expected: Any?, _ found: inout [String]) {
        let text = EngineCorpusContest.text(expected)
        if String(actual) != text { found.append("\(what): \(actual), expected \(text)") }
    }
}
