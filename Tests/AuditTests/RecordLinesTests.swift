import TestRandom
import Testing

@testable import Audit

@Suite("A record's bytes split into lines, block by block")
struct RecordLinesTests {
    @Test(
        "lines come back exactly, whatever the block size, the pieces the source reads in and the buffers handed back"
    )
    func linesAcrossBlocks() {
        var random = SplitMix64(seed: 0x11E5)
        var reused = 0
        for round in 0..<300 {
            // Lines of many lengths, empty ones and ones longer than a block among them.
            var lines: [[UInt8]] = []
            for _ in 0..<random.below(40) {
                let length = random.below(8) == 0 ? random.below(5_000) : random.below(300)
                lines.append((0..<length).map { _ in UInt8(0x21 + random.below(90)) })
            }
            let closed = random.below(2) == 0
            var text = lines.map { $0 + [0x0A] }.joined().map { $0 }
            if !closed, !text.isEmpty { text.removeLast() }
            // Without a final newline an empty last line is no line at all.
            let expected = !closed && lines.last?.isEmpty == true ? Array(lines.dropLast()) : lines
            var source = PiecewiseBytes(
                text, pieces: (0..<5).map { _ in 1 + random.below(random.below(2) == 0 ? 7 : 3_000) })
            var reader = RecordLines(blockSize: 1 + random.below(2_000))
            // Each line is taken from its block at once, and the block before the current one
            // handed back (with nothing else holding it) now and then, as the verifier does once
            // a chunk is applied: its buffer is then read into in place.
            var lent: [[UInt8]] = []
            var lastBlock = reader.block
            var previous: [UInt8] = []
            while let range = reader.next(from: &source) {
                if reader.block != lastBlock {
                    lastBlock = reader.block
                    var taken: [UInt8] = []
                    swap(&taken, &previous)
                    if random.below(2) == 0 { reader.recycle(taken) }
                    previous = reader.bytes
                }
                lent.append(Array(reader.bytes[range]))
            }
            // Compared as a whole, but only the first difference is shown (the lines are long).
            let differs = (0..<max(lent.count, expected.count)).first {
                $0 >= lent.count || $0 >= expected.count || lent[$0] != expected[$0]
            }
            #expect(
                differs == nil,
                "round \(round): \(lent.count) lines for \(expected.count), line \(differs ?? -1) differs")
            #expect(reader.next(from: &source) == nil)
            reused += reader.reusedBuffers
        }
        // Buffers handed back were read into in place, not copied.
        #expect(reused > 100)
    }

    @Test("a buffer handed back serves the next block, whatever its size")
    func recycledBufferIsReused() {
        let line = Array("0123456789".utf8)
        let text = Array(repeating: line + [0x0A], count: 100).joined().map { $0 }
        var source = PiecewiseBytes(text, pieces: [4_096])
        var reader = RecordLines(blockSize: 110)
        var count = reader.next(from: &source) == nil ? 0 : 1
        // A buffer of its own size, so that the block read into it is told apart.
        reader.recycle([UInt8](repeating: 0xEE, count: 500))
        var sizes: [Int] = []
        var block = reader.block
        while let range = reader.next(from: &source) {
            count += 1
            #expect(Array(reader.bytes[range]) == line)
            if reader.block != block {
                block = reader.block
                sizes.append(reader.bytes.count)
            }
        }
        #expect(count == 100)
        // The second block fills the 500 bytes (45 lines and the start of the next).
        #expect(sizes.first == 500)
        #expect(sizes.dropFirst().allSatisfy { $0 == 110 })
    }

    @Test("the verifier reads later blocks into the buffers of applied chunks, in place")
    func verifierReusesBuffers() async throws {
        let fixture = try await RecordFixture.make()
        let bytes = fixture.lines.map { $0 + [0x0A] }.joined().map { $0 }
        // Blocks of 2 KiB, about a line or two each, applied with at most one chunk ahead.
        var source = PiecewiseBytes(bytes, pieces: [100_000])
        let result = RecordVerifier(threads: 2, chunk: 2, block: 1, ahead: 1).verify(source: &source)
        #expect(result.report.passed, "\(result.report.text)")
        // (A block that holds a header, proof or end line ends its batch early, and a buffer too
        // small for the next block is dropped: not every block can reuse one here.)
        #expect(result.reusedBuffers > 0)
    }
}
