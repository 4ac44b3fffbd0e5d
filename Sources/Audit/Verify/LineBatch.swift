/// A chunk's statement lines, back to back in one buffer, with where each starts and ends: no
/// allocation per line (a record line is over a kilobyte, beyond the allocator's per-thread
/// cache), and the workers read every line in place.
struct LineBatch: Sendable {
    /// The lines' bytes, one after another, without newlines.
    private(set) var bytes: [UInt8] = []
    /// Each line's number in the record and its range in ``bytes``.
    private(set) var lines: [(number: Int, range: Range<Int>)] = []

    /// An empty batch.
    init() {}

    /// An empty batch with room for `lines` lines of `bytes` bytes in all.
    init(reservingLines lines: Int, bytes: Int) {
        self.lines.reserveCapacity(lines)
        self.bytes.reserveCapacity(bytes)
    }

    /// Empties the batch, keeping its buffers for the next lines.
    mutating func removeAll() {
        lines.removeAll(keepingCapacity: true)
        bytes.removeAll(keepingCapacity: true)
    }

    var count: Int { lines.count }
    var isEmpty: Bool { lines.isEmpty }

    /// Appends line `number`, copying its bytes.
    mutating func append(number: Int, _ line: UnsafeBufferPointer<UInt8>) {
        let start = bytes.count
        bytes.append(contentsOf: line)
        lines.append((number, start..<bytes.count))
    }
}
