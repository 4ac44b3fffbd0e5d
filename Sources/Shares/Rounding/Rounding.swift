import Counting

/// A member and an exact, non-negative weight (hours, points, votes, any measure).
public struct MemberWeight: Hashable, Sendable {
    public let member: String
    public let weight: Rational

    public init(_ member: String, _ weight: Rational) {
        self.member = member
        self.weight = weight
    }
}

/// A member's exact entitlement before rounding: the quota in minor units (any rational), and
/// the weight that decides between equal remainders.
public struct Entitlement: Hashable, Sendable {
    public let member: String
    /// The exact amount owed, in minor units.
    public let quota: Rational
    /// The tie-break weight (larger wins an equal remainder).
    public let weight: Rational

    public init(_ member: String, quota: Rational, weight: Rational) {
        self.member = member
        self.quota = quota
        self.weight = weight
    }
}

/// Why a member received a leftover unit, compared with the first member in line who did not.
public enum LeftoverReason: String, Hashable, Sendable {
    /// Its remainder is larger.
    case largerRemainder = "larger remainder"
    /// Equal remainders; its weight is larger.
    case largerWeight = "equal remainder, larger weight"
    /// Equal remainders and weights; it comes first in the canonical member order.
    case memberOrder = "equal remainder and weight, earlier in member order"
}

/// One member's line in a rounding: weight, exact quota, the part of it below a whole unit, and
/// the amount paid (the quota's floor or ceiling; for a negative total, of its magnitude with the
/// sign reversed).
public struct RoundingLine: Hashable, Sendable {
    public let member: String
    public let weight: Rational
    /// The exact quota in minor units.
    public let quota: Rational
    /// The fractional part that ranks members for leftover units (of `|quota|` when the total is
    /// negative).
    public let remainder: Rational
    /// The amount paid, in minor units.
    public let amount: Int64
    /// Whether the amount includes a leftover unit.
    public let leftover: Bool
}

/// A leftover unit: who received it, in award order, and why.
public struct LeftoverUnit: Hashable, Sendable {
    public let member: String
    public let remainder: Rational
    public let weight: Rational
    public let reason: LeftoverReason
}

/// The trace of one largest-remainder rounding: the total shared, every member's line in
/// canonical order, and the leftover units in the order they were given, each with its reason
/// (compared with ``nextInLine``, the first member in ranking order who got none).
public struct Rounding: Hashable, Sendable {
    /// What was rounded (`"pot"`, `"bucket reserve"`, `"match"`...).
    public let label: String
    /// The total shared, in minor units: the sum of the amounts.
    public let total: Int64
    public let lines: [RoundingLine]
    public let leftovers: [LeftoverUnit]
    /// The first member in ranking order who received no leftover unit, if leftover units were given.
    public let nextInLine: String?

    /// The line of `member`, if it is part of this rounding.
    public func line(_ member: String) -> RoundingLine? { lines.first { $0.member == member } }
}
