import Foundation

/// The lines of a file, read a megabyte at a time: a record of a million ballots is verified
/// without being loaded whole.
public struct RecordFile: Sequence {
    public let path: String

    public init(path: String) { self.path = path }

    public func makeIterator() -> Iterator { Iterator(handle: FileHandle(forReadingAtPath: path)) }

    /// Yields each line's bytes, without the newline.
    public struct Iterator: IteratorProtocol {
        let handle: FileHandle?
        var buffer: [UInt8] = []
        var start = 0
        var finished = false

        init(handle: FileHandle?) {
            self.handle = handle
            self.finished = handle == nil
        }

        /// The index of the next newline from `start`, found with `memchr` (lines of a record
        /// are kilobytes long, and a million of them are read).
        private func nextNewline() -> Int? {
            buffer.withUnsafeBufferPointer { bytes -> Int? in
                guard start < bytes.count, let base = bytes.baseAddress else { return nil }
                guard let found = memchr(base + start, 0x0A, bytes.count - start) else { return nil }
                return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            }
        }

        public mutating func next() -> [UInt8]? {
            while true {
                if let newline = nextNewline() {
                    let line = Array(buffer[start..<newline])
                    start = newline + 1
                    return line
                }
                if finished {
                    guard start < buffer.count else { return nil }
                    let line = Array(buffer[start...])
                    start = buffer.count
                    return line
                }
                buffer.removeFirst(start)
                start = 0
                let chunk = handle?.readData(ofLength: 1 << 20) ?? Data()
                if chunk.isEmpty { finished = true } else { buffer.append(contentsOf: chunk) }
            }
        }
    }

    /// Whether the file can be read.
    public var isReadable: Bool { FileManager.default.isReadableFile(atPath: path) }
}
