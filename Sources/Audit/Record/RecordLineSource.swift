/// Where a record's lines come from, lent one at a time in place.
///
/// A reader of a file hands out each line straight from its read buffer, so verifying a record
/// of a million lines allocates nothing per line; the verifier copies the statement lines it
/// keeps into one buffer per chunk. Any sequence of lines is a source through
/// ``RecordLineArrays``.
public protocol RecordLineSource {
    /// Calls `body` with the next line's bytes (without its newline), which are valid only
    /// during the call; returns false, without calling `body`, when there are no more lines.
    mutating func withNextLine(_ body: (UnsafeBufferPointer<UInt8>) -> Void) -> Bool
}

/// The lines of a sequence of byte arrays, as a ``RecordLineSource``.
public struct RecordLineArrays<Lines: IteratorProtocol>: RecordLineSource where Lines.Element == [UInt8] {
    private var lines: Lines

    public init(_ lines: Lines) { self.lines = lines }

    public mutating func withNextLine(_ body: (UnsafeBufferPointer<UInt8>) -> Void) -> Bool {
        guard let line = lines.next() else { return false }
        line.withUnsafeBufferPointer(body)
        return true
    }
}
