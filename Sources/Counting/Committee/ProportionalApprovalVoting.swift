/// Proportional approval voting (PAV), the optimal version: the committee of `seats` candidates
/// with the highest PAV score wins.
///
/// Definition: a committee `W` scores `sum over voters v of w(v) * (1 + 1/2 + ... + 1/|A(v) ∩ W|)`,
/// where `A(v)` is the set the voter approves and `w(v)` the ballot's weight (Thiele 1895; Kilgour,
/// "Approval balloting for multi-winner elections", 2010; Lackner & Skowron, *Multi-Winner Voting
/// with Approval Preferences*, Springer 2023, ch. 2, Example 2.4). Scores are exact: every committee's score
/// is an integer multiple of `1 / lcm(1..m)`, computed in 128-bit integers.
///
/// Every committee is examined (no solver): the count refuses, with
/// ``CountingError/beyondLimit(_:)``, when `C(candidates, seats)` exceeds ``maximumCommittees``.
///
/// Ties: among committees with the highest score, the one whose members, listed from most to
/// least favoured by the ``TieBreakOrder``, come first member by member (lexicographically) is
/// chosen; with the default order (candidate order) that is the committee abcvoting's brute-force
/// algorithm returns first. The tie is recorded (the candidates in some but not all optimal
/// committees, and the chosen ones among them). A blank ballot adds nothing to any committee's
/// score; unapproved candidates fill a committee only when nothing else can.
public struct ProportionalApprovalVoting: Sendable {
    public static let name = "pav"
    /// The most committees one count examines.
    public static let maximumCommittees = 1_000_000

    /// The committee size.
    public var seats: Int

    public init(seats: Int) {
        self.seats = seats
    }

    /// Counts `profile`, settling a tie between optimal committees with `tieBreak`.
    public func count(
        _ profile: ApprovalProfile, names: [String], tieBreak: TieBreakOrder
    ) throws(CountingError)
        -> Outcome
    {
        try CommitteeInput.check(profile: profile, names: names, tieBreak: tieBreak, seats: seats)
        let candidateCount = profile.candidateCount
        let committees = ProportionalApprovalVoting.binomial(candidateCount, seats, cap: Self.maximumCommittees)
        guard let committees else {
            throw .beyondLimit(
                "PAV examines every committee, and there are more than \(Self.maximumCommittees) committees of "
                    + "\(seats) from \(candidateCount) candidates; use sequential PAV or fewer candidates")
        }
        let total = try CommitteeInput.totalWeight(profile)
        let harmonic = try HarmonicScores(profile: profile, seats: seats, totalWeight: total)
        let approvers = try ApproverLists(profile)
        var search = CommitteeSearch(
            approvers: approvers, weights: profile.weights, unit: harmonic.unit, order: tieBreak.order, seats: seats)
        search.run()

        let winners = search.best.sorted()
        var ties: [TieResolution] = []
        if search.optimalCount > 1 {
            let tied = (0..<candidateCount).filter { search.inSome[$0] && !search.inAll[$0] }
            ties.append(
                TieResolution(
                    round: 1, decision: "committee", tied: tied, chosen: tied.filter { winners.contains($0) },
                    rule: tieBreak.rule + "; among committees with equal score, the one whose members come earliest "
                        + "in that order, compared member by member"))
        }
        let round = TraceRound(
            number: 1, label: "committee with the highest PAV score",
            tallies: (0..<candidateCount).map {
                CandidateTally(candidate: $0, votes: TraceNumber(approvers.approvalWeight[$0]))
            },
            events: winners.map { TraceEvent(.elected, $0, reason: "member of the committee with the highest score") },
            details: [
                JSONMember("score", .string(harmonic.value(search.bestScore).description)),
                JSONMember("committees_examined", .integer(Int64(committees))),
                JSONMember("optimal_committees", .integer(Int64(search.optimalCount))),
            ])
        return Outcome(
            method: Self.name, parameters: CommitteeInput.parameters(seats: seats, tieBreak: tieBreak),
            candidates: names, winners: winners, rounds: [round], ties: ties)
    }

    /// `C(n, k)`, or nil when it exceeds `cap`.
    static func binomial(_ n: Int, _ k: Int, cap: Int) -> Int? {
        let k = min(k, n - k)
        guard k >= 0 else { return 0 }
        var result = 1
        for i in 0..<k {
            // result * (n - i) / (i + 1) stays an integer at every step.
            let (product, overflow) = result.multipliedReportingOverflow(by: n - i)
            guard !overflow else { return nil }
            result = product / (i + 1)
            if result > cap { return nil }
        }
        return result
    }
}

/// The exhaustive search over committees in lexicographic order of tie-break positions, with
/// each voter's count of approved members and the score kept up to date as members are added
/// and removed (so a step costs one candidate's approvers, not all ballots).
private struct CommitteeSearch {
    let approvers: ApproverLists
    let weights: [Int64]
    let unit: [Int128]
    let order: [Int]
    let seats: Int
    var members: [Int] = []
    var approvedMembers: [Int32]
    var score: Int128 = 0
    var bestScore: Int128 = -1
    var best: [Int] = []
    var optimalCount = 0
    var inSome: [Bool]
    var inAll: [Bool]

    init(approvers: ApproverLists, weights: [Int64], unit: [Int128], order: [Int], seats: Int) {
        self.approvers = approvers
        self.weights = weights
        self.unit = unit
        self.order = order
        self.seats = seats
        approvedMembers = [Int32](repeating: 0, count: weights.count)
        inSome = [Bool](repeating: false, count: order.count)
        inAll = [Bool](repeating: false, count: order.count)
    }

    mutating func run() { extend(from: 0) }

    private mutating func extend(from start: Int) {
        if members.count == seats {
            record()
            return
        }
        let last = order.count - (seats - members.count)
        guard start <= last else { return }
        for position in start...last {
            let candidate = order[position]
            let before = score
            for entry in approvers.range(of: candidate) {
                let ballot = Int(approvers.ballots[entry])
                approvedMembers[ballot] += 1
                score += Int128(weights[ballot]) * unit[Int(approvedMembers[ballot])]
            }
            members.append(candidate)
            extend(from: position + 1)
            members.removeLast()
            for entry in approvers.range(of: candidate) { approvedMembers[Int(approvers.ballots[entry])] -= 1 }
            score = before
        }
    }

    private mutating func record() {
        if score > bestScore {
            bestScore = score
            best = members
            optimalCount = 1
            for candidate in 0..<inSome.count {
                inSome[candidate] = false
                inAll[candidate] = false
            }
            for candidate in members {
                inSome[candidate] = true
                inAll[candidate] = true
            }
        } else if score == bestScore {
            optimalCount += 1
            var isMember = [Bool](repeating: false, count: inSome.count)
            for candidate in members {
                isMember[candidate] = true
                inSome[candidate] = true
            }
            for candidate in 0..<inAll.count where !isMember[candidate] { inAll[candidate] = false }
        }
    }
}
