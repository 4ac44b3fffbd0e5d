import BigInt
import Counting

/// How much a bucket takes.
public enum BucketAmount: Hashable, Sendable {
    /// A fixed amount in minor units.
    case fixed(Int64)
    /// A percentage (0 to 100) of the whole pot.
    case percentOfPot(Rational)
    /// A percentage (0 to 100) of what the earlier buckets left.
    case percentOfRemainder(Rational)
}

/// One bucket: a label, who receives it (a member, or an account such as `reserve`) and how much.
public struct Bucket: Hashable, Sendable {
    public let label: String
    public let payee: String
    public let amount: BucketAmount

    public init(_ label: String, payee: String, amount: BucketAmount) {
        self.label = label
        self.payee = payee
        self.amount = amount
    }
}

/// Ordered buckets: fixed amounts and percentages are taken from the pot in the order given, then
/// the rest is shared by a named method.
///
///     R_0 = pot;   b_k = F_k, or ⌊p_k/100 · pot⌋, or ⌊p_k/100 · R_{k−1}⌋;   R_k = R_{k−1} − b_k
///
/// A percentage bucket takes the floor of its exact amount (the fraction of a minor unit stays in
/// the rest); the last remainder `R_n` is shared by the rest method (``Proportional``,
/// ``WaterFilling``, ``Patronage``...). Buckets that ask for more than the pot are an error. A
/// payee that is also a member of the rest receives both, as labelled parts.
///
/// Example: pot 1000.00; reserve 10% of the pot (100.00), rent 300.00 fixed, education 5% of what
/// remains (5% of 600.00 = 30.00); the rest, 570.00, shared proportionally. The order matters: a
/// percentage of what remains shrinks when a fixed payment is placed before it.
public enum OrderedBuckets {
    /// The method's name.
    public static let name = "buckets"

    /// Takes `buckets` from `pot` (zero or more) in order and shares the rest with `rest`, which
    /// is given the remaining amount; `restName` names that method in the parameters.
    public static func distribute(
        _ pot: Money, buckets: [Bucket], restName: String,
        rest: (Money) throws(SharesError) -> Distribution
    ) throws(SharesError) -> Distribution {
        try pot.requireNonNegative(name)
        var remaining = pot.units
        var bucketShares: [Share] = []
        var described: [JSONValue] = []
        for bucket in buckets {
            try MemberOrder.validate(bucket.payee, what: "payee")
            let exact: Rational
            var kind: [JSONMember]
            switch bucket.amount {
            case .fixed(let amount):
                guard amount >= 0 else { throw .invalidAmount("bucket \(bucket.label) must not be negative") }
                exact = Rational(BigInt(amount))
                kind = [JSONMember("fixed", .integer(amount))]
            case .percentOfPot(let percent):
                try check(percent, bucket)
                exact = pot.rational * percent / Rational(100)
                kind = [JSONMember("percent_of_pot", percent.json)]
            case .percentOfRemainder(let percent):
                try check(percent, bucket)
                exact = Rational(BigInt(remaining)) * percent / Rational(100)
                kind = [JSONMember("percent_of_remainder", percent.json)]
            }
            guard let amount = Int64(exactly: exact.floor), amount <= remaining else {
                throw .infeasible("bucket \(bucket.label) asks for more than the \(remaining) units left of the pot")
            }
            remaining -= amount
            bucketShares.append(
                Share(member: bucket.payee, amount: amount, quota: exact, parts: [.init(bucket.label, amount)]))
            kind.append(contentsOf: [
                JSONMember("label", .string(bucket.label)), JSONMember("payee", .string(bucket.payee)),
                JSONMember("exact", exact.json), JSONMember("amount", .integer(amount)),
            ])
            described.append(.object(kind))
        }
        let restResult = try rest(Money(units: remaining, currency: pot.currency))
        for share in restResult.shares {
            let parts = share.parts.isEmpty ? [SharePart("rest", share.amount)] : share.parts
            bucketShares.append(Share(member: share.member, amount: share.amount, quota: share.quota, parts: parts))
        }
        return Distribution(
            method: name,
            parameters: [
                JSONMember("buckets", .array(described)),
                JSONMember("rest", .object([JSONMember("method", .string(restName))] + restResult.parameters)),
            ],
            currency: pot.currency, pot: pot.units, shares: merge(bucketShares), roundings: restResult.roundings,
            details: [
                JSONMember("rest_pot", .integer(remaining)),
                JSONMember("rest_unallocated", .integer(restResult.unallocated)),
                JSONMember("rest", .object(restResult.details)),
            ])
    }

    private static func check(_ percent: Rational, _ bucket: Bucket) throws(SharesError) {
        guard percent >= .zero, percent <= Rational(100) else {
            throw .invalidNumber("bucket \(bucket.label) takes 0 to 100 percent, not \(percent)")
        }
    }

    /// One share per recipient, its parts in the order they were paid.
    private static func merge(_ shares: [Share]) -> [Share] {
        var order: [String] = []
        var merged: [String: Share] = [:]
        for share in shares {
            if let earlier = merged[share.member] {
                merged[share.member] = Share(
                    member: share.member, amount: earlier.amount + share.amount, quota: earlier.quota + share.quota,
                    parts: earlier.parts + share.parts)
            } else {
                order.append(share.member)
                merged[share.member] = share
            }
        }
        return order.compactMap { merged[$0] }
    }
}
