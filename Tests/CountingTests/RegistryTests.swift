import Counting
import Testing

/// The method registry: finding methods, refusing wrong shapes and options, converting and
/// withdrawing before the count, and the options' own parsing.
@Suite struct RegistryTests {
    let names = ["Ann", "Bob", "Cid", "Dee"]

    func election(_ ballots: [([[Int]], Int64)], seats: Int = 1, withdrawn: Set<Int> = []) throws -> Election {
        Election(
            candidates: names, seats: seats, withdrawn: withdrawn,
            ballots: .ranked(try RankedProfile(candidateCount: names.count, ballots: ballots)))
    }

    func expectCountingError(
        _ expected: CountingError, sourceLocation: SourceLocation = #_sourceLocation,
        _ body: () throws -> Void
    ) {
        do {
            try body()
            Issue.record("no error; expected \(expected)", sourceLocation: sourceLocation)
        } catch {
            #expect(error as? CountingError == expected, "\(error)", sourceLocation: sourceLocation)
        }
    }

    /// A method that records what the registry hands it, to test the steps before a count.
    static func probe(
        shapes: [BallotShape], conversions: [BallotConversion] = [], multiWinner: Bool = false,
        parameters: [MethodParameter] = []
    ) -> VotingMethod {
        VotingMethod(
            name: "probe", summary: "Reports what it was given.", shapes: shapes, conversions: conversions,
            multiWinner: multiWinner, parameters: parameters
        ) { election, options throws(CountingError) in
            var members = [
                JSONMember("shape", .string(election.ballots.shape.rawValue)),
                JSONMember("seats", .integer(Int64(election.seats))),
            ]
            if case .approval(let profile) = election.ballots {
                let sets = (0..<profile.ballotCount).map { ballot in
                    JSONValue.array(profile.approvals(of: ballot).map { .integer(Int64($0)) })
                }
                members.append(JSONMember("approvals", .array(sets)))
            }
            members.append(JSONMember("depth", .integer(Int64(try options.integer("depth", default: 1, in: 1...9)))))
            members.append(try options.tieBreakOrder(for: election).parameter)
            return Outcome(method: "probe", parameters: members, candidates: election.candidates, winners: [])
        }
    }

    @Test func methodsAreFoundByNameAndUnknownNamesRefused() throws {
        #expect(try VotingMethod.named("plurality").name == Plurality.name)
        expectCountingError(.unknownMethod("borda-count")) { _ = try VotingMethod.named("borda-count") }
        let all = VotingMethod.all.map(\.name)
        #expect(Set(all).count == all.count)
        for name in all {
            #expect(name.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "-" }, "\(name)")
        }
    }

    @Test func everyListedMethodCountsASmallElection() throws {
        let ranked = try election([([[0], [1]], 3), ([[1], [2]], 2), ([[2, 3]], 1)])
        let ratings = Election(
            candidates: names,
            ballots: .ratings(
                try RatingProfile(
                    candidateCount: 4, range: 0...5, ballots: [([2, 1, 0, 0], 2), ([0, 2, 1, nil], 1)])))
        let budgeting = Election(
            candidates: names,
            ballots: .approval(
                try ApprovalProfile(candidateCount: 4, ballots: [([0, 1], 3), ([2], 2), ([1, 3], 1)])),
            budget: BudgetLimits(total: 10, costs: [4, 5, 6, 1]))
        for method in VotingMethod.all {
            let election: Election
            switch method.shapes.first {
            case .rating: election = ratings
            case .approval where method.conversions.isEmpty: election = budgeting
            default: election = ranked
            }
            let outcome = try method.count(election)
            #expect(outcome.method == method.name)
            #expect(!outcome.winners.isEmpty, "\(method.name)")
        }
    }

    @Test func pluralityThroughTheRegistryMatchesTheDirectCount() throws {
        let ranked = try election([([[0], [1]], 3), ([[1], [2]], 2), ([[2, 3]], 1)])
        let direct = Plurality().count(
            try ranked.rankedBallots(for: "plurality"), names: names, tieBreak: TieBreakOrder(candidateCount: 4))
        #expect(try VotingMethod.named("plurality").count(ranked) == direct)
    }

    @Test func aBallotShapeTheMethodDoesNotCountIsRefused() throws {
        let approval = Election(
            candidates: names, ballots: .approval(try ApprovalProfile(candidateCount: 4, ballots: [([0, 1], 2)])))
        expectCountingError(.wrongBallotShape(method: "plurality", expected: "ranked")) {
            _ = try VotingMethod.named("plurality").count(approval)
        }
        let ranked = try election([([[0]], 1)])
        expectCountingError(.wrongBallotShape(method: "probe", expected: "approval or rating")) {
            _ = try Self.probe(shapes: [.approval, .rating]).count(ranked)
        }
    }

