import Counting
import Service
import Statements

/// Which chart a result page draws for a count: the pairwise grid for the Condorcet methods,
/// score bars for the cardinal methods, and bars per round for everything else (instant-runoff,
/// STV, plurality, Borda, the committee methods).
public enum ResultChart {
    public static let condorcetMethods: Set<String> = [
        Copeland.name, Minimax.name, Schulze.name, RankedPairs.name,
    ]
    public static let cardinalMethods: Set<String> = [
        ScoreVoting.name, STARVoting.name, MajorityJudgment.name, ApprovalVoting.name, CumulativeVoting.name,
        QuadraticVoting.name, ConsentDecision.name,
    ]

    /// The value of an exact trace number, for drawing (`"7/3"` → 2.33...).
    public static func value(_ number: TraceNumber) -> Double {
        if let integer = number.integer { return Double(integer) }
        let parts = number.text.split(separator: "/")
        if parts.count == 2, let numerator = Double(parts[0]), let denominator = Double(parts[1]), denominator != 0 {
            return numerator / denominator
        }
        return Double(number.text) ?? 0
    }

    /// The bars of each round of `outcome`'s trace that has tallies.
    public static func roundBars(_ outcome: Outcome) -> BarChart {
        var groups: [BarChart.Group] = []
        for round in outcome.rounds where !round.tallies.isEmpty {
            let bars = round.tallies.map { tally in
                BarChart.Bar(
                    label: outcome.candidates[tally.candidate], text: tally.votes.text, value: value(tally.votes),
                    event: round.events.first { $0.candidate == tally.candidate }?.kind.rawValue)
            }
            let title = "Round \(round.number)" + (round.label.map { ": \($0)" } ?? "")
            groups.append(BarChart.Group(title: title, bars: bars, threshold: round.threshold.map(value)))
        }
        let winners = outcome.winnerNames.joined(separator: ", ")
        let description =
            "The votes of each option in each of the \(groups.count) round(s) of the count"
            + (winners.isEmpty ? "." : "; elected: \(winners).")
            + (groups.contains { $0.threshold != nil } ? " A dashed line marks the round's quota." : "")
        return BarChart(title: "Votes by round (\(outcome.method))", description: description, groups: groups)
    }

    /// The score bars of a cardinal count: the first round's tallies.
    public static func scoreBars(_ outcome: Outcome) -> BarChart? {
        guard let first = outcome.rounds.first(where: { !$0.tallies.isEmpty }) else { return nil }
        let bars = first.tallies.map { tally in
            BarChart.Bar(label: outcome.candidates[tally.candidate], text: tally.votes.text, value: value(tally.votes))
        }
        return ScoreChart.make(title: "Totals (\(outcome.method))", measure: first.label ?? "Total", bars: bars)
    }

    /// The pairwise table of the round's counted ballots, each weighted by its voter's weight.
    public static func pairwise(of round: Round) -> PairwiseMatrix? {
        var box = BallotBox(for: round.counting)
        for (voter, ballot) in round.ballots.sorted(by: { $0.key < $1.key }) {
            guard (try? box.add(ballot.choice, weight: round.voters[voter] ?? 1)) != nil else { return nil }
        }
        guard case .ranked(let profile)? = try? box.ballots() else { return nil }
        return try? PairwiseMatrix(profile)
    }

    /// The chart for `round` counted as `outcome`, as inline SVG, or nil when there is nothing
    /// to draw.
    public static func svg(round: Round, outcome: Outcome) -> String? {
        if condorcetMethods.contains(outcome.method), let matrix = pairwise(of: round) {
            return PairwiseChart(
                title: "Pairwise contests (\(outcome.method))", candidates: round.parameters.options, matrix: matrix
            ).svg()
        }
        if cardinalMethods.contains(outcome.method), let chart = scoreBars(outcome) { return chart.svg() }
        let chart = roundBars(outcome)
        return chart.groups.isEmpty ? nil : chart.svg()
    }
}
