import Ledger
import Sodium

/// Who may vote in a round and with what weight, frozen when the round opens: one entry per
/// member (member id, the key the member votes with, weight), sorted by member id.
///
/// The ``commitment`` is the SHA-256 of the canonical JSON array
/// `[{"key":...,"member":...,"weight":...},...]` in that order; `round.open` carries it, so the
/// electorate published with the record can be checked against what was fixed at open.
public struct Electorate: Hashable, Sendable {
    /// One voter.
    public struct Entry: Hashable, Sendable {
        /// The member.
        public var member: MemberID
        /// The member's key when the round opened.
        public var key: PublicKey
        /// The member's weight when the round opened.
        public var weight: Int64

        public init(member: MemberID, key: PublicKey, weight: Int64) {
            self.member = member
            self.key = key
            self.weight = weight
        }

        /// The entry as a JSON object.
        public var json: JSONValue {
            .object([
                JSONMember("key", .string(key.base64url)),
                JSONMember("member", .string(member.base64url)),
                JSONMember("weight", .integer(weight)),
            ])
        }
    }

    /// The voters, sorted by member id.
    public let entries: [Entry]

    /// The electorate of `entries` (in any order); each member at most once.
    public init(_ entries: some Sequence<Entry>) {
        // Positions are sorted rather than the entries themselves: moving an entry costs
        // reference counting, and a round's open sorts every voter.
        let unsorted = Array(entries)
        let order = unsorted.indices.sorted { unsorted[$0].member < unsorted[$1].member }
        let sorted = order.map { unsorted[$0] }
        for index in sorted.indices.dropFirst() {
            precondition(sorted[index - 1].member != sorted[index].member, "a member appears twice in an electorate")
        }
        self.entries = sorted
    }

    /// Reads an electorate from its JSON array (as published in a record): entries sorted by
    /// member id, each member once, weights from 1.
    public init(json value: JSONValue) throws(PayloadError) {
        guard case .array(let elements) = value else {
            throw .wrongType(field: "electorate", expected: "an array", actual: value.typeName)
        }
        var entries: [Entry] = []
        for (index, element) in elements.enumerated() {
            let field = "electorate[\(index)]"
            guard case .object(let members) = element else {
                throw .wrongType(field: field, expected: "an object", actual: element.typeName)
            }
            var reader = PayloadReader(members, path: field)
            let member = try reader.memberID("member")
            let entry = Entry(
                member: member, key: try reader.publicKey("key"),
                weight: try reader.integer("weight", in: 1...Int64.max))
            try reader.finish()
            if let last = entries.last, !(last.member < member) {
                throw .invalidValue(field: field, reason: "members must be sorted by id, each once")
            }
            entries.append(entry)
        }
        self.entries = entries
    }

    /// The number of voters.
    public var count: Int { entries.count }

    /// The sum of the weights.
    public var totalWeight: Int64 { entries.reduce(0) { $0 + $1.weight } }

    /// The entry of `member`, if they are in the electorate.
    public func entry(for member: MemberID) -> Entry? {
        var low = 0
        var high = entries.count
        while low < high {
            let middle = (low + high) / 2
            if entries[middle].member < member { low = middle + 1 } else { high = middle }
        }
        return low < entries.count && entries[low].member == member ? entries[low] : nil
    }

    /// The electorate as a JSON array, in member order.
    public var json: JSONValue { .array(entries.map(\.json)) }

    /// The canonical bytes of ``json``.
    public var canonicalBytes: [UInt8] { CanonicalJSON.encode(json) }

    /// SHA-256 of ``canonicalBytes``; `round.open` carries it as 64 lower-case hex digits.
    public var commitment: SHA256Digest { SHA256.hash(canonicalBytes) }
}
