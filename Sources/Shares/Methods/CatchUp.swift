import BigInt
import Counting

/// Catch-up toward lifetime targets: members whose pay so far is behind their lifetime weight
/// are brought up first, and members already overpaid receive nothing now.
///
/// Each member has a lifetime weight `w_i` (contributions over all time, possibly time-decayed)
/// and has been paid `p_i` so far. The lifetime target is the same multiple `λ` of everyone's
/// weight, and this pot pays
///
///     x_i = max(0, λ · w_i − p_i),   with λ such that Σ x_i = pot
///
/// (found exactly by water-filling), then rounded by ``LargestRemainder`` with the weights as
/// tie-break. Members at or above the level (`p_i ≥ λ · w_i`) receive nothing. With a pot large
/// enough for everyone to catch up, the lifetime totals `p_i + x_i` are exactly proportional to
/// the weights.
///
/// Example: weights 1 / 1, paid 0.00 / 6.00, pot 10.00: the level is 8.00 per unit of weight, so
/// the first member receives 8.00 and the second 2.00 (lifetime 8.00 / 8.00).
public enum CatchUp {
    /// The method's name.
    public static let name = "catch-up"

    /// A member's lifetime weight and what it has been paid so far, in minor units.
    public struct Member: Hashable, Sendable {
        public let member: String
        public let weight: Rational
        public let paid: Int64

        public init(_ member: String, weight: Rational, paid: Int64) {
            self.member = member
            self.weight = weight
            self.paid = paid
        }
    }

    /// Shares `pot` (zero or more) to bring lifetime pay toward `λ · weight`.
    public static func distribute(_ pot: Money, members: [Member]) throws(SharesError) -> Distribution {
        try pot.requireNonNegative(name)
        _ = try MemberOrder.canonical(members.map(\.member))
        let sorted = members.sorted { MemberOrder.precedes($0.member, $1.member) }
        var terms: [LevelTerm] = []
        for member in sorted {
            guard member.weight >= .zero else {
                throw .invalidNumber("the weight of \(member.member) must not be negative")
            }
            terms.append(
                LevelTerm(member: member.member, weight: member.weight, offset: -Rational(BigInt(member.paid))))
        }
        guard terms.contains(where: { !$0.weight.isZero }) else {
            throw .noEligibleWeight("no member has a positive lifetime weight")
        }
        let solution = try WaterLevel.solve(terms, total: pot.rational, what: "the catch-up")
        let entitlements = zip(terms, solution.amounts).map { Entitlement($0.member, quota: $1, weight: $0.weight) }
        let rounding = try LargestRemainder.round(pot.units, entitlements: entitlements)
        let level = solution.level ?? .zero
        return Distribution(
            method: name,
            parameters: [JSONMember("paid", DetailJSON.units(sorted.map { ($0.member, $0.paid) }))],
            currency: pot.currency, pot: pot.units, roundings: [rounding],
            details: [
                JSONMember("level", level.json),
                JSONMember("targets", DetailJSON.exact(sorted.map { ($0.member, level * $0.weight) })),
                JSONMember(
                    "at_or_above_level",
                    DetailJSON.strings(zip(sorted, solution.amounts).filter { $1.isZero }.map { $0.0.member })),
            ])
    }
}
