import Counting
import Foundation

extension ElectionFile {
    /// Reads the file at `path` in `format` (the I/O the pure Counting library leaves to its
    /// callers), then parses it with ``ElectionFile/read(_:format:path:ballotShape:)``.
    static func read(path: String, format: BallotFileFormat, ballotShape: BallotShape) throws(ReaderError) -> Election {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ReaderError(.unreadable, "no such file")
        }
        guard !isDirectory.boolValue else { throw ReaderError(.unreadable, "is a directory, not a ballot file") }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ReaderError(.unreadable, "the file cannot be read")
        }
        return try read([UInt8](data), format: format, path: path, ballotShape: ballotShape)
    }
}
