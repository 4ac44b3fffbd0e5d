import Ledger
import Sodium

/// The field types statements share, read with the same strictness as the header.
extension PayloadReader {
    /// The range of millisecond timestamps (`created`, `expires`, `closes`): up to the end of
    /// the year 9999.
    public static let timestampRange: ClosedRange<Int64> = 0...253_402_300_799_999

    /// The dotted name of `key` in this object, for error messages.
    func fieldName(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    /// A field holding a statement id: 64 lower-case hexadecimal digits.
    public mutating func statementID(_ key: String) throws(PayloadError) -> StatementID {
        let text = try string(key)
        guard let id = StatementID(hex: text) else {
            throw .invalidValue(field: fieldName(key), reason: "must be a statement id (64 lower-case hex digits)")
        }
        return id
    }

    /// An optional statement id: absent or `null` is nil.
    public mutating func optionalStatementID(_ key: String) throws(PayloadError) -> StatementID? {
        guard try optionalString(key) != nil else { return nil }
        return try statementID(key)
    }

    /// A field holding a SHA-256 digest as 64 lower-case hexadecimal digits (a commitment).
    public mutating func hexDigest(_ key: String) throws(PayloadError) -> SHA256Digest {
        let text = try string(key)
        guard let bytes = HexDigits.bytes(text, count: 32), let digest = try? SHA256Digest(bytes: bytes) else {
            throw .invalidValue(field: fieldName(key), reason: "must be a SHA-256 digest (64 lower-case hex digits)")
        }
        return digest
    }

    /// A field holding a member id (the member's first key, base64url).
    public mutating func memberID(_ key: String) throws(PayloadError) -> MemberID {
        MemberID(try publicKey(key))
    }

    /// A string field whose length in Unicode scalar values lies in `range`.
    public mutating func string(_ key: String, scalars range: ClosedRange<Int>) throws(PayloadError) -> String {
        let text = try string(key)
        try checkLength(text, key: key, scalars: range)
        return text
    }

    /// An optional string field (absent or `null` is nil) whose length, when present, lies in `range`.
    public mutating func optionalString(
        _ key: String, scalars range: ClosedRange<Int>
    ) throws(PayloadError)
        -> String?
    {
        guard let text = try optionalString(key) else { return nil }
        try checkLength(text, key: key, scalars: range)
        return text
    }

    /// A string field whose length in UTF-8 bytes lies in `range`.
    public mutating func string(_ key: String, bytes range: ClosedRange<Int>) throws(PayloadError) -> String {
        let text = try string(key)
        guard range.contains(text.utf8.count) else {
            throw .invalidValue(
                field: fieldName(key),
                reason: "must be \(range.lowerBound) to \(range.upperBound) bytes of UTF-8, not \(text.utf8.count)")
        }
        return text
    }

    /// A string field that must be the raw value of `Value`.
    public mutating func enumeration<Value: RawRepresentable & CaseIterable>(
        _ key: String, as type: Value.Type
    ) throws(PayloadError) -> Value where Value.RawValue == String {
        let text = try string(key)
        guard let value = Value(rawValue: text) else {
            let allowed = Value.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
            throw .invalidValue(field: fieldName(key), reason: "must be one of \(allowed)")
        }
        return value
    }

    /// An optional integer field (absent or `null` is nil) within `range`.
    public mutating func optionalInteger(_ key: String, in range: ClosedRange<Int64>) throws(PayloadError) -> Int64? {
        switch optionalValue(key) {
        case nil, .null?: return nil
        default: return try integer(key, in: range)
        }
    }

    /// A millisecond timestamp.
    public mutating func timestamp(_ key: String) throws(PayloadError) -> Int64 {
        try integer(key, in: PayloadReader.timestampRange)
    }

    /// An array field whose elements are all strings.
    public mutating func strings(_ key: String) throws(PayloadError) -> [String] {
        var texts: [String] = []
        for (index, element) in try array(key).enumerated() {
            guard case .string(let text) = element else {
                throw .wrongType(field: "\(fieldName(key))[\(index)]", expected: "a string", actual: element.typeName)
            }
            texts.append(text)
        }
        return texts
    }

    /// An optional nested object (absent or `null` is nil), as a reader of its own.
    public mutating func optionalObject(_ key: String) throws(PayloadError) -> PayloadReader? {
        switch optionalValue(key) {
        case nil, .null?: return nil
        default: return try object(key)
        }
    }

    private func checkLength(_ text: String, key: String, scalars range: ClosedRange<Int>) throws(PayloadError) {
        let count = text.unicodeScalars.count
        guard range.contains(count) else {
            throw .invalidValue(
                field: fieldName(key),
                reason: "must be \(range.lowerBound) to \(range.upperBound) characters, not \(count)")
        }
    }
}
