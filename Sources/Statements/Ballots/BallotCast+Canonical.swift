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

extension CanonicalCursor {
    /// A ballot payload, from its opening brace to the end of the bytes.
    mutating func ballot() -> BallotCast? {
        // Keys in canonical (UTF-8) order: approve, author, created, nonce, org, ranking,
        // revision, round, sequence; a ballot has an approval or a ranking.
        guard expect("{") else { return nil }
        var choice: BallotChoice?
        if expect(#""approve":["#) {
            guard let names = names(), expect(",") else { return nil }
            choice = .approve(names)
        }
        guard expect(#""author":"#), let author = key(),
            expect(#","created":"#), let created = integer(in: StatementHeader.createdRange),
            expect(#","nonce":"#), let nonce = nonce(),
            expect(#","org":"#), let organization = organization()
        else { return nil }
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
            expect("}"), isAtEnd
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
}
