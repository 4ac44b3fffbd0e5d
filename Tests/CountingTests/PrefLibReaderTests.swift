import Counting
import Foundation
import Testing

/// PrefLib `.soc/.soi/.toc/.toi/.cat` files (format of preflib.org's FORMAT_SPECIFICATION.md):
/// exact reading of small hand-written files, and each refusal with its code and line.
@Suite struct PrefLibReaderTests {
    /// A header for `type` with the given names, voters and unique orders (13 + names lines).
    func header(_ type: String, names: [String] = ["Ann", "Bob", "Cid"], voters: Int, unique: Int) -> String {
        var lines = [
            "# FILE NAME: test.\(type)", "# TITLE: Hand-written test", "# DESCRIPTION: ", "# DATA TYPE: \(type)",
            "# MODIFICATION TYPE: original", "# RELATES TO: ", "# RELATED FILES: ", "# PUBLICATION DATE: 2026-01-01",
            "# MODIFICATION DATE: 2026-01-01", "# NUMBER ALTERNATIVES: \(names.count)", "# NUMBER VOTERS: \(voters)",
        ]
        lines.append(type == "cat" ? "# NUMBER UNIQUE PREFERENCES: \(unique)" : "# NUMBER UNIQUE ORDERS: \(unique)")
        if type == "cat" {
            lines += ["# NUMBER CATEGORIES: 2", "# CATEGORY NAME 1: Yes", "# CATEGORY NAME 2: No"]
        }
        for (index, name) in names.enumerated() { lines.append("# ALTERNATIVE NAME \(index + 1): \(name)") }
        return lines.joined(separator: "\n") + "\n"
    }

    func ranked(_ election: Election) -> [([[Int]], Int64)] {
        guard case .ranked(let profile) = election.ballots else { return [] }
        return (0..<profile.ballotCount).map { (profile.groups(of: $0), profile.weights[$0]) }
    }

    func expectError(
        _ text: String, expected: PrefLibReader.DataType? = nil, _ code: ReaderError.Code, line: Int?,
        containing fragment: String, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        do {
            let election = try PrefLibReader.read(text, expected: expected)
            Issue.record("read \(election.candidates) instead of failing", sourceLocation: sourceLocation)
        } catch {
            #expect(error.code == code, "\(error)", sourceLocation: sourceLocation)
            #expect(error.line == line, "\(error)", sourceLocation: sourceLocation)
            #expect(error.message.contains(fragment), "\(error)", sourceLocation: sourceLocation)
        }
    }

    @Test func aTOIFileIsReadExactly() throws {
        let text = header("toi", voters: 10, unique: 4) + "4: 1,{2, 3}\n3: 2\r\n2: {1,3}, 2\n1:\n"
        let election = try PrefLibReader.read(text, expected: .toi)
        #expect(election.title == "Hand-written test")
        #expect(election.candidates == ["Ann", "Bob", "Cid"])
        #expect(election.seats == 1)
        #expect(election.withdrawn.isEmpty)
        let ballots = ranked(election)
        #expect(ballots.map(\.0) == [[[0], [1, 2]], [[1]], [[0, 2], [1]], []])
        #expect(ballots.map(\.1) == [4, 3, 2, 1])
    }

    @Test func aSOCFileIsReadAsStrictRankings() throws {
        let text = header("soc", voters: 5, unique: 2) + "3: 1,2,3\n2: 3,1,2\n"
        let election = try PrefLibReader.read(text)
        #expect(ranked(election).map(\.0) == [[[0], [1], [2]], [[2], [0], [1]]])
        guard case .ranked(let profile) = election.ballots else { return }
        #expect(profile.hasTies == false)
        #expect(profile.totalWeight == 5)
    }

    @Test func aSOIAndATOCFileAreRead() throws {
        let soi = try PrefLibReader.read(header("soi", voters: 3, unique: 2) + "2: 2\n1: 3,1\n")
        #expect(ranked(soi).map(\.0) == [[[1]], [[2], [0]]])
        let toc = try PrefLibReader.read(header("toc", voters: 1, unique: 1) + "1: {3,1,2}\n")
        // Equal-ranked candidates are stored in index order, so equal ballots merge however written.
        #expect(ranked(toc).map(\.0) == [[[0, 1, 2]]])
    }

