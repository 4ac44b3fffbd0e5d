import Counting
import Shares
import Testing

/// Caps and floors by repeated water-filling, never a single pass.
@Suite struct WaterFillingTests {
    static func members(_ pairs: KeyValuePairs<String, Int>) -> [WaterFilling.Member] {
        pairs.map { WaterFilling.Member($0.key, weight: Rational($0.value)) }
    }

    /// The case: weights 34 / 50 / 16, cap 35, pot 100 gives 35 / 35 / 30. A single pass
    /// (cap b, share the excess 15 by weight) would give a 34 + 15·34/50 = 44.2, over the cap.
    @Test func weights345016WithACapOf35OnAPotOf100() throws {
        let pot = Money(units: 100, currency: Fixture.units)
        let result = try WaterFilling.distribute(pot, members: Self.members(["a": 34, "b": 50, "c": 16]), cap: 35)
        #expect(Fixture.amounts(result) == ["a": 35, "b": 35, "c": 30])
        let rounds = result.details.first { $0.key == "rounds" }?.value
        #expect(
            rounds
                == .array([
                    .object([
                        JSONMember("level", .string("1")), JSONMember("capped", .array([.string("b")])),
                        JSONMember("floored", .array([])),
                    ]),
                    .object([
                        JSONMember("level", .string("13/10")), JSONMember("capped", .array([.string("a")])),
                        JSONMember("floored", .array([])),
                    ]),
                    .object([
                        JSONMember("level", .string("15/8")), JSONMember("capped", .array([])),
                        JSONMember("floored", .array([])),
                    ]),
                ]))
        let inEuros = try WaterFilling.distribute(
            Fixture.eur("100.00"), members: Self.members(["a": 34, "b": 50, "c": 16]), cap: 3500)
        #expect(Fixture.texts(inEuros) == ["a": "35.00", "b": "35.00", "c": "30.00"])
    }

    @Test func floorsLiftTheSmallShares() throws {
        let pot = Money(units: 100, currency: Fixture.units)
        let result = try WaterFilling.distribute(pot, members: Self.members(["a": 1, "b": 1, "c": 8]), floor: 15)
        #expect(Fixture.amounts(result) == ["a": 15, "b": 15, "c": 70])
    }

    /// Caps and floors together: the first fill gives 10 / 10 / 80; c overflows by 30, a and b
    /// fall short by 10, so c is capped first (the level can only rise), and a and b then fill to 25.
    @Test func capsAndFloorsTogether() throws {
        let pot = Money(units: 100, currency: Fixture.units)
        let result = try WaterFilling.distribute(
            pot, members: Self.members(["a": 1, "b": 1, "c": 8]), cap: 50, floor: 15)
        #expect(Fixture.amounts(result) == ["a": 25, "b": 25, "c": 50])
    }

    @Test func perMemberBoundsOverrideTheCommonOnes() throws {
        let pot = Fixture.eur("10.00")
        let members = [
            WaterFilling.Member("a", weight: 1), WaterFilling.Member("b", weight: 1),
            WaterFilling.Member("c", weight: 10, cap: 400), WaterFilling.Member("d", weight: 0, floor: 100),
        ]
        let result = try WaterFilling.distribute(pot, members: members)
        #expect(Fixture.texts(result) == ["a": "2.50", "b": "2.50", "c": "4.00", "d": "1.00"])
    }

    @Test func roundingNeverPushesACappedMemberOver() throws {
        let pot = Fixture.eur("10.00")
        let result = try WaterFilling.distribute(
            pot, members: Self.members(["a": 1, "b": 1, "c": 1, "d": 9]), cap: 300)
        #expect(Fixture.amounts(result) == ["a": 234, "b": 233, "c": 233, "d": 300])
        #expect(result.roundings[0].line("d")?.leftover == false)
    }

    @Test func capsTooLowOrFloorsTooHighAreErrors() {
        let pot = Money(units: 100, currency: Fixture.units)
        #expect(throws: SharesError.infeasible("the caps of the members add up to less than 100")) {
            try WaterFilling.distribute(pot, members: Self.members(["a": 1, "b": 1]), cap: 49)
        }
        #expect(throws: SharesError.infeasible("the floors of the members add up to more than 100")) {
            try WaterFilling.distribute(pot, members: Self.members(["a": 1, "b": 1]), floor: 51)
        }
        #expect(throws: SharesError.self) {
            try WaterFilling.distribute(Money(units: -1, currency: Fixture.units), members: Self.members(["a": 1]))
        }
        #expect(throws: SharesError.self) {
            try WaterFilling.distribute(pot, members: Self.members(["a": 0, "b": 0]))
        }
    }
}
