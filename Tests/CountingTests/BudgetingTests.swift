import Counting
import Testing

/// Participatory budgeting: greedy by approvals and equal shares with add1.
@Suite struct BudgetingTests {
    /// equalshares.net's motivating example (also Wikipedia, "Method of Equal Shares"): 51 voters
    /// approve ten red projects, 49 approve ten blue ones, each costs 100, the budget is 1000.
    /// Greedy funds the ten red projects; equal shares funds five red and five blue.
    static func redAndBlue() throws -> (ApprovalProfile, BudgetLimits, [String]) {
        let profile = try ApprovalProfile(
            candidateCount: 20, ballots: [(Set(0..<10), 51), (Set(10..<20), 49)])
        let names = (0..<10).map { "red\($0)" } + (0..<10).map { "blue\($0)" }
        return (profile, BudgetLimits(total: 1000, costs: Array(repeating: 100, count: 20)), names)
    }

    @Test func greedyFundsTheMajorityOnly() throws {
        let (profile, budget, names) = try Self.redAndBlue()
        let outcome = try GreedyBudgeting().count(
            profile, budget: budget, names: names, tieBreak: TieBreakOrder(candidateCount: 20))
        #expect(outcome.winners == Array(0..<10))
        #expect(outcome.method == "pb-greedy")
        // The ten blue projects tie at 49 approvals and none is funded: no tie mattered.
        #expect(outcome.ties.isEmpty)
    }

