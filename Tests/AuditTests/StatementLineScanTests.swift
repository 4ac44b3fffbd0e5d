import Ledger
import Sodium
import Testing

@testable import Audit

@Suite("Statement lines scanned in place")
struct StatementLineScanTests {
    /// What a worker's entry buffer holds before a line is scanned onto it: the entries of the
    /// block's earlier lines.
    private static let earlierEntries: [UInt8] = [7, 7, 7]

    /// A line's scan, with its decoded log entry, or nil; the entry is decoded onto a buffer that
    /// holds earlier entries, and a line that does not scan must leave that buffer as it was.
    private func scan(_ line: [UInt8]) -> Scanned? {
        var entries = Self.earlierEntries
        let scan = line.withUnsafeBufferPointer { StatementLineScan($0, entries: &entries) }
        guard let scan else {
            #expect(entries == Self.earlierEntries)
            return nil
        }
        #expect(entries[..<scan.entry.lowerBound] == Self.earlierEntries[...])
        #expect(scan.entry.upperBound == entries.count)
        return Scanned(scan: scan, entry: Array(entries[scan.entry]))
    }

    /// A scan and the log entry it decoded.
    private struct Scanned {
        let scan: StatementLineScan
        let entry: [UInt8]
        var leaf: UInt64 { scan.leaf }
        var proofCount: Int { scan.proofCount }
    }

    /// The text of each proof hash the scan found in `line`.
    private func proofTexts(_ scanned: Scanned, in line: [UInt8]) -> [String] {
        line.withUnsafeBufferPointer { bytes in
            let proof = scanned.scan.proof(in: bytes)
            return (0..<proof.count).map { String(decoding: proof.text($0), as: UTF8.self) }
        }
    }

    /// A proof hash's text: 43 characters, `character` repeated.
    private static func hashText(_ character: Character) -> String { String(repeating: character, count: 43) }

    @Test("every statement line of a record scans to what the strict parser reads")
    func agreesWithParser() async throws {
        let fixture = try await RecordFixture.make()
        var scanned = 0
        for line in fixture.lines {
            guard case .statement(let leaf, let statement, let proof)? = try? RecordLine(parsing: line) else {
                #expect(scan(line) == nil)
                continue
            }
            let result = try #require(scan(line))
            #expect(result.leaf == leaf)
            #expect(result.entry == statement.logEntry)
            let decoded = proofTexts(result, in: line).map { try? SHA256Digest(bytes: Base64URL.decode($0)) }
            #expect(decoded == proof)
            scanned += 1
        }
        // org.create, 3 × (invite, join), the proposal, the open, 5 ballots, the close, the result
        #expect(scanned == 16)
    }

    @Test(
        "lines of any other shape are left to the parser",
        arguments: [
            #"{"entry":"AAAA","leaf":01,"proof":[],"type":"statement"}"#,
            #"{"entry":"AAAA","leaf":-1,"proof":[],"type":"statement"}"#,
            #"{"entry":"AAAA","leaf":9223372036854775808,"proof":[],"type":"statement"}"#,
            #"{"entry":"AAAA","leaf":1,"proof":[],"type":"statement"} "#,
            #"{"entry":"AAAA","leaf":1,"proof":["\#(String(repeating: "A", count: 43))",],"type":"statement"}"#,
            #"{"entry":"AAAA","leaf":1,"proof":[],"type":"statement","x":1}"#,
            #"{"entry": "AAAA","leaf":1,"proof":[],"type":"statement"}"#,
            #"{"entry":"AAA=","leaf":1,"proof":[],"type":"statement"}"#,
            #"{"entry":"AAAA","leaf":1,"proof":["AA\u0041A"],"type":"statement"}"#,
            #"{"entry":"AAAA","leaf":1,"proof":["AAé"],"type":"statement"}"#,
            "{\"entry\":\"AAAA\",\"leaf\":1,\"proof\":[\"AA\tA\"],\"type\":\"statement\"}",
            #"{"entry":"AA!A","leaf":1,"proof":[],"type":"statement"}"#,
            #"{"leaf":1,"entry":"AAAA","proof":[],"type":"statement"}"#,
            // Proof strings of any length but a digest's 43 characters.
            #"{"entry":"AAAA","leaf":1,"proof":["AA"],"type":"statement"}"#,
            #"{"entry":"AAAA","leaf":1,"proof":["\#(String(repeating: "A", count: 43))","\#(String(repeating: "A", count: 42))"],"type":"statement"}"#,
            #"{"entry":"AAAA","leaf":1,"proof":["\#(String(repeating: "A", count: 44))"],"type":"statement"}"#,
        ])
    func otherShapes(line: String) {
        #expect(scan(Array(line.utf8)) == nil)
    }

