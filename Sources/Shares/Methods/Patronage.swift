import BigInt
import Counting

/// Co-operative patronage: a surplus is allocated to members in proportion to their patronage
/// (the business they did with the co-op), and each allocation is paid partly in cash now and
/// partly retained (credited to the member's capital account).
///
///     allocation_i = largest remainder of pot · p_i / Σ p     (see ``LargestRemainder``)
///     cash_i       = ⌈allocation_i · c / 100⌉                  retained_i = allocation_i − cash_i
///
/// where `c` is the minimum cash percentage (for example 20, as US co-ops must pay for qualified
/// written notices of allocation). The cash part is rounded up, so every member is paid at least
/// the minimum; the retained part is what is left of the allocation. Each share has the parts
/// `cash` and `retained`.
///
/// Example: 100.00 by patronage 1 / 2, minimum cash 25%: allocations 33.33 and 66.67 (the
/// leftover cent to the larger remainder 2/3); cash ⌈8.3325⌉ = 8.34 and ⌈16.6675⌉ = 16.67;
/// retained 24.99 and 50.00. Same paradoxes as ``Proportional``.
public enum Patronage {
    /// The method's name.
    public static let name = "patronage"

    /// Shares `pot` (zero or more) by `patronage`, paying at least `minimumCashPercent` (0 to 100)
    /// of each allocation in cash.
    public static func distribute(
        _ pot: Money, patronage: [MemberWeight], minimumCashPercent: Rational
    ) throws(SharesError) -> Distribution {
        try pot.requireNonNegative(name)
        guard minimumCashPercent >= .zero, minimumCashPercent <= Rational(100) else {
            throw .invalidNumber("the minimum cash part is 0 to 100 percent, not \(minimumCashPercent)")
        }
        let rounding = try LargestRemainder.split(pot.units, weights: patronage, label: "allocation")
        var shares: [Share] = []
        var cashTotal: Int64 = 0
        for line in rounding.lines {
            let exactCash = Rational(BigInt(line.amount)) * minimumCashPercent / Rational(100)
            let cash = Int64(exactly: exactCash.ceiling) ?? line.amount
            cashTotal += cash
            shares.append(
                Share(
                    member: line.member, amount: line.amount, quota: line.quota,
                    parts: [SharePart("cash", cash), SharePart("retained", line.amount - cash)]))
        }
        return Distribution(
            method: name, parameters: [JSONMember("minimum_cash_percent", minimumCashPercent.json)],
            currency: pot.currency, pot: pot.units, shares: shares, roundings: [rounding],
            details: [
                JSONMember("cash", .integer(cashTotal)),
                JSONMember("retained", .integer(pot.units - cashTotal)),
            ])
    }
}
