/// Why a ballot file could not be read: a stable ``code`` for programs, the ``line`` where the
/// problem is (1-based, when the problem has a line), and a sentence for people. Every reader
/// (BLT, PrefLib, pabulib, Debian tally sheets, CSV, JSON) throws only this.
///
/// The description is `line N: message` (or the message alone when there is no line), so a
/// command can print it as is.
public struct ReaderError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A stable, machine-readable kind of failure. New readers may add codes with
    /// `extension ReaderError.Code { static let ... }`; existing codes never change meaning.
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        public let rawValue: String

        public init(rawValue: String) { self.rawValue = rawValue }

        public var description: String { rawValue }

        /// The bytes are not valid UTF-8 (or contain a NUL).
        public static let encoding = Code(rawValue: "encoding")
        /// The file has no content where some was required.
        public static let empty = Code(rawValue: "empty")
        /// A line (or JSON value) is not in the format's syntax.
        public static let syntax = Code(rawValue: "syntax")
        /// A header or metadata field is missing, repeated or invalid.
        public static let metadata = Code(rawValue: "metadata")
        /// A stated count (voters, orders, candidates, ballots) disagrees with the data.
        public static let countMismatch = Code(rawValue: "count_mismatch")
        /// A ballot names a candidate that does not exist.
        public static let unknownCandidate = Code(rawValue: "unknown_candidate")
        /// A ballot names the same candidate twice, or two candidates share a name.
        public static let duplicateCandidate = Code(rawValue: "duplicate_candidate")
        /// A number or value is out of range or not allowed here (a weight of 0, a rank of -1...).
        public static let invalidValue = Code(rawValue: "invalid_value")
        /// The file uses a feature of its format this reader does not support.
        public static let unsupported = Code(rawValue: "unsupported")
        /// The format could not be decided (unknown extension or format name).
        public static let unknownFormat = Code(rawValue: "unknown_format")
        /// The file could not be opened or read.
        public static let unreadable = Code(rawValue: "unreadable")
    }

    public var code: Code
    /// The 1-based line of the problem, if it has one.
    public var line: Int?
    /// What is wrong, in a sentence (for JSON input it starts with the JSON path).
    public var message: String

    public init(_ code: Code, line: Int? = nil, _ message: String) {
        self.code = code
        self.line = line
        self.message = message
    }

    /// A ballot the counting core refused (weight, candidate, duplicate), placed at `line`.
    public init(_ error: CountingError, line: Int? = nil) {
        let message: String
        switch error {
        case .invalidBallot(let reason): message = reason
        default: message = error.description
        }
        self.init(.invalidValue, line: line, message)
    }

    public var description: String { line.map { "line \($0): \(message)" } ?? message }
}
