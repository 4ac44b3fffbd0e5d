/// The kind of a statement (`member.join`, `ballot.cast`, ...): the domain-separation tag that is
/// part of the signed bytes, so a signature made for one kind never verifies as another.
///
/// A kind is 1 to 64 characters of lower-case ASCII letters, digits, `.` and `-`, starting with a
/// letter; it can therefore never contain the NUL byte that ends it in the signed bytes.
public struct StatementKind: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The kind's name, as it appears in the signed bytes.
    public let name: String

    /// Accepts `name` if it is a well-formed kind name.
    public init(_ name: String) throws(StatementError) {
        guard StatementKind.isWellFormed(name) else { throw .invalidKind(name) }
        self.name = name
    }

    /// Whether `name` is 1 to 64 of `[a-z0-9.-]`, starting with a letter.
    public static func isWellFormed(_ name: String) -> Bool {
        // Read from the string's UTF-8 view: a check run on every statement allocates nothing.
        let bytes = name.utf8
        guard (1...64).contains(bytes.count), let first = bytes.first, (0x61...0x7A).contains(first) else {
            return false
        }
        return bytes.allSatisfy { byte in
            (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) || byte == 0x2E || byte == 0x2D
        }
    }

    public var description: String { name }

    public static func < (lhs: StatementKind, rhs: StatementKind) -> Bool { lhs.name < rhs.name }
}
