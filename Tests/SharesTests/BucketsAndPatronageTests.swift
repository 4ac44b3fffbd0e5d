import Counting
import Shares
import Testing

/// Ordered buckets, then the rest by a named method; co-op patronage with a cash minimum.
@Suite struct BucketsAndPatronageTests {
    static let members = Fixture.weights(["a": 1, "b": 2])

    static func proportionalRest(_ pot: Money) throws(SharesError) -> Distribution {
        try Proportional.distribute(pot, weights: members)
    }

    /// 1000.00: reserve 10% of the pot (100.00), rent 300.00, education 5% of what remains
    /// (30.00), and the rest 570.00 shared 1:2.
    @Test func bucketsAreTakenInOrderThenTheRestIsShared() throws {
        let buckets = [
            Bucket("reserve", payee: "reserve", amount: .percentOfPot(10)),
            Bucket("rent", payee: "landlord", amount: .fixed(30000)),
            Bucket("education", payee: "edu-fund", amount: .percentOfRemainder(5)),
        ]
        let result = try OrderedBuckets.distribute(
            Fixture.eur("1000.00"), buckets: buckets, restName: "proportional", rest: Self.proportionalRest)
        #expect(
            Fixture.texts(result) == [
                "reserve": "100.00", "landlord": "300.00", "edu-fund": "30.00", "a": "190.00", "b": "380.00",
            ])
        #expect(result.paid == result.pot)
        #expect(result.share(of: "a")?.parts == [SharePart("rest", 19000)])
    }

    @Test func aPercentageTakesTheFloorAndTheFractionStaysInTheRest() throws {
        let buckets = [Bucket("reserve", payee: "reserve", amount: .percentOfPot(10))]
        let result = try OrderedBuckets.distribute(
            Fixture.eur("0.99"), buckets: buckets, restName: "proportional", rest: Self.proportionalRest)
        #expect(Fixture.amounts(result) == ["reserve": 9, "a": 30, "b": 60])
        #expect(result.share(of: "reserve")?.quota == Fixture.q("9.9"))
    }

    @Test func aPayeeWhoIsAlsoAMemberGetsBothParts() throws {
        let buckets = [Bucket("bonus", payee: "a", amount: .fixed(1000))]
        let result = try OrderedBuckets.distribute(
            Fixture.eur("40.00"), buckets: buckets, restName: "proportional", rest: Self.proportionalRest)
        #expect(result.share(of: "a")?.parts == [SharePart("bonus", 1000), SharePart("rest", 1000)])
        #expect(Fixture.texts(result) == ["a": "20.00", "b": "20.00"])
    }

    @Test func bucketsAskingForMoreThanThePotAreAnError() {
        let buckets = [
            Bucket("rent", payee: "landlord", amount: .fixed(900)),
            Bucket("wages", payee: "staff", amount: .fixed(200)),
        ]
        #expect(throws: SharesError.self) {
            try OrderedBuckets.distribute(
                Fixture.eur("10.00"), buckets: buckets, restName: "proportional", rest: Self.proportionalRest)
        }
        #expect(throws: SharesError.self) {
            try OrderedBuckets.distribute(
                Fixture.eur("10.00"), buckets: [Bucket("x", payee: "x", amount: .percentOfPot(101))],
                restName: "proportional", rest: Self.proportionalRest)
        }
    }

    /// 100.00 by patronage 1:2 with 25% minimum cash: allocations 33.33 / 66.67, cash rounded up
    /// 8.34 / 16.67, retained 24.99 / 50.00.
    @Test func patronagePaysAMinimumCashPartRoundedUp() throws {
        let result = try Patronage.distribute(Fixture.eur("100.00"), patronage: Self.members, minimumCashPercent: 25)
        #expect(Fixture.texts(result) == ["a": "33.33", "b": "66.67"])
        #expect(result.share(of: "a")?.parts == [SharePart("cash", 834), SharePart("retained", 2499)])
        #expect(result.share(of: "b")?.parts == [SharePart("cash", 1667), SharePart("retained", 5000)])
        #expect(result.details.first { $0.key == "cash" }?.value == .integer(2501))
    }

    @Test func patronageCanBeTheRestOfBuckets() throws {
        let result = try OrderedBuckets.distribute(
            Fixture.eur("110.00"), buckets: [Bucket("reserve", payee: "reserve", amount: .fixed(1000))],
            restName: "patronage"
        ) { (pot: Money) throws(SharesError) in
            try Patronage.distribute(pot, patronage: Self.members, minimumCashPercent: 25)
        }
        #expect(result.share(of: "b")?.parts == [SharePart("cash", 1667), SharePart("retained", 5000)])
        #expect(result.paid == 11000)
    }
}
