import Counting
import Shares
import Testing

/// Hamilton, D'Hondt and Sainte-Laguë on published examples of the Alabama, population and
/// quota paradoxes.
@Suite struct ApportionmentTests {
    static func seats(_ votes: [Int], _ house: Int, _ method: ApportionmentMethod) throws -> [Int64] {
        let names = votes.indices.map { String(UnicodeScalar(UInt8(ascii: "a") + UInt8($0))) }
        let weights = zip(names, votes).map { MemberWeight($0, Rational($1)) }
        let result = try Apportionment.apportion(seats: house, votes: weights, method: method)
        #expect(result.paid == Int64(house))
        return names.map { result.amount(of: $0) }
    }

    /// Wikipedia, "Alabama paradox": states of 6, 6 and 2 (thousand); with 10 seats Hamilton
    /// gives 4 / 4 / 2, with 11 seats 5 / 5 / 1.
    @Test func hamiltonSuffersTheAlabamaParadox() throws {
        #expect(try Self.seats([6, 6, 2], 10, .hamilton) == [4, 4, 2])
        #expect(try Self.seats([6, 6, 2], 11, .hamilton) == [5, 5, 1])
        // The four-state example of the same article (and electowiki): C drops from 14 to 13.
        #expect(try Self.seats([5670, 3850, 420, 60], 323, .hamilton) == [183, 124, 14, 2])
        #expect(try Self.seats([5670, 3850, 420, 60], 324, .hamilton) == [184, 125, 13, 2])
    }

    /// Divisor methods are house-monotone: on the same populations, no seat is ever lost when the
    /// house grows.
    @Test(arguments: [ApportionmentMethod.dhondt, .sainteLague])
    func divisorMethodsAvoidTheAlabamaParadox(_ method: ApportionmentMethod) throws {
        for votes in [[6, 6, 2], [5670, 3850, 420, 60]] {
            var previous = try Self.seats(votes, 1, method)
            for house in 2...40 {
                let next = try Self.seats(votes, house, method)
                #expect(zip(previous, next).allSatisfy { $0 <= $1 }, "\(votes) \(house)")
                previous = next
            }
        }
        let before = try Self.seats([5670, 3850, 420, 60], 323, method)
        let after = try Self.seats([5670, 3850, 420, 60], 324, method)
        #expect(zip(before, after).allSatisfy { $0 <= $1 })
    }

    /// Angel, Abbott & Runde, A Survey of Mathematics with Applications, ch. 14 ("Alexandria",
    /// Table 14.48–14.49): populations 23,527 / 5,548 / 70,925 grow to 23,926 / 5,648 / 71,110 and
    /// 100 seats are reapportioned. Hamilton moves a seat from B to A although B grew faster
    /// (1.80% against 1.70%).
    @Test func hamiltonSuffersThePopulationParadox() throws {
        let old = [23527, 5548, 70925]
        let new = [23926, 5648, 71110]
        #expect(try Self.seats(old, 100, .hamilton) == [23, 6, 71])
        #expect(try Self.seats(new, 100, .hamilton) == [24, 5, 71])
    }

    /// On the same populations the divisor methods never take a seat from a faster-growing state
    /// to give one to a slower-growing one.
    @Test(arguments: [ApportionmentMethod.dhondt, .sainteLague])
    func divisorMethodsAvoidThePopulationParadox(_ method: ApportionmentMethod) throws {
        let old = [23527, 5548, 70925]
        let new = [23926, 5648, 71110]
        let before = try Self.seats(old, 100, method)
        let after = try Self.seats(new, 100, method)
        for i in old.indices {
            for j in old.indices where i != j {
                let fasterI = Rational(new[i]) / Rational(old[i]) > Rational(new[j]) / Rational(old[j])
                #expect(!(fasterI && after[i] < before[i] && after[j] > before[j]), "\(method) \(i) \(j)")
            }
        }
        #expect(before == (method == .dhondt ? [23, 5, 72] : [23, 6, 71]))
        #expect(after == (method == .dhondt ? [24, 5, 71] : [24, 6, 70]))
    }

