import Counting
import Testing

/// Plenum's JSON ballots (docs/ballot-formats.md): each shape, the optional members, and each
/// refusal with its JSON path (or line, for a syntax error).
@Suite struct JSONBallotReaderTests {
    func expectError(
        _ text: String, _ code: ReaderError.Code, line: Int? = nil, containing fragment: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        do {
            let election = try JSONBallotReader.read(text)
            Issue.record("read \(election.candidates) instead of failing", sourceLocation: sourceLocation)
        } catch {
            #expect(error.code == code, "\(error)", sourceLocation: sourceLocation)
            #expect(error.line == line, "\(error)", sourceLocation: sourceLocation)
            #expect(error.message.contains(fragment), "\(error)", sourceLocation: sourceLocation)
        }
    }

    /// A file with three candidates and the given ballots array.
    func file(_ ballots: String) -> String { #"{"candidates": ["Ann", "Bob", "Cid"], "ballots": "# + ballots + "}" }

    @Test func everyMemberIsRead() throws {
        let text = """
            {
              "title": "Board 2026",
              "candidates": ["Ann", "Bob", "Cid"],
              "seats": 2,
              "withdrawn": ["Cid"],
              "budget": {"total": 100, "costs": {"Ann": 60, "Bob": 40, "Cid": 30}},
              "ballots": [
                {"ranking": [["Ann"], ["Bob", "Cid"]], "weight": 2},
                {"ranking": ["Bob", "Ann"]},
                {"weight": 3, "ranking": [["Ann"], "Bob", "Cid"]},
                {"ranking": []}
              ]
            }
            """
        let election = try JSONBallotReader.read(text)
        #expect(election.title == "Board 2026")
        #expect(election.candidates == ["Ann", "Bob", "Cid"])
        #expect(election.seats == 2)
        #expect(election.withdrawn == [2])
        #expect(election.budget == BudgetLimits(total: 100, costs: [60, 40, 30]))
        guard case .ranked(let profile) = election.ballots else {
            Issue.record("expected ranked ballots")
            return
        }
        #expect(
            (0..<profile.ballotCount).map(profile.groups(of:)) == [
                [[0], [1, 2]], [[1], [0]], [[0], [1], [2]], [],
            ])
        #expect(profile.weights == [2, 1, 3, 1])
    }