    @Test func equalSharesFundsFiveAndFive() throws {
        let (profile, budget, names) = try Self.redAndBlue()
        let outcome = try EqualSharesBudgeting().count(
            profile, budget: budget, names: names, tieBreak: TieBreakOrder(candidateCount: 20))
        #expect(outcome.winners == [0, 1, 2, 3, 4, 10, 11, 12, 13, 14])
        #expect(outcome.method == "pb-equal-shares")
        // Share 10: five red (each red voter pays 500/51 of its 10) and four blue, 900 spent and
        // not exhaustive; share 11: five and five, exactly 1000, exhaustive.
        let summary = outcome.rounds[0].details
        #expect(summary.first { $0.key == "first_share" }?.value == .string("10"))
        #expect(summary.first { $0.key == "share" }?.value == .string("11"))
        #expect(summary.first { $0.key == "runs" }?.value == .integer(2))
        #expect(summary.first { $0.key == "stopped" }?.value == .string("exhaustive"))
        // Each round offers every remaining project: red at ρ = 1/51, blue at 1/49.
        #expect(outcome.rounds[1].tallies.count == 20)
        #expect(outcome.rounds[1].tallies[0].votes.text == "1/51")
        #expect(outcome.rounds[1].tallies[10].votes.text == "1/49")
        #expect(outcome.rounds[1].details.first { $0.key == "payment" }?.value == .string("100/51"))
        #expect(outcome.ties.count == 10)
        #expect(
            outcome.ties[0]
                == TieResolution(
                    round: 2, decision: "fund", tied: Array(0..<10), chosen: [0], rule: outcome.ties[0].rule))
    }

    @Test func withoutCompletionMoneyIsLeft() throws {
        let (profile, budget, names) = try Self.redAndBlue()
        let outcome = try EqualSharesBudgeting(completion: .none).count(
            profile, budget: budget, names: names, tieBreak: TieBreakOrder(candidateCount: 20))
        #expect(outcome.winners == [0, 1, 2, 3, 4, 10, 11, 12, 13])
    }

    @Test func theTwoAdd1ConventionsCanDisagree() throws {
        // Costs 2, 1, 3; budget 1; two voters approving {1, 2} and {2}. equalshares.net starts at
        // floor(1/2) = 0 per voter, then 1: project 1 (its one approver pays 1) fits; exhaustive.
        // pabutools starts at 1/2 (nothing affordable), then 3/2: project 2 is cheaper per unit
        // and is bought first, which overspends, so the empty outcome is kept.
        let profile = try ApprovalProfile(candidateCount: 3, ballots: [([1, 2], 1), ([2], 1)])
        let budget = BudgetLimits(total: 1, costs: [2, 1, 3])
        let names = ["p0", "p1", "p2"]
        let order = TieBreakOrder(candidateCount: 3)
        #expect(try EqualSharesBudgeting().count(profile, budget: budget, names: names, tieBreak: order).winners == [1])
        let pabutools = try EqualSharesBudgeting(add1Convention: .pabutools).count(
            profile, budget: budget, names: names, tieBreak: order)
        #expect(pabutools.winners == [])
        #expect(
            pabutools.rounds[0].details.first { $0.key == "stopped" }?.value == .string("the next share overspends"))
    }

    @Test func greedySkipsWhatDoesNotFitAndGoesOn() throws {
        let profile = try ApprovalProfile(
            candidateCount: 4, ballots: [([0, 1, 2], 3), ([0, 1], 1), ([0], 1), ([3], 1)])
        let budget = BudgetLimits(total: 100, costs: [60, 50, 30, 10])
        let outcome = try GreedyBudgeting().count(
            profile, budget: budget, names: ["a", "b", "c", "d"], tieBreak: TieBreakOrder(candidateCount: 4))
        // Approvals 5, 4, 3, 1: a (60, 40 left), b skipped (50), c (30, 10 left), d (10, 0 left).
        #expect(outcome.winners == [0, 2, 3])
        #expect(outcome.rounds[0].events.map(\.kind) == [.elected, .excluded, .elected, .elected])
        #expect(outcome.rounds[0].events[1].reason == "costs 50, only 40 left")
        #expect(outcome.rounds[0].details.first { $0.key == "left" }?.value == .integer(0))
        let thresholded = try GreedyBudgeting(minimumApprovals: 2).count(
            profile, budget: budget, names: ["a", "b", "c", "d"], tieBreak: TieBreakOrder(candidateCount: 4))
        #expect(thresholded.winners == [0, 2])
    }

    @Test func aSplitTieInGreedyIsRecorded() throws {
        let profile = try ApprovalProfile(candidateCount: 3, ballots: [([0, 1, 2], 2)])
        let budget = BudgetLimits(total: 10, costs: [6, 6, 4])
        let order = try TieBreakOrder(order: [1, 0, 2], candidateCount: 3)
        let outcome = try GreedyBudgeting().count(profile, budget: budget, names: ["a", "b", "c"], tieBreak: order)
        #expect(outcome.winners == [1, 2])
        #expect(
            outcome.ties == [
                TieResolution(round: 1, decision: "fund", tied: [1, 0, 2], chosen: [1, 2], rule: order.rule)
            ])
    }

    @Test func theBudgetIsNeverExceededAndMergingChangesNothing() throws {
        var random = CommitteeRandom(seed: 2021)
        let methods: [(String, (ApprovalProfile, BudgetLimits, [String], TieBreakOrder) throws -> Outcome)] = [
            ("greedy", { try GreedyBudgeting().count($0, budget: $1, names: $2, tieBreak: $3) }),
            ("mes", { try EqualSharesBudgeting().count($0, budget: $1, names: $2, tieBreak: $3) }),
            (
                "mes-pabutools",
                { try EqualSharesBudgeting(add1Convention: .pabutools).count($0, budget: $1, names: $2, tieBreak: $3) }
            ),
            (
                "mes-approval",
                { try EqualSharesBudgeting(utility: .approval).count($0, budget: $1, names: $2, tieBreak: $3) }
            ),
            (
                "mes-add1u",
                { try EqualSharesBudgeting(utilitarianCompletion: true).count($0, budget: $1, names: $2, tieBreak: $3) }
            ),
        ]
        for _ in 0..<80 {
            let projects = random.next(in: 1...8)
            let costs = (0..<projects).map { _ in Int64(random.next(in: 1...40)) }
            let total = Int64(random.next(in: 0...Int(costs.reduce(0, +))))
            let ballots = random.ballots(candidates: projects, voters: random.next(in: 0...12), percent: 35)
            let names = (0..<projects).map { "p\($0)" }
            let order = TieBreakOrder(candidateCount: projects)
            let budget = BudgetLimits(total: total, costs: costs)
            let merged = try ApprovalProfile(candidateCount: projects, ballots: ballots)
            var split: [(approved: Set<Int>, weight: Int64)] = []
            for ballot in ballots.reversed() { for _ in 0..<ballot.weight { split.append((ballot.approved, 1)) } }
            let unmerged = try ApprovalProfile(candidateCount: projects, ballots: split)
            for (name, method) in methods {
                let outcome = try method(merged, budget, names, order)
                #expect(outcome.winners.reduce(0) { $0 + costs[$1] } <= total, "\(name)")
                #expect(Set(outcome.winners).count == outcome.winners.count, "\(name)")
                #expect(try method(unmerged, budget, names, order).winners == outcome.winners, "\(name)")
                if name == "greedy" || name == "mes-add1u" {
                    // Exhaustive: nothing unfunded fits in what is left.
                    let left = total - outcome.winners.reduce(0) { $0 + costs[$1] }
                    #expect((0..<projects).allSatisfy { outcome.winners.contains($0) || costs[$0] > left }, "\(name)")
                }
            }
        }
    }

    @Test func badBudgetsAreRefusedWithASentence() throws {
        let profile = try ApprovalProfile(candidateCount: 2, ballots: [([0], 1)])
        let order = TieBreakOrder(candidateCount: 2)
        let names = ["a", "b"]
        #expect(throws: CountingError.self) {
            try EqualSharesBudgeting().count(
                profile, budget: BudgetLimits(total: 5, costs: [0, 1]), names: names, tieBreak: order)
        }
        // A free project is fine for greedy: it always fits.
        #expect(
            try GreedyBudgeting().count(
                profile, budget: BudgetLimits(total: 0, costs: [0, 1]), names: names, tieBreak: order
            ).winners == [0])
        for budget in [
            BudgetLimits(total: 5, costs: [1]), BudgetLimits(total: -1, costs: [1, 1]),
            BudgetLimits(total: 5, costs: [-1, 1]),
        ] {
            #expect(throws: CountingError.self) {
                try GreedyBudgeting().count(profile, budget: budget, names: names, tieBreak: order)
            }
            #expect(throws: CountingError.self) {
                try EqualSharesBudgeting().count(profile, budget: budget, names: names, tieBreak: order)
            }
        }
        #expect(throws: CountingError.self) {
            try EqualSharesBudgeting(increment: 0).count(
                profile, budget: BudgetLimits(total: 5, costs: [1, 1]), names: names, tieBreak: order)
        }
    }
}