    @Test("the canonical shape scans, with an empty proof and the largest leaf")
    func canonicalShapes() throws {
        let empty = try #require(scan(Array(#"{"entry":"AAAA","leaf":0,"proof":[],"type":"statement"}"#.utf8)))
        #expect(empty.leaf == 0 && empty.entry == [0, 0, 0] && empty.proofCount == 0)
        let (first, second) = (Self.hashText("A"), Self.hashText("-"))
        let line = Array(
            #"{"entry":"_w","leaf":9223372036854775807,"proof":["\#(first)","\#(second)"],"type":"statement"}"#.utf8)
        let largest = try #require(scan(line))
        #expect(largest.leaf == UInt64(Int64.max) && largest.entry == [0xFF])
        #expect(proofTexts(largest, in: line) == [first, second])
        // A proof hash's text is taken as it stands; it is checked where it is decoded.
        let oddHash = "A!" + String(repeating: "A", count: 41)
        let odd = Array(#"{"entry":"AAAA","leaf":1,"proof":["\#(oddHash)"],"type":"statement"}"#.utf8)
        let scanned = try #require(scan(odd))
        #expect(proofTexts(scanned, in: odd) == [oddHash])
    }

    @Test("a record written with other spacing and key order verifies the same, through the parser")
    func nonCanonicalRecordVerifies() async throws {
        let fixture = try await RecordFixture.make()
        let respaced = fixture.lines.map { line -> [UInt8] in
            guard case .statement(let leaf, let statement, let proof)? = try? RecordLine(parsing: line) else {
                return line
            }
            let hashes = proof.map { "\"\(Base64URL.encode($0.bytes))\"" }.joined(separator: ", ")
            let text =
                #"{ "type": "statement", "leaf": \#(leaf), "proof": [\#(hashes)], "entry": ""#
                + Base64URL.encode(statement.logEntry) + #"" }"#
            return Array(text.utf8)
        }
        #expect(respaced.filter { scan($0) != nil }.isEmpty)
        let original = fixture.verify()
        let report = fixture.verify(respaced)
        #expect(report.passed, "\(report.text)")
        #expect(report.checks.map(\.name) == original.checks.map(\.name))
        #expect(report.checks.map(\.count) == original.checks.map(\.count))
    }

    @Test("a proof hash that is not base64url fails as bad_inclusion, scanned or parsed")
    func proofHashNotBase64() async throws {
        let fixture = try await RecordFixture.make()
        // The last ballot's line, with one character of a proof hash made '!'.
        let index = try #require(
            fixture.lines.lastIndex { String(decoding: $0, as: UTF8.self).contains(#""proof":[""#) })
        var line = fixture.lines[index]
        let proofStart = try #require(
            String(decoding: line, as: UTF8.self).range(of: #""proof":[""#)?.upperBound.utf16Offset(
                in: String(decoding: line, as: UTF8.self)))
        line[proofStart + 3] = UInt8(ascii: "!")
        #expect(scan(line) != nil)
        let parsed = try RecordLine.statementLine(parsing: line)
        #expect(parsed.proof.first?.contains("!") == true)
        var lines = fixture.lines
        lines[index] = line
        #expect(fixture.verify(lines).failureCodes == ["bad_inclusion"])
        // The same line spaced differently goes through the parser, with the same outcome.
        lines[index] = Array(
            String(decoding: line, as: UTF8.self).replacingOccurrences(of: ",\"leaf\"", with: ", \"leaf\"").utf8)
        #expect(scan(lines[index]) == nil)
        #expect(fixture.verify(lines).failureCodes == ["bad_inclusion"])
    }
}
