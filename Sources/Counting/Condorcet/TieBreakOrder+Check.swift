extension TieBreakOrder {
    /// Throws unless the names and this order both cover exactly `candidateCount` candidates:
    /// a count must never index past either.
    func check(candidateCount: Int, names: [String], method: String) throws(CountingError) {
        guard names.count == candidateCount else {
            throw .invalidParameter("\(method): \(names.count) names given for \(candidateCount) candidates")
        }
        guard order.count == candidateCount else {
            throw .invalidParameter(
                "\(method): the tie-break order lists \(order.count) candidates, the ballots have \(candidateCount)")
        }
    }
}
