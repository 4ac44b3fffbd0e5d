import Counting
import Shares
import Testing

/// The primitive: floor or ceiling of the exact quota, leftovers by remainder, weight, order.
@Suite struct LargestRemainderTests {
    /// Brief section 6: 10.00 split 3:3:1 is 4.29 / 4.28 / 1.43 (half-up would pay 10.01,
    /// rounding down 9.98).
    @Test func tenEurosSplitThreeThreeOne() throws {
        let result = try Proportional.distribute(
            Fixture.eur("10.00"), weights: Fixture.weights(["a": 3, "b": 3, "c": 1]))
        #expect(Fixture.texts(result) == ["a": "4.29", "b": "4.28", "c": "1.43"])
        #expect(result.paid == 1000 && result.unallocated == 0)
        #expect(result.share(of: "a")?.quota == Rational(3000, 7))
        #expect(result.share(of: "c")?.quota == Rational(1000, 7))
        let rounding = try #require(result.roundings.first)
        #expect(rounding.leftovers.map(\.member) == ["c", "a"])
        #expect(rounding.leftovers.map(\.reason) == [.largerRemainder, .memberOrder])
        #expect(rounding.nextInLine == "b")
        #expect(rounding.line("c")?.remainder == Rational(6, 7))
        // The two wrong answers the brief names.
        let halfUp = [Rational(3000, 7), Rational(3000, 7), Rational(1000, 7)].map { ($0 + Rational(1, 2)).floor }
        #expect(halfUp.reduce(0, +) == 1001)
        let down = [Rational(3000, 7), Rational(3000, 7), Rational(1000, 7)].map(\.floor)
        #expect(down.reduce(0, +) == 998)
    }

    /// The Alabama paradox in money: 0.10 split 3:3:1 pays c 0.02; 0.11 pays c 0.01 (the
    /// Wikipedia "Alabama paradox" example of 6/6/2 with 10 and 11 seats, in cents).
    @Test func aPotOneCentLargerCanTakeACentFromSomeone() throws {
        let weights = Fixture.weights(["a": 3, "b": 3, "c": 1])
        let ten = try Proportional.distribute(Fixture.eur("0.10"), weights: weights)
        let eleven = try Proportional.distribute(Fixture.eur("0.11"), weights: weights)
        #expect(Fixture.amounts(ten) == ["a": 4, "b": 4, "c": 2])
        #expect(Fixture.amounts(eleven) == ["a": 5, "b": 5, "c": 1])
        #expect(eleven.amount(of: "c") < ten.amount(of: "c"))
    }

    @Test func equalRemaindersGoToTheLargerWeightThenTheEarlierMember() throws {
        // Quotas 1/2 and 1/2 of a unit with weights 2:... use equal remainders and unequal weights.
        let rounding = try LargestRemainder.round(
            1,
            entitlements: [
                Entitlement("z", quota: Rational(1, 2), weight: Rational(5)),
                Entitlement("a", quota: Rational(1, 2), weight: Rational(1)),
            ])
        #expect(rounding.line("z")?.amount == 1 && rounding.line("a")?.amount == 0)
        #expect(rounding.leftovers.first?.reason == .largerWeight)
        let even = try LargestRemainder.split(1, weights: Fixture.weights(["zed": 1, "amy": 1]))
        #expect(even.line("amy")?.amount == 1)
        #expect(even.leftovers.first?.reason == .memberOrder)
    }

    /// A loss is shared by the same rule with the sign reversed: −10.00 split 3:3:1 is
    /// −4.29 / −4.28 / −1.43.
    @Test func aNegativePotIsSharedWithTheSignReversed() throws {
        let result = try Proportional.distribute(
            Fixture.eur("-10.00"), weights: Fixture.weights(["a": 3, "b": 3, "c": 1]))
        #expect(Fixture.texts(result) == ["a": "-4.29", "b": "-4.28", "c": "-1.43"])
        #expect(result.paid == -1000)
    }

    @Test func zeroEligibleWeightIsAnError() {
        #expect(throws: SharesError.noEligibleWeight("no member has a positive weight to share pot by")) {
            try Proportional.distribute(Fixture.eur("1.00"), weights: Fixture.weights(["a": 0, "b": 0]))
        }
        #expect(throws: SharesError.self) { try Proportional.distribute(Fixture.eur("1.00"), weights: []) }
        #expect(throws: SharesError.self) {
            try Proportional.distribute(Fixture.eur("1.00"), weights: [MemberWeight("a", Rational(-1))])
        }
        #expect(throws: SharesError.self) {
            try Proportional.distribute(Fixture.eur("1.00"), weights: Fixture.weights(["a": 1, "b": 1, "a ": 1]))
        }
    }

    @Test func duplicateMembersAreRefused() {
        #expect(throws: SharesError.invalidMember("member \"a\" is listed twice")) {
            try Proportional.distribute(
                Fixture.eur("1.00"), weights: [MemberWeight("a", .one), MemberWeight("a", .one)])
        }
    }

    @Test func quotasThatDoNotFitTheTotalAreRefused() {
        #expect(throws: SharesError.self) {
            try LargestRemainder.round(5, entitlements: [Entitlement("a", quota: Rational(2), weight: .one)])
        }
    }

    @Test func zeroWeightMembersAreListedWithNothing() throws {
        let result = try Proportional.distribute(Fixture.eur("1.00"), weights: Fixture.weights(["a": 1, "b": 0]))
        #expect(Fixture.amounts(result) == ["a": 100, "b": 0])
    }

    @Test func theCanonicalJSONIsStable() throws {
        let result = try Proportional.distribute(
            Fixture.eur("10.00"), weights: Fixture.weights(["b": 3, "a": 3, "c": 1]))
        let text = String(decoding: result.canonicalBytes, as: UTF8.self)
        #expect(
            text.hasPrefix(
                #"{"currency":{"code":"EUR","decimals":2},"details":{"total_weight":"7"},"method":"proportional""#))
        #expect(text.contains(#"{"amount":429,"member":"a","quota":"3000/7"}"#))
        #expect(
            text.contains(#""leftovers":[{"member":"c","reason":"larger remainder","remainder":"6/7","weight":"1"}"#))
        let again = try Proportional.distribute(
            Fixture.eur("10.00"), weights: Fixture.weights(["c": 1, "a": 3, "b": 3]))
        #expect(again.canonicalBytes == result.canonicalBytes)
    }
}
