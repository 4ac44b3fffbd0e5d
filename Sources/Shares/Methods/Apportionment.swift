import BigInt
import Counting

/// A way to apportion whole seats (or any indivisible units) in proportion to votes or population.
///
/// - ``hamilton`` (largest remainder, Hare quota): `q_i = h · v_i / Σ v`; everyone gets `⌊q_i⌋`,
///   the leftover seats go by larger remainder, then more votes, then member order. Satisfies the
///   quota rule (everyone gets `⌊q_i⌋` or `⌈q_i⌉`) but suffers the Alabama paradox (one more seat
///   can cost a party a seat) and the population paradox (a party growing faster than another can
///   lose a seat to it).
/// - ``dhondt`` (Jefferson): seats one at a time to the highest quotient `v_i / (s_i + 1)`.
/// - ``sainteLague`` (Webster): seats one at a time to the highest quotient `v_i / (2 s_i + 1)`.
///
/// The two divisor methods are house-monotone and free of the population paradox but can violate
/// the quota rule: D'Hondt can give a large party more than `⌈q_i⌉` seats (it favours large
/// parties), Sainte-Laguë can too, more rarely. An equal quotient goes to the party with more
/// votes, then to the one earlier in member order; each seat's award and the reason are traced.
public enum ApportionmentMethod: String, CaseIterable, Hashable, Sendable {
    case hamilton
    case dhondt
    case sainteLague = "sainte-lague"
}

/// Apportionment of whole seats (see ``ApportionmentMethod``).
public enum Apportionment {
    /// The most seats a divisor method hands out (one at a time).
    public static let maximumSeats = 100_000

    /// Apportions `seats` (zero or more) by `votes` (at least one positive). The distribution's
    /// currency is ``Currency/seats``; each share's quota is its exact Hare quota `h · v_i / Σ v`.
    public static func apportion(
        seats: Int, votes: [MemberWeight], method: ApportionmentMethod
    ) throws(SharesError) -> Distribution {
        guard seats >= 0 else { throw .invalidParameter("the number of seats must not be negative") }
        if method == .hamilton {
            let rounding = try LargestRemainder.split(Int64(seats), weights: votes, label: "seats")
            return Distribution(
                method: method.rawValue, parameters: [], currency: .seats, pot: Int64(seats), roundings: [rounding])
        }
        guard seats <= maximumSeats else {
            throw .beyondLimit("a divisor method hands out at most \(maximumSeats) seats, not \(seats)")
        }
        _ = try MemberOrder.canonical(votes.map(\.member))
        let parties = votes.sorted { MemberOrder.precedes($0.member, $1.member) }
        var total = Rational.zero
        for party in parties {
            guard party.weight >= .zero else {
                throw .invalidNumber("the votes of \(party.member) must not be negative")
            }
            total += party.weight
        }
        guard total > .zero else { throw .noEligibleWeight("no party has a positive number of votes") }
        var won = [Int](repeating: 0, count: parties.count)
        var awards: [JSONValue] = []
        let divisor = { (held: Int) in BigInt(method == .dhondt ? held + 1 : 2 * held + 1) }
        // The votes as integers over one common denominator, so that comparing quotients
        // `v_a / d_a` and `v_b / d_b` is two integer products.
        let common = parties.reduce(BigInt(1)) {
            $0 / $0.greatestCommonDivisor(with: $1.weight.denominator) * $1.weight.denominator
        }
        let integers = parties.map { $0.weight.numerator * (common / $0.weight.denominator) }
        // Whether party `a` comes before party `b` for the next seat.
        let before = { (a: Int, b: Int) -> Bool in
            let left = integers[a] * divisor(won[b])
            let right = integers[b] * divisor(won[a])
            if left != right { return left > right }
            if integers[a] != integers[b] { return integers[a] > integers[b] }
            return a < b
        }
        for seat in 0..<seats {
            var winner = 0
            var runnerUp: Int?
            for index in parties.indices.dropFirst() {
                if before(index, winner) {
                    runnerUp = winner
                    winner = index
                } else if runnerUp.map({ before(index, $0) }) ?? true {
                    runnerUp = index
                }
            }
            let quotient = parties[winner].weight / Rational(divisor(won[winner]))
            var reason = "highest quotient"
            if let runnerUp, integers[runnerUp] * divisor(won[winner]) == integers[winner] * divisor(won[runnerUp]) {
                reason =
                    integers[runnerUp] != integers[winner]
                    ? "equal quotient, more votes" : "equal quotient and votes, earlier in member order"
            }
            won[winner] += 1
            awards.append(
                .object([
                    JSONMember("seat", .integer(Int64(seat + 1))),
                    JSONMember("member", .string(parties[winner].member)),
                    JSONMember("quotient", quotient.json),
                    JSONMember("reason", .string(reason)),
                ]))
        }
        let house = Rational(BigInt(seats))
        let shares = parties.indices.map { index in
            Share(
                member: parties[index].member, amount: Int64(won[index]), quota: house * parties[index].weight / total)
        }
        return Distribution(
            method: method.rawValue,
            parameters: [JSONMember("divisors", .string(method == .dhondt ? "1, 2, 3, ..." : "1, 3, 5, ..."))],
            currency: .seats, pot: Int64(seats), shares: shares, roundings: [],
            details: [
                JSONMember("votes", DetailJSON.exact(parties.map { ($0.member, $0.weight) })),
                JSONMember("awards", .array(awards)),
            ])
    }
}
