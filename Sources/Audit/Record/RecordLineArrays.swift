/// The lines of a sequence of byte arrays as a ``RecordByteSource``: each line followed by a
/// newline (so a line must not hold a newline of its own).
public struct RecordLineArrays<Lines: IteratorProtocol>: RecordByteSource where Lines.Element == [UInt8] {
    private var lines: Lines
    /// The line being read and how much of it (with its newline) has been handed out.
    private var line: [UInt8]?
    private var offset = 0

    public init(_ lines: Lines) { self.lines = lines }

    public mutating func read(into buffer: UnsafeMutableRawBufferPointer) -> Int {
        var written = 0
        while written < buffer.count {
            if line == nil {
                guard let next = lines.next() else { break }
                precondition(!next.contains(0x0A), "a record line holds no newline")
                line = next + [0x0A]
                offset = 0
            }
            let count = line!.withUnsafeBytes { bytes in
                let count = min(bytes.count - offset, buffer.count - written)
                (buffer.baseAddress! + written).copyMemory(from: bytes.baseAddress! + offset, byteCount: count)
                return count
            }
            written += count
            offset += count
            if offset == line!.count { line = nil }
        }
        return written
    }
}
