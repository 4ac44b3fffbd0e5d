/// One thing wrong in a record: a stable code, a sentence, and where (the line of the record
/// and, for a statement, its leaf).
public struct AuditFailure: Error, Sendable, Equatable, CustomStringConvertible {
    public let code: String
    public let message: String
    /// The 1-based line of the record, when the failure belongs to one.
    public let line: Int?
    /// The statement's leaf, when the failure belongs to a statement.
    public let leaf: UInt64?

    public init(_ code: String, _ message: String, line: Int? = nil, leaf: UInt64? = nil) {
        self.code = code
        self.message = message
        self.line = line
        self.leaf = leaf
    }

    public var description: String {
        var place: [String] = []
        if let line { place.append("line \(line)") }
        if let leaf { place.append("leaf \(leaf)") }
        return (place.isEmpty ? "" : place.joined(separator: ", ") + ": ") + "\(message) [\(code)]"
    }
}
