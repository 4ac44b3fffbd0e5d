import Sodium

/// Reads the fields of one payload object by name and type, remembering which it has read, so
/// that ``finish()`` can refuse every field the kind does not define.
///
/// A payload type reads its fields in any order and then calls ``finish()``; a field it never
/// asked for is an ``PayloadError/unknownField(_:)``, which is how a member is kept from slipping
/// a `weight` or `role` into a statement whose kind has no such field.
public struct PayloadReader: Sendable {
    private let members: [JSONMember]
    /// For objects keyed by data (many members): each key's position. Payload objects are
    /// small, and a scan over a handful of keys is cheaper than hashing.
    private let index: [String: Int]?
    /// Which members were read, by position.
    private var read: [Bool]
    /// The path of this object inside the payload, for error messages (`""` at the top).
    public let path: String

    /// A reader over an object's members (their keys are distinct: the parser refuses
    /// duplicates).
    public init(_ members: [JSONMember], path: String = "") {
        self.members = members
        self.read = Array(repeating: false, count: members.count)
        if members.count > 16 {
            var index: [String: Int] = [:]
            for (position, member) in members.enumerated() { index[member.key] = position }
            self.index = index
        } else {
            self.index = nil
        }
        self.path = path
    }

    /// Every key of the object, in payload order (for objects keyed by data, such as gifts).
    public var keys: [String] { members.map(\.key) }

    private func name(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    private func position(of key: String) -> Int? {
        if let index { return index[key] }
        return members.firstIndex { $0.key == key }
    }

    /// The raw value of `key`, or nil if absent; marks it read.
    public mutating func optionalValue(_ key: String) -> JSONValue? {
        guard let position = position(of: key) else { return nil }
        read[position] = true
        return members[position].value
    }

    /// The raw value of `key`; marks it read.
    public mutating func value(_ key: String) throws(PayloadError) -> JSONValue {
        guard let value = optionalValue(key) else { throw .missingField(name(key)) }
        return value
    }

    /// A string field.
    public mutating func string(_ key: String) throws(PayloadError) -> String {
        let value = try value(key)
        guard case .string(let text) = value else { throw typeError(key, "a string", value) }
        return text
    }

    /// An optional string field (absent or `null` is nil).
    public mutating func optionalString(_ key: String) throws(PayloadError) -> String? {
        switch optionalValue(key) {
        case nil, .null?: return nil
        case .string(let text)?: return text
        case let other?: throw typeError(key, "a string", other)
        }
    }

    /// An integer field.
    public mutating func integer(_ key: String) throws(PayloadError) -> Int64 {
        let value = try value(key)
        guard case .integer(let number) = value else { throw typeError(key, "an integer", value) }
        return number
    }

    /// An integer field within `range`.
    public mutating func integer(_ key: String, in range: ClosedRange<Int64>) throws(PayloadError) -> Int64 {
        let number = try integer(key)
        guard range.contains(number) else {
            throw .invalidValue(field: name(key), reason: "must be between \(range.lowerBound) and \(range.upperBound)")
        }
        return number
    }

    /// A boolean field.
    public mutating func bool(_ key: String) throws(PayloadError) -> Bool {
        let value = try value(key)
        guard case .bool(let flag) = value else { throw typeError(key, "a boolean", value) }
        return flag
    }

    /// An array field.
    public mutating func array(_ key: String) throws(PayloadError) -> [JSONValue] {
        let value = try value(key)
        guard case .array(let elements) = value else { throw typeError(key, "an array", value) }
        return elements
    }

    /// A nested object field, as a reader of its own.
    public mutating func object(_ key: String) throws(PayloadError) -> PayloadReader {
        let value = try value(key)
        guard case .object(let members) = value else { throw typeError(key, "an object", value) }
        return PayloadReader(members, path: name(key))
    }

    /// A field holding an Ed25519 public key as base64url; the key must pass the point check.
    public mutating func publicKey(_ key: String) throws(PayloadError) -> PublicKey {
        let text = try string(key)
        do {
            return try PublicKey(base64url: text)
        } catch {
            throw .invalidValue(field: name(key), reason: "is not a valid Ed25519 public key (\(error))")
        }
    }

    /// A field holding base64url bytes of exactly `length` bytes.
    public mutating func bytes(_ key: String, length: Int) throws(PayloadError) -> [UInt8] {
        let text = try string(key)
        guard let bytes = try? Base64URL.decode(text), bytes.count == length else {
            throw .invalidValue(field: name(key), reason: "must be \(length) bytes in unpadded base64url")
        }
        return bytes
    }

    /// Refuses any field that was never read, naming the first in payload order.
    public func finish() throws(PayloadError) {
        if let unknown = read.firstIndex(of: false) {
            throw .unknownField(name(members[unknown].key))
        }
    }

    private func typeError(_ key: String, _ expected: String, _ value: JSONValue) -> PayloadError {
        .wrongType(field: name(key), expected: expected, actual: value.typeName)
    }
}
