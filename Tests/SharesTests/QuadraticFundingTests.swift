import Counting
import Shares
import Testing

/// Quadratic funding (Buterin, Hitzig & Weyl 2018): ideal match `(Σ √c)² − Σ c`, scaled down when
/// the pool is saturated, capped per project. Expected values are computed by hand.
@Suite struct QuadraticFundingTests {
    static func contributions(_ rows: [(String, String, String)]) -> [ProjectContribution] {
        rows.map { ProjectContribution(contributor: $0.0, project: $0.1, amount: Fixture.eur($0.2).units) }
    }

    /// Four people giving 1.00 each: (4 · √1.00)² − 4.00 = 12.00. One person giving 4.00: no match.
    static let example = contributions([
        ("ann", "x", "1.00"), ("bob", "x", "1.00"), ("cid", "x", "1.00"), ("dee", "x", "1.00"), ("eve", "y", "4.00"),
    ])

    @Test func manySmallContributionsAreMatchedMoreThanOneLarge() throws {
        let result = try QuadraticFunding.distribute(pool: Fixture.eur("100.00"), contributions: Self.example)
        #expect(Fixture.texts(result) == ["x": "12.00", "y": "0.00"])
        #expect(result.unallocated == 8800)
        #expect(result.details.first { $0.key == "saturated" }?.value == .bool(false))
    }

    @Test func aSaturatedPoolIsScaledDownToFit() throws {
        let rows = Self.example + Self.contributions([("ann", "z", "1.00"), ("bob", "z", "4.00")])
        // z: (√100 + √400)² − 500 = 900 − 500 = 400 cents; x: 1200; pool 8.00 → λ = 1/2.
        let result = try QuadraticFunding.distribute(pool: Fixture.eur("8.00"), contributions: rows)
        #expect(Fixture.texts(result) == ["x": "6.00", "y": "0.00", "z": "2.00"])
        #expect(result.unallocated == 0)
        #expect(result.details.first { $0.key == "level" }?.value == .string("1/2"))
    }

    @Test func aPerProjectCapIsWaterFilled() throws {
        let rows = Self.example + Self.contributions([("ann", "z", "1.00"), ("bob", "z", "4.00")])
        let saturated = try QuadraticFunding.distribute(pool: Fixture.eur("8.00"), contributions: rows, cap: 500)
        #expect(Fixture.texts(saturated) == ["x": "5.00", "y": "0.00", "z": "3.00"])
        let unsaturated = try QuadraticFunding.distribute(pool: Fixture.eur("100.00"), contributions: rows, cap: 500)
        #expect(Fixture.texts(unsaturated) == ["x": "5.00", "y": "0.00", "z": "4.00"])
        #expect(unsaturated.unallocated == 9100)
    }

    /// 1.00 and 2.00: (√100 + √200)² − 300 = 20 √200 = 282.84... cents, so 2.82 is paid.
    @Test func irrationalMatchesAreComputedToAStatedPrecision() throws {
        let rows = Self.contributions([("ann", "x", "1.00"), ("bob", "x", "2.00"), ("cid", "w", "1.00")])
        let result = try QuadraticFunding.distribute(pool: Fixture.eur("100.00"), contributions: rows)
        #expect(result.amount(of: "x") == 282)
        let quota = try #require(result.share(of: "x")?.quota)
        #expect(quota > Fixture.q("282.842712474619009760337") && quota < Fixture.q("282.842712474619009760338"))
        let small = try QuadraticFunding.distribute(pool: Fixture.eur("1.00"), contributions: rows)
        #expect(Fixture.texts(small) == ["w": "0.00", "x": "1.00"])
    }

    @Test func oneContributorsRowsAddUpBeforeTheSquareRoot() throws {
        let split = Self.contributions([("ann", "x", "1.00"), ("ann", "x", "3.00")])
        let result = try QuadraticFunding.distribute(pool: Fixture.eur("10.00"), contributions: split)
        #expect(result.amount(of: "x") == 0)
    }

    @Test func badInputsAreErrors() {
        #expect(throws: SharesError.self) {
            try QuadraticFunding.distribute(pool: Fixture.eur("1.00"), contributions: [])
        }
        #expect(throws: SharesError.self) {
            try QuadraticFunding.distribute(pool: Fixture.eur("-1.00"), contributions: Self.example)
        }
        #expect(throws: SharesError.self) {
            try QuadraticFunding.distribute(pool: Fixture.eur("1.00"), contributions: Self.example, precision: 0)
        }
    }
}
