import BigInt
import Counting
import Shares
import TestRandom
import Testing

/// Properties over random inputs (fixed-seed SplitMix64): shares sum to the pot, stay within one
/// minor unit of their exact quota, respect caps, peer allocation counts no gift to oneself and
/// nothing over budget, and nothing depends on the order of the input rows.
@Suite struct SharesPropertyTests {
    static let rounds = 150

    /// Random member names (short, so collisions with equal weights are frequent).
    static func names(_ random: inout SplitMix64, count: Int) -> [String] {
        random.shuffled(["ann", "bob", "cid", "dee", "eve", "fay", "gus", "hal", "ivy", "jo"]).prefix(count).map { $0 }
    }

    /// Random weights: small integers or fractions, at least one positive.
    static func weights(_ random: inout SplitMix64) -> [MemberWeight] {
        let names = names(&random, count: random.within(1...8))
        var weights = names.map {
            MemberWeight($0, Rational(BigInt(random.within(0...12)), BigInt(random.within(1...3))))
        }
        if weights.allSatisfy({ $0.weight.isZero }) { weights[0] = MemberWeight(weights[0].member, .one) }
        return weights
    }

    static func money(_ units: Int) -> Money { Money(units: Int64(units), currency: Fixture.euro) }

    /// Every share is the floor or the ceiling of its quota, and the shares sum to what was paid.
    static func checkRounding(_ result: Distribution, _ comment: Comment) {
        #expect(result.shares.reduce(Int64(0)) { $0 + $1.amount } == result.paid, comment)
        for share in result.shares {
            let amount = Rational(Int(share.amount))
            #expect(amount - share.quota < .one && share.quota - amount < .one, comment)
        }
    }

    @Test func proportionalSharesSumToThePotAndStayWithinAUnitOfTheQuota() throws {
        var random = SplitMix64(seed: 0x5EED_0001)
        for _ in 0..<Self.rounds {
            let weights = Self.weights(&random)
            let pot = random.within(-5000...100_000)
            let result = try Proportional.distribute(Self.money(pot), weights: weights)
            #expect(result.paid == Int64(pot))
            Self.checkRounding(result, "\(weights) \(pot)")
            let total = weights.reduce(Rational.zero) { $0 + $1.weight }
            for entry in weights {
                #expect(result.share(of: entry.member)?.quota == Rational(pot) * entry.weight / total)
            }
            let reversed = try Proportional.distribute(Self.money(-pot), weights: weights)
            #expect(reversed.shares.map(\.amount) == result.shares.map { -$0.amount }, "sign reversal")
            let shuffled = try Proportional.distribute(Self.money(pot), weights: random.shuffled(weights))
            #expect(shuffled.canonicalBytes == result.canonicalBytes)
        }
    }

