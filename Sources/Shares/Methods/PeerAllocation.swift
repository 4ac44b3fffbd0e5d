import Counting

/// Points one member gives another.
public struct Gift: Hashable, Sendable {
    public let from: String
    public let to: String
    public let points: Rational

    public init(from: String, to: String, points: Rational) {
        self.from = from
        self.to = to
        self.points = points
    }
}

/// Peer allocation: each eligible giver gives a budget of points to the others, and the pot is
/// shared in proportion to the points received.
///
///     counted_gh = g_gh · min(1, B / Σ_h g_gh)      (gifts to oneself, and gifts from or to
///     r_h = Σ_g counted_gh                           members who opted out, are not counted)
///     quota_h = pot · r_h / Σ_k r_k
///
/// Rows giving to the same person add up; a gift to oneself is never counted; a giver who gives
/// more than the budget `B` has every counted gift scaled down by the same factor so that exactly
/// `B` counts; members who opted out of giving or receiving keep no say or no share, and their
/// gifts are dropped (the giver's other gifts stand). Every eligible receiver has a share, zero if
/// nobody gave them points; the quotas are rounded by ``LargestRemainder``.
///
/// Example: budget 100; A gives B 60 and C 40, B gives A 100, C gives A 50 and B 50: received
/// A 150, B 110, C 40 of 300, so 30.00 is shared 15.00 / 11.00 / 4.00. Peer allocation rewards
/// being seen as well as contributing, and a clique that gives only to itself gains from it.
public enum PeerAllocation {
    /// The method's name.
    public static let name = "peer"

    /// A member and whether it gives and receives points.
    public struct Member: Hashable, Sendable {
        public let member: String
        public let gives: Bool
        public let receives: Bool

        public init(_ member: String, gives: Bool = true, receives: Bool = true) {
            self.member = member
            self.gives = gives
            self.receives = receives
        }
    }

    /// A gift that was not counted, and why.
    public struct Ignored: Hashable, Sendable {
        public let gift: Gift
        public let reason: String
    }

    /// What counts: the gifts after the rules, the scale applied to each giver over budget, and
    /// the points each eligible receiver received (canonical order).
    public struct Tally: Hashable, Sendable {
        public let counted: [Gift]
        public let ignored: [Ignored]
        public let scaled: [String: Rational]
        public let received: [MemberWeight]
    }

    /// Applies the rules to `gifts` with a `budget` of points per giver. With no `members`, every
    /// member named in a gift gives and receives; otherwise a gift naming anyone else is an error.
    public static func tally(
        _ gifts: [Gift], budget: Rational, members: [Member]? = nil
    ) throws(SharesError) -> Tally {
        guard budget > .zero else { throw .invalidParameter("the budget of points must be more than 0") }
        let roster: [Member]
        if let members {
            let names = try MemberOrder.canonical(members.map(\.member))
            let byName = Dictionary(members.map { ($0.member, $0) }, uniquingKeysWith: { first, _ in first })
            roster = names.compactMap { byName[$0] }
        } else {
            var names = Set<String>()
            for gift in gifts {
                try MemberOrder.validate(gift.from)
                try MemberOrder.validate(gift.to)
                names.insert(gift.from)
                names.insert(gift.to)
            }
            roster = names.sorted(by: MemberOrder.precedes).map { Member($0) }
        }
        let byName = Dictionary(roster.map { ($0.member, $0) }, uniquingKeysWith: { first, _ in first })
        var merged: [Pair: Rational] = [:]
        for gift in gifts {
            guard byName[gift.from] != nil else {
                throw .unknownMember("\(gift.from) gives points but is not a member")
            }
            guard byName[gift.to] != nil else { throw .unknownMember("\(gift.to) receives points but is not a member") }
            guard gift.points >= .zero else {
                throw .invalidNumber("\(gift.from) gives \(gift.to) a negative number of points")
            }
            merged[Pair(from: gift.from, to: gift.to), default: .zero] += gift.points
        }
        let pairs = merged.keys.sorted()
        var ignored: [Ignored] = []
        var kept: [Pair] = []
        var given: [String: Rational] = [:]
        for pair in pairs {
            let gift = Gift(from: pair.from, to: pair.to, points: merged[pair] ?? .zero)
            if pair.from == pair.to {
                ignored.append(Ignored(gift: gift, reason: "a gift to oneself"))
            } else if byName[pair.from]?.gives != true {
                ignored.append(Ignored(gift: gift, reason: "the giver does not give"))
            } else if byName[pair.to]?.receives != true {
                ignored.append(Ignored(gift: gift, reason: "the receiver does not receive"))
            } else {
                kept.append(pair)
                given[pair.from, default: .zero] += gift.points
            }
        }
        var scaled: [String: Rational] = [:]
        for (giver, total) in given where total > budget { scaled[giver] = budget / total }
        var received: [String: Rational] = [:]
        var counted: [Gift] = []
        for pair in kept {
            let points = (merged[pair] ?? .zero) * (scaled[pair.from] ?? .one)
            counted.append(Gift(from: pair.from, to: pair.to, points: points))
            received[pair.to, default: .zero] += points
        }
        let receivers = roster.filter(\.receives).map { MemberWeight($0.member, received[$0.member] ?? .zero) }
        return Tally(counted: counted, ignored: ignored, scaled: scaled, received: receivers)
    }

    /// Shares `pot` by the points received under ``tally(_:budget:members:)``.
    public static func distribute(
        _ pot: Money, gifts: [Gift], budget: Rational, members: [Member]? = nil
    ) throws(SharesError) -> Distribution {
        let tally = try tally(gifts, budget: budget, members: members)
        guard !tally.received.isEmpty else { throw .noEligibleWeight("no member receives points") }
        let rounding = try LargestRemainder.split(pot.units, weights: tally.received)
        var parameters = [JSONMember("budget", budget.json)]
        if let members {
            let sorted = members.sorted { MemberOrder.precedes($0.member, $1.member) }
            parameters.append(JSONMember("not_giving", DetailJSON.strings(sorted.filter { !$0.gives }.map(\.member))))
            parameters.append(
                JSONMember("not_receiving", DetailJSON.strings(sorted.filter { !$0.receives }.map(\.member))))
        }
        let ignored = tally.ignored.map { item in
            JSONValue.object([
                JSONMember("from", .string(item.gift.from)), JSONMember("to", .string(item.gift.to)),
                JSONMember("points", item.gift.points.json), JSONMember("reason", .string(item.reason)),
            ])
        }
        let scaled = tally.scaled.keys.sorted(by: MemberOrder.precedes).map { ($0, tally.scaled[$0] ?? .one) }
        return Distribution(
            method: name, parameters: parameters, currency: pot.currency, pot: pot.units, roundings: [rounding],
            details: [
                JSONMember("received", DetailJSON.exact(tally.received.map { ($0.member, $0.weight) })),
                JSONMember("scaled_givers", DetailJSON.exact(scaled)),
                JSONMember("ignored", .array(ignored)),
            ])
    }
}

/// A giver and a receiver, ordered canonically (giver first).
private struct Pair: Hashable, Comparable {
    let from: String
    let to: String

    static func < (lhs: Pair, rhs: Pair) -> Bool {
        lhs.from != rhs.from ? MemberOrder.precedes(lhs.from, rhs.from) : MemberOrder.precedes(lhs.to, rhs.to)
    }
}
