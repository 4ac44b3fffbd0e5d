import Counting
import Testing

/// Plenum's CSV ballots (docs/ballot-formats.md): ranked, approval and rating rows, quoting,
/// and each refusal with its code and line.
@Suite struct CSVBallotReaderTests {
    func expectError(
        _ text: String, shape: BallotShape = .ranked, _ code: ReaderError.Code, line: Int?, containing fragment: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        do {
            let election = try CSVBallotReader.read(text, shape: shape)
            Issue.record("read \(election.candidates) instead of failing", sourceLocation: sourceLocation)
        } catch {
            #expect(error.code == code, "\(error)", sourceLocation: sourceLocation)
            #expect(error.line == line, "\(error)", sourceLocation: sourceLocation)
            #expect(error.message.contains(fragment), "\(error)", sourceLocation: sourceLocation)
        }
    }

    @Test func rankedRowsWithWeightsTiesGapsAndBlanks() throws {
        let text = """
            Ann,Bob,weight,Cid
            1,2,3,
            2,1,1,1
            1,3,2,1
            ,,5,
            1,7,1,

            """
        let election = try CSVBallotReader.read(text, shape: .ranked)
        #expect(election.candidates == ["Ann", "Bob", "Cid"])
        #expect(election.seats == 1)
        guard case .ranked(let profile) = election.ballots else {
            Issue.record("expected ranked ballots")
            return
        }
        #expect(
            (0..<profile.ballotCount).map(profile.groups(of:)) == [[[0], [1]], [[1, 2], [0]], [[0, 2], [1]], []])
        // The last row (1, 7) has a gap: it is the same ranking as the first, merged into it.
        #expect(profile.weights == [4, 1, 2, 5])
        #expect(profile.hasTies)
    }

    @Test func approvalRowsAcceptOneXAndZero() throws {
        let text = "Ann,Bob,Cid\n1,0,x\nX,,\n,,\n1,,X\n"
        let election = try CSVBallotReader.read(text, shape: .approval)
        guard case .approval(let profile) = election.ballots else {
            Issue.record("expected approval ballots")
            return
        }
        #expect((0..<profile.ballotCount).map(profile.approvals(of:)) == [[0, 2], [0], []])
        #expect(profile.weights == [2, 1, 1])
    }

    @Test func ratingRowsAreSignedIntegersOrBlank() throws {
        let text = "Ann,Bob,Cid,Weight\n5,-2,,2\n0,+3,2147483647,1\n"
        let election = try CSVBallotReader.read(text, shape: .rating)
        guard case .ratings(let profile) = election.ballots else {
            Issue.record("expected rating ballots")
            return
        }
        #expect(profile.ratings == [5, -2, RatingProfile.blank, 0, 3, Int32.max])
        #expect(profile.weights == [2, 1])
    }

    @Test func quotedCellsHoldCommasQuotesAndLineBreaks() throws {
        let text = "\"Smith, Ann\",\"Bob \"\"the Builder\"\"\", \"Cid\r\nJr\" \r\n1,2,\r\n\"1\" , \"\",2\r\n"
        let election = try CSVBallotReader.read(text, shape: .ranked)
        #expect(election.candidates == ["Smith, Ann", "Bob \"the Builder\"", "Cid\r\nJr"])
        guard case .ranked(let profile) = election.ballots else { return }
        #expect((0..<profile.ballotCount).map(profile.groups(of:)) == [[[0], [1]], [[0], [2]]])
    }

    @Test func headerProblemsAreRefused() {
        expectError("", .empty, line: nil, containing: "empty")
        expectError("\n\n", .empty, line: nil, containing: "empty")
        expectError("Ann,Bob,Ann\n1,2,3\n", .duplicateCandidate, line: 1, containing: "columns 1 and 3")
        expectError("Ann,,Bob\n", .syntax, line: 1, containing: "column 2 of the header has no candidate name")
        expectError("Ann,weight,WEIGHT\n", .syntax, line: 1, containing: "two weight columns")
        expectError("weight\n1\n", .syntax, line: 1, containing: "names no candidate")
        expectError("Ann;Bob;Cid\n1;2;3\n", .syntax, line: 1, containing: "not semicolons")
    }

    @Test func badCellsAreRefusedWithTheirLine() {
        let header = "Ann,Bob,weight\n1,2,1\n"
        expectError(header + "1,2\n", .syntax, line: 3, containing: "this row has 2 cells; the header has 3")
        expectError(header + "1,2,1,\n", .syntax, line: 3, containing: "this row has 4 cells")
        expectError(header + "0,1,1\n", .invalidValue, line: 3, containing: "the rank of Ann is \"0\"")
        expectError(header + "1.5,1,1\n", .invalidValue, line: 3, containing: "\"1.5\"")
        expectError(header + "-1,1,1\n", .invalidValue, line: 3, containing: "\"-1\"")
        expectError(header + "+1,1,1\n", .invalidValue, line: 3, containing: "\"+1\"")
        expectError(header + "first,1,1\n", .invalidValue, line: 3, containing: "a rank is a whole number")
        expectError(header + "1,2,0\n", .invalidValue, line: 3, containing: "the weight is \"0\"")
        expectError(header + "1,2,\n", .invalidValue, line: 3, containing: "the weight is \"\"")
        expectError(header + "1,2,x\n", .invalidValue, line: 3, containing: "a weight is a whole number from 1")
        expectError(
            header + "1,2,9223372036854775807\n", .invalidValue, line: 3, containing: "the weights add up beyond 2^63")
        expectError(
            "Ann,Bob\n1,yes\n", shape: .approval, .invalidValue, line: 2, containing: "the cell of Bob is \"yes\"")
        expectError("Ann,Bob\n1,2\n2,3.5\n", shape: .rating, .invalidValue, line: 3, containing: "\"3.5\"")
        expectError("Ann,Bob\n1,2\n2,2147483648\n", shape: .rating, .invalidValue, line: 3, containing: "32 bits")
        expectError("Ann,Bob\n-2147483648,1\n", shape: .rating, .invalidValue, line: 2, containing: "32 bits")
    }

    @Test func quotingErrorsNameTheirLine() {
        expectError("Ann,Bob\n1,2\n\"1,2\n3,4\n", .syntax, line: 3, containing: "never closed")
        expectError("Ann,Bob\n1,2\n1,2\"\n", .syntax, line: 3, containing: "a quote inside an unquoted cell")
        expectError("Ann,Bob\n\"1\"x,2\n", .syntax, line: 2, containing: "text after the closing quote")
        expectError("Ann,Bob\n1,2\r3,4\n", .syntax, line: 2, containing: "carriage return")
        // A quoted line break moves the line count on: the bad row is on line 4.
        expectError("\"Ann\nSmith\",Bob\n1,2\n1,2,3\n", .syntax, line: 4, containing: "this row has 3 cells")
    }
}