    /// Angel, Abbott & Runde, ch. 14, the Republic of Hydrangea (Tables 14.31–14.33): 250 seats,
    /// standard quotas 28.50 / 34.90 / 141.78 / 23.10 / 21.72. Jefferson's method (D'Hondt) gives
    /// state C 143 seats, more than its upper quota 142.
    @Test func dHondtViolatesTheQuotaRule() throws {
        let hydrangea = [1_003_200, 1_228_600, 4_990_700, 813_000, 764_500]
        #expect(try Self.seats(hydrangea, 250, .dhondt) == [28, 35, 143, 23, 21])
        #expect(try Self.seats(hydrangea, 250, .hamilton) == [28, 35, 142, 23, 22])
        #expect(try Self.seats(hydrangea, 250, .sainteLague) == [28, 35, 142, 23, 22])
        let result = try Apportionment.apportion(
            seats: 250, votes: zip(["a", "b", "c", "d", "e"], hydrangea).map { MemberWeight($0, Rational($1)) },
            method: .dhondt)
        let c = try #require(result.share(of: "c"))
        #expect(c.quota == Rational(4_990_700 * 250, 8_800_000))
        #expect(Rational(Int(c.amount)) > Rational(c.quota.ceiling))
    }

    /// Sainte-Laguë can violate quota too (a hand-checked example): votes 28 / 3 / 1 / 1 and 15
    /// seats give the first party 14 seats against a quota of 12 8/11; Hamilton gives 13.
    @Test func sainteLagueCanViolateTheQuotaRule() throws {
        #expect(try Self.seats([28, 3, 1, 1], 15, .sainteLague) == [14, 1, 0, 0])
        #expect(try Self.seats([28, 3, 1, 1], 15, .hamilton) == [13, 1, 1, 0])
    }

    /// Wikipedia's worked example ("D'Hondt method", "Sainte-Laguë method"): 230,000 votes,
    /// 8 seats, parties of 100,000 / 80,000 / 30,000 / 20,000: D'Hondt 4 / 3 / 1 / 0, Sainte-Laguë
    /// 3 / 3 / 1 / 1.
    @Test func theWorkedExamples() throws {
        let votes = [100_000, 80_000, 30_000, 20_000]
        #expect(try Self.seats(votes, 8, .dhondt) == [4, 3, 1, 0])
        #expect(try Self.seats(votes, 8, .sainteLague) == [3, 3, 1, 1])
        #expect(try Self.seats(votes, 8, .hamilton) == [3, 3, 1, 1])
    }

    @Test func tiesGoToMoreVotesThenMemberOrder() throws {
        // D'Hondt, 6/6/2 and 10 seats: a and b tie for the last seat; a is earlier in member order.
        #expect(try Self.seats([6, 6, 2], 10, .dhondt) == [5, 4, 1])
        let result = try Apportionment.apportion(
            seats: 1, votes: [MemberWeight("b", 2), MemberWeight("a", 1)], method: .sainteLague)
        #expect(result.amount(of: "b") == 1)
        let tie = try Apportionment.apportion(
            seats: 1, votes: [MemberWeight("b", 2), MemberWeight("a", 2)], method: .dhondt)
        #expect(tie.amount(of: "a") == 1)
        guard case .array(let awards) = tie.details.first(where: { $0.key == "awards" })?.value,
            case .object(let award) = awards.first
        else {
            Issue.record("no award trace")
            return
        }
        #expect(
            award.first { $0.key == "reason" }?.value == .string("equal quotient and votes, earlier in member order"))
    }

    @Test func badInputsAreErrors() {
        #expect(throws: SharesError.self) {
            try Apportionment.apportion(seats: 5, votes: [MemberWeight("a", 0)], method: .dhondt)
        }
        #expect(throws: SharesError.self) {
            try Apportionment.apportion(seats: -1, votes: [MemberWeight("a", 1)], method: .hamilton)
        }
        #expect(throws: SharesError.self) {
            try Apportionment.apportion(seats: 200_000, votes: [MemberWeight("a", 1)], method: .sainteLague)
        }
    }
}
