import Counting
import Service
import Statements

/// `/rounds/{id}/result`: the winners, quorum and pass, the trace as a table and as a chart. For
/// an open round, the provisional count when the round shows it live, else a notice.
struct ResultPage {
    struct TraceRow {
        let label: String
        let cells: [String]
        let exhausted: String
        let threshold: String
        let events: String
    }

    let title: String
    let id: String
    let question: String
    let method: String
    let isOpen: Bool
    let hidden: Bool
    let provisional: Bool
    let showCount: Bool
    let winners: [String]
    let hasWinners: Bool
    let ranking: [String]
    let hasRanking: Bool
    let quorumMet: Bool
    let passed: Bool
    let ballots: Int
    let weight: Int64
    let eligibleWeight: Int64
    let countError: String?
    let candidates: [String]
    let trace: [TraceRow]
    let hasTrace: Bool
    let ties: [String]
    let hasTies: Bool
    let chart: String?
    let certificate: String?

    init(round: Round, count: RoundCount, state: OrganizationState) {
        let open = round.parameters
        title = "Result: " + open.question
        id = round.id.hex
        question = open.question
        method = open.method
        isOpen = round.state == .open
        hidden = isOpen && open.visibility == .hidden
        provisional = isOpen && !hidden
        showCount = !hidden
        certificate = round.resultStatement?.hex
        if let result = round.result {
            quorumMet = result.quorumMet
            passed = result.passed
            ballots = result.ballots
            weight = result.weight
            eligibleWeight = result.eligibleWeight
        } else {
            quorumMet = count.quorumMet
            passed = count.passed
            ballots = count.counted.count
            weight = count.weight
            eligibleWeight = count.eligibleWeight
        }
        switch (hidden, count.outcome) {
        case (true, _):
            countError = nil
            winners = []
            ranking = []
            candidates = []
            trace = []
            ties = []
            chart = nil
        case (false, .failure(let failure)):
            countError = "\(failure.message) (\(failure.code))"
            winners = []
            ranking = []
            candidates = []
            trace = []
            ties = []
            chart = nil
        case (false, .success(let outcome)):
            countError = nil
            winners = outcome.winnerNames
            ranking = outcome.rankingNames.map { $0.joined(separator: " = ") }
            candidates = outcome.candidates
            trace = outcome.rounds.map { traceRound in
                var cells = [String](repeating: "", count: outcome.candidates.count)
                for tally in traceRound.tallies where tally.candidate < cells.count {
                    cells[tally.candidate] = tally.votes.text
                }
                let events = traceRound.events.map { event in
                    "\(outcome.candidates[event.candidate]) \(event.kind.rawValue)"
                        + (event.reason.map { " (\($0))" } ?? "")
                }
                return TraceRow(
                    label: "\(traceRound.number)" + (traceRound.label.map { ": \($0)" } ?? ""), cells: cells,
                    exhausted: traceRound.exhausted?.text ?? "", threshold: traceRound.threshold?.text ?? "",
                    events: events.joined(separator: "; "))
            }
            ties = outcome.ties.map { tie in
                "Round \(tie.round): \(tie.decision): "
                    + tie.tied.map { outcome.candidates[$0] }.joined(separator: ", ") + " tied; "
                    + tie.chosen.map { outcome.candidates[$0] }.joined(separator: ", ") + " chosen by \(tie.rule)"
            }
            chart = ResultChart.svg(round: round, outcome: outcome)
        }
        hasWinners = !winners.isEmpty
        hasRanking = !ranking.isEmpty
        hasTrace = !trace.isEmpty
        hasTies = !ties.isEmpty
    }
}
