import Foundation
import Testing

@testable import RCTab

/// TEST-ONLY, minimal: reads a corpus contest's configuration and cast-vote records well enough to
/// drive the engine before the IO branch's readers exist. It is not the product's reader (that is
/// `Sources/RCTab/Config` and `Sources/RCTab/CVR`), handles only what the corpus uses, and should
/// be replaced by the real readers once they are merged.
struct EngineCorpusContest {
    let name: String
    let rules: RCTabRules
    let candidates: [RCTabCandidate]
    let ballots: [RCTabBallot]
    /// The expected summaries, in pass order.
    let expected: [[String: Any]]

    static let root = URL(fileURLWithPath: "/work/shared/ballots/rctab")

    static var available: Bool { FileManager.default.fileExists(atPath: root.path) }

    static func names() -> [String] {
        guard available else { return [] }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        return entries.filter { !$0.hasPrefix(".") && !$0.hasPrefix("_") }.sorted()
    }

    init(_ name: String) throws {
        self.name = name
        let folder = EngineCorpusContest.root.appendingPathComponent(name)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        let configFile = try #require(files.first { $0.hasSuffix("_config.json") })
        let config =
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: folder.appendingPathComponent(configFile))) as! [String: Any]
        let rawRules = config["rules"] as! [String: Any]
        var rules = try EngineCorpusContest.rules(rawRules)
        let sources = config["cvrFileSources"] as! [[String: Any]]
        var candidates: [RCTabCandidate] = (config["candidates"] as! [[String: Any]]).map { raw in
            RCTabCandidate(
                name: raw["name"] as! String, code: raw["code"] as? String,
                aliases: raw["aliases"] as? [String] ?? [], excluded: raw["excluded"] as? Bool ?? false)
        }
        if sources.contains(where: {
            !EngineCorpusContest.text($0["undeclaredWriteInLabel"]).isEmpty
                || ($0["treatBlankAsUndeclaredWriteIn"] as? Bool ?? false)
        }) {
            candidates.append(RCTabCandidate(name: RCTabBallot.undeclaredWriteInName))
        }
        let declared = candidates.count - (candidates.last?.name == RCTabBallot.undeclaredWriteInName ? 1 : 0)
        let maxRankings = rules.maxRankingsAllowed ?? declared
        var ballots: [RCTabBallot] = []
        for source in sources {
            let file = (source["filePath"] as! String).split(separator: "/").last.map(String.init) ?? ""
            let csvName = file.replacingOccurrences(of: ".xlsx", with: ".csv")
            let text = try String(contentsOf: folder.appendingPathComponent(csvName), encoding: .utf8)
            let reader = EngineCorpusCSV(source: source, candidates: candidates, maxRankings: maxRankings)
            ballots += try reader.ballots(text)
        }
        rules.rulesDescription = rawRules["rulesDescription"] as? String
        self.rules = rules
        self.candidates = candidates
        self.ballots = ballots
        let reports = files.filter { $0.hasSuffix("expected_detailed_report.json") }.sorted()
        expected = try reports.map {
            try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent($0)))
                as! [String: Any]
        }
    }

    static func text(_ value: Any?) -> String {
        if let string = value as? String { return string }
        if let number = value as? NSNumber { return number.stringValue }
        return ""
    }

    static func rules(_ raw: [String: Any]) throws -> RCTabRules {
        func int(_ key: String) -> Int? { Int(text(raw[key])) }
        func bool(_ key: String) -> Bool { raw[key] as? Bool ?? false }
        var rules = RCTabRules()
        rules.tiebreakMode = try #require(RCTabTiebreakMode(rawValue: text(raw["tiebreakMode"])))
        rules.overvoteRule = try #require(RCTabOvervoteRule(rawValue: text(raw["overvoteRule"])))
        rules.winnerElectionMode = try #require(RCTabWinnerElectionMode(rawValue: text(raw["winnerElectionMode"])))
        rules.randomSeed = Int64(text(raw["randomSeed"]))
        rules.numberOfWinners = int("numberOfWinners") ?? 1
        rules.multiSeatBottomsUpPercentageThreshold = RCTabDecimal(text(raw["multiSeatBottomsUpPercentageThreshold"]))
        rules.decimalPlacesForVoteArithmetic = int("decimalPlacesForVoteArithmetic") ?? 4
        rules.minimumVoteThreshold = int("minimumVoteThreshold") ?? 0
        rules.maxSkippedRanksAllowed = int("maxSkippedRanksAllowed")
        rules.maxRankingsAllowed = int("maxRankingsAllowed")
        rules.nonIntegerWinningThreshold = bool("nonIntegerWinningThreshold")
        rules.doesFirstRoundDetermineThreshold = bool("doesFirstRoundDetermineThreshold")
        rules.hareQuota = bool("hareQuota")
        rules.batchElimination = bool("batchElimination")
        rules.cutoffElimination = bool("cutoffElimination")
        rules.continueUntilTwoCandidatesRemain = bool("continueUntilTwoCandidatesRemain")
        rules.stopTabulationEarlyAfterRound = int("stopTabulationEarlyAfterRound")
        rules.exhaustOnDuplicateCandidate = bool("exhaustOnDuplicateCandidate")
        return rules
    }
}
