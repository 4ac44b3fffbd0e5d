/// Approval ballots (each a set of approved candidates), with identical ballots merged into one
/// weighted ballot. Ballot `b` approves `candidates[offsets[b] ..< offsets[b + 1]]`, sorted.
public struct ApprovalProfile: Sendable, Equatable {
    public let candidateCount: Int
    /// Approved candidate indexes of every ballot, each ballot's sorted ascending.
    public let candidates: [Int32]
    /// Where each ballot starts; one more element than there are ballots.
    public let offsets: [Int]
    /// How many voters cast each ballot (or their summed weight).
    public let weights: [Int64]

    public var ballotCount: Int { weights.count }
    public var totalWeight: Int64 { weights.reduce(0, +) }

    @inlinable
    public func range(of index: Int) -> Range<Int> { offsets[index]..<offsets[index + 1] }

    /// The approved candidates of ballot `index`.
    public func approvals(of index: Int) -> [Int] { candidates[range(of: index)].map(Int.init) }

    /// A profile from approval sets with weights; identical sets are merged, an empty set is kept
    /// (it counts towards turnout and quotas).
    public init(candidateCount: Int, ballots: [(approved: Set<Int>, weight: Int64)]) throws(CountingError) {
        var merged: [[Int32]: Int64] = [:]
        var order: [[Int32]] = []
        for ballot in ballots {
            guard ballot.weight > 0 else {
                throw .invalidBallot("a ballot's weight must be positive, got \(ballot.weight)")
            }
            for candidate in ballot.approved where candidate < 0 || candidate >= candidateCount {
                throw .invalidBallot("candidate \(candidate + 1) does not exist (there are \(candidateCount))")
            }
            let key = ballot.approved.sorted().map(Int32.init)
            if let existing = merged[key] {
                merged[key] = existing + ballot.weight
            } else {
                merged[key] = ballot.weight
                order.append(key)
            }
        }
        var candidates: [Int32] = []
        var offsets = [0]
        var weights: [Int64] = []
        for key in order {
            candidates.append(contentsOf: key)
            offsets.append(candidates.count)
            weights.append(merged[key]!)
        }
        self.candidateCount = candidateCount
        self.candidates = candidates
        self.offsets = offsets
        self.weights = weights
    }

    /// Approval of every ranked candidate: the usual reading of a ranked ballot as approvals
    /// (all candidates it ranks), or of its first `depth` rank positions when given.
    public init(ranked profile: RankedProfile, depth: Int? = nil) throws(CountingError) {
        var ballots: [(approved: Set<Int>, weight: Int64)] = []
        ballots.reserveCapacity(profile.ballotCount)
        for index in 0..<profile.ballotCount {
            var approved = Set<Int>()
            for entry in profile.range(of: index) where depth.map({ Int(profile.ranks[entry]) < $0 }) ?? true {
                approved.insert(Int(profile.candidates[entry]))
            }
            ballots.append((approved, profile.weights[index]))
        }
        try self.init(candidateCount: profile.candidateCount, ballots: ballots)
    }
}
