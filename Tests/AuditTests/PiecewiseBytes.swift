import Audit

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
