import BigInt
import Counting

/// A cooperative game: the value `v(S)` (in minor units) that each coalition `S` of the members
/// can make on its own, given for every non-empty coalition; `v(∅) = 0`.
public struct CharacteristicFunction: Hashable, Sendable {
    /// The most members a game may have: `2^20 − 1` coalitions must be given.
    public static let maximumMembers = 20

    /// The members in canonical order; bit `k` of a coalition's index is member `k`.
    public let members: [String]
    /// `v` of every coalition by index (bit set `S`); `values[0] = 0`.
    public let values: [Int64]

    /// A game from each non-empty coalition (its members, in any order) and its value. Every
    /// non-empty coalition must be given exactly once; the empty one may be given, as 0.
    public init(members: [String], values: [(coalition: [String], value: Int64)]) throws(SharesError) {
        let sorted = try MemberOrder.canonical(members)
        guard !sorted.isEmpty else { throw .noEligibleWeight("a game needs at least one member") }
        guard sorted.count <= CharacteristicFunction.maximumMembers else {
            throw .beyondLimit(
                "the Shapley value is computed exactly for at most \(CharacteristicFunction.maximumMembers) "
                    + "members, not \(sorted.count)")
        }
        var bit: [String: Int] = [:]
        for (index, member) in sorted.enumerated() { bit[member] = index }
        var table = [Int64?](repeating: nil, count: 1 << sorted.count)
        for entry in values {
            var mask = 0
            for member in entry.coalition {
                guard let index = bit[member] else {
                    throw .unknownMember("\(member) is in a coalition but not a member")
                }
                guard mask & (1 << index) == 0 else {
                    throw .invalidInput("a coalition lists \(member) twice")
                }
                mask |= 1 << index
            }
            let name = CharacteristicFunction.name(mask, sorted)
            guard table[mask] == nil else { throw .invalidInput("the coalition \(name) is given twice") }
            if mask == 0 && entry.value != 0 {
                throw .invalidInput("the empty coalition is worth 0, not \(entry.value)")
            }
            table[mask] = entry.value
        }
        table[0] = 0
        if let missing = table.firstIndex(of: nil) {
            throw .invalidInput(
                "the coalition \(CharacteristicFunction.name(missing, sorted)) has no value; every coalition needs one")
        }
        self.members = sorted
        self.values = table.map { $0 ?? 0 }
    }

    /// `v` of the grand coalition (everyone).
    public var grandValue: Int64 { values[values.count - 1] }

    /// A coalition's members joined by `+`, `{}` for the empty one.
    static func name(_ mask: Int, _ members: [String]) -> String {
        let names = members.indices.filter { mask & (1 << $0) != 0 }.map { members[$0] }
        return names.isEmpty ? "{}" : names.joined(separator: "+")
    }
}

/// The Shapley value: each member's average marginal contribution over every order in which the
/// grand coalition could form.
///
///     φ_i = Σ_{S ⊆ N∖{i}} |S|! (n − |S| − 1)! / n! · (v(S ∪ {i}) − v(S))
///
/// computed exactly (integer sums per coalition size, then one exact fraction per member) for up
/// to ``CharacteristicFunction/maximumMembers`` members. The values sum to `v(N)`, which is the
/// pot unless another is given; with another pot `P` the quotas are `P · φ_i / v(N)` (so `v(N)`
/// must not be 0). Quotas are rounded by ``LargestRemainder`` with `φ` as weight; a member whose
/// marginal contributions are negative can owe (a negative quota).
///
/// Example, the glove game: A holds a left glove, B and C a right glove each; a pair is worth 1,
/// so `v = 1` for {A,B}, {A,C} and {A,B,C}, else 0. Then `φ = 2/3, 1/6, 1/6`; 6.00 is shared
/// 4.00 / 1.00 / 1.00. Efficient, symmetric, additive, and null players get nothing; it is not
/// always in the core, and a game with many members costs `n · 2^(n−1)` steps.
public enum ShapleyValue {
    /// The method's name.
    public static let name = "shapley"

    /// The exact Shapley value of every member, in canonical order.
    public static func values(_ game: CharacteristicFunction) -> [MemberWeight] {
        let count = game.members.count
        var factorials: [BigInt] = [1]
        for k in 1...count { factorials.append(factorials[k - 1] * BigInt(k)) }
        var sizes = [Int](repeating: 0, count: 1 << count)
        for mask in 1..<(1 << count) { sizes[mask] = sizes[mask >> 1] + (mask & 1) }
        return (0..<count).map { member in
            let bit = 1 << member
            var bySize = [Int128](repeating: 0, count: count)
            for mask in 0..<(1 << count) where mask & bit == 0 {
                bySize[sizes[mask]] += Int128(game.values[mask | bit]) - Int128(game.values[mask])
            }
            var numerator = BigInt(0)
            for size in 0..<count where bySize[size] != 0 {
                numerator += factorials[size] * factorials[count - size - 1] * BigInt(bySize[size])
            }
            return MemberWeight(game.members[member], Rational(numerator, factorials[count]))
        }
    }

    /// Shares `pot` (by default `v(N)`) by the Shapley values of `game`.
    public static func distribute(_ game: CharacteristicFunction, pot: Money) throws(SharesError) -> Distribution {
        let shapley = values(game)
        let grand = Rational(BigInt(game.grandValue))
        let quotas: [Rational]
        if pot.units == game.grandValue {
            quotas = shapley.map(\.weight)
        } else {
            guard !grand.isZero else {
                throw .noEligibleWeight("the grand coalition is worth 0, so no other pot can be shared in proportion")
            }
            quotas = shapley.map { pot.rational * $0.weight / grand }
        }
        let entitlements = zip(shapley, quotas).map { Entitlement($0.member, quota: $1, weight: $0.weight) }
        let rounding = try LargestRemainder.round(pot.units, entitlements: entitlements)
        return Distribution(
            method: name, parameters: [JSONMember("members", DetailJSON.strings(game.members))],
            currency: pot.currency, pot: pot.units, roundings: [rounding],
            details: [
                JSONMember("grand_coalition", .integer(game.grandValue)),
                JSONMember("shapley_values", DetailJSON.exact(shapley.map { ($0.member, $0.weight) })),
            ])
    }
}