    @Test func waterFillingRespectsCapsAndFloorsAndSumsToThePot() throws {
        var random = SplitMix64(seed: 0x5EED_0002)
        var checked = 0
        for _ in 0..<Self.rounds {
            let weights = Self.weights(&random)
            let members = weights.map { entry in
                WaterFilling.Member(
                    entry.member, weight: entry.weight,
                    cap: random.below(3) == 0 ? Int64(random.within(0...3000)) : nil,
                    floor: random.below(4) == 0 ? Int64(random.within(0...500)) : nil)
            }
            let cap: Int64? = random.below(2) == 0 ? Int64(random.within(100...5000)) : nil
            let pot = random.within(0...10000)
            guard let result = try? WaterFilling.distribute(Self.money(pot), members: members, cap: cap) else {
                continue
            }
            checked += 1
            #expect(result.paid == Int64(pot))
            Self.checkRounding(result, "\(members) \(pot)")
            for member in members {
                let amount = result.amount(of: member.member)
                if let bound = member.cap ?? cap { #expect(amount <= bound, "\(member) over its cap") }
                #expect(amount >= member.floor ?? 0, "\(member) under its floor")
            }
            let shuffled = try WaterFilling.distribute(Self.money(pot), members: random.shuffled(members), cap: cap)
            #expect(shuffled.canonicalBytes == result.canonicalBytes)
        }
        #expect(checked > Self.rounds / 2)
    }

    @Test func claimsRulesPayAtMostEachClaimAndSumToTheEstate() throws {
        var random = SplitMix64(seed: 0x5EED_0003)
        for _ in 0..<Self.rounds {
            let names = Self.names(&random, count: random.within(1...7))
            var claims = names.map { Claim($0, Int64(random.within(0...5000))) }
            if claims.allSatisfy({ $0.amount == 0 }) { claims[0] = Claim(claims[0].member, 1) }
            let total = claims.reduce(Int64(0)) { $0 + $1.amount }
            let estate = random.within(0...Int(total))
            for rule in ClaimsRule.allCases {
                let result = try ClaimsRules.distribute(Self.money(estate), claims: claims, rule: rule)
                #expect(result.paid == Int64(estate))
                Self.checkRounding(result, "\(rule) \(claims) \(estate)")
                for claim in claims {
                    let amount = result.amount(of: claim.member)
                    #expect(amount >= 0 && amount <= claim.amount, "\(rule) \(claim)")
                }
                let shuffled = try ClaimsRules.distribute(
                    Self.money(estate), claims: random.shuffled(claims), rule: rule)
                #expect(shuffled.canonicalBytes == result.canonicalBytes)
            }
        }
    }

    @Test func peerAllocationNeverCountsAGiftToOneselfOrOverBudget() throws {
        var random = SplitMix64(seed: 0x5EED_0004)
        for _ in 0..<Self.rounds {
            let names = Self.names(&random, count: random.within(2...7))
            let budget = Rational(random.within(1...100))
            let gifts = (0..<random.within(1...20)).map { _ in
                Gift(
                    from: names[random.below(names.count)], to: names[random.below(names.count)],
                    points: Rational(random.within(0...80)))
            }
            let members = names.map {
                PeerAllocation.Member($0, gives: random.below(5) != 0, receives: random.below(5) != 0)
            }
            let tally = try PeerAllocation.tally(gifts, budget: budget, members: members)
            var given: [String: Rational] = [:]
            var received: [String: Rational] = [:]
            for gift in tally.counted {
                #expect(gift.from != gift.to, "a gift to oneself was counted")
                #expect(members.first { $0.member == gift.from }?.gives == true)
                #expect(members.first { $0.member == gift.to }?.receives == true)
                given[gift.from, default: .zero] += gift.points
                received[gift.to, default: .zero] += gift.points
            }
            #expect(given.values.allSatisfy { $0 <= budget }, "a giver counted over budget")
            for entry in tally.received { #expect(entry.weight == received[entry.member] ?? .zero) }
            let pot = random.within(0...10000)
            guard
                let result = try? PeerAllocation.distribute(
                    Self.money(pot), gifts: gifts, budget: budget, members: members)
            else {
                #expect(tally.received.allSatisfy { $0.weight.isZero })
                continue
            }
            #expect(result.paid == Int64(pot))
            Self.checkRounding(result, "\(gifts)")
            let shuffled = try PeerAllocation.distribute(
                Self.money(pot), gifts: random.shuffled(gifts), budget: budget, members: random.shuffled(members))
            #expect(shuffled.canonicalBytes == result.canonicalBytes)
        }
    }

    @Test func decayAndCatchUpSumToThePotAndIgnoreRowOrder() throws {
        var random = SplitMix64(seed: 0x5EED_0005)
        for _ in 0..<Self.rounds {
            let names = Self.names(&random, count: random.within(1...6))
            var rows = (0..<random.within(1...15)).map { _ in
                PeriodContribution(
                    names[random.below(names.count)], period: random.within(1...6),
                    amount: Rational(random.within(0...9)))
            }
            rows.append(PeriodContribution(names[0], period: 1, amount: .one))
            let pot = random.within(0...10000)
            let decay = Rational(BigInt(random.within(1...4)), 4)
            let decayed = try TimeDecayed.distribute(Self.money(pot), contributions: rows, decay: decay)
            #expect(decayed.paid == Int64(pot))
            Self.checkRounding(decayed, "\(rows)")
            let again = try TimeDecayed.distribute(Self.money(pot), contributions: random.shuffled(rows), decay: decay)
            #expect(again.canonicalBytes == decayed.canonicalBytes)

            let members = Self.weights(&random).map {
                CatchUp.Member($0.member, weight: $0.weight, paid: Int64(random.within(0...3000)))
            }
            let caught = try CatchUp.distribute(Self.money(pot), members: members)
            #expect(caught.paid == Int64(pot))
            Self.checkRounding(caught, "\(members)")
            #expect(caught.shares.allSatisfy { $0.amount >= 0 })
            let shuffled = try CatchUp.distribute(Self.money(pot), members: random.shuffled(members))
            #expect(shuffled.canonicalBytes == caught.canonicalBytes)
        }
    }

    @Test func quadraticFundingStaysWithinThePoolAndTheCap() throws {
        var random = SplitMix64(seed: 0x5EED_0006)
        for _ in 0..<60 {
            let people = Self.names(&random, count: random.within(1...8))
            let projects = ["p1", "p2", "p3", "p4"]
            let rows = (0..<random.within(1...20)).map { _ in
                ProjectContribution(
                    contributor: people[random.below(people.count)], project: projects[random.below(4)],
                    amount: Int64(random.within(0...2000)))
            }
            let pool = random.within(0...20000)
            let cap: Int64? = random.below(2) == 0 ? Int64(random.within(0...8000)) : nil
            let result = try QuadraticFunding.distribute(pool: Self.money(pool), contributions: rows, cap: cap)
            #expect(result.paid <= Int64(pool) && result.paid >= 0)
            Self.checkRounding(result, "\(rows)")
            if let cap { #expect(result.shares.allSatisfy { $0.amount <= cap }) }
            if case .bool(true) = result.details.first(where: { $0.key == "saturated" })?.value {
                #expect(result.paid == Int64(pool))
            }
            let shuffled = try QuadraticFunding.distribute(
                pool: Self.money(pool), contributions: random.shuffled(rows), cap: cap)
            #expect(shuffled.canonicalBytes == result.canonicalBytes)
        }
    }

    @Test func shapleyValuesSumToTheGrandCoalitionAndIgnoreRowOrder() throws {
        var random = SplitMix64(seed: 0x5EED_0007)
        for _ in 0..<40 {
            let names = Self.names(&random, count: random.within(1...5))
            var rows: [(coalition: [String], value: Int64)] = []
            for mask in 1..<(1 << names.count) {
                let coalition = names.indices.filter { mask & (1 << $0) != 0 }.map { names[$0] }
                rows.append((random.shuffled(coalition), Int64(random.within(-500...3000))))
            }
            let game = try CharacteristicFunction(members: names, values: rows)
            let values = ShapleyValue.values(game)
            #expect(values.reduce(Rational.zero) { $0 + $1.weight } == Rational(Int(game.grandValue)))
            let result = try ShapleyValue.distribute(game, pot: Self.money(Int(game.grandValue)))
            #expect(result.paid == game.grandValue)
            Self.checkRounding(result, "\(rows)")
            let shuffled = try CharacteristicFunction(members: random.shuffled(names), values: random.shuffled(rows))
            #expect(try ShapleyValue.distribute(shuffled, pot: Self.money(Int(game.grandValue))) == result)
        }
    }

    @Test func apportionmentHandsOutEverySeatAndHamiltonKeepsQuota() throws {
        var random = SplitMix64(seed: 0x5EED_0008)
        for _ in 0..<Self.rounds {
            let weights = Self.weights(&random)
            let seats = random.within(0...60)
            for method in ApportionmentMethod.allCases {
                let result = try Apportionment.apportion(seats: seats, votes: weights, method: method)
                #expect(result.paid == Int64(seats))
                if method == .hamilton { Self.checkRounding(result, "\(weights) \(seats)") }
                let shuffled = try Apportionment.apportion(
                    seats: seats, votes: random.shuffled(weights), method: method)
                #expect(shuffled.canonicalBytes == result.canonicalBytes)
            }
        }
    }

    @Test func bucketsAndPatronageSumToThePot() throws {
        var random = SplitMix64(seed: 0x5EED_0009)
        for _ in 0..<Self.rounds {
            let weights = Self.weights(&random)
            let pot = random.within(0...100_000)
            let percent = Rational(random.within(0...100))
            let patronage = try Patronage.distribute(Self.money(pot), patronage: weights, minimumCashPercent: percent)
            #expect(patronage.paid == Int64(pot))
            Self.checkRounding(patronage, "\(weights)")
            for share in patronage.shares {
                let cash = share.parts.first { $0.label == "cash" }?.amount ?? 0
                #expect(Rational(Int(cash)) >= Rational(Int(share.amount)) * percent / Rational(100))
                #expect(cash <= share.amount)
            }
            let buckets = [
                Bucket("reserve", payee: "reserve", amount: .percentOfPot(Rational(random.within(0...30)))),
                Bucket("fixed", payee: "ann", amount: .fixed(Int64(random.within(0...pot / 2)))),
                Bucket("fund", payee: "fund", amount: .percentOfRemainder(Rational(BigInt(random.within(0...50)), 3))),
            ]
            let result = try OrderedBuckets.distribute(Self.money(pot), buckets: buckets, restName: "proportional") {
                (rest: Money) throws(SharesError) in try Proportional.distribute(rest, weights: weights)
            }
            #expect(result.paid == Int64(pot))
        }
    }
}
