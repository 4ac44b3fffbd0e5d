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

    /// The summary's text. `numberText` writes each vote count (RCTab's `BigDecimal.toString()`
    /// unless told otherwise).
    public static func text(
        _ result: RCTabResult, settings: RCTabOutputSettings, generatedBy: String = rctabGeneratedBy,
        numberText: (RCTabDecimal) -> String = { $0.javaText }
    ) -> String {
        RCTabJSONPrinter.text(document(result, settings: settings, generatedBy: generatedBy, numberText: numberText))
    }

    /// The summary as a JSON value.
    public static func document(
        _ result: RCTabResult, settings: RCTabOutputSettings, generatedBy: String = rctabGeneratedBy,
        numberText: (RCTabDecimal) -> String = { $0.javaText }
    ) -> RCTabJSONNode {
        let config: [String: RCTabJSONNode] = [
            "contest": .string(settings.contestName),
            "date": settings.contestDate.map(RCTabJSONNode.string) ?? .null,
            "jurisdiction": settings.contestJurisdiction.map(RCTabJSONNode.string) ?? .null,
            "office": settings.contestOffice.map(RCTabJSONNode.string) ?? .null,
            "generatedBy": .string(generatedBy),
        ]
        let summary: [String: RCTabJSONNode] = [
            "finalThreshold": .string(numberText(result.finalThreshold)),
            "numCandidates": .integer(result.numCandidates),
            "numWinners": .integer(result.numWinners),
            "totalNumBallots": .string(numberText(result.totalNumBallots)),
            "undervotes": .integer(result.undervotes),
        ]
        return .object([
            "config": .object(config),
            "jsonFormatVersion": .string("1"),
            "results": .array(result.rounds.map { round($0, numberText) }),
            "summary": .object(summary),
        ])
    }

    private static func round(_ round: RCTabRound, _ numberText: (RCTabDecimal) -> String) -> RCTabJSONNode {
        var inactive: [String: RCTabJSONNode] = [
            "overvotes": .string(numberText(round.inactiveBallots.overvotes)),
            "skippedRankings": .string(numberText(round.inactiveBallots.skippedRankings)),
            "exhaustedChoices": .string(numberText(round.inactiveBallots.exhaustedChoices)),
            "repeatedRankings": .string(numberText(round.inactiveBallots.repeatedRankings)),
        ]
        if let surplus = round.inactiveBallots.finalRoundSurplus {
            inactive["finalRoundSurplus"] = .string(numberText(surplus))
        }
        let elected = round.tallyResults.filter { $0.action == .elected }
        let eliminated = round.tallyResults.filter { $0.action == .eliminated }
        let actions = (elected + eliminated).map { (entry) -> RCTabJSONNode in
            .object([
                entry.action.rawValue: .string(entry.candidate),
                "transfers": .object(entry.transfers.mapValues { .string(numberText($0)) }),
            ])
        }
        return .object([
            "inactiveBallots": .object(inactive),
            "round": .integer(round.round),
            "tally": .object(round.tally.mapValues { .string(numberText($0)) }),
            "tallyResults": .array(actions),
            "threshold": .string(numberText(round.threshold)),
        ])
    }
}
