import Ledger
import Sodium

extension BallotCast {
    /// Reads a ballot payload written as Plenum writes one (canonical JSON: keys in order, no
    /// whitespace, ASCII text without escapes, a ranking or an approval; a ranking's group of
    /// one may also be an array), straight from its bytes; nil for any other payload.
    ///
    /// A verifier meets a million ballots, and building JSON values for each costs more than
    /// the rest of reading it. This reader accepts a subset of what the strict parser accepts
    /// and reads each of those payloads to the same value (a test compares the two on valid and
    /// mutated payloads); anything outside the subset, valid or not, returns nil and is left to
    /// the strict parser, which reads it or says what is wrong with it.
    init?(canonical payload: [UInt8]) {
        guard let ballot = payload.withUnsafeBufferPointer({ BallotCast(canonical: $0) }) else { return nil }
        self = ballot
    }

    /// ``init(canonical:)`` over a payload's bytes in place.
    init?(canonical payload: UnsafeBufferPointer<UInt8>) {
        var cursor = CanonicalCursor(payload)
        guard let ballot = cursor.ballot() else { return nil }
        self = ballot
    }

    /// Reads a statement's signed bytes (`plenum/v1/ballot.cast`, a NUL, then the payload) as a
    /// ballot when they are a `ballot.cast` whose payload ``init(canonical:)`` reads and that
    /// `parser` would accept (at most `maximumBytes`, four levels deep); nil for anything else,
    /// which is left to ``SignedStatement`` and the strict parser.
    ///
    /// A verifier reads a million ballots from their log entries: this reads each in place,
    /// without a ``SignedStatement`` (whose payload is a copy) in between.
    package init?(canonicalSignedBytes signed: UnsafeRawBufferPointer, parser: StrictJSONParser) {
        let prefix = Self.signedPrefix
        guard parser.maximumDepth >= 4, signed.count > prefix.count,
            signed.count - prefix.count <= parser.maximumBytes, signed.starts(with: prefix)
        else { return nil }
        let payload = UnsafeRawBufferPointer(rebasing: signed[prefix.count...])
        guard let ballot = payload.withMemoryRebound(to: UInt8.self, { BallotCast(canonical: $0) }) else { return nil }
        self = ballot
    }

    /// What a ballot's signed bytes start with: `plenum/v1/ballot.cast` and a NUL.
    private static let signedPrefix = Array((SignedStatement.prefix + BallotCast.kind.name).utf8) + [0]
}

/// A position in a canonical payload, advanced by each expected piece; every method returns
/// nil (or false) at the first byte that does not fit.
private struct CanonicalCursor {
    let bytes: UnsafeBufferPointer<UInt8>
    var position = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    mutating func ballot() -> BallotCast? {
        // Keys in canonical (UTF-8) order: approve, author, created, nonce, org, ranking,
        // revision, round, sequence; a ballot has an approval or a ranking.
        guard expect("{") else { return nil }
        var choice: BallotChoice?
        if expect(#""approve":["#) {
            guard let names = names(), expect(",") else { return nil }
            choice = .approve(names)
        }
        guard expect(#""author":"#), let authorText = plainString(), let author = key(authorText),
            expect(#","created":"#), let created = integer(in: 0...253_402_300_799_999),
            expect(#","nonce":"#), let nonceText = plainString(),
            let nonce = Base64URL.decode(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[nonceText]))),
            nonce.count == StatementHeader.nonceLength,
            expect(#","org":"#), let orgText = plainString()
        else { return nil }
        let organization = String(decoding: bytes[orgText], as: UTF8.self)
        guard OrganizationID.isWellFormed(organization) else { return nil }
        if choice == nil {
            guard expect(#","ranking":["#), let groups = groups() else { return nil }
            choice = .ranking(groups)
        }
        guard let choice, expect(#","revision":"#) else { return nil }
        let revision: StatementID?
        if expect("null") {
            revision = nil
        } else {
            guard let text = plainString(), let id = statementID(text) else { return nil }
            revision = id
        }
        guard expect(#","round":"#), let roundText = plainString(), let round = statementID(roundText),
            expect(#","sequence":"#), let sequence = integer(in: BallotCast.sequenceRange),
            expect("}"), position == bytes.count
        else { return nil }
        return BallotCast(
            header: StatementHeader(organization: organization, author: author, created: created, nonce: nonce),
            round: round, revision: revision, sequence: sequence, choice: choice)
    }

    /// A ranking's groups (each a name, or an array of names) up to and including the
    /// closing `]` of the array whose `[` was read.
    private mutating func groups() -> [[String]]? {
        var groups: [[String]] = []
        if expect("]") { return groups }
        repeat {
            if expect("[") {
                guard let names = names(), !names.isEmpty else { return nil }
                groups.append(names)
            } else {
                guard let name = plainString() else { return nil }
                groups.append([text(name)])
            }
        } while expect(",")
        return expect("]") ? groups : nil
    }

    /// Names up to and including the closing `]` of an array whose `[` was read.
    private mutating func names() -> [String]? {
        var names: [String] = []
        if expect("]") { return names }
        repeat {
            guard let name = plainString() else { return nil }
            names.append(text(name))
        } while expect(",")
        return expect("]") ? names : nil
    }

    private func text(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }

    private func key(_ range: Range<Int>) -> PublicKey? {
        try? PublicKey(base64URL: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[range])))
    }

    private func statementID(_ range: Range<Int>) -> StatementID? {
        StatementID(hexDigits: UnsafeBufferPointer(rebasing: bytes[range]))
    }

    /// Advances past `literal` if the bytes here are exactly it.
    private mutating func expect(_ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard bytes.count - position >= count else { return false }
        let start = literal.utf8Start
        for offset in 0..<count where bytes[position + offset] != start[offset] { return false }
        position += count
        return true
    }

    /// A string of printable ASCII without escapes (0x20 to 0x7E but `"` and `\`), from its
    /// opening quote; the range of its contents.
    private mutating func plainString() -> Range<Int>? {
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
    private mutating func integer(in range: ClosedRange<Int64>) -> Int64? {
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
