#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A record's lines, read from a ``RecordByteSource`` into blocks of whole lines: each line is
/// lent as its range in the current block, whose buffer a chunk of statement lines keeps for the
/// workers (no copy per line), and whose buffer comes back through ``recycle(_:)`` once the
/// chunk is applied (fresh megabytes for every block would cost page faults).
struct RecordLines {
    /// The buffer of the block being read: whole lines in `bytes[0..<count]`, each but perhaps
    /// the record's last followed by a newline. The buffer may be longer than `count`.
    private(set) var bytes: [UInt8] = []
    private var count = 0
    /// How many blocks have been read: a line's block is told apart by it.
    private(set) var block = 0
    /// Where the next line starts in ``bytes``.
    private var position = 0
    /// Where the bytes read after the block's last newline (the start of the next block's first
    /// line) lie in ``bytes``.
    private var carry = 0..<0
    private var finished = false
    /// The size of a new block's buffer; one line longer than that gets a buffer that holds it.
    private let size: Int
    private var spare: [[UInt8]] = []
    /// How many blocks were read into a buffer handed back, in place (not copied first because
    /// something else still held it).
    private(set) var reusedBuffers = 0

    init(blockSize: Int) { size = max(1, blockSize) }

    /// Hands back the buffer of an earlier block for a later one. A buffer that something still
    /// holds is copied when the later block is read into it (arrays copy on write), so the
    /// holder's bytes never change; ``reusedBuffers`` counts the buffers reused in place.
    mutating func recycle(_ buffer: [UInt8]) {
        if spare.count < 2 { spare.append(buffer) }
    }

    /// The range in ``bytes`` of the next line (without its newline); nil at the end of the
    /// record. A new block (``block``) starts when the current one has no more lines.
    mutating func next(from source: inout some RecordByteSource) -> Range<Int>? {
        while position >= count {
            guard readBlock(from: &source) else { return nil }
        }
        let end = bytes.withUnsafeBufferPointer { bytes in
            memchr(bytes.baseAddress! + position, 0x0A, count - position).map {
                bytes.baseAddress!.distance(to: $0.assumingMemoryBound(to: UInt8.self))
            } ?? count
        }
        defer { position = end + 1 }
        return position..<end
    }

    /// Reads the next block: the bytes after the last block's last newline, then as much as
    /// fits; false at the end of the record.
    private mutating func readBlock(from source: inout some RecordByteSource) -> Bool {
        let carried = carry.count
        guard !finished || carried > 0 else { return false }
        var buffer = spare.popLast() ?? []
        let wanted = max(size, 2 * carried)
        let reusing = buffer.count >= wanted
        if !reusing { buffer = [UInt8](repeating: 0, count: wanted) }
        let address = buffer.withUnsafeBufferPointer { $0.baseAddress }
        // The previous block's buffer is still ``bytes`` (kept by its chunk, never written again).
        let old = bytes
        buffer.withUnsafeMutableBytes { buffer in
            old.withUnsafeBytes { old in
                if carried > 0 {
                    buffer.baseAddress!.copyMemory(from: old.baseAddress! + carry.lowerBound, byteCount: carried)
                }
            }
        }
        if reusing, buffer.withUnsafeBufferPointer({ $0.baseAddress }) == address { reusedBuffers += 1 }
        var filled = carried
        var lastNewline: Int?
        while true {
            // Read until the buffer is full or the record ends.
            while filled < buffer.count, !finished {
                let read = buffer.withUnsafeMutableBytes { buffer in
                    source.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[filled...]))
                }
                if read == 0 { finished = true } else { filled += read }
            }
            // Searched from the end: a line is a few kilobytes at most.
            lastNewline = buffer[..<filled].lastIndex(of: 0x0A)
            // A line longer than the buffer: a longer buffer, and read on.
            if lastNewline == nil, !finished {
                buffer += [UInt8](repeating: 0, count: buffer.count)
                continue
            }
            break
        }
        guard filled > 0 else { return false }
        if finished {
            count = filled
            carry = 0..<0
        } else {
            count = lastNewline! + 1
            carry = count..<filled
        }
        bytes = buffer
        position = 0
        block += 1
        return true
    }
}