    @Test func aCATFileApprovesItsFirstCategory() throws {
        let text = header("cat", voters: 9, unique: 3) + "5: {1,3},2\n3: {},{1,2,3}\n1: 2, {}\n"
        let election = try PrefLibReader.read(text, expected: .cat)
        guard case .approval(let profile) = election.ballots else {
            Issue.record("expected approval ballots")
            return
        }
        #expect((0..<profile.ballotCount).map(profile.approvals(of:)) == [[0, 2], [], [1]])
        #expect(profile.weights == [5, 3, 1])
    }

    @Test func theSpecificationsDebianExampleHeaderIsAccepted() throws {
        // The header layout of the specification's TOC example (keys with empty values, names
        // with spaces); the data are ours.
        let text = """
            # FILE NAME: 00002-00000001.toc
            # TITLE: Debian 2002 Leader
            # DESCRIPTION:
            # DATA TYPE: toc
            # MODIFICATION TYPE: imbued
            # RELATES TO: 00002-00000001.soi
            # RELATED FILES:
            # PUBLICATION DATE: 2013-08-17
            # MODIFICATION DATE: 2022-09-16
            # NUMBER ALTERNATIVES: 4
            # NUMBER VOTERS: 3
            # NUMBER UNIQUE ORDERS: 2
            # ALTERNATIVE NAME 1: Branden Robinson
            # ALTERNATIVE NAME 2: Raphael Hertzog
            # ALTERNATIVE NAME 3: Bdale Garbee
            # ALTERNATIVE NAME 4: None Of The Above
            2: 3,1,2,4
            1: 3,{1,2,4}
            """
        let election = try PrefLibReader.read(text)
        #expect(election.candidates == ["Branden Robinson", "Raphael Hertzog", "Bdale Garbee", "None Of The Above"])
        #expect(election.title == "Debian 2002 Leader")
        #expect(ranked(election).map(\.0) == [[[2], [0], [1], [3]], [[2], [0, 1, 3]]])
    }

    @Test func headerProblemsAreRefusedWithTheirLine() {
        let body = "1: 1,2,3\n"
        expectError("1: 1,2,3\n", .metadata, line: 1, containing: "# KEY: value")
        expectError(
            header("soc", voters: 1, unique: 1).replacingFirst("# DATA TYPE: soc", with: "# DATA TYPE: wmd") + body,
            .unsupported, line: 4, containing: "wmd")
        expectError(
            header("soc", voters: 1, unique: 1).replacingFirst("# DATA TYPE: soc", with: "# DATA TYPE: xyz") + body,
            .metadata, line: 4, containing: "xyz")
        expectError(
            header("soc", voters: 1, unique: 1) + body, expected: .toi, .metadata, line: 4,
            containing: "named .toi but its DATA TYPE is soc")
        expectError(
            header("soc", voters: 1, unique: 1).replacingFirst("# NUMBER VOTERS: 1\n", with: "") + body,
            .metadata, line: nil, containing: "no \"# NUMBER VOTERS:\" line")
        expectError(
            header("soc", voters: 1, unique: 1).replacingFirst("# NUMBER VOTERS: 1", with: "# NUMBER VOTERS: many")
                + body, .metadata, line: 11, containing: "whole number")
        expectError(
            header("soc", voters: 1, unique: 1) + "# TITLE: again\n" + body, .metadata, line: 16,
            containing: "TITLE is given twice (first on line 2)")
        expectError(
            header("soc", voters: 1, unique: 1) + "# no colon here\n" + body, .syntax, line: 16, containing: "no colon")
        expectError(
            header("soc", voters: 1, unique: 1) + body + "# LATE: key\n", .syntax, line: 17,
            containing: "before the preferences")
    }

