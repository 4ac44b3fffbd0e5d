import StrictJSON

/// One object of an RCTab contest configuration being read: its members, the JSON path it sits
/// at (for error locations), and which members have been read, so that a member nobody reads is
/// refused instead of silently ignored.
///
/// RCTab writes most numbers as strings (`"numberOfWinners" : "3"`) but older files use bare
/// numbers; both are accepted wherever a number is expected, and an empty string means "not set".
struct RCTabConfigObject {
    let members: [JSONMember]
    /// Where this object is, e.g. `config.json: rules` (just the file name for the top level).
    let location: String
    /// Whether this is the file's top-level object (its members are `file: key`).
    let isTopLevel: Bool
    private var read: Set<String> = []

    init(_ members: [JSONMember], at location: String, topLevel: Bool = false) {
        self.members = members
        self.location = location
        self.isTopLevel = topLevel
    }

    /// The object at `value`, or a `config_type` error.
    init(_ value: JSONValue, at location: String, topLevel: Bool = false) throws(RCTabError) {
        guard case .object(let members) = value else {
            throw RCTabError("config_type", at: location, "expected an object, found \(value.typeName)")
        }
        self.init(members, at: location, topLevel: topLevel)
    }

    private func path(_ key: String) -> String { isTopLevel ? "\(location): \(key)" : "\(location).\(key)" }

    /// The raw value of `key`, if present (and not `null`); marks it read.
    mutating func value(_ key: String) -> JSONValue? {
        read.insert(key)
        guard let member = members.first(where: { $0.key == key }) else { return nil }
        if case .null = member.value { return nil }
        return member.value
    }

    /// A text member; numbers are given as their decimal text. `nil` when absent.
    mutating func string(_ key: String) throws(RCTabError) -> String? {
        switch value(key) {
        case nil: return nil
        case .string(let text): return text
        case .integer(let number): return String(number)
        case let other?:
            throw RCTabError("config_type", at: path(key), "expected a string, found \(other.typeName)")
        }
    }

    /// A text member with surrounding spaces removed, `nil` when absent or blank.
    mutating func nonBlank(_ key: String) throws(RCTabError) -> String? {
        guard let text = try string(key)?.trimmingJavaWhitespace(), !text.isEmpty else { return nil }
        return text
    }

    /// A whole number member (`"3"` or `3`), `nil` when absent or blank.
    mutating func integer(_ key: String, in range: ClosedRange<Int64>? = nil) throws(RCTabError) -> Int64? {
        guard let text = try nonBlank(key) else { return nil }
        guard let number = Int64(text) else {
            throw RCTabError("config_value", at: path(key), "\"\(text)\" is not a whole number")
        }
        if let range, !range.contains(number) {
            throw RCTabError(
                "config_value", at: path(key),
                "\(number) is out of range: it must be from \(range.lowerBound) to \(range.upperBound)")
        }
        return number
    }

    /// A small whole number member, `nil` when absent or blank.
    mutating func int(_ key: String, in range: ClosedRange<Int>) throws(RCTabError) -> Int? {
        guard let number = try integer(key, in: Int64(range.lowerBound)...Int64(range.upperBound)) else {
            return nil
        }
        return Int(number)
    }

    /// A true/false member (`true` or `"true"`), `fallback` when absent or blank.
    mutating func bool(_ key: String, default fallback: Bool = false) throws(RCTabError) -> Bool {
        switch value(key) {
        case nil: return fallback
        case .bool(let flag): return flag
        case .string(let text):
            switch text.trimmingJavaWhitespace().lowercased() {
            case "": return fallback
            case "true": return true
            case "false": return false
            default: throw RCTabError("config_value", at: path(key), "\"\(text)\" is not true or false")
            }
        case let other?:
            throw RCTabError("config_type", at: path(key), "expected true or false, found \(other.typeName)")
        }
    }

    /// An array member (empty when absent).
    mutating func array(_ key: String) throws(RCTabError) -> [JSONValue] {
        switch value(key) {
        case nil: return []
        case .array(let elements): return elements
        case let other?:
            throw RCTabError("config_type", at: path(key), "expected an array, found \(other.typeName)")
        }
    }

    /// An object member, or an empty object when absent.
    mutating func object(_ key: String) throws(RCTabError) -> RCTabConfigObject {
        guard let member = value(key) else { return RCTabConfigObject([], at: path(key)) }
        return try RCTabConfigObject(member, at: path(key))
    }

    /// Refuses any member that was never read: an option this reader does not know is not
    /// silently dropped.
    func requireAllRead() throws(RCTabError) {
        for member in members where !read.contains(member.key) {
            throw RCTabError(
                "unsupported_option", at: path(member.key),
                "\"\(member.key)\" is not an option Plenum's RCTab reader knows; remove it or ask for support")
        }
    }
}

extension String {
    /// The text without leading and trailing characters up to U+0020 (Java's `String.trim()`).
    func trimmingJavaWhitespace() -> String {
        let scalars = unicodeScalars
        if let first = scalars.first, let last = scalars.last, first.value > 0x20, last.value > 0x20 { return self }
        guard let first = scalars.firstIndex(where: { $0.value > 0x20 }) else { return "" }
        let last = scalars.lastIndex(where: { $0.value > 0x20 })!
        return String(scalars[first...last])
    }
}
