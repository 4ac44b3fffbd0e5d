import Audit
import Ledger
import Statements
import Testing

@Suite("A record exported by the service verifies")
struct RecordVerifierTests {
    @Test("the record of a closed round passes every check, with the counts a person can follow")
    func validRecordPasses() async throws {
        let fixture = try await RecordFixture.make()
        let report = fixture.verify()
        #expect(report.passed, "\(report.text)")
        let checks = Dictionary(uniqueKeysWithValues: report.checks.map { ($0.name, $0.count) })
        #expect(checks["ballots checked (round, revision, key, electorate, sequence, choice)"] == 5)
        #expect(checks["recounts matching the certificate's outcome"] == 1)
        // org.create + 3 × (invite, join)
        #expect(checks["membership statements replayed"] == 7)
    }

    @Test("a record taken while other rounds go on still verifies")
    func recordWithOtherActivity() async throws {
        let fixture = try await RecordFixture.make(extraRound: true)
        #expect(fixture.verify().passed)
    }

    @Test("the report does not depend on threads, chunk, block or how far the checks run ahead")
    func sameReportWhateverTheSplit() async throws {
        let fixture = try await RecordFixture.make(extraRound: true)
        // One ballot's signature broken and one ballot dropped, so that failures are compared
        // too (their order included: the sequential stage applies chunks in log order).
        var tampered = fixture.lines
        let ballots = tampered.indices.filter { String(decoding: tampered[$0], as: UTF8.self).contains("entry") }
        #expect(ballots.count > 10)
        tampered.remove(at: ballots[ballots.count - 3])
        var broken = tampered[ballots[ballots.count - 6]]
        broken[20] = broken[20] == UInt8(ascii: "A") ? UInt8(ascii: "B") : UInt8(ascii: "A")
        tampered[ballots[ballots.count - 6]] = broken
        for lines in [fixture.lines, tampered] {
            let reference = RecordVerifier(threads: 1, chunk: 10_000, block: 10_000, ahead: 1).verify(lines).report
            for (threads, chunk, block, ahead) in [(2, 1, 1, 1), (2, 3, 2, 4), (3, 5, 1, 2), (2, 4096, 256, 4)] {
                let report = RecordVerifier(threads: threads, chunk: chunk, block: block, ahead: ahead).verify(lines)
                    .report
                #expect(report.checks == reference.checks, "threads \(threads), chunk \(chunk), block \(block)")
                #expect(report.failures.map(\.description) == reference.failures.map(\.description))
            }
            #expect(reference.passed == (lines == fixture.lines))
        }
    }

    @Test(
        "a record read in pieces of any size, into blocks that split its lines or are shorter than one, gives the same report"
    )
    func recordReadInPiecesGivesTheSameReport() async throws {
        let fixture = try await RecordFixture.make(extraRound: true)
        var tampered = fixture.lines
        let ballot = try #require(tampered.lastIndex { String(decoding: $0, as: UTF8.self).contains("entry") })
        tampered[ballot][30] = tampered[ballot][30] == UInt8(ascii: "A") ? UInt8(ascii: "B") : UInt8(ascii: "A")
        for lines in [fixture.lines, tampered] {
            let reference = RecordVerifier(threads: 1, chunk: 10_000, block: 10_000, ahead: 1).verify(lines).report
            let bytes = lines.map { $0 + [0x0A] }.joined().map { $0 }
            // Blocks of 1 KiB (shorter than most lines), 3 KiB (lines straddle them) and 64 KiB.
            for (chunk, pieces) in [(1, [1]), (3, [7, 1_000, 3]), (64, [100_000]), (3, [4_096])] {
                var source = PiecewiseBytes(bytes, pieces: pieces)
                let report = RecordVerifier(threads: 2, chunk: chunk, block: 2).verify(source: &source).report
                #expect(report.checks == reference.checks, "chunk \(chunk), pieces \(pieces)")
                #expect(report.failures.map(\.description) == reference.failures.map(\.description))
            }
            #expect(reference.passed == (lines == fixture.lines))
        }
    }

    @Test("a record without a final newline, or with lines after its end, is read like the line form says")
    func finalNewlineAndTrailingLines() async throws {
        let fixture = try await RecordFixture.make()
        let bytes = fixture.lines.map { $0 + [0x0A] }.joined().map { $0 }
        var open = PiecewiseBytes(Array(bytes.dropLast()), pieces: [333])
        let report = RecordVerifier(threads: 2, chunk: 2).verify(source: &open).report
        #expect(report.passed, "\(report.text)")
        // A blank line after the end line is a line after the end.
        var trailing = PiecewiseBytes(bytes + [0x0A], pieces: [333])
        let codes = RecordVerifier(threads: 2, chunk: 2).verify(source: &trailing).report.failures.map(\.code)
        #expect(codes == ["bad_order"])
        #expect(codes == RecordVerifier(threads: 2, chunk: 2).verify(fixture.lines + [[]]).report.failures.map(\.code))
    }

    @Test("an empty or headless record read as bytes fails as its lines say, at the same lines")
    func malformedRecordsAsBytes() async throws {
        for (text, message) in [
            ("", "the record is empty"), ("\n", "the first line is not a plenum-record-v1 header"),
            ("{}\n", "the first line is not a plenum-record-v1 header"),
        ] {
            var source = PiecewiseBytes(Array(text.utf8), pieces: [1])
            let failures = RecordVerifier(threads: 2, chunk: 2).verify(source: &source).report.failures
            #expect(failures.map(\.code) == ["bad_line"], "\(text)")
            #expect(failures.map(\.message) == [message], "\(text)")
        }
        // A second header, then lines after the end line: each reported at its line.
        let fixture = try await RecordFixture.make()
        let lines = [fixture.lines[0]] + fixture.lines + [[], Array("tail".utf8)]
        var source = PiecewiseBytes(lines.map { $0 + [0x0A] }.joined().map { $0 }, pieces: [5, 3_000])
        let report = RecordVerifier(threads: 2, chunk: 3).verify(source: &source).report
        #expect(report.failures.map(\.code) == ["bad_order", "bad_order", "bad_order"])
        #expect(report.failures.map(\.line) == [2, lines.count - 1, lines.count])
        #expect(
            report.failures.map(\.description)
                == RecordVerifier(threads: 2, chunk: 3).verify(lines).report.failures.map(\.description))
    }
}
