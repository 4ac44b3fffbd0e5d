/// The canonical order of members: ascending by the bytes of their identifiers' UTF-8 encoding.
///
/// Results never depend on the order of input rows: every method sorts its members this way
/// first, and it is the last tie-break of largest-remainder rounding (the earlier member wins).
public enum MemberOrder {
    /// Whether `lhs` comes before `rhs` in the canonical order.
    public static func precedes(_ lhs: String, _ rhs: String) -> Bool {
        lhs.utf8.lexicographicallyPrecedes(rhs.utf8)
    }

    /// Checks that each identifier is 1 to 200 bytes of text with no control characters and no
    /// leading or trailing space, and that none is repeated; returns them in canonical order.
    public static func canonical(_ members: [String], what: String = "member") throws(SharesError) -> [String] {
        for member in members { try validate(member, what: what) }
        let sorted = members.sorted(by: precedes)
        for index in sorted.indices.dropFirst() where sorted[index] == sorted[index - 1] {
            throw .invalidMember("\(what) \"\(sorted[index])\" is listed twice")
        }
        return sorted
    }

    /// Checks one identifier (see ``canonical(_:what:)``).
    public static func validate(_ member: String, what: String = "member") throws(SharesError) {
        let bytes = Array(member.utf8)
        guard !bytes.isEmpty, bytes.count <= 200 else {
            throw .invalidMember("a \(what) identifier is 1 to 200 bytes, not \"\(member)\"")
        }
        guard !member.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }),
            bytes.first != 0x20, bytes.last != 0x20
        else {
            throw .invalidMember("the \(what) identifier \"\(member)\" has control characters or outer spaces")
        }
    }
}
