extension RankedProfile {
    /// The total ballot weight, or a `beyondLimit` error when it does not fit in 64 bits (a
    /// count then could not be exact). `factor` asks that `total × factor` fit as well.
    func checkedTotalWeight(factor: Int64 = 1) throws(CountingError) -> Int64 {
        var total: Int64 = 0
        for weight in weights {
            let (sum, overflow) = total.addingReportingOverflow(weight)
            guard !overflow else { throw .beyondLimit("the total ballot weight exceeds 2^63 - 1") }
            total = sum
        }
        guard !total.multipliedReportingOverflow(by: max(factor, 1)).overflow else {
            throw .beyondLimit("the total ballot weight (\(total)) is too large for this count to stay exact")
        }
        return total
    }
}
