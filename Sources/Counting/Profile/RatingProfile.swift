/// Ballots that give each candidate a number: a score (range, STAR), a grade (majority
/// judgment, where 0 is the worst grade), points (cumulative, dot), credits (quadratic) or a
/// consent stance code. Identical ballots are merged into one weighted ballot.
///
/// Ballot `b`'s rating of candidate `c` is `ratings[b * candidateCount + c]`, or ``blank`` if the
/// voter left it empty; how a blank counts is each method's documented choice.
public struct RatingProfile: Sendable, Equatable {
    /// The value of a candidate the voter did not rate.
    public static let blank: Int32 = .min

    public let candidateCount: Int
    /// Dense ratings, `candidateCount` per ballot.
    public let ratings: [Int32]
    /// How many voters cast each ballot (or their summed weight).
    public let weights: [Int64]

    public var ballotCount: Int { weights.count }
    public var totalWeight: Int64 { weights.reduce(0, +) }

    /// Ballot `index`'s rating of `candidate` (``blank`` if none).
    @inlinable
    public func rating(ballot index: Int, candidate: Int) -> Int32 { ratings[index * candidateCount + candidate] }

    /// A profile from rows of ratings (`nil` = blank), each with a weight; identical rows merge.
    /// Every rating must lie in `range`.
    public init(
        candidateCount: Int, range: ClosedRange<Int32>, ballots: [(ratings: [Int32?], weight: Int64)]
    ) throws(CountingError) {
        var merged: [[Int32]: Int] = [:]
        var ratings: [Int32] = []
        var weights: [Int64] = []
        for (number, ballot) in ballots.enumerated() {
            guard ballot.weight > 0 else {
                throw .invalidBallot("ballot \(number + 1): weight must be positive, got \(ballot.weight)")
            }
            guard ballot.ratings.count == candidateCount else {
                throw .invalidBallot(
                    "ballot \(number + 1) rates \(ballot.ratings.count) candidates, there are \(candidateCount)")
            }
            var row: [Int32] = []
            row.reserveCapacity(candidateCount)
            for (candidate, value) in ballot.ratings.enumerated() {
                if let value {
                    guard range.contains(value) else {
                        throw .invalidBallot(
                            "ballot \(number + 1) gives candidate \(candidate + 1) \(value), outside "
                                + "\(range.lowerBound)...\(range.upperBound)")
                    }
                    row.append(value)
                } else {
                    row.append(RatingProfile.blank)
                }
            }
            if let existing = merged[row] {
                let (sum, overflow) = weights[existing].addingReportingOverflow(ballot.weight)
                guard !overflow else { throw .beyondLimit("the total ballot weight overflows 64 bits") }
                weights[existing] = sum
            } else {
                merged[row] = weights.count
                ratings.append(contentsOf: row)
                weights.append(ballot.weight)
            }
        }
        self.candidateCount = candidateCount
        self.ratings = ratings
        self.weights = weights
    }
}
