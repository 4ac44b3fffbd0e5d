import BigInt
import Counting

/// Largest-remainder rounding, the primitive every method uses to turn exact quotas into whole
/// minor units.
///
/// For a total `T` (the pot) and exact quotas `q_i` (for a split by weights,
/// `q_i = T · w_i / Σ w`):
///
/// 1. every member first receives `⌊q_i⌋`;
/// 2. the `k = T − Σ ⌊q_i⌋` leftover units go one each to the members with the largest
///    remainders `q_i − ⌊q_i⌋`; equal remainders go to the larger weight, then to the member
///    earlier in the canonical order (``MemberOrder``).
///
/// So every amount is the floor or the ceiling of its quota and the amounts sum to `T` exactly.
/// A negative total (a loss) is shared by the same rule with the sign reversed: the magnitudes
/// `|q_i|` are rounded as above and every amount is negated, so the largest remainders of the
/// loss take the extra units of loss. A split with no positive weight is an error
/// (``SharesError/noEligibleWeight(_:)``).
///
/// Example: 10.00 split 3:3:1 has quotas 428 4/7, 428 4/7 and 142 6/7 cents; the floors pay
/// 998, and the two leftover cents go to the third member (remainder 6/7) and to the first
/// (remainder 4/7, same weight as the second, earlier in member order): 4.29 / 4.28 / 1.43.
/// Rounding each quota half-up would pay 10.01, rounding down 9.98.
///
/// The method is not monotone in the total: a pot one unit larger can pay someone one unit less
/// (the Alabama paradox; 0.10 split 3:3:1 pays 0.04 / 0.04 / 0.02, and 0.11 pays
/// 0.05 / 0.05 / 0.01).
public enum LargestRemainder {
    /// Splits `total` minor units in proportion to `weights`: `q_i = total · w_i / Σ w`.
    public static func split(
        _ total: Int64, weights: [MemberWeight], label: String = "pot"
    ) throws(SharesError) -> Rounding {
        var sum = Rational.zero
        for entry in weights {
            guard entry.weight >= .zero else {
                throw .invalidNumber("the weight of \(entry.member) must not be negative, not \(entry.weight)")
            }
            sum += entry.weight
        }
        _ = try MemberOrder.canonical(weights.map(\.member))
        guard sum > .zero else { throw .noEligibleWeight("no member has a positive weight to share \(label) by") }
        let pot = Rational(BigInt(total))
        let entitlements = weights.map { Entitlement($0.member, quota: pot * $0.weight / sum, weight: $0.weight) }
        return try round(total, entitlements: entitlements, label: label)
    }

    /// Rounds exact quotas to whole units summing to `total`. The total must lie between the sum
    /// of the quotas' floors and the sum of their ceilings (for a negative total, of the
    /// magnitudes'), which holds whenever the quotas sum to `total`.
    public static func round(
        _ total: Int64, entitlements: [Entitlement], label: String = "pot"
    ) throws(SharesError) -> Rounding {
        _ = try MemberOrder.canonical(entitlements.map(\.member))
        let entries = entitlements.sorted { MemberOrder.precedes($0.member, $1.member) }
        let negative = total < 0
        var floors: [BigInt] = []
        var remainders: [Rational] = []
        for entry in entries {
            let quota = negative ? -entry.quota : entry.quota
            let floor = quota.floor
            floors.append(floor)
            remainders.append(quota - Rational(floor))
        }
        let magnitude = BigInt(total.magnitude)
        let leftoverCount = magnitude - floors.reduce(0, +)
        let withRemainder = remainders.filter { !$0.isZero }.count
        guard leftoverCount >= 0, leftoverCount <= BigInt(withRemainder) else {
            throw .invalidParameter("the exact quotas of \(label) do not add up to its total \(total)")
        }
        let ranking = entries.indices.sorted { a, b in
            if remainders[a] != remainders[b] { return remainders[a] > remainders[b] }
            if entries[a].weight != entries[b].weight { return entries[a].weight > entries[b].weight }
            return a < b
        }
        let count = Int(leftoverCount)
        let recipients = Set(ranking.prefix(count))
        let next = count > 0 && count < ranking.count ? ranking[count] : nil

        var lines: [RoundingLine] = []
        for (index, entry) in entries.enumerated() {
            let magnitudeAmount = floors[index] + (recipients.contains(index) ? 1 : 0)
            guard let amount = Int64(exactly: negative ? -magnitudeAmount : magnitudeAmount) else {
                throw .beyondLimit("the share of \(entry.member) in \(label) does not fit 64 bits")
            }
            lines.append(
                RoundingLine(
                    member: entry.member, weight: entry.weight, quota: entry.quota, remainder: remainders[index],
                    amount: amount, leftover: recipients.contains(index)))
        }
        let leftovers = ranking.prefix(count).map { index in
            LeftoverUnit(
                member: entries[index].member, remainder: remainders[index], weight: entries[index].weight,
                reason: reason(index, over: next, remainders: remainders, entries: entries))
        }
        return Rounding(
            label: label, total: total, lines: lines, leftovers: leftovers, nextInLine: next.map { entries[$0].member })
    }

    private static func reason(
        _ index: Int, over next: Int?, remainders: [Rational], entries: [Entitlement]
    ) -> LeftoverReason {
        guard let next, remainders[index] == remainders[next] else { return .largerRemainder }
        return entries[index].weight != entries[next].weight ? .largerWeight : .memberOrder
    }
}
