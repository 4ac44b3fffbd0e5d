import BigInt
import Counting

/// A claim on an estate: who, and how much they are owed, in minor units.
public struct Claim: Hashable, Sendable {
    public let member: String
    public let amount: Int64

    public init(_ member: String, _ amount: Int64) {
        self.member = member
        self.amount = amount
    }
}

/// How an estate `E` is shared among claims `d_i` that add up to more (`D = Σ d_i > E`), as in
/// bankruptcy; the exact awards `x_i` are then rounded by ``LargestRemainder`` with the claims as
/// weights (an equal remainder goes to the larger claim).
///
/// - ``proportional``: `x_i = E · d_i / D`.
/// - ``constrainedEqualAwards`` (CEA): `x_i = min(d_i, λ)`, everyone gets the same award unless
///   that is more than their claim. Favours small claims.
/// - ``constrainedEqualLosses`` (CEL): `x_i = max(0, d_i − μ)`, everyone loses the same amount
///   unless that is more than their claim. Favours large claims.
/// - ``talmud``: the rule Aumann and Maschler (1985) found in the Talmud: CEA on the half-claims
///   while `E ≤ D/2`, otherwise `x_i = d_i − min(d_i/2, μ)` (CEL on the half-claims for what
///   exceeds `D/2`). For claims 100 / 200 / 300 it awards 33⅓ each from 100, 50 / 75 / 75 from
///   200 and 50 / 100 / 150 from 300.
///
/// All four award at most each claim and at least zero, and sum to `E`; the levels `λ` and `μ`
/// are found exactly by water-filling. When the claims do not exceed the estate every claim is
/// paid in full and the rest of the estate is left ``Distribution/unallocated``.
public enum ClaimsRule: String, CaseIterable, Hashable, Sendable {
    case proportional = "proportional-claims"
    case constrainedEqualAwards = "constrained-equal-awards"
    case constrainedEqualLosses = "constrained-equal-losses"
    case talmud
}

/// The claims rules (see ``ClaimsRule``).
public enum ClaimsRules {
    /// Shares `estate` (zero or more) among `claims` (each zero or more, at least one positive) by `rule`.
    public static func distribute(
        _ estate: Money, claims: [Claim], rule: ClaimsRule
    ) throws(SharesError) -> Distribution {
        try estate.requireNonNegative(rule.rawValue)
        _ = try MemberOrder.canonical(claims.map(\.member))
        let sorted = claims.sorted { MemberOrder.precedes($0.member, $1.member) }
        var total = Rational.zero
        for claim in sorted {
            guard claim.amount >= 0 else { throw .invalidAmount("the claim of \(claim.member) must not be negative") }
            total += Rational(BigInt(claim.amount))
        }
        guard total > .zero else { throw .noEligibleWeight("no member has a positive claim") }
        let estateValue = estate.rational
        let claimed = sorted.map { Rational(BigInt($0.amount)) }
        var awards: [Rational]
        var level: Rational?
        var rounds: [WaterRound] = []
        var paid = estate.units
        if estateValue >= total {
            awards = claimed
            paid = Int64(exactly: total.numerator) ?? estate.units
        } else {
            let terms: [LevelTerm]
            switch rule {
            case .proportional:
                terms = []
            case .constrainedEqualAwards:
                terms = zip(sorted, claimed).map { LevelTerm(member: $0.member, weight: .one, upper: $1) }
            case .constrainedEqualLosses:
                terms = zip(sorted, claimed).map {
                    LevelTerm(member: $0.member, weight: .one, offset: $1, lower: .zero, upper: $1)
                }
            case .talmud:
                let half = Rational(1, 2)
                if estateValue * Rational(2) <= total {
                    terms = zip(sorted, claimed).map { LevelTerm(member: $0.member, weight: .one, upper: $1 * half) }
                } else {
                    terms = zip(sorted, claimed).map {
                        LevelTerm(member: $0.member, weight: .one, offset: $1, lower: $1 * half, upper: $1)
                    }
                }
            }
            if rule == .proportional {
                awards = claimed.map { estateValue * $0 / total }
            } else {
                let solution = try WaterLevel.solve(terms, total: estateValue, what: "the claims")
                awards = solution.amounts
                level = solution.level
                rounds = solution.rounds
            }
        }
        let entitlements = zip(sorted, zip(awards, claimed)).map { Entitlement($0.member, quota: $1.0, weight: $1.1) }
        let rounding = try LargestRemainder.round(paid, entitlements: entitlements, label: "estate")
        var details = [JSONMember("total_claims", total.json)]
        if let level {
            let name = rule == .constrainedEqualAwards || (rule == .talmud && estateValue * Rational(2) <= total)
            details.append(JSONMember(name ? "award_level" : "loss_level", (name ? level : -level).json))
            details.append(JSONMember("rounds", .array(rounds.map(\.json))))
        }
        return Distribution(
            method: rule.rawValue,
            parameters: [JSONMember("claims", DetailJSON.units(sorted.map { ($0.member, $0.amount) }))],
            currency: estate.currency, pot: estate.units, roundings: [rounding], details: details)
    }
}
