import Ledger

/// What a member may do besides voting and speaking: every member has the `member` role;
/// stewards run the organization (invitations, rounds, moderation); auditors read the record.
public enum Role: String, CaseIterable, Hashable, Comparable, Sendable {
    case member
    case steward
    case auditor

    public static func < (lhs: Role, rhs: Role) -> Bool { lhs.rawValue < rhs.rawValue }
}

extension PayloadReader {
    /// A `roles` array: non-empty, each a ``Role`` at most once, `member` among them.
    public mutating func roles(_ key: String) throws(PayloadError) -> [Role] {
        let names = try strings(key)
        var roles: [Role] = []
        for (index, name) in names.enumerated() {
            guard let role = Role(rawValue: name) else {
                throw .invalidValue(
                    field: "\(fieldName(key))[\(index)]", reason: "must be \"member\", \"steward\" or \"auditor\"")
            }
            guard !roles.contains(role) else {
                throw .invalidValue(field: "\(fieldName(key))[\(index)]", reason: "names \"\(name)\" twice")
            }
            roles.append(role)
        }
        guard roles.contains(.member) else {
            throw .invalidValue(field: fieldName(key), reason: "must include \"member\"")
        }
        return roles
    }

    /// A member's vote weight: 1 to 1,000,000.
    public mutating func weight(_ key: String) throws(PayloadError) -> Int64 {
        try integer(key, in: MemberWeight.range)
    }
}

extension [Role] {
    /// The roles as a payload array.
    var json: JSONValue { .array(map { .string($0.rawValue) }) }
}
