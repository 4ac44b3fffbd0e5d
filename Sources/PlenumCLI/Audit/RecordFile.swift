import Audit
import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The lines of a file, or its bytes as they are, read with `read(2)` a part at a time: a record
/// of a million ballots is verified without being loaded whole.
public struct RecordFile: Sequence {
    public let path: String
    /// The first read error of any pass over the file, shared by its iterators.
    private let failure = ReadFailure()

    public init(path: String) { self.path = path }

    public func makeIterator() -> Iterator {
        Iterator(handle: FileHandle(forReadingAtPath: path), failure: failure)
    }

    /// Why reading the file failed part way (the lines stop there), or nil: a caller checks it
    /// after a pass, so that a read error is not taken for the end of the file.
    public var readError: String? { failure.message.withLock { $0 } }

    /// Yields each line's bytes, without the newline, or reads the file's bytes as they are
    /// (``read(into:)``, which the verifier reads a record with).
    public struct Iterator: IteratorProtocol, RecordByteSource {
        let handle: FileHandle?
        fileprivate let failure: ReadFailure
        /// Bytes read from the file: `start..<end` not yet yielded, the rest free space. Read
        /// into with `read(2)` (no `Data` per read, no copy but the kernel's and each line's).
        var storage: [UInt8] = []
        var start = 0
        var end = 0
        var finished = false

        fileprivate init(handle: FileHandle?, failure: ReadFailure) {
            self.handle = handle
            self.failure = failure
            self.finished = handle == nil
        }

        /// The index of the next newline from `start`, found with `memchr` (lines of a record
        /// are kilobytes long, and a million of them are read).
        private func nextNewline() -> Int? {
            storage.withUnsafeBufferPointer { bytes -> Int? in
                guard start < end, let base = bytes.baseAddress else { return nil }
                guard let found = memchr(base + start, 0x0A, end - start) else { return nil }
                return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            }
        }

        public mutating func next() -> [UInt8]? {
            var line: [UInt8]?
            _ = withNextLine { line = Array($0) }
            return line
        }

        /// Reads the file's next bytes straight into `buffer` (after any this iterator has
        /// read ahead for its lines); 0 at the end of the file or on an error, which
        /// ``RecordFile/readError`` then names.
        public mutating func read(into buffer: UnsafeMutableRawBufferPointer) -> Int {
            guard !buffer.isEmpty else { return 0 }
            if start < end {
                let count = Swift.min(end - start, buffer.count)
                storage.withUnsafeBytes {
                    buffer.baseAddress!.copyMemory(from: $0.baseAddress! + start, byteCount: count)
                }
                start += count
                return count
            }
            guard !finished else { return 0 }
            let descriptor = handle?.fileDescriptor ?? -1
            while true {
                let count = readFile(descriptor, buffer.baseAddress!, buffer.count)
                if count > 0 { return count }
                if count < 0, errno == EINTR { continue }
                if count < 0 {
                    let message = String(cString: strerror(errno))
                    failure.message.withLock { $0 = $0 ?? message }
                }
                finished = true
                return 0
            }
        }

        /// Lends the next line in place, from the read buffer: no allocation per line.
        private mutating func withNextLine(_ body: (UnsafeBufferPointer<UInt8>) -> Void) -> Bool {
            while true {
                let range: Range<Int>
                if let newline = nextNewline() {
                    range = start..<newline
                    start = newline + 1
                } else if finished {
                    guard start < end else { return false }
                    range = start..<end
                    start = end
                } else {
                    fill()
                    continue
                }
                storage.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[range])) }
                return true
            }
        }

        /// Moves the unread bytes to the front (growing the storage if they fill it) and reads
        /// up to a megabyte after them; at the end of the file (or on an error) marks it finished.
        private mutating func fill() {
            let unread = end - start
            if storage.count - unread < 1 << 20 {
                storage += [UInt8](repeating: 0, count: Swift.max(1 << 21, storage.count) - (storage.count - unread))
            }
            let (start, descriptor) = (self.start, handle?.fileDescriptor ?? -1)
            let count = storage.withUnsafeMutableBytes { bytes -> Int in
                if start > 0, unread > 0 { memmove(bytes.baseAddress!, bytes.baseAddress! + start, unread) }
                while true {
                    let count = readFile(descriptor, bytes.baseAddress! + unread, bytes.count - unread)
                    if count >= 0 || errno != EINTR { return count }
                }
            }
            if count < 0 {
                let message = String(cString: strerror(errno))
                failure.message.withLock { $0 = $0 ?? message }
            }
            self.start = 0
            end = unread + Swift.max(0, count)
            if count <= 0 { finished = true }
        }
    }

    /// Whether the file can be read.
    public var isReadable: Bool { FileManager.default.isReadableFile(atPath: path) }
}

/// The first read error met while iterating a ``RecordFile``.
private final class ReadFailure: Sendable {
    let message = Mutex<String?>(nil)
}

/// `read(2)`, named apart from ``RecordFile/Iterator/read(into:)``, which would hide it.
private func readFile(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
