/// A JSON value as Plenum's strict payload parser reads it: integers only (no fractions or
/// exponents), objects as ordered key/value pairs with no duplicate keys.
///
/// Statement payloads never go through Foundation's JSON: its key order and number handling are
/// not stable enough to sign. This type is what ``StrictJSONParser`` produces and
/// ``CanonicalJSON`` writes.
public enum JSONValue: Hashable, Sendable {
    case null
    case bool(Bool)
    /// An integer in the signed 64-bit range; no other numbers exist in a payload.
    case integer(Int64)
    case string(String)
    case array([JSONValue])
    /// Members in the order they were written (or added); keys are unique.
    case object([JSONMember])

    /// A short name of the value's type for error messages.
    public var typeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "boolean"
        case .integer: return "integer"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        }
    }
}

/// One key/value pair of a JSON object.
public struct JSONMember: Hashable, Sendable {
    public var key: String
    public var value: JSONValue

    public init(_ key: String, _ value: JSONValue) {
        self.key = key
        self.value = value
    }
}
