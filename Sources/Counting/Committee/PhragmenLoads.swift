/// The load-balancing steps of sequential Phragmén, shared by ``SequentialPhragmen`` and the
/// completion phase of ``EqualShares``.
///
/// Every ballot carries a load per unit of weight. Ballots with equal loads form a class (all
/// approvers of a newly elected candidate get the same load, so there are at most one class per
/// round plus the starting ones): a round costs one pass over each candidate's approvers in
/// integers and a few exact fractions per class, never a fraction per ballot.
struct PhragmenLoads {
    let approvers: ApproverLists
    let weights: [Int64]
    /// `classOf[b]`: the load class of ballot `b`.
    private(set) var classOf: [Int32]
    /// `classLoad[k]`: the load (per unit of weight) of every ballot in class `k`.
    private(set) var classLoad: [Rational]
    private var classWeight: [Int64] = []
    private var touched: [Int32] = []

    init(approvers: ApproverLists, weights: [Int64], classOf: [Int32], classLoad: [Rational]) {
        self.approvers = approvers
        self.weights = weights
        self.classOf = classOf
        self.classLoad = classLoad
    }

    /// The load candidate `c`'s approvers would all carry if `c` were elected now:
    /// `(1 + sum of their weighted loads) / their weight`.
    mutating func newLoad(of candidate: Int) -> Rational {
        if classWeight.count < classLoad.count {
            classWeight.append(contentsOf: repeatElement(0, count: classLoad.count - classWeight.count))
        }
        for entry in approvers.range(of: candidate) {
            let ballot = Int(approvers.ballots[entry])
            let loadClass = classOf[ballot]
            if classWeight[Int(loadClass)] == 0 { touched.append(loadClass) }
            classWeight[Int(loadClass)] += weights[ballot]
        }
        var sum = Rational.one
        for loadClass in touched {
            let load = classLoad[Int(loadClass)]
            if !load.isZero { sum += load * Rational(Int(classWeight[Int(loadClass)])) }
            classWeight[Int(loadClass)] = 0
        }
        touched.removeAll(keepingCapacity: true)
        return sum / Rational(Int(approvers.approvalWeight[candidate]))
    }

    /// Elects `candidate`: its approvers all carry `load` from now on.
    mutating func elect(_ candidate: Int, load: Rational) {
        let newClass = Int32(classLoad.count)
        classLoad.append(load)
        for entry in approvers.range(of: candidate) { classOf[Int(approvers.ballots[entry])] = newClass }
    }

    /// Fills the committee up to `seats` seat by seat, appending a trace round per seat.
    mutating func fill(
        seats: Int, winners: inout [Int], tieBreak: TieBreakOrder, rounds: inout [TraceRound],
        ties: inout [TieResolution], label: String
    ) {
        let candidateCount = approvers.candidateCount
        var elected = [Bool](repeating: false, count: candidateCount)
        for winner in winners { elected[winner] = true }
        while winners.count < seats {
            let roundNumber = rounds.count + 1
            var tallies: [CandidateTally] = []
            var best: Rational?
            var tied: [Int] = []
            for candidate in 0..<candidateCount where !elected[candidate] && approvers.approvalWeight[candidate] > 0 {
                let load = newLoad(of: candidate)
                tallies.append(CandidateTally(candidate: candidate, votes: TraceNumber(load)))
                if best == nil || load < best! {
                    best = load
                    tied = [candidate]
                } else if load == best! {
                    tied.append(candidate)
                }
            }
            let reason: String
            if tied.isEmpty {
                // Only candidates nobody approves are left: they fill the seats in tie-break order.
                tied = (0..<candidateCount).filter { !elected[$0] }
                reason = "no remaining candidate is approved by anyone; earliest in the tie-break order"
            } else {
                reason =
                    tied.count > 1
                    ? "smallest maximal load, tied, favoured by the tie-break order"
                    : "smallest maximal load"
            }
            let chosen = tieBreak.favoured(tied)
            if tied.count > 1 {
                ties.append(
                    TieResolution(
                        round: roundNumber, decision: "elect", tied: tieBreak.sorted(tied), chosen: [chosen],
                        rule: tieBreak.rule))
            }
            var details: [JSONMember] = []
            if let best {
                elect(chosen, load: best)
                details.append(JSONMember("load", .string(best.description)))
            }
            elected[chosen] = true
            winners.append(chosen)
            details.append(JSONMember("committee", .array(winners.map { .integer(Int64($0)) })))
            rounds.append(
                TraceRound(
                    number: roundNumber, label: label, tallies: tallies,
                    events: [TraceEvent(.elected, chosen, reason: reason)], details: details))
        }
    }
}
