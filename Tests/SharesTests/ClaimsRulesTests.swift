import Counting
import Shares
import Testing

/// The claims rules on Aumann & Maschler's Talmud example ("Game theoretic analysis of a
/// bankruptcy problem from the Talmud", Journal of Economic Theory 36, 1985, p. 195): claims
/// 100, 200 and 300 on estates of 100, 200 and 300.
@Suite struct ClaimsRulesTests {
    static let claims = [Claim("a", 100), Claim("b", 200), Claim("c", 300)]

    static func shares(_ estate: Int64, _ rule: ClaimsRule) throws -> [Int64] {
        let result = try ClaimsRules.distribute(
            Money(units: estate, currency: Fixture.units), claims: claims, rule: rule)
        return ["a", "b", "c"].map { result.amount(of: $0) }
    }

    static func quotas(_ estate: Int64, _ rule: ClaimsRule) throws -> [Rational] {
        let result = try ClaimsRules.distribute(
            Money(units: estate, currency: Fixture.units), claims: claims, rule: rule)
        return ["a", "b", "c"].map { result.share(of: $0)?.quota ?? .zero }
    }

    /// The Talmud's table (Mishna, Ketubot 93a) as Aumann and Maschler explain it: 33⅓ each,
    /// 50 / 75 / 75, and 50 / 100 / 150.
    @Test func theTalmudRuleReproducesTheMishna() throws {
        #expect(try Self.quotas(100, .talmud) == [Rational(100, 3), Rational(100, 3), Rational(100, 3)])
        #expect(try Self.shares(100, .talmud) == [33, 33, 34])
        #expect(try Self.shares(200, .talmud) == [50, 75, 75])
        #expect(try Self.shares(300, .talmud) == [50, 100, 150])
        #expect(try Self.shares(400, .talmud) == [50, 125, 225])
    }

    @Test func proportionalAwardsInProportionToClaims() throws {
        #expect(try Self.quotas(100, .proportional) == [Rational(50, 3), Rational(100, 3), Rational(50)])
        #expect(try Self.shares(100, .proportional) == [17, 33, 50])
        #expect(try Self.shares(300, .proportional) == [50, 100, 150])
    }

    @Test func constrainedEqualAwardsFavoursSmallClaims() throws {
        #expect(try Self.shares(100, .constrainedEqualAwards) == [33, 33, 34])
        #expect(
            try Self.quotas(200, .constrainedEqualAwards) == [Rational(200, 3), Rational(200, 3), Rational(200, 3)])
        #expect(try Self.shares(200, .constrainedEqualAwards) == [66, 67, 67])
        #expect(try Self.shares(300, .constrainedEqualAwards) == [100, 100, 100])
        #expect(try Self.shares(500, .constrainedEqualAwards) == [100, 200, 200])
    }

    @Test func constrainedEqualLossesFavoursLargeClaims() throws {
        #expect(try Self.shares(100, .constrainedEqualLosses) == [0, 0, 100])
        #expect(try Self.shares(200, .constrainedEqualLosses) == [0, 50, 150])
        #expect(try Self.shares(300, .constrainedEqualLosses) == [0, 100, 200])
        #expect(try Self.shares(540, .constrainedEqualLosses) == [80, 180, 280])
    }

    @Test func anEstateAboveTheClaimsPaysThemAndLeavesTheRest() throws {
        for rule in ClaimsRule.allCases {
            let result = try ClaimsRules.distribute(
                Money(units: 700, currency: Fixture.units), claims: Self.claims, rule: rule)
            #expect(Fixture.amounts(result) == ["a": 100, "b": 200, "c": 300])
            #expect(result.unallocated == 100)
        }
    }

    @Test func noAwardExceedsItsClaim() throws {
        for rule in ClaimsRule.allCases {
            for estate in stride(from: Int64(0), through: 600, by: 7) {
                let shares = try Self.shares(estate, rule)
                #expect(shares.reduce(0, +) == estate)
                #expect(zip(shares, [100, 200, 300]).allSatisfy { $0 >= 0 && $0 <= $1 }, "\(rule) \(estate)")
            }
        }
    }

    @Test func zeroClaimsAreAnError() {
        #expect(throws: SharesError.self) {
            try ClaimsRules.distribute(Fixture.eur("1.00"), claims: [Claim("a", 0)], rule: .talmud)
        }
        #expect(throws: SharesError.self) {
            try ClaimsRules.distribute(Fixture.eur("1.00"), claims: [Claim("a", -5)], rule: .proportional)
        }
    }
}
