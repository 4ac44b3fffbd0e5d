import Counting
import Shares
import Testing

/// Time-decayed contributions and catch-up toward lifetime targets.
@Suite struct CatchUpAndDecayTests {
    @Test func decayHalvesAContributionPerPeriod() throws {
        let contributions = [
            PeriodContribution("a", period: 1, amount: Rational(8)),
            PeriodContribution("b", period: 3, amount: Rational(4)),
        ]
        let weights = try TimeDecayed.weights(contributions, decay: Rational(1, 2))
        #expect(weights == [MemberWeight("a", Rational(2)), MemberWeight("b", Rational(4))])
        let result = try TimeDecayed.distribute(
            Fixture.eur("9.00"), contributions: contributions, decay: Rational(1, 2))
        #expect(Fixture.texts(result) == ["a": "3.00", "b": "6.00"])
        let later = try TimeDecayed.weights(contributions, decay: Fixture.q("0.9"), currentPeriod: 5)
        #expect(later == [MemberWeight("a", Fixture.q("5.2488")), MemberWeight("b", Fixture.q("3.24"))])
    }

    @Test func aDecayOfOneIsProportional() throws {
        let contributions = [
            PeriodContribution("a", period: 1, amount: Rational(3)),
            PeriodContribution("a", period: 9, amount: Rational(0)),
            PeriodContribution("b", period: 2, amount: Rational(3)),
            PeriodContribution("c", period: 5, amount: Rational(1)),
        ]
        let result = try TimeDecayed.distribute(Fixture.eur("10.00"), contributions: contributions, decay: .one)
        #expect(Fixture.texts(result) == ["a": "4.29", "b": "4.28", "c": "1.43"])
    }

    @Test func decayParametersAreChecked() {
        let one = [PeriodContribution("a", period: 1, amount: .one)]
        #expect(throws: SharesError.self) { try TimeDecayed.weights(one, decay: .zero) }
        #expect(throws: SharesError.self) { try TimeDecayed.weights(one, decay: Rational(3, 2)) }
        #expect(throws: SharesError.self) { try TimeDecayed.weights(one, decay: .one, currentPeriod: 0) }
        #expect(throws: SharesError.self) { try TimeDecayed.weights(one, decay: .one, currentPeriod: 5000) }
        #expect(throws: SharesError.self) { try TimeDecayed.weights([], decay: .one) }
    }

    @Test func catchUpBringsTheUnderpaidUpFirst() throws {
        let members = [CatchUp.Member("a", weight: 1, paid: 0), CatchUp.Member("b", weight: 1, paid: 600)]
        let result = try CatchUp.distribute(Fixture.eur("10.00"), members: members)
        #expect(Fixture.texts(result) == ["a": "8.00", "b": "2.00"])
        #expect(result.details.first { $0.key == "level" }?.value == .string("800"))
    }

    @Test func membersAlreadyOverpaidReceiveNothingNow() throws {
        let members = [CatchUp.Member("a", weight: 1, paid: 0), CatchUp.Member("b", weight: 1, paid: 2000)]
        let result = try CatchUp.distribute(Fixture.eur("10.00"), members: members)
        #expect(Fixture.texts(result) == ["a": "10.00", "b": "0.00"])
        #expect(result.details.first { $0.key == "at_or_above_level" }?.value == .array([.string("b")]))
        let three = [
            CatchUp.Member("a", weight: 2, paid: 0), CatchUp.Member("b", weight: 1, paid: 0),
            CatchUp.Member("c", weight: 1, paid: 3),
        ]
        let exact = try CatchUp.distribute(Money(units: 9, currency: Fixture.units), members: three)
        #expect(Fixture.amounts(exact) == ["a": 6, "b": 3, "c": 0])
    }

    @Test func catchUpRoundsByLargestRemainder() throws {
        let members = [
            CatchUp.Member("a", weight: 1, paid: 0), CatchUp.Member("b", weight: 1, paid: 0),
            CatchUp.Member("c", weight: 1, paid: 0),
        ]
        let result = try CatchUp.distribute(Fixture.eur("1.00"), members: members)
        #expect(Fixture.amounts(result) == ["a": 34, "b": 33, "c": 33])
        #expect(throws: SharesError.self) {
            try CatchUp.distribute(Fixture.eur("1.00"), members: [CatchUp.Member("a", weight: 0, paid: 0)])
        }
    }
}
