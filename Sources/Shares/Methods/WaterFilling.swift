import BigInt
import Counting

/// Proportional shares with caps and floors, by repeated water-filling.
///
/// Each member `i` has a weight `w_i`, an optional cap `c_i` and an optional floor `f_i` (minor
/// units). The exact amounts are `x_i = clamp(λ · w_i, f_i, c_i)` for the one water level `λ`
/// with `Σ x_i = pot`; a member with zero weight receives its floor. The level is found by
/// repeated filling (``WaterRound``): share what is left in proportion to weight among the members
/// not yet fixed, fix whoever overflows a cap (or, when the shortfalls weigh more, whoever falls
/// below a floor), and fill again — never a single pass that pushes someone over a cap. The exact
/// amounts are then rounded by ``LargestRemainder`` (caps and floors are whole units, so a capped
/// member never receives a leftover unit and nobody ends above a cap or below a floor).
///
/// Example: weights 34 / 50 / 16, cap 35, pot 100: the first fill gives 34 / 50 / 16, so the
/// second member is capped at 35; the remaining 65 fill 44.2 / 20.8, so the first is capped; the
/// last 30 go to the third: 35 / 35 / 30.
///
/// The caps must leave room for the pot (`Σ c_i ≥ pot`) and the floors must fit it
/// (`Σ f_i ≤ pot`). Capping is a transfer from the members at the cap to everyone else in
/// proportion to weight; it is not monotone in the pot across the rounding (Alabama paradox).
public enum WaterFilling {
    /// The method's name.
    public static let name = "water-filling"

    /// A member's weight and its own cap and floor in minor units (nil: the distribution's).
    public struct Member: Hashable, Sendable {
        public let member: String
        public let weight: Rational
        public let cap: Int64?
        public let floor: Int64?

        public init(_ member: String, weight: Rational, cap: Int64? = nil, floor: Int64? = nil) {
            self.member = member
            self.weight = weight
            self.cap = cap
            self.floor = floor
        }
    }

    /// Shares `pot` (zero or more) by weight with each member's cap and floor, or else `cap` and
    /// `floor` for everyone (nil: none).
    public static func distribute(
        _ pot: Money, members: [Member], cap: Int64? = nil, floor: Int64? = nil
    ) throws(SharesError) -> Distribution {
        try pot.requireNonNegative(name)
        _ = try MemberOrder.canonical(members.map(\.member))
        let sorted = members.sorted { MemberOrder.precedes($0.member, $1.member) }
        var terms: [LevelTerm] = []
        for member in sorted {
            guard member.weight >= .zero else {
                throw .invalidNumber("the weight of \(member.member) must not be negative")
            }
            let memberCap = member.cap ?? cap
            let memberFloor = member.floor ?? floor ?? 0
            guard memberFloor >= 0, (memberCap ?? 0) >= 0 else {
                throw .invalidAmount("the cap and floor of \(member.member) must not be negative")
            }
            terms.append(
                LevelTerm(
                    member: member.member, weight: member.weight, lower: Rational(BigInt(memberFloor)),
                    upper: memberCap.map { Rational(BigInt($0)) }))
        }
        guard terms.contains(where: { !$0.weight.isZero }) else {
            throw .noEligibleWeight("no member has a positive weight to share the pot by")
        }
        let solution = try WaterLevel.solve(terms, total: pot.rational, what: "the members")
        let entitlements = zip(terms, solution.amounts).map { Entitlement($0.member, quota: $1, weight: $0.weight) }
        let rounding = try LargestRemainder.round(pot.units, entitlements: entitlements)
        var parameters: [JSONMember] = []
        if let cap { parameters.append(JSONMember("cap", .integer(cap))) }
        if let floor { parameters.append(JSONMember("floor", .integer(floor))) }
        let bounds = sorted.filter { $0.cap != nil || $0.floor != nil }.map { member in
            var values: [JSONMember] = []
            if let cap = member.cap { values.append(JSONMember("cap", .integer(cap))) }
            if let floor = member.floor { values.append(JSONMember("floor", .integer(floor))) }
            return JSONMember(member.member, .object(values))
        }
        if !bounds.isEmpty { parameters.append(JSONMember("member_bounds", .object(bounds))) }
        return Distribution(
            method: name, parameters: parameters, currency: pot.currency, pot: pot.units, roundings: [rounding],
            details: [
                JSONMember("level", solution.level?.json ?? .null),
                JSONMember("rounds", .array(solution.rounds.map(\.json))),
            ])
    }
}
