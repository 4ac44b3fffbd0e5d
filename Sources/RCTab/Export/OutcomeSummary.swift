import Counting
import StrictJSON

/// Writes a count of Plenum's own counting library (an ``Outcome`` of `instant-runoff`,
/// `scottish-stv` or `meek-stv`) as RCTab's summary JSON (URCVT, `jsonFormatVersion` 1), so that
/// result viewers that read RCTab's summaries read Plenum's counts.
///
/// A pure function of the outcome's trace and the contest's metadata: nothing is recounted. The
/// mapping turns the trace into an ``RCTabResult`` (``result(_:)``), which ``RCTabSummaryWriter``
/// writes in RCTab's layout (keys sorted as Java sorts them, vote counts as `BigDecimal` text with
/// the scale the trace states). How each method's trace maps, and what the format cannot say, is
/// in docs/rctab.md ("Exporting Plenum's own counts"). In short:
/// - a summary round is a trace round; rounds after the count's last election are left out;
/// - `tally` holds the candidates still in the count (continuing or elected);
/// - an `eliminated` entry stands in the round whose tally decided it and its `transfers` are the
///   votes that moved into the next round (`exhausted` for votes that went to no one); an
///   `elected` entry carries the transfer of its surplus, if any;
/// - `inactiveBallots.exhaustedChoices` is the trace's exhausted (non-transferable) votes,
///   `overvotes` the papers void for a shared first preference (Scottish STV), and
///   `skippedRankings` and `repeatedRankings` are 0: Plenum's ballots have no skipped-rank limit
///   and name a candidate once;
/// - `threshold` is the least tally, at the decimal places of the round's tallies, that wins.
///
/// Any other method is refused (`unsupported_method`), and so is a trace the format cannot state
/// exactly (see ``result(_:)``).
public enum OutcomeSummary {
    /// The methods whose outcomes can be exported.
    public static let methods = [InstantRunoff.name, ScottishSTV.name, MeekSTV.name]

    /// The `generatedBy` written unless the caller gives another.
    public static func defaultGeneratedBy(_ method: String) -> String {
        "Plenum \(method) (RCTab 2.0.0 summary format)"
    }

    /// The summary JSON text of `outcome`, with `settings`' contest name, date, jurisdiction and
    /// office in its `config` (`nil` ones are written as `null`, as RCTab does).
    public static func text(
        _ outcome: Outcome, settings: RCTabOutputSettings, generatedBy: String? = nil
    ) throws(RCTabError) -> String {
        RCTabSummaryWriter.text(
            try result(outcome), settings: settings, generatedBy: generatedBy ?? defaultGeneratedBy(outcome.method),
            numberText: { $0.urcvtText })
    }

    /// The outcome as the result an RCTab summary reports.
    ///
    /// Throws `unsupported_method` for a method other than ``methods``; `unsupported_option` for a
    /// Meek count in exact arithmetic (its fractions are no decimals, and its quota must be
    /// exceeded where RCTab's threshold is reached); `not_decimal` for a tally that is a fraction
    /// no decimal holds (instant-runoff splitting a ballot three ways); `transfers_not_derivable`
    /// for a Meek round whose changes of tally cannot be told apart as one candidate's transfers;
    /// `invalid_outcome` for a trace that lacks what its method always records.
    public static func result(_ outcome: Outcome) throws(RCTabError) -> RCTabResult {
        guard methods.contains(outcome.method) else {
            throw RCTabError(
                "unsupported_method", at: "method",
                "the RCTab summary exports \(methods.joined(separator: ", ")) counts, not \(outcome.method)")
        }
        try checkNames(outcome.candidates)
        guard !outcome.rounds.isEmpty, !outcome.winners.isEmpty else {
            throw RCTabError("invalid_outcome", at: "rounds", "the \(outcome.method) outcome has no rounds or winners")
        }
        switch outcome.method {
        case InstantRunoff.name: return try instantRunoff(outcome)
        case ScottishSTV.name: return try scottishSTV(outcome)
        default: return try meekSTV(outcome)
        }
    }

    // MARK: Shared by the three mappings

