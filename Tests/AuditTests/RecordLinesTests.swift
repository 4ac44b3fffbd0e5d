import TestRandom
import Testing

@testable import Audit

@Suite("A record's bytes split into lines, block by block")
struct RecordLinesTests {
    @Test(
        "lines come back exactly, whatever the block size and the pieces the source reads in, and a block's bytes stay as they were while it is held"
    )
    func linesAcrossBlocks() {
        var random = SplitMix64(seed: 0x11E5)
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
            // Every block is held to the end, and some handed back, as the verifier's chunks do.
            var read: [(block: [UInt8], range: Range<Int>)] = []
            var lastBlock = reader.block
            var held: [UInt8]?
            while let range = reader.next(from: &source) {
                if reader.block != lastBlock {
                    if let held, random.below(3) == 0 { reader.recycle(held) }
                    lastBlock = reader.block
                }
                held = reader.bytes
                read.append((reader.bytes, range))
            }
            let lent = read.map { Array($0.block[$0.range]) }
            // Compared as a whole, but only the first difference is shown (the lines are long).
            let differs = (0..<max(lent.count, expected.count)).first {
                $0 >= lent.count || $0 >= expected.count || lent[$0] != expected[$0]
            }
            #expect(
                differs == nil,
                "round \(round): \(lent.count) lines for \(expected.count), line \(differs ?? -1) differs")
            #expect(reader.next(from: &source) == nil)
        }
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
}

/// A record's bytes read in pieces of the given sizes in turn, each read first scribbling over
/// the whole buffer it is given, so a reader that used bytes it was not given would be caught.
struct PiecewiseBytes: RecordByteSource {
    private let bytes: [UInt8]
    private let pieces: [Int]
    private var offset = 0
    private var turn = 0

    init(_ bytes: [UInt8], pieces: [Int]) {
        self.bytes = bytes
        self.pieces = pieces
    }

    mutating func read(into buffer: UnsafeMutableRawBufferPointer) -> Int {
        buffer.initializeMemory(as: UInt8.self, repeating: 0x7E)
        let count = min(pieces[turn % pieces.count], buffer.count, bytes.count - offset)
        turn += 1
        bytes.withUnsafeBytes { buffer.baseAddress!.copyMemory(from: $0.baseAddress! + offset, byteCount: count) }
        offset += count
        return count
    }
}
