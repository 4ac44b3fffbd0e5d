import Counting

/// Proportional to contributions: each member's share of the pot is in proportion to a measure
/// of what they contributed (hours, points, sales, any non-negative exact number).
///
///     quota_i = pot · w_i / Σ_j w_j        share_i = ⌊quota_i⌋ or ⌈quota_i⌉ (largest remainder)
///
/// Example: 10.00 EUR for 3, 3 and 1 hours pays 4.29 / 4.28 / 1.43 (see ``LargestRemainder``).
/// Every share is within one minor unit of its quota and the shares sum to the pot; a negative
/// pot (a loss) is shared by the same rule with the sign reversed. Not monotone in the pot (the
/// Alabama paradox): a pot one unit larger can pay a member one unit less.
public enum Proportional {
    /// The method's name.
    public static let name = "proportional"

    /// Shares `pot` in proportion to `weights`; at least one weight must be positive.
    public static func distribute(_ pot: Money, weights: [MemberWeight]) throws(SharesError) -> Distribution {
        let rounding = try LargestRemainder.split(pot.units, weights: weights)
        let total = weights.reduce(Rational.zero) { $0 + $1.weight }
        return Distribution(
            method: name, parameters: [], currency: pot.currency, pot: pot.units, roundings: [rounding],
            details: [JSONMember("total_weight", total.json)])
    }
}

extension Money {
    /// Refuses a negative amount for methods that only share gains.
    func requireNonNegative(_ method: String) throws(SharesError) {
        guard units >= 0 else {
            throw .invalidAmount("\(method) shares a pot of zero or more, not \(text)")
        }
    }
}
