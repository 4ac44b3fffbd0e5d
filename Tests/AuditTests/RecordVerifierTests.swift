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

    @Test("lines lent in place from one shared buffer, as a record file lends them, give the same report")
    func lentLinesGiveTheSameReport() async throws {
        let fixture = try await RecordFixture.make(extraRound: true)
        var tampered = fixture.lines
        let ballot = try #require(tampered.lastIndex { String(decoding: $0, as: UTF8.self).contains("entry") })
        tampered[ballot][30] = tampered[ballot][30] == UInt8(ascii: "A") ? UInt8(ascii: "B") : UInt8(ascii: "A")
        for lines in [fixture.lines, tampered] {
            let reference = RecordVerifier(threads: 2, chunk: 3, block: 2).verify(lines).report
            var source = SharedBufferLines(lines)
            let report = RecordVerifier(threads: 2, chunk: 3, block: 2).verify(source: &source).report
            #expect(report.checks == reference.checks)
            #expect(report.failures.map(\.description) == reference.failures.map(\.description))
            #expect(report.passed == (lines == fixture.lines))
            #expect(source.lent == lines.count)
        }
    }
}

/// A source that lends every line from one buffer it overwrites for the next, as a file reader
/// does: a verifier that kept a lent pointer past its call would read the next line's bytes.
private struct SharedBufferLines: RecordLineSource {
    private let lines: [[UInt8]]
    private var buffer = [UInt8](repeating: 0, count: 1 << 16)
    private(set) var lent = 0

    init(_ lines: [[UInt8]]) { self.lines = lines }

    mutating func withNextLine(_ body: (UnsafeBufferPointer<UInt8>) -> Void) -> Bool {
        guard lent < lines.count else { return false }
        let line = lines[lent]
        lent += 1
        if buffer.count < line.count { buffer = [UInt8](repeating: 0, count: line.count) }
        // Scribble over the whole buffer first, then copy the line in.
        for index in buffer.indices { buffer[index] = 0x7E }
        buffer.replaceSubrange(0..<line.count, with: line)
        buffer.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[0..<line.count])) }
        return true
    }
}
