import Counting
import Shares
import Testing

/// The Shapley value, exact, from a characteristic function given for every coalition.
@Suite struct ShapleyValueTests {
    /// The glove game (the standard textbook example, e.g. Wikipedia "Shapley value"): A has a
    /// left glove, B and C a right glove each; a pair is worth `value`. φ = 2/3, 1/6, 1/6 of it.
    static func gloves(_ value: Int64) throws -> CharacteristicFunction {
        try CharacteristicFunction(
            members: ["a", "b", "c"],
            values: [
                (["a"], 0), (["b"], 0), (["c"], 0), (["a", "b"], value), (["a", "c"], value), (["b", "c"], 0),
                (["a", "b", "c"], value),
            ])
    }

    @Test func theGloveGame() throws {
        let game = try Self.gloves(600)
        #expect(ShapleyValue.values(game) == [MemberWeight("a", 400), MemberWeight("b", 100), MemberWeight("c", 100)])
        let result = try ShapleyValue.distribute(game, pot: Fixture.eur("6.00"))
        #expect(Fixture.texts(result) == ["a": "4.00", "b": "1.00", "c": "1.00"])
        let cents = try ShapleyValue.distribute(try Self.gloves(100), pot: Fixture.eur("1.00"))
        #expect(cents.share(of: "a")?.quota == Rational(200, 3))
        #expect(Fixture.texts(cents) == ["a": "0.67", "b": "0.17", "c": "0.16"])
    }

    @Test func twoPlayers() throws {
        let game = try CharacteristicFunction(members: ["b", "a"], values: [(["a"], 1), (["b"], 2), (["b", "a"], 6)])
        #expect(ShapleyValue.values(game) == [MemberWeight("a", Rational(5, 2)), MemberWeight("b", Rational(7, 2))])
    }

    /// The airport game (Littlechild & Owen 1973): runway costs 3, 5 and 11 shared as a loss;
    /// the Shapley value splits each segment equally among those who use it: −1, −2, −8.
    @Test func theAirportGameSharesALoss() throws {
        var values: [(coalition: [String], value: Int64)] = []
        let cost: [String: Int64] = ["a": 300, "b": 500, "c": 1100]
        for mask in 1..<8 {
            let coalition = ["a", "b", "c"].enumerated().filter { mask & (1 << $0.offset) != 0 }.map(\.element)
            values.append((coalition, -(coalition.compactMap { cost[$0] }.max() ?? 0)))
        }
        let game = try CharacteristicFunction(members: ["a", "b", "c"], values: values)
        let result = try ShapleyValue.distribute(game, pot: Fixture.eur("-11.00"))
        #expect(Fixture.texts(result) == ["a": "-1.00", "b": "-2.00", "c": "-8.00"])
    }

    @Test func anotherPotIsSharedInProportionToTheValues() throws {
        let result = try ShapleyValue.distribute(try Self.gloves(600), pot: Fixture.eur("12.00"))
        #expect(Fixture.texts(result) == ["a": "8.00", "b": "2.00", "c": "2.00"])
    }

    @Test func everyCoalitionMustBeGivenOnce() {
        #expect(throws: SharesError.invalidInput("the coalition a+b has no value; every coalition needs one")) {
            try CharacteristicFunction(members: ["a", "b", "c"], values: [(["a"], 0), (["b"], 0), (["c"], 0)])
        }
        #expect(throws: SharesError.self) {
            try CharacteristicFunction(members: ["a"], values: [(["a"], 1), (["a"], 2)])
        }
        #expect(throws: SharesError.self) { try CharacteristicFunction(members: ["a"], values: [(["z"], 1)]) }
        #expect(throws: SharesError.self) { try CharacteristicFunction(members: ["a"], values: [([], 3), (["a"], 1)]) }
    }

    @Test func moreThanTwentyMembersIsBeyondTheLimit() {
        let members = (1...21).map { "m\($0)" }
        #expect(throws: SharesError.self) { try CharacteristicFunction(members: members, values: []) }
    }

    /// A symmetric 12-member game: v(S) = |S|², so everyone's value is 12 (efficiency, symmetry).
    @Test func largerGamesAreExact() throws {
        let members = (0..<12).map { "m\(String(format: "%02d", $0))" }
        var values: [(coalition: [String], value: Int64)] = []
        for mask in 1..<(1 << 12) {
            let coalition = members.indices.filter { mask & (1 << $0) != 0 }.map { members[$0] }
            values.append((coalition, Int64(coalition.count * coalition.count)))
        }
        let game = try CharacteristicFunction(members: members, values: values)
        #expect(ShapleyValue.values(game).allSatisfy { $0.weight == 12 })
    }
}
