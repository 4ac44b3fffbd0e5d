/// Where a record's bytes come from: read straight into the verifier's own buffers, which then
/// hold the statement lines while the workers check them, so that no line is copied on its way
/// from the file to a worker (a record of a million ballots is gigabytes).
///
/// The verifier splits the bytes into lines at each newline (`0x0A`, not included in a line); a
/// last line need not end with one. Any sequence of lines is a source through
/// ``RecordLineArrays``.
public protocol RecordByteSource {
    /// Reads the record's next bytes into `buffer`, which is never empty; returns how many were
    /// read, and 0 only when no more can be read: at the end of the record, or on an error that
    /// the source reports its own way (``RecordFile``'s `readError`).
    mutating func read(into buffer: UnsafeMutableRawBufferPointer) -> Int
}
