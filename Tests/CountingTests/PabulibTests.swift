import Counting
import Foundation
import Testing

/// The pabulib reader, and the real instances counted with the rules that decided them.
@Suite struct PabulibTests {
    static let directory: String = {
        // Package root = three levels up from Tests/CountingTests/PabulibTests.swift.
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return root.appendingPathComponent("../shared/ballots/pabulib").standardized.path
    }()
    static let sharedPresent = FileManager.default.fileExists(atPath: directory)
    static let warsaw = [
        "Poland_Warszawa_2017_BoernerowoFort_RadiowoGrotyGorce", "Poland_Warszawa_2017_CentrumWola_GrzybowskaGroszowka",
        "Poland_Warszawa_2017_Niskie_Okecie", "Poland_Warszawa_2017_Wars", "Poland_Warszawa_2017_rejon_A",
        "Poland_Warszawa_2019_Brodno-Podgrodzie", "Poland_Warszawa_2019_Grochow_Centrum",
        "Poland_Warszawa_2019_Wawrzyszew", "Poland_Warszawa_2020_Wesola", "Poland_Warszawa_2022_Zoliborz",
    ]

    static func read(_ name: String) throws -> PabulibInstance {
        let data = try #require(FileManager.default.contents(atPath: "\(directory)/\(name).pb"))
        return try PabulibReader().read([UInt8](data))
    }