    @Test func rankedBallotsAreReadAsApprovalOnlyWhenTheMethodSaysSo() throws {
        let ranked = try election([([[0], [2, 3]], 2), ([[1]], 1), ([], 1)])
        let converting = Self.probe(shapes: [.approval], conversions: [.approvalFromRanked])
        let outcome = try converting.count(ranked)
        #expect(outcome.parameters[0] == JSONMember("shape", .string("approval")))
        #expect(
            outcome.parameters[2]
                == JSONMember(
                    "approvals",
                    .array([.array([0, 2, 3].map(JSONValue.integer)), .array([1].map(JSONValue.integer)), .array([])])))
    }

    @Test func undeclaredParametersAreRefusedAndDeclaredOnesValidated() throws {
        let ranked = try election([([[0]], 1)])
        expectCountingError(.invalidParameter("plurality has no parameter \"quota\" (it has none)")) {
            _ = try VotingMethod.named("plurality").count(
                ranked, options: MethodOptions(parameters: ["quota": "droop"]))
        }
        let probe = Self.probe(shapes: [.ranked], parameters: [MethodParameter("depth", "How deep (1 to 9).")])
        expectCountingError(.invalidParameter("probe has no parameter \"deep\" (it has depth)")) {
            _ = try probe.count(ranked, options: MethodOptions(parameters: ["deep": "2"]))
        }
        expectCountingError(.invalidParameter("depth must be a whole number from 1 to 9, not \"10\"")) {
            _ = try probe.count(ranked, options: MethodOptions(parameters: ["depth": "10"]))
        }
        let outcome = try probe.count(ranked, options: MethodOptions(parameters: ["depth": "4"]))
        #expect(outcome.parameters.contains(JSONMember("depth", .integer(4))))
    }

    @Test func seatsAreCheckedAgainstTheMethod() throws {
        let ranked = try election([([[0]], 1)], seats: 3)
        let plurality = try VotingMethod.named("plurality")
        expectCountingError(.invalidParameter("plurality elects one candidate; it cannot fill 2 seats")) {
            _ = try plurality.count(ranked, options: MethodOptions(seats: 2))
        }
        expectCountingError(.invalidParameter("seats must be at least 1, not 0")) {
            _ = try plurality.count(ranked, options: MethodOptions(seats: 0))
        }
        // Seats stated by the file do not stop a single-winner count; it fills one.
        #expect(try plurality.count(ranked).winners == [0])
        let multi = Self.probe(shapes: [.ranked], multiWinner: true)
        #expect(try multi.count(ranked).parameters[1] == JSONMember("seats", .integer(3)))
        #expect(
            try multi.count(ranked, options: MethodOptions(seats: 2)).parameters[1] == JSONMember("seats", .integer(2)))
    }

    @Test func everyMethodNamesTheWithdrawnOnceInStrictJSON() throws {
        let withWithdrawn = try election(
            [([[0], [2], [1]], 2), ([[1], [3]], 2), ([[2], [1]], 3), ([[3], [0]], 1)], seats: 2, withdrawn: [0])
        for name in ["plurality", "scottish-stv", "meek-stv", "schulze"] {
            let method = try VotingMethod.named(name)
            let outcome = try method.count(withWithdrawn, options: MethodOptions(seats: method.multiWinner ? 2 : nil))
            #expect(outcome.parameters.filter { $0.key == "withdrawn" }.count == 1, "\(name)")
            // The canonical bytes parse with the strict parser (no duplicate key).
            _ = try StrictJSONParser().parse(outcome.canonicalBytes)
        }
    }

    @Test func withdrawnCandidatesAreRemovedBeforeTheCount() throws {
        // Ann is withdrawn: her 4 first preferences pass to Cid (tied with Dee) and Bob.
        let withWithdrawn = try election(
            [([[0], [2, 3]], 2), ([[0], [1]], 2), ([[1]], 3), ([[3]], 1)], withdrawn: [0])
        let outcome = try VotingMethod.named("plurality").count(withWithdrawn)
        #expect(outcome.candidates == ["Bob", "Cid", "Dee"])
        #expect(outcome.rounds[0].tallies.map(\.votes.text) == ["5", "1", "2"])
        #expect(outcome.winnerNames == ["Bob"])
        #expect(outcome.parameters.last == JSONMember("withdrawn", .array([.string("Ann")])))

        // The same as counting an election where Ann never stood.
        let without = Election(
            candidates: ["Bob", "Cid", "Dee"],
            ballots: .ranked(
                try RankedProfile(candidateCount: 3, ballots: [([[1, 2]], 2), ([[0]], 2), ([[0]], 3), ([[2]], 1)])))
        var expected = try VotingMethod.named("plurality").count(without)
        expected.parameters.append(JSONMember("withdrawn", .array([.string("Ann")])))
        #expect(outcome == expected)

        var everyone = withWithdrawn
        everyone.withdrawn = [0, 1, 2, 3]
        expectCountingError(.invalidParameter("every candidate is withdrawn")) {
            _ = try VotingMethod.named("plurality").count(everyone)
        }
    }

    @Test func withdrawingClosesUpRankPositionsAndMergesBallots() throws {
        let profile = try RankedProfile(
            candidateCount: 5,
            ballots: [([[0], [1, 2], [3], [4]], 1), ([[0], [2], [3], [4]], 2), ([[1]], 1), ([], 1)])
        let (without, kept) = profile.withdrawing([1, 2])
        #expect(kept == [0, 3, 4])
        #expect(without.candidateCount == 3)
        #expect((0..<without.ballotCount).map(without.groups(of:)) == [[[0], [1], [2]], []])
        #expect(without.weights == [3, 2])
        #expect(without.ranks == [0, 1, 2])
        #expect(without.hasTies == false)

        let approval = try ApprovalProfile(candidateCount: 3, ballots: [([0, 1], 1), ([1], 2), ([0], 1)])
        let (fewer, _) = approval.withdrawing([1])
        #expect((0..<fewer.ballotCount).map(fewer.approvals(of:)) == [[0], []])
        #expect(fewer.weights == [2, 2])

        let ratings = try RatingProfile(
            candidateCount: 3, range: 0...5, ballots: [([5, 1, nil], 1), ([5, 2, nil], 1)])
        let (rated, _) = ratings.withdrawing([1])
        #expect(rated.ratings == [5, RatingProfile.blank])
        #expect(rated.weights == [2])
    }

    @Test func aTieBreakListMayNameWithdrawnCandidatesButMustNameEveryOther() throws {
        let tied = try election([([[1]], 1), ([[2]], 1), ([[3]], 1)], withdrawn: [0])
        let plurality = try VotingMethod.named("plurality")
        let listed = try plurality.count(tied, options: MethodOptions(tieBreak: .list(["Dee", "Ann", "Cid", "Bob"])))
        #expect(listed.winnerNames == ["Dee"])
        #expect(listed.ties.count == 1)
        expectCountingError(.invalidParameter("a tie-break order must list each of the 3 candidates once")) {
            _ = try plurality.count(tied, options: MethodOptions(tieBreak: .list(["Dee", "Cid"])))
        }
        expectCountingError(.invalidParameter("the tie-break list names \"Eve\", who is not a candidate")) {
            _ = try plurality.count(tied, options: MethodOptions(tieBreak: .list(["Dee", "Cid", "Bob", "Eve"])))
        }
        // A seed shuffles the continuing candidates, as TieBreakOrder(seed:) defines.
        let seeded = try plurality.count(tied, options: MethodOptions(tieBreak: .seed(7)))
        #expect(seeded.winners == [TieBreakOrder(seed: 7, candidateCount: 3).order[0]])
    }

    @Test func optionsAreParsedFromCommandLineText() throws {
        let options = try MethodOptions(
            seats: 2, tieBreak: "list: Bob ,Ann", parameters: ["quota=droop", "x=a=b", "e="])
        #expect(options.seats == 2)
        #expect(options.tieBreak == .list(["Bob", "Ann"]))
        #expect(options.parameters == ["quota": "droop", "x": "a=b", "e": ""])
        #expect(try MethodOptions.TieBreak(parsing: "order") == .candidateOrder)
        #expect(try MethodOptions.TieBreak(parsing: "seed:18446744073709551615") == .seed(.max))
        #expect(try MethodOptions(seats: nil, tieBreak: nil, parameters: []) == MethodOptions())
        for bad in [
            "random", "seed:", "seed:-1", "seed:+1", "seed:18446744073709551616", "list:A,,B", "list:", "Order",
        ] {
            #expect(throws: CountingError.self, "\(bad)") { try MethodOptions.TieBreak(parsing: bad) }
        }
        for bad in [["quota"], ["=droop"], ["k=1", "k=2"]] {
            #expect(throws: CountingError.self, "\(bad)") {
                try MethodOptions(seats: nil, tieBreak: nil, parameters: bad)
            }
        }
    }

    @Test func typedParameterValuesAreValidated() throws {
        let options = MethodOptions(parameters: ["n": "3", "rule": "droop", "flag": "yes", "bad": "maybe"])
        #expect(try options.integer("n", default: 1, in: 0...5) == 3)
        #expect(try options.integer("missing", default: 1, in: 0...5) == 1)
        #expect(throws: CountingError.self) { try options.integer("n", default: 1, in: 4...5) }
        #expect(throws: CountingError.self) { try options.integer("rule", default: 1, in: 0...5) }
        #expect(try options.choice("rule", default: "hare", from: ["hare", "droop"]) == "droop")
        #expect(throws: CountingError.self) { try options.choice("rule", default: "hare", from: ["hare"]) }
        #expect(try options.flag("flag", default: false))
        #expect(throws: CountingError.self) { try options.flag("bad", default: false) }
        #expect(options.text("rule") == "droop")
    }

    @Test func anInconsistentElectionIsRefusedNotCounted() throws {
        let profile = try RankedProfile(candidateCount: 3, rankings: [[0]])
        let plurality = try VotingMethod.named("plurality")
        expectCountingError(.invalidBallot("the ballots are over 3 candidates but 4 are named")) {
            _ = try plurality.count(Election(candidates: names, ballots: .ranked(profile)))
        }
        expectCountingError(.invalidParameter("withdrawn candidate 5 does not exist")) {
            _ = try plurality.count(Election(candidates: ["A", "B", "C"], withdrawn: [4], ballots: .ranked(profile)))
        }
    }
}
