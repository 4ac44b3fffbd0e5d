import RCTab
import StrictJSON

/// Reads an RCTab summary JSON back into an ``RCTabResult`` and the output settings it names, so
/// the writer can be checked against RCTab's own files without a tabulation.
enum RCTabSummaryFixture {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func read(_ bytes: [UInt8]) throws -> (RCTabResult, RCTabOutputSettings) {
        let root = try StrictJSONParser(maximumDepth: 32, maximumBytes: 1 << 26).parse(bytes)
        let config = try object(member(root, "config"))
        func text(_ value: JSONValue?) -> String? {
            if case .string(let string)? = value { return string }
            return nil
        }
        let settings = RCTabOutputSettings(
            contestName: text(config["contest"]) ?? "", contestDate: text(config["date"]),
            contestJurisdiction: text(config["jurisdiction"]), contestOffice: text(config["office"]))
        let summary = try object(member(root, "summary"))
        var rounds: [RCTabRound] = []
        var winners: [String] = []
        guard case .array(let results) = try member(root, "results") else { throw Failure(description: "results") }
        for entry in results {
            let round = try object(entry)
            let inactive = try object(round["inactiveBallots"])
            var actions: [RCTabTallyResult] = []
            guard case .array(let tallyResults)? = round["tallyResults"] else { throw Failure(description: "actions") }
            for action in tallyResults {
                let fields = try object(action)
                let transfers = try decimals(fields["transfers"])
                if let name = text(fields["elected"]) {
                    actions.append(RCTabTallyResult(.elected, name, transfers: transfers))
                    winners.append(name)
                } else if let name = text(fields["eliminated"]) {
                    actions.append(RCTabTallyResult(.eliminated, name, transfers: transfers))
                }
            }
            guard case .integer(let number)? = round["round"] else { throw Failure(description: "round") }
            rounds.append(
                RCTabRound(
                    round: Int(number), tally: try decimals(round["tally"]), tallyResults: actions,
                    inactiveBallots: RCTabInactiveBallots(
                        overvotes: try decimal(inactive["overvotes"]),
                        skippedRankings: try decimal(inactive["skippedRankings"]),
                        repeatedRankings: try decimal(inactive["repeatedRankings"]),
                        exhaustedChoices: try decimal(inactive["exhaustedChoices"]),
                        finalRoundSurplus: inactive["finalRoundSurplus"] == nil
                            ? nil : try decimal(inactive["finalRoundSurplus"])),
                    threshold: try decimal(round["threshold"])))
        }
        guard case .integer(let candidates)? = summary["numCandidates"],
            case .integer(let seats)? = summary["numWinners"], case .integer(let undervotes)? = summary["undervotes"]
        else { throw Failure(description: "summary") }
        let result = RCTabResult(
            rounds: rounds, winners: winners, numCandidates: Int(candidates), numWinners: Int(seats),
            totalNumBallots: try decimal(summary["totalNumBallots"]), undervotes: Int(undervotes),
            finalThreshold: try decimal(summary["finalThreshold"]))
        return (result, settings)
    }

    private static func member(_ value: JSONValue, _ key: String) throws -> JSONValue {
        guard let found = try object(value)[key] else { throw Failure(description: "no \(key)") }
        return found
    }

    private static func object(_ value: JSONValue?) throws -> [String: JSONValue] {
        guard case .object(let members)? = value else { throw Failure(description: "not an object") }
        return Dictionary(members.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
    }

    private static func decimal(_ value: JSONValue?) throws -> RCTabDecimal {
        guard case .string(let text)? = value, let number = JavaDecimalText.parse(text) else {
            throw Failure(description: "not a decimal: \(String(describing: value))")
        }
        return number
    }

    private static func decimals(_ value: JSONValue?) throws -> [String: RCTabDecimal] {
        try object(value).mapValues { try decimal($0) }
    }
}
