/// For each candidate, the (merged) ballots that approve it, built once per count: the committee
/// and budgeting methods loop over a candidate's approvers far more often than over a ballot's
/// approvals. Ballot `b` of candidate `c` is `ballots[starts[c] ..< starts[c + 1]]`.
struct ApproverLists: Sendable {
    let candidateCount: Int
    let ballots: [Int32]
    let starts: [Int]
    /// `approvalWeight[c]`: the summed weight of the ballots approving `c`.
    let approvalWeight: [Int64]

    init(_ profile: ApprovalProfile) throws(CountingError) {
        let candidateCount = profile.candidateCount
        var counts = [Int](repeating: 0, count: candidateCount + 1)
        var weight = [Int64](repeating: 0, count: candidateCount)
        for ballot in 0..<profile.ballotCount {
            for entry in profile.range(of: ballot) {
                let candidate = Int(profile.candidates[entry])
                counts[candidate + 1] += 1
                let (sum, overflow) = weight[candidate].addingReportingOverflow(profile.weights[ballot])
                guard !overflow else { throw .beyondLimit("the ballot weights add up to more than 2^63") }
                weight[candidate] = sum
            }
        }
        for candidate in 0..<candidateCount { counts[candidate + 1] += counts[candidate] }
        var next = counts
        var ballots = [Int32](repeating: 0, count: counts[candidateCount])
        for ballot in 0..<profile.ballotCount {
            for entry in profile.range(of: ballot) {
                let candidate = Int(profile.candidates[entry])
                ballots[next[candidate]] = Int32(ballot)
                next[candidate] += 1
            }
        }
        self.candidateCount = candidateCount
        self.ballots = ballots
        self.starts = counts
        self.approvalWeight = weight
    }

    @inlinable
    func range(of candidate: Int) -> Range<Int> { starts[candidate]..<starts[candidate + 1] }
}

/// The checks every approval-based committee method makes before counting.
enum CommitteeInput {
    /// The sum of all ballot weights (the number of voters), checked against overflow.
    static func totalWeight(_ profile: ApprovalProfile) throws(CountingError) -> Int64 {
        var total: Int64 = 0
        for weight in profile.weights {
            let (sum, overflow) = total.addingReportingOverflow(weight)
            guard !overflow else { throw .beyondLimit("the ballot weights add up to more than 2^63") }
            total = sum
        }
        return total
    }

    static func check(
        profile: ApprovalProfile, names: [String], tieBreak: TieBreakOrder, seats: Int
    ) throws(CountingError) {
        let candidateCount = profile.candidateCount
        guard names.count == candidateCount else {
            throw .invalidParameter("\(names.count) names were given for \(candidateCount) candidates")
        }
        guard tieBreak.order.count == candidateCount else {
            throw .invalidParameter(
                "the tie-break order lists \(tieBreak.order.count) candidates, the ballots have \(candidateCount)")
        }
        guard seats >= 1 else { throw .invalidParameter("a committee needs at least one seat, got \(seats)") }
        guard seats <= candidateCount else {
            throw .invalidParameter("\(seats) seats cannot be filled from \(candidateCount) candidates")
        }
    }

    /// The parameters every committee outcome reports.
    static func parameters(seats: Int, tieBreak: TieBreakOrder) -> [JSONMember] {
        [JSONMember("seats", .integer(Int64(seats))), tieBreak.parameter]
    }
}
