/// Where a record's bytes come from: read straight into the verifier's own buffers, which then
/// hold the statement lines while the workers check them, so that no line is copied on its way
/// from the file to a worker (a record of a million ballots is gigabytes).
///
/// The verifier splits the bytes into lines at each newline (`0x0A`, not included in a line); a
/// last line need not end with one. Any sequence of lines is a source through
/// ``RecordLineArrays``.
public protocol RecordByteSource {
    /// Reads the record's next bytes into `buffer`, which is never empty; returns how many were
    /// read, and 0 only at the end of the record.
    mutating func read(into buffer: UnsafeMutableRawBufferPointer) -> Int
}

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
