import Ledger
import Sodium

/// The id of a statement: the SHA-256 of its signed bytes, written in payloads as 64 lower-case
/// hexadecimal digits.
///
/// Statements refer to one another by id (a revision names its proposal, a ballot its round), so
/// a reference binds the exact bytes that were signed.
public struct StatementID: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The digest.
    public let digest: SHA256Digest

    /// Wraps a digest (a ``SignedStatement/id``).
    public init(_ digest: SHA256Digest) {
        self.digest = digest
    }

    /// The id of `statement`.
    public init(of statement: SignedStatement) {
        self.digest = statement.id
    }

    /// Reads 64 lower-case hexadecimal digits; nil for anything else (upper case included, so
    /// that every id has exactly one text form).
    public init?(hex text: String) {
        var text = text
        guard let id = text.withUTF8({ StatementID(hexDigits: $0) }) else { return nil }
        self = id
    }

    /// ``init(hex:)`` over the digits' bytes, read straight into the digest's storage (a ballot
    /// names two ids, and a verifier reads a million ballots: no string or array between).
    package init?(hexDigits digits: UnsafeBufferPointer<UInt8>) {
        guard digits.count == 64 else { return nil }
        var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        let valid = withUnsafeMutableBytes(of: &words) { raw in
            for index in 0..<32 {
                guard let high = HexDigits.value(digits[2 * index]),
                    let low = HexDigits.value(digits[2 * index + 1])
                else { return false }
                raw[index] = high << 4 | low
            }
            return true
        }
        guard valid, let digest = withUnsafeBytes(of: words, { try? SHA256Digest(bytes: $0) }) else { return nil }
        self.digest = digest
    }

    /// The 64 lower-case hexadecimal digits.
    public var hex: String { digest.hex }

    public var description: String { hex }

    /// SHA-256 of `ids`' 32-byte digests, ascending, concatenated: how a certificate or a
    /// distribution result commits to a set of statements.
    public static func digest(of ids: [StatementID]) -> SHA256Digest {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(ids.count * 32)
        for id in ids.sorted() { bytes.append(contentsOf: id.digest.bytes) }
        return SHA256.hash(bytes)
    }

    /// Ids compare by their bytes (the same order as their hexadecimal text).
    public static func < (lhs: StatementID, rhs: StatementID) -> Bool {
        lhs.digest.precedes(rhs.digest)
    }
}

/// Lower-case hexadecimal text, the form of statement ids and commitments in payloads.
enum HexDigits {
    /// The `count` bytes written as `2 * count` lower-case hex digits in `text`, or nil.
    static func bytes(_ text: String, count: Int) -> [UInt8]? {
        let digits = Array(text.utf8)
        guard digits.count == 2 * count else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(count)
        var index = 0
        while index < digits.count {
            guard let high = value(digits[index]), let low = value(digits[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
            index += 2
        }
        return bytes
    }

    static func value(_ digit: UInt8) -> UInt8? {
        switch digit {
        case 0x30...0x39: return digit - 0x30
        case 0x61...0x66: return digit - 0x61 + 10
        default: return nil
        }
    }
}