    /// Candidate names key the summary's tallies and transfers: they must be distinct, and not
    /// the transfer keys RCTab reserves.
    static func checkNames(_ names: [String]) throws(RCTabError) {
        var seen: Set<String> = []
        for name in names {
            guard !name.isEmpty, seen.insert(name).inserted else {
                throw RCTabError(
                    "duplicate_candidate", at: "candidates",
                    name.isEmpty ? "a candidate has no name" : "two candidates are named \"\(name)\"")
            }
            guard name != RCTabTallyResult.exhausted, name != RCTabTallyResult.residualSurplus else {
                throw RCTabError(
                    "duplicate_candidate", at: "candidates",
                    "a candidate is named \"\(name)\", which the summary's transfers use for votes that go to no one")
            }
        }
    }

    /// A trace number as an exact decimal.
    static func decimal(_ number: TraceNumber?, _ what: @autoclosure () -> String) throws(RCTabError) -> RCTabDecimal {
        guard let number else { throw RCTabError("invalid_outcome", at: what(), "the trace does not state it") }
        guard let value = RCTabDecimal(trace: number) else {
            throw RCTabError(
                "not_decimal", at: what(),
                "\(number.text) is not a decimal number; the summary format writes votes as decimals")
        }
        return value
    }

    /// A trace round's detail member.
    static func detail(_ round: TraceRound, _ key: String) -> JSONValue? {
        round.details.first { $0.key == key }?.value
    }

    /// A decimal held as text in a trace round's details (`"0.00560"`).
    static func decimalDetail(_ round: TraceRound, _ key: String) throws(RCTabError) -> RCTabDecimal {
        guard case .string(let text) = detail(round, key), let value = RCTabDecimal(text) else {
            throw RCTabError(
                "invalid_outcome", at: "round \(round.number)", "the trace's details lack \(key) as a decimal")
        }
        return value
    }

    /// A whole number held in a trace round's details.
    static func integerDetail(_ round: TraceRound, _ key: String) throws(RCTabError) -> Int64 {
        guard case .integer(let value) = detail(round, key) else {
            throw RCTabError(
                "invalid_outcome", at: "round \(round.number)", "the trace's details lack \(key) as a number")
        }
        return value
    }

    /// The `seats` parameter of an STV outcome.
    static func seats(_ outcome: Outcome) throws(RCTabError) -> Int {
        guard case .integer(let seats) = outcome.parameters.first(where: { $0.key == "seats" })?.value,
            let count = Int(exactly: seats)
        else {
            throw RCTabError("invalid_outcome", at: "parameters", "the \(outcome.method) outcome names no seats")
        }
        return count
    }

    /// The round (from 0) of the count's last election: later rounds are not exported.
    static func lastElection(_ outcome: Outcome) throws(RCTabError) -> Int {
        guard let last = outcome.rounds.lastIndex(where: { $0.events.contains { $0.kind == .elected } }) else {
            throw RCTabError("invalid_outcome", at: "rounds", "the \(outcome.method) trace elects no one")
        }
        return last
    }

    /// The votes `round` moved from `candidate`, by receiving candidate's name (`exhausted` for
    /// votes that went to no one); zero transfers are left out.
    static func transfers(
        from candidate: Int, in round: TraceRound, names: [String]
    ) throws(RCTabError) -> [String: RCTabDecimal] {
        var moved: [String: RCTabDecimal] = [:]
        for transfer in round.transfers where transfer.from == candidate {
            let votes = try decimal(transfer.votes, "round \(round.number): transfer from \(names[candidate])")
            guard votes.signum != 0 else { continue }
            moved[transfer.to.map { names[$0] } ?? RCTabTallyResult.exhausted, default: .zero] += votes
        }
        return moved
    }

    /// The sum of the first round's tallies and its exhausted votes: every ballot the count read.
    static func firstRoundTotal(_ round: TraceRound, names: [String]) throws(RCTabError) -> RCTabDecimal {
        var total = try decimal(round.exhausted, "round 1: exhausted")
        for entry in round.tallies {
            total += try decimal(entry.votes, "round 1: \(names[entry.candidate])")
        }
        return total.strippingTrailingZeros
    }
}
