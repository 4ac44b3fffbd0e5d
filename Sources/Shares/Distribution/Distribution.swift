import Counting

/// A labelled part of a member's share (a bucket's amount, or patronage's cash and retained
/// parts), in minor units.
public struct SharePart: Hashable, Sendable {
    public let label: String
    public let amount: Int64

    public init(_ label: String, _ amount: Int64) {
        self.label = label
        self.amount = amount
    }
}

/// What one member (or payee, or project) receives: the amount in minor units, the exact quota
/// it was rounded from (`amount` is within one unit of it per rounding), and labelled parts when
/// the method pays in parts.
public struct Share: Hashable, Sendable {
    public let member: String
    /// The amount paid, in minor units of the distribution's currency.
    public let amount: Int64
    /// The exact amount owed before rounding, in minor units (the sum over the roundings it
    /// took part in).
    public let quota: Rational
    /// The labelled parts of `amount`, in the order the method paid them; empty for a single part.
    public let parts: [SharePart]

    public init(member: String, amount: Int64, quota: Rational, parts: [SharePart] = []) {
        self.member = member
        self.amount = amount
        self.quota = quota
        self.parts = parts
    }
}

/// The result of a sharing method, as a value: the method and its parameters, the pot, every
/// share with its exact quota, each largest-remainder rounding with who received a leftover unit
/// and why, and method-specific details. ``json`` and ``canonicalBytes`` give its one canonical
/// JSON form (amounts as integers of minor units, exact numbers as `"n/d"` text).
///
/// `paid = Σ amount` over the shares; `unallocated = pot − paid` is zero except where a method
/// says otherwise (quadratic funding's unspent matching pool, claims below the estate).
public struct Distribution: Hashable, Sendable {
    /// The method's name as `plenum shares` spells it (`"proportional"`, `"water-filling"`...).
    public let method: String
    /// The parameters that decided the result (amounts as integers of minor units).
    public let parameters: [JSONMember]
    public let currency: Currency
    /// The amount shared, in minor units.
    public let pot: Int64
    /// Every recipient's share, in canonical member order.
    public let shares: [Share]
    /// The roundings that produced the amounts, in the order they were made.
    public let roundings: [Rounding]
    /// Method-specific facts (points received, water levels, ideal matches, Shapley values...).
    public let details: [JSONMember]

    public init(
        method: String, parameters: [JSONMember], currency: Currency, pot: Int64, shares: [Share],
        roundings: [Rounding], details: [JSONMember] = []
    ) {
        self.method = method
        self.parameters = parameters
        self.currency = currency
        self.pot = pot
        self.shares = shares.sorted { MemberOrder.precedes($0.member, $1.member) }
        self.roundings = roundings
        self.details = details
    }

    /// A distribution whose shares are the roundings' lines added up per member; with more than
    /// one rounding, each rounding a member took part in is one of its parts.
    public init(
        method: String, parameters: [JSONMember], currency: Currency, pot: Int64, roundings: [Rounding],
        details: [JSONMember] = []
    ) {
        var order: [String] = []
        var amounts: [String: Int64] = [:]
        var quotas: [String: Rational] = [:]
        var parts: [String: [SharePart]] = [:]
        for rounding in roundings {
            for line in rounding.lines {
                if amounts[line.member] == nil { order.append(line.member) }
                amounts[line.member, default: 0] += line.amount
                quotas[line.member, default: .zero] += line.quota
                parts[line.member, default: []].append(SharePart(rounding.label, line.amount))
            }
        }
        let shares = order.map { member in
            Share(
                member: member, amount: amounts[member] ?? 0, quota: quotas[member] ?? .zero,
                parts: roundings.count > 1 ? parts[member] ?? [] : [])
        }
        self.init(
            method: method, parameters: parameters, currency: currency, pot: pot, shares: shares,
            roundings: roundings, details: details)
    }

    /// The sum of the shares, in minor units.
    public var paid: Int64 { shares.reduce(0) { $0 + $1.amount } }

    /// The part of the pot not paid to anyone, in minor units.
    public var unallocated: Int64 { pot - paid }

    /// The share of `member`, if it receives one.
    public func share(of member: String) -> Share? { shares.first { $0.member == member } }

    /// The amount of `member` in minor units (0 if it has no share).
    public func amount(of member: String) -> Int64 { share(of: member)?.amount ?? 0 }

    /// `units` of this distribution's currency.
    public func money(_ units: Int64) -> Money { Money(units: units, currency: currency) }
}
