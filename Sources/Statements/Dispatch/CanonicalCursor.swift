import Ledger
import Sodium

/// A position in a payload written as Plenum writes one (canonical JSON: keys in order, no
/// whitespace, strings of printable ASCII without escapes), advanced by each expected piece;
/// every method returns nil (or false) at the first byte that does not fit, and the caller then
/// leaves the payload to the strict parser.
///
/// The canonical readers (``BallotCast/init(canonical:)``, ``MemberInvite/init(canonical:)``,
/// ``MemberJoin/init(canonical:)``) read each a subset of what the strict parser accepts, to the
/// same value: a verifier meets a million of these statements, and building JSON values for
/// each costs more than the rest of reading it.
struct CanonicalCursor {
    let bytes: UnsafeBufferPointer<UInt8>
    var position = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// Whether every byte has been read.
    var isAtEnd: Bool { position == bytes.count }

    /// The text of the bytes at `range`.
    func text(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }

    /// A string holding a public key that passes the point check.
    mutating func key() -> PublicKey? {
        guard let range = plainString() else { return nil }
        return try? PublicKey(base64URL: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[range])))
    }

    /// A string holding a header's nonce: base64url of ``StatementHeader/nonceLength`` bytes.
    mutating func nonce() -> [UInt8]? {
        guard let bytes = base64URL(), bytes.count == StatementHeader.nonceLength else { return nil }
        return bytes
    }

    /// A string holding the bytes of unpadded base64url text.
    mutating func base64URL() -> [UInt8]? {
        guard let range = plainString() else { return nil }
        return Base64URL.decode(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[range])))
    }

    /// A string holding an organization id (``OrganizationID/isWellFormed(_:)``).
    mutating func organization() -> String? {
        guard let range = plainString() else { return nil }
        let organization = text(range)
        return OrganizationID.isWellFormed(organization) ? organization : nil
    }

    /// A string of `scalars` characters (each a byte: the string is ASCII).
    mutating func string(scalars: ClosedRange<Int>) -> String? {
        guard let range = plainString(), scalars.contains(range.count) else { return nil }
        return text(range)
    }

    /// A string holding a statement id (64 lower-case hex digits).
    func statementID(_ range: Range<Int>) -> StatementID? {
        StatementID(hexDigits: UnsafeBufferPointer(rebasing: bytes[range]))
    }

    /// Advances past `literal` if the bytes here are exactly it.
    mutating func expect(_ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard bytes.count - position >= count else { return false }
        let start = literal.utf8Start
        for offset in 0..<count where bytes[position + offset] != start[offset] { return false }
        position += count
        return true
    }

    /// A string of printable ASCII without escapes (0x20 to 0x7E but `"` and `\`), from its
    /// opening quote; the range of its contents.
    mutating func plainString() -> Range<Int>? {
        guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else { return nil }
        let start = position + 1
        var end = start
        while end < bytes.count {
            let byte = bytes[end]
            if byte == UInt8(ascii: "\"") {
                position = end + 1
                return start..<end
            }
            guard byte >= 0x20, byte < 0x7F, byte != UInt8(ascii: "\\") else { return nil }
            end += 1
        }
        return nil
    }

    /// A non-negative integer written without sign, leading zero, fraction or exponent, in `range`.
    mutating func integer(in range: ClosedRange<Int64>) -> Int64? {
        let start = position
        var value: Int64 = 0
        while position < bytes.count, bytes[position] >= 0x30, bytes[position] <= 0x39 {
            guard position - start < 18 else { return nil }
            value = value * 10 + Int64(bytes[position] - 0x30)
            position += 1
        }
        let digits = position - start
        // (A fraction or exponent after the digits fails the next expected piece.)
        guard digits > 0, digits == 1 || bytes[start] != 0x30, range.contains(value) else { return nil }
        return value
    }
}