    @Test func approvalAndScoreBallots() throws {
        let approval = try JSONBallotReader.read(
            file(#"[{"approve": ["Cid", "Ann"]}, {"approve": []}, {"approve": ["Ann", "Cid"], "weight": 4}]"#))
        #expect(approval.seats == 1)
        guard case .approval(let approvals) = approval.ballots else {
            Issue.record("expected approval ballots")
            return
        }
        #expect((0..<approvals.ballotCount).map(approvals.approvals(of:)) == [[0, 2], []])
        #expect(approvals.weights == [5, 1])

        let scores = try JSONBallotReader.read(file(#"[{"scores": {"Ann": 5, "Cid": -1}}, {"scores": {}}]"#))
        guard case .ratings(let ratings) = scores.ballots else {
            Issue.record("expected rating ballots")
            return
        }
        #expect(
            ratings.ratings == [
                5, RatingProfile.blank, -1, RatingProfile.blank, RatingProfile.blank, RatingProfile.blank,
            ])
    }

    @Test func equalRanksMergeHoweverTheyAreWritten() throws {
        let election = try JSONBallotReader.read(
            file(#"[{"ranking": [["Cid", "Bob"]]}, {"ranking": [["Bob", "Cid"]]}]"#))
        guard case .ranked(let profile) = election.ballots else { return }
        #expect((0..<profile.ballotCount).map(profile.groups(of:)) == [[[1, 2]]])
        #expect(profile.weights == [2])
    }

    @Test func aFileWithoutBallotsIsRanked() throws {
        let election = try JSONBallotReader.read(file("[]"))
        guard case .ranked(let profile) = election.ballots else {
            Issue.record("expected ranked ballots")
            return
        }
        #expect(profile.ballotCount == 0)
    }

    @Test func topLevelProblemsNameTheirMember() {
        expectError(
            #"{"candidates": ["Ann"], "ballots": [], "method": "x"}"#, .syntax, containing: "method: unknown member")
        expectError(#"{"ballots": []}"#, .metadata, containing: "\"candidates\" is missing")
        expectError(#"{"candidates": ["Ann"]}"#, .metadata, containing: "\"ballots\" is missing")
        expectError(#"{"candidates": [], "ballots": []}"#, .invalidValue, containing: "at least one")
        expectError(#"{"candidates": "Ann", "ballots": []}"#, .syntax, containing: "candidates: must be an array")
        expectError(
            #"{"candidates": ["Ann", 3], "ballots": []}"#, .syntax, containing: "candidates[1]: must be a string")
        expectError(#"{"candidates": ["Ann", ""], "ballots": []}"#, .invalidValue, containing: "candidates[1]")
        expectError(#"{"candidates": ["Ann", "Ann"], "ballots": []}"#, .duplicateCandidate, containing: "candidates[1]")
        expectError(#"{"candidates": ["Ann"], "seats": 2, "ballots": []}"#, .invalidValue, containing: "seats")
        expectError(#"{"candidates": ["Ann"], "seats": 0, "ballots": []}"#, .invalidValue, containing: "seats")
        expectError(
            #"{"candidates": ["Ann"], "withdrawn": ["Bob"], "ballots": []}"#, .unknownCandidate,
            containing: "withdrawn[0]")
        expectError(
            #"{"candidates": ["Ann"], "withdrawn": ["Ann", "Ann"], "ballots": []}"#, .duplicateCandidate,
            containing: "withdrawn[1]")
        expectError(
            #"{"candidates": ["Ann"], "title": 1, "ballots": []}"#, .syntax, containing: "title: must be a string")
        expectError(
            #"{"candidates": ["Ann", "Bob"], "budget": {"total": 5, "costs": {"Ann": 1}}, "ballots": []}"#, .metadata,
            containing: "budget.costs: Bob has no cost")
        expectError(
            #"{"candidates": ["Ann"], "budget": {"total": -5, "costs": {"Ann": 1}}, "ballots": []}"#, .invalidValue,
            containing: "budget.total")
        expectError(
            #"{"candidates": ["Ann"], "budget": {"total": 5, "costs": {"Zed": 1}}, "ballots": []}"#, .unknownCandidate,
            containing: "budget.costs")
        expectError(
            #"{"candidates": ["Ann"], "budget": {"total": 5}, "ballots": []}"#, .metadata,
            containing: "budget: \"costs\" is missing")
    }

    @Test func ballotProblemsNameTheirPath() {
        expectError(
            file(#"[{"ranking": ["Ann"]}, {"approve": ["Ann"]}]"#), .syntax,
            containing: "ballots[1]: has \"approve\" but ballots[0] has \"ranking\"")
        expectError(
            file(#"[{"ranking": ["Ann"], "approve": ["Ann"]}]"#), .syntax,
            containing: "ballots[0]: a ballot has exactly one")
        expectError(file(#"[{"weight": 2}]"#), .syntax, containing: "ballots[0]: a ballot has exactly one")
        expectError(file(#"[{"ranking": ["Ann"], "id": 7}]"#), .syntax, containing: "ballots[0].id: unknown member")
        expectError(
            file(#"[{"ranking": ["Ann", ["Bob", "Zed"]]}]"#), .unknownCandidate,
            containing: "ballots[0].ranking[1][1]: \"Zed\"")
        expectError(
            file(#"[{"ranking": ["Ann", ["Bob", "Ann"]]}]"#), .duplicateCandidate, containing: "ballots[0].ranking[1]")
        expectError(file(#"[{"ranking": [[]]}]"#), .syntax, containing: "ballots[0].ranking[0]: an empty group")
        expectError(file(#"[{"ranking": [1]}]"#), .syntax, containing: "ballots[0].ranking[0]: must be a string")
        expectError(file(#"[{"ranking": "Ann"}]"#), .syntax, containing: "ballots[0].ranking: must be an array")
        expectError(file(#"[{"ranking": ["Ann"], "weight": 0}]"#), .invalidValue, containing: "ballots[0].weight")
        expectError(file(#"[{"ranking": ["Ann"], "weight": "2"}]"#), .invalidValue, containing: "ballots[0].weight")
        expectError(
            file(#"[{"ranking": ["Ann"], "weight": 9223372036854775807}, {"ranking": ["Bob"]}]"#), .invalidValue,
            containing: "ballots[1].weight: the weights add up beyond 2^63")
        expectError(file(#"[{"approve": ["Ann", "Ann"]}]"#), .duplicateCandidate, containing: "ballots[0].approve[1]")
        expectError(file(#"[{"approve": [["Ann"]]}]"#), .syntax, containing: "ballots[0].approve[0]: must be a string")
        expectError(file(#"[{"scores": {"Zed": 1}}]"#), .unknownCandidate, containing: "ballots[0].scores.Zed")
        expectError(file(#"[{"scores": {"Ann": "5"}}]"#), .invalidValue, containing: "ballots[0].scores.Ann")
        expectError(file(#"[{"scores": {"Ann": 2147483648}}]"#), .invalidValue, containing: "32 bits")
        expectError(file(#"[{"scores": ["Ann"]}]"#), .syntax, containing: "ballots[0].scores: must be an object")
        expectError(file(#"[["Ann"]]"#), .syntax, containing: "ballots[0]: must be an object")
    }

    @Test func syntaxErrorsNameTheirLine() {
        expectError("{\n\"candidates\": [\"Ann\"],\n\"ballots\": [,]\n}", .syntax, line: 3, containing: "invalid JSON")
        expectError(
            "{\"candidates\": [\"Ann\"],\n\"ballots\": [],\n\"ballots\": []}", .syntax, line: 3,
            containing: "\"ballots\" appears twice")
        expectError(
            "{\"candidates\": [\"Ann\"],\n\"ballots\": [{\"ranking\": [\"Ann\"], \"weight\": 1.5}]}", .syntax, line: 2,
            containing: "whole numbers")
        expectError("[1, 2]", .syntax, line: nil, containing: "one JSON object")
        expectError("{\"candidates\": [\"Ann\"]", .syntax, line: nil, containing: "ends in the middle")
        expectError("{}\n{}", .syntax, line: 2, containing: "invalid JSON")
        expectError(
            #"{"candidates": ["Ann"], "ballots": [[[[[[[[[]]]]]]]]]}"#, .syntax, line: nil, containing: "nests deeper")
    }
}
