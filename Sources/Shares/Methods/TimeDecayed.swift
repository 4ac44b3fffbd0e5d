import Counting

/// A contribution made in a period (a month, a quarter: any integer count), of an exact size.
public struct PeriodContribution: Hashable, Sendable {
    public let member: String
    public let period: Int
    public let amount: Rational

    public init(_ member: String, period: Int, amount: Rational) {
        self.member = member
        self.period = period
        self.amount = amount
    }
}

/// Time-decayed contributions: recent contributions count more, by a geometric decay per period.
///
///     w_i = Σ_k a_ik · r^(t − k)        quota_i = pot · w_i / Σ_j w_j
///
/// where `a_ik` is what member `i` contributed in period `k`, `t` is the current period (by
/// default the latest period in the input) and `0 < r ≤ 1` is the decay per period (`r = 1` is
/// plain proportional). The weights are exact; the quotas are rounded by ``LargestRemainder``.
///
/// Example: decay 1/2, current period 3; A contributed 8 in period 1, B 4 in period 3: weights
/// 8 · 1/4 = 2 and 4, so 9.00 is shared 3.00 / 6.00. At most 1000 periods of decay are applied
/// (older contributions must be given a later period). Same paradoxes as ``Proportional``.
public enum TimeDecayed {
    /// The method's name.
    public static let name = "time-decayed"

    /// The most periods a contribution may lie before the current one.
    public static let maximumAge = 1000

    /// The decayed weight of each member, in canonical member order.
    public static func weights(
        _ contributions: [PeriodContribution], decay: Rational, currentPeriod: Int? = nil
    ) throws(SharesError) -> [MemberWeight] {
        guard decay > .zero, decay <= .one else {
            throw .invalidParameter("the decay per period is more than 0 and at most 1, not \(decay)")
        }
        guard let latest = contributions.map(\.period).max() else {
            throw .noEligibleWeight("there are no contributions")
        }
        let current = currentPeriod ?? latest
        var powers: [Int: Rational] = [:]
        var totals: [String: Rational] = [:]
        for contribution in contributions {
            try MemberOrder.validate(contribution.member)
            guard contribution.amount >= .zero else {
                throw .invalidNumber("a contribution of \(contribution.member) is negative")
            }
            guard contribution.period <= current else {
                throw .invalidParameter(
                    "\(contribution.member) contributed in period \(contribution.period), "
                        + "after the current period \(current)")
            }
            let age = current - contribution.period
            guard age <= maximumAge else {
                throw .beyondLimit("a contribution is \(age) periods old; at most \(maximumAge) are decayed")
            }
            let factor = powers[age] ?? power(decay, age)
            powers[age] = factor
            totals[contribution.member, default: .zero] += contribution.amount * factor
        }
        return totals.keys.sorted(by: MemberOrder.precedes).map { MemberWeight($0, totals[$0] ?? .zero) }
    }

    /// Shares `pot` by decayed contributions.
    public static func distribute(
        _ pot: Money, contributions: [PeriodContribution], decay: Rational, currentPeriod: Int? = nil
    ) throws(SharesError) -> Distribution {
        let weights = try weights(contributions, decay: decay, currentPeriod: currentPeriod)
        let rounding = try LargestRemainder.split(pot.units, weights: weights)
        let current = currentPeriod ?? contributions.map(\.period).max() ?? 0
        return Distribution(
            method: name,
            parameters: [JSONMember("decay", decay.json), JSONMember("current_period", .integer(Int64(current)))],
            currency: pot.currency, pot: pot.units, roundings: [rounding],
            details: [JSONMember("weights", DetailJSON.exact(weights.map { ($0.member, $0.weight) }))])
    }

    private static func power(_ base: Rational, _ exponent: Int) -> Rational {
        var result = Rational.one
        for _ in 0..<exponent { result = result * base }
        return result
    }
}