    static func approvals(_ instance: PabulibInstance) throws -> (ApprovalProfile, BudgetLimits) {
        guard case .approval(let profile) = instance.election.ballots else {
            Issue.record("not approval ballots")
            throw CountingError.wrongBallotShape(method: "test", expected: "approval")
        }
        return (profile, try #require(instance.election.budget))
    }

    static let small = """
        META
        key;value
        description;A small "test"
        num_projects;3
        num_votes;4
        budget;100.5
        vote_type;approval
        rule;greedy
        PROJECTS
        project_id;cost;name;selected
        1;50.25;"Park; with benches";1
        2;30;"The ""big"" slide";0
        x;20;Trees;1
        VOTES
        voter_id;age;vote
        v1;30;1,2
        v2;41; x , 1
        v3;;2
        v4;19;
        """

    @Test func aSmallFileIsReadWithQuotesDecimalsAndBlankBallots() throws {
        let instance = try PabulibReader().read(Self.small.replacingOccurrences(of: "\n", with: "\r\n"))
        #expect(instance.election.candidates == ["1", "2", "x"])
        #expect(instance.projectNames == ["Park; with benches", "The \"big\" slide", "Trees"])
        #expect(instance.costDecimals == 2)
        #expect(instance.currencyUnit == 100)
        #expect(instance.election.budget == BudgetLimits(total: 10050, costs: [5025, 3000, 2000]))
        #expect(instance.selected == [0, 2])
        #expect(instance.rule == "greedy")
        #expect(instance.election.title == "A small \"test\"")
        guard case .approval(let profile) = instance.election.ballots else {
            Issue.record("approval ballots expected")
            return
        }
        #expect(profile.totalWeight == 4)
        #expect((0..<profile.ballotCount).map { profile.approvals(of: $0) } == [[0, 1], [0, 2], [1], []])
    }

    @Test func otherVoteTypesGiveTheirProfileShapes() throws {
        let ordinal = Self.small.replacingOccurrences(of: "vote_type;approval", with: "vote_type;ordinal")
        guard case .ranked(let ranked) = try PabulibReader().read(ordinal).election.ballots else {
            Issue.record("ranked ballots expected")
            return
        }
        #expect(ranked.groups(of: 1) == [[2], [0]])
        let cumulative = """
            META
            key;value
            budget;10
            vote_type;cumulative
            max_sum_points;10
            PROJECTS
            project_id;cost
            a;5
            b;5
            VOTES
            voter_id;vote;points
            1;b,a;7,3
            2;a;10
            """
        guard case .ratings(let ratings) = try PabulibReader().read(cumulative).election.ballots else {
            Issue.record("ratings expected")
            return
        }
        #expect(ratings.ratings == [3, 7, 10, 0])
        let scoring = cumulative.replacingOccurrences(
            of: "vote_type;cumulative", with: "vote_type;scoring\ndefault_score;-1")
        guard case .ratings(let scored) = try PabulibReader().read(scoring).election.ballots else {
            Issue.record("ratings expected")
            return
        }
        #expect(scored.ratings == [3, 7, 10, -1])
    }

    /// Reading `text` fails with `code` at `line`.
    func expectFailure(
        _ text: String, _ code: ReaderError.Code, line: Int?, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        do {
            _ = try PabulibReader().read(text)
            Issue.record("read without error", sourceLocation: sourceLocation)
        } catch {
            #expect(error.code == code, "\(error)", sourceLocation: sourceLocation)
            #expect(error.line == line, "\(error)", sourceLocation: sourceLocation)
        }
    }

    @Test func malformedFilesAreRejectedNamingTheLine() {
        let s = Self.small
        expectFailure(s.replacingOccurrences(of: "v2;41; x , 1", with: "v2;41;x,9"), .unknownCandidate, line: 17)
        expectFailure(s.replacingOccurrences(of: "v2;41; x , 1", with: "v2;41;x,x"), .duplicateCandidate, line: 17)
        expectFailure(s.replacingOccurrences(of: "v3;;2", with: "v1;;2"), .invalidValue, line: 18)
        expectFailure(s.replacingOccurrences(of: "num_votes;4", with: "num_votes;5"), .countMismatch, line: 5)
        expectFailure(s.replacingOccurrences(of: "budget;100.5\n", with: ""), .metadata, line: 1)
        expectFailure(s.replacingOccurrences(of: "budget;100.5", with: "budget;-3"), .invalidValue, line: 6)
        expectFailure(s.replacingOccurrences(of: "x;20;Trees;1", with: "x;20;Trees"), .syntax, line: 13)
        expectFailure(s.replacingOccurrences(of: "x;20;Trees;1", with: "1;20;Trees;1"), .duplicateCandidate, line: 13)
        expectFailure(s.replacingOccurrences(of: "x;20;Trees;1", with: "x;2e1;Trees;1"), .invalidValue, line: 13)
        expectFailure(s.replacingOccurrences(of: #""The ""big"" slide""#, with: #""The" big slide"#), .syntax, line: 12)
        expectFailure(
            s.replacingOccurrences(of: #""Park; with benches""#, with: #""Park; with benches"#), .syntax, line: 12)
        expectFailure(s + "\n\"v5;;1", .syntax, line: 20)
        expectFailure(
            s.replacingOccurrences(of: "vote_type;approval", with: "vote_type;quadratic"), .unsupported, line: 7)
        expectFailure(s.replacingOccurrences(of: "VOTES\n", with: "VOTES\nvoter_id;x\n"), .syntax, line: 15)
        expectFailure("key;value\n", .syntax, line: 1)
        expectFailure(s + "\nMETA\nkey;value\n", .syntax, line: 20)
        expectFailure("", .syntax, line: nil)
        do {
            _ = try PabulibReader().read([UInt8]("META\nkey;value\nbudget;1\n".utf8) + [0xC3, 0x28])
            Issue.record("invalid UTF-8 was read")
        } catch {
            #expect(error.code == .encoding)
            #expect(error.line == 4)
        }
    }

    @Test(
        .enabled(if: sharedPresent, "shared ballots absent"),
        arguments: ["Netherlands_Assen_2024", "Poland_Swiecie_2023"],
        [
            EqualSharesBudgeting.Add1Convention.equalSharesNet, .pabutools,
        ])
    func equalSharesAdd1SelectsTheOfficialProjects(
        _ name: String, _ convention: EqualSharesBudgeting.Add1Convention
    )
        throws
    {
        let instance = try Self.read(name)
        #expect(instance.rule == "equalshares/add1")
        let (profile, budget) = try Self.approvals(instance)
        let names = instance.election.candidates
        let official = Set(try #require(instance.selected))
        let outcome = try EqualSharesBudgeting(add1Convention: convention, increment: instance.currencyUnit)
            .count(profile, budget: budget, names: names, tieBreak: TieBreakOrder(candidateCount: names.count))
        #expect(Set(outcome.winners) == official)
        #expect(outcome.winners.reduce(0) { $0 + budget.costs[$1] } <= budget.total)
        // Under cost utility two projects that every approver can pay in full cost each of them
        // 1 / (approvers) per unit: equal support is a tie (Assen has one, between projects that
        // are both funded in the end).
        #expect(outcome.ties.allSatisfy { Set($0.tied).isSubset(of: official) })
    }

    @Test(.enabled(if: sharedPresent, "shared ballots absent"), arguments: warsaw)
    func warsawSelectsTheOfficialProjectsWithGreedy(_ name: String) throws {
        let instance = try Self.read(name)
        #expect(instance.rule == "greedy")
        let (profile, budget) = try Self.approvals(instance)
        let names = instance.election.candidates
        let outcome = try GreedyBudgeting().count(
            profile, budget: budget, names: names, tieBreak: TieBreakOrder(candidateCount: names.count))
        #expect(Set(outcome.winners) == Set(try #require(instance.selected)))
        #expect(instance.meta["num_votes"].flatMap(Int64.init) == profile.totalWeight)
    }

    @Test(.enabled(if: sharedPresent, "shared ballots absent"))
    func fiveThousandMutationsOfARealFileOnlyEverThrowOrSucceed() throws {
        let original = try #require(FileManager.default.contents(atPath: "\(Self.directory)/Netherlands_Assen_2024.pb"))
        let bytes = [UInt8](original)
        var random = CommitteeRandom(seed: 0x7ab)
        let interesting: [UInt8] = Array(";,\"\r\n.-0123456789 ".utf8) + [0, 0xC3, 0xFF, 0x80]
        var read = 0
        var rejected = 0
        for _ in 0..<5000 {
            var mutated = bytes
            for _ in 0..<random.next(in: 1...4) {
                let at = random.next(in: 0...(mutated.count - 1))
                switch random.next(in: 0...5) {
                case 0: mutated[at] = interesting[random.next(in: 0...(interesting.count - 1))]
                case 1: mutated[at] = UInt8(truncatingIfNeeded: random.next())
                case 2: mutated.remove(at: at)
                case 3: mutated.insert(interesting[random.next(in: 0...(interesting.count - 1))], at: at)
                case 4:
                    let end = min(mutated.count, at + random.next(in: 1...200))
                    mutated.insert(contentsOf: mutated[at..<end], at: random.next(in: 0...(mutated.count - 1)))
                default: mutated.removeSubrange(at..<min(mutated.count, at + random.next(in: 1...400)))
                }
                if mutated.isEmpty { mutated = [0x41] }
            }
            do {
                let instance = try PabulibReader().read(mutated)
                read += 1
                if case .approval(let profile) = instance.election.ballots, let budget = instance.election.budget {
                    let names = instance.election.candidates
                    let order = TieBreakOrder(candidateCount: names.count)
                    let outcome = try GreedyBudgeting().count(profile, budget: budget, names: names, tieBreak: order)
                    #expect(outcome.winners.reduce(0) { $0 + budget.costs[$1] } <= budget.total)
                }
            } catch let error as ReaderError {
                rejected += 1
                #expect(!error.message.isEmpty)
            }
        }
        #expect(read + rejected == 5000)
        print("pabulib fuzz: \(read) read, \(rejected) rejected")
        #expect(rejected > 1000)
    }
}
