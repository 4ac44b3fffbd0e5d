/// A chunk's statement lines: where each lies in the block of the record it was read into (no
/// copy per line: a record line is over a kilobyte, and the workers read every line in place).
struct LineBatch: Sendable {
    /// The block the lines lie in (``RecordLines``), shared with the other batches of that block.
    private(set) var bytes: [UInt8] = []
    /// Each line's number in the record and its range in ``bytes``.
    private(set) var lines: [(number: Int, range: Range<Int>)] = []
    /// Whether this is the last batch of its block, so that the block's buffer can serve a later
    /// block once the batch is applied (the batches before it have been, and let it go).
    var endsBlock = false

    /// An empty batch.
    init() {}

    /// An empty batch of lines of `bytes`, with room for `lines` lines.
    init(of bytes: [UInt8], reservingLines lines: Int) {
        self.bytes = bytes
        self.lines.reserveCapacity(lines)
    }

    /// Empties the batch and makes it one of lines of `bytes`, keeping its room for lines.
    mutating func reset(of bytes: [UInt8]) {
        lines.removeAll(keepingCapacity: true)
        self.bytes = bytes
        endsBlock = false
    }

    /// Hands over the block's buffer, leaving the batch without one.
    mutating func takeBytes() -> [UInt8] {
        var taken: [UInt8] = []
        swap(&taken, &bytes)
        return taken
    }

    var count: Int { lines.count }
    var isEmpty: Bool { lines.isEmpty }

    /// Appends line `number`, which lies at `range` in ``bytes``.
    mutating func append(number: Int, range: Range<Int>) {
        lines.append((number, range))
    }
}
