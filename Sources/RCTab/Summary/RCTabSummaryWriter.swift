/// Writes an ``RCTabResult`` as RCTab's summary JSON (`jsonFormatVersion` 1, the
/// `..._summary.json` RCTab writes and result viewers such as RCVis read), byte for byte as RCTab
/// would.
///
/// The document: `config` (contest, date, jurisdiction, office from the configuration's output
/// settings, and `generatedBy`), `jsonFormatVersion` `"1"`, `results` (one object per round:
/// `inactiveBallots` by reason, `round`, `tally` by candidate, `tallyResults` listing the elected
/// then the eliminated with their `transfers`, and `threshold`) and `summary` (`finalThreshold`,
/// `numCandidates`, `numWinners`, `totalNumBallots`, `undervotes`). Vote counts are strings in
/// Java's `BigDecimal` notation; members are sorted by key (see ``RCTabJSONPrinter``).
public enum RCTabSummaryWriter {
    /// The `generatedBy` of the summaries in RCTab's own test suite.
    public static let rctabGeneratedBy = "RCTab 2.0.0"

    /// The summary's text.
    public static func text(
        _ result: RCTabResult, settings: RCTabOutputSettings, generatedBy: String = rctabGeneratedBy
    ) -> String {
        RCTabJSONPrinter.text(document(result, settings: settings, generatedBy: generatedBy))
    }

    /// The summary as a JSON value.
    public static func document(
        _ result: RCTabResult, settings: RCTabOutputSettings, generatedBy: String = rctabGeneratedBy
    ) -> RCTabJSONNode {
        let config: [String: RCTabJSONNode] = [
            "contest": .string(settings.contestName),
            "date": settings.contestDate.map(RCTabJSONNode.string) ?? .null,
            "jurisdiction": settings.contestJurisdiction.map(RCTabJSONNode.string) ?? .null,
            "office": settings.contestOffice.map(RCTabJSONNode.string) ?? .null,
            "generatedBy": .string(generatedBy),
        ]
        let summary: [String: RCTabJSONNode] = [
            "finalThreshold": .string(result.finalThreshold.javaText),
            "numCandidates": .integer(result.numCandidates),
            "numWinners": .integer(result.numWinners),
            "totalNumBallots": .string(result.totalNumBallots.javaText),
            "undervotes": .integer(result.undervotes),
        ]
        return .object([
            "config": .object(config),
            "jsonFormatVersion": .string("1"),
            "results": .array(result.rounds.map(round)),
            "summary": .object(summary),
        ])
    }

    private static func round(_ round: RCTabRound) -> RCTabJSONNode {
        var inactive: [String: RCTabJSONNode] = [
            "overvotes": .string(round.inactiveBallots.overvotes.javaText),
            "skippedRankings": .string(round.inactiveBallots.skippedRankings.javaText),
            "exhaustedChoices": .string(round.inactiveBallots.exhaustedChoices.javaText),
            "repeatedRankings": .string(round.inactiveBallots.repeatedRankings.javaText),
        ]
        if let surplus = round.inactiveBallots.finalRoundSurplus {
            inactive["finalRoundSurplus"] = .string(surplus.javaText)
        }
        let elected = round.tallyResults.filter { $0.action == .elected }
        let eliminated = round.tallyResults.filter { $0.action == .eliminated }
        let actions = (elected + eliminated).map { (entry) -> RCTabJSONNode in
            .object([
                entry.action.rawValue: .string(entry.candidate),
                "transfers": .object(entry.transfers.mapValues { .string($0.javaText) }),
            ])
        }
        return .object([
            "inactiveBallots": .object(inactive),
            "round": .integer(round.round),
            "tally": .object(round.tally.mapValues { .string($0.javaText) }),
            "tallyResults": .array(actions),
            "threshold": .string(round.threshold.javaText),
        ])
    }
}
