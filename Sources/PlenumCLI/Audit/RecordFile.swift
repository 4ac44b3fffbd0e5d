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

        public mutating func next() -> [UInt8]? {
            while true {
                if let newline = buffer[start...].firstIndex(of: 0x0A) {
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