    @Test func alternativeNamesMustMatchTheirNumber() {
        let body = "1: 1,2,3\n"
        expectError(
            header("soc", voters: 1, unique: 1).replacingFirst("# ALTERNATIVE NAME 2: Bob\n", with: "") + body,
            .countMismatch, line: 10, containing: "no \"# ALTERNATIVE NAME 2:\" line")
        expectError(
            header("soc", voters: 1, unique: 1) + "# ALTERNATIVE NAME 4: Dee\n" + body, .metadata, line: 16,
            containing: "from 1 to 3")
        expectError(
            header("soc", names: ["Ann", "Bob", "Ann"], voters: 1, unique: 1) + body, .duplicateCandidate, line: 15,
            containing: "alternatives 1 and 3 are both named \"Ann\"")
        expectError(
            header("soc", voters: 1, unique: 1).replacingFirst("NAME 2: Bob", with: "NAME 2:") + body, .metadata,
            line: 14, containing: "empty name")
        expectError(
            header("soc", voters: 1, unique: 1).replacingFirst("ALTERNATIVES: 3", with: "ALTERNATIVES: 0") + body,
            .metadata, line: 10, containing: "at least 1")
    }

    @Test func countsThatDoNotAddUpAreRefused() {
        expectError(
            header("soc", voters: 6, unique: 2) + "3: 1,2,3\n2: 3,1,2\n", .countMismatch, line: 11,
            containing: "NUMBER VOTERS is 6 but the counts of the preference lines add up to 5")
        expectError(
            header("soc", voters: 5, unique: 3) + "3: 1,2,3\n2: 3,1,2\n", .countMismatch, line: 12,
            containing: "NUMBER UNIQUE ORDERS is 3 but there are 2 preference lines")
        expectError(
            header("cat", voters: 1, unique: 1) + "1: {1,2},{},3\n", .countMismatch, line: 19,
            containing: "lists 3 categories; NUMBER CATEGORIES is 2")
        expectError(
            header("soi", voters: 1, unique: 2) + "9223372036854775807: 1\n1: 2\n", .invalidValue, line: 17,
            containing: "beyond 2^63")
        expectError(
            header("soi", voters: 1, unique: 1) + "99999999999999999999: 1\n", .invalidValue, line: 16,
            containing: "too large")
    }

    @Test func malformedPreferenceLinesAreRefusedWithTheirLine() {
        let soc = header("soc", voters: 1, unique: 1)
        let toi = header("toi", voters: 1, unique: 1)
        expectError(soc + "1 1,2,3\n", .syntax, line: 16, containing: "expected \":\" after the count")
        expectError(soc + "x: 1,2,3\n", .syntax, line: 16, containing: "count: preference")
        expectError(soc + "0: 1,2,3\n", .invalidValue, line: 16, containing: "at least 1")
        expectError(soc + "1: 1,2,4\n", .unknownCandidate, line: 16, containing: "no alternative 4")
        expectError(soc + "1: 1,0,2\n", .unknownCandidate, line: 16, containing: "no alternative 0")
        expectError(soc + "1: 1,2,1\n", .duplicateCandidate, line: 16, containing: "alternative 1 appears twice")
        expectError(soc + "1: 1,2\n", .syntax, line: 16, containing: "ranks all 3 alternatives; this one ranks 2")
        expectError(soc + "1: 1,{2,3}\n", .syntax, line: 16, containing: "no ties")
        expectError(toi + "1: 1,{2,3\n", .syntax, line: 16, containing: "expected \",\" or \"}\"")
        expectError(toi + "1: 1,,2\n", .syntax, line: 16, containing: "expected an alternative number")
        expectError(toi + "1: 1;2\n", .syntax, line: 16, containing: "expected \",\" or the end of the line")
        expectError(toi + "1: 1,{}\n", .syntax, line: 16, containing: "empty group")
        expectError(toi + "1: -1\n", .syntax, line: 16, containing: "expected an alternative number")
        expectError(
            header("toi", voters: 2, unique: 2) + "1: 1,{2,3}\n1: 1, {3, 2}\n", .syntax, line: 17,
            containing: "already appears on line 16")
    }

    @Test func theReadingDoesNotDependOnBlankLinesOrLineEndings() throws {
        let unix = header("toi", voters: 3, unique: 2) + "2: 1,{2,3}\n1: 3\n"
        let windows = unix.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\r\n")
        let spaced = header("toi", voters: 3, unique: 2) + "\n  2 :  1 , { 2 , 3 }  \n\n1: 3\n\n"
        let reference = try PrefLibReader.read(unix)
        #expect(try PrefLibReader.read(windows) == reference)
        #expect(try PrefLibReader.read(spaced) == reference)
    }
}

fileprivate extension String {
    /// The string with the first occurrence of `target` replaced (tests build variants of a file).
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = range(of: target) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }
}
