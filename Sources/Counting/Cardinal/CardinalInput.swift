/// Checks shared by the cardinal and point-based methods, so each rejects bad input with the
/// same sentences.
enum CardinalInput {
    /// The names and the tie-break order must cover exactly the profile's candidates.
    static func check(names: [String], tieBreak: TieBreakOrder, candidateCount: Int) throws(CountingError) {
        guard candidateCount > 0 else { throw .invalidParameter("there must be at least one candidate") }
        guard names.count == candidateCount else {
            throw .invalidParameter("\(names.count) candidate names given for \(candidateCount) candidates")
        }
        guard tieBreak.order.count == candidateCount else {
            throw .invalidParameter(
                "the tie-break order lists \(tieBreak.order.count) candidates, there are \(candidateCount)")
        }
    }

    /// A number of seats from one to the number of candidates.
    static func check(seats: Int, candidateCount: Int) throws(CountingError) {
        guard seats >= 1 && seats <= candidateCount else {
            throw .invalidParameter("seats must be from 1 to \(candidateCount) (the candidates), got \(seats)")
        }
    }

    /// The summed weight of all ballots, or a clear error when 64 bits do not hold it (every
    /// per-candidate count of ballots is at most this sum, so it cannot overflow afterwards).
    static func totalWeight(_ weights: [Int64]) throws(CountingError) -> Int64 {
        var total: Int64 = 0
        for weight in weights {
            let (sum, overflow) = total.addingReportingOverflow(weight)
            guard !overflow else { throw .beyondLimit("the total ballot weight overflows 64 bits") }
            total = sum
        }
        return total
    }

    /// `total + rating * weight`, or a clear error when 64 bits do not hold it.
    @inline(__always)
    static func add(_ total: Int64, _ rating: Int64, times weight: Int64) throws(CountingError) -> Int64 {
        let (product, productOverflow) = rating.multipliedReportingOverflow(by: weight)
        let (sum, sumOverflow) = total.addingReportingOverflow(product)
        guard !productOverflow && !sumOverflow else { throw .beyondLimit("a candidate's total overflows 64 bits") }
        return sum
    }

    /// The ballot's ratings as text for messages: `[3, -, 0]` (a dash for a blank).
    static func describe(_ profile: RatingProfile, ballot: Int) -> String {
        let row = (0..<profile.candidateCount).map { candidate in
            let value = profile.rating(ballot: ballot, candidate: candidate)
            return value == RatingProfile.blank ? "-" : String(value)
        }
        return "[" + row.joined(separator: ", ") + "]"
    }

    /// "ballot N (cast by W voters)" or "ballot N": how messages name a merged ballot.
    static func name(_ profile: RatingProfile, ballot: Int) -> String {
        let weight = profile.weights[ballot]
        return weight == 1 ? "ballot \(ballot + 1)" : "ballot \(ballot + 1) (cast by \(weight) voters)"
    }
}
