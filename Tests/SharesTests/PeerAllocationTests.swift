import Counting
import Shares
import Testing

/// Peer allocation: budgets of points given to others, shares by points received.
@Suite struct PeerAllocationTests {
    static func gift(_ from: String, _ to: String, _ points: Int) -> Gift {
        Gift(from: from, to: to, points: Rational(points))
    }

    /// A gives B 60 and C 40, B gives A 100, C gives A 50 and B 50: received 150 / 110 / 40.
    @Test func sharesByPointsReceived() throws {
        let gifts = [
            Self.gift("a", "b", 60), Self.gift("a", "c", 40), Self.gift("b", "a", 100), Self.gift("c", "a", 50),
            Self.gift("c", "b", 50),
        ]
        let result = try PeerAllocation.distribute(Fixture.eur("30.00"), gifts: gifts, budget: 100)
        #expect(Fixture.texts(result) == ["a": "15.00", "b": "11.00", "c": "4.00"])
    }

    @Test func aGiftToOneselfIsNeverCounted() throws {
        let gifts = [Self.gift("a", "a", 50), Self.gift("a", "b", 50), Self.gift("b", "a", 10)]
        let tally = try PeerAllocation.tally(gifts, budget: 100)
        #expect(tally.received == [MemberWeight("a", 10), MemberWeight("b", 50)])
        #expect(tally.ignored.map(\.reason) == ["a gift to oneself"])
    }

    @Test func aGiverOverBudgetIsScaledDownToTheBudget() throws {
        let gifts = [Self.gift("a", "b", 150), Self.gift("a", "c", 50), Self.gift("b", "c", 100)]
        let tally = try PeerAllocation.tally(gifts, budget: 100)
        #expect(tally.scaled == ["a": Rational(1, 2)])
        #expect(tally.received == [MemberWeight("a", 0), MemberWeight("b", 75), MemberWeight("c", 125)])
        let result = try PeerAllocation.distribute(Fixture.eur("2.00"), gifts: gifts, budget: 100)
        #expect(Fixture.texts(result) == ["a": "0.00", "b": "0.75", "c": "1.25"])
    }

    @Test func rowsForTheSamePairAddUpBeforeTheBudget() throws {
        let gifts = [Self.gift("a", "b", 70), Self.gift("a", "b", 70)]
        let tally = try PeerAllocation.tally(gifts, budget: 100)
        #expect(tally.counted == [Gift(from: "a", to: "b", points: 100)])
    }

    @Test func optedOutGiversAndReceiversAreHandled() throws {
        let members = [
            PeerAllocation.Member("a"), PeerAllocation.Member("b"), PeerAllocation.Member("c", receives: false),
            PeerAllocation.Member("d", gives: false),
        ]
        let gifts = [
            Self.gift("a", "c", 50), Self.gift("a", "b", 50), Self.gift("d", "a", 100), Self.gift("b", "d", 30),
            Self.gift("c", "a", 20),
        ]
        let tally = try PeerAllocation.tally(gifts, budget: 100, members: members)
        #expect(tally.received == [MemberWeight("a", 20), MemberWeight("b", 50), MemberWeight("d", 30)])
        #expect(
            Set(tally.ignored.map(\.reason)) == ["the receiver does not receive", "the giver does not give"])
        let result = try PeerAllocation.distribute(Fixture.eur("10.00"), gifts: gifts, budget: 100, members: members)
        #expect(result.share(of: "c") == nil)
        #expect(Fixture.texts(result) == ["a": "2.00", "b": "5.00", "d": "3.00"])
    }

    @Test func unknownMembersAndBadInputsAreErrors() {
        let members = [PeerAllocation.Member("a"), PeerAllocation.Member("b")]
        #expect(throws: SharesError.unknownMember("z receives points but is not a member")) {
            try PeerAllocation.tally([Self.gift("a", "z", 1)], budget: 10, members: members)
        }
        #expect(throws: SharesError.self) { try PeerAllocation.tally([Self.gift("a", "b", -1)], budget: 10) }
        #expect(throws: SharesError.self) { try PeerAllocation.tally([Self.gift("a", "b", 1)], budget: 0) }
        #expect(throws: SharesError.self) {
            try PeerAllocation.distribute(Fixture.eur("1.00"), gifts: [Self.gift("a", "a", 5)], budget: 10)
        }
    }
}
