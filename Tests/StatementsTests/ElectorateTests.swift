import Ledger
import Sodium
import Statements
import Testing

/// The electorate and its commitment.
@Suite("Rounds: the electorate commitment")
struct ElectorateTests {
    typealias F = Fixture

    /// Three members: seed 1 (weight 1), seed 2 voting with the rotated key of seed 4 (weight 3),
    /// seed 3 (weight 2).
    static let electorate = Electorate([
        Electorate.Entry(member: MemberID(F.key(1).publicKey), key: F.key(1).publicKey, weight: 1),
        Electorate.Entry(member: MemberID(F.key(2).publicKey), key: F.key(4).publicKey, weight: 3),
        Electorate.Entry(member: MemberID(F.key(3).publicKey), key: F.key(3).publicKey, weight: 2),
    ])

    /// The same electorate, written by hand: sorted by member id text ("7U" < "gT" < "io").
    static let literal =
        #"[{"key":"7UkoxijRwsbq6QM4kFmVYSlZJzpcY_k2NsFGFKyHN9E","member":"7UkoxijRwsbq6QM4kFmVYSlZJzpcY_k2NsFGFKyHN9E","weight":2},"#
        + #"{"key":"ypOsFwUYcHHWe4PH_w7-gQjo7EUwV113JoeTM9vavnw","member":"gTl3Dqh9F19Wo1Rmw0x-zMuNipG07jeiXfYPW4_Js5Q","weight":3},"#
        + #"{"key":"iojj3XQJ8ZX9UtstPLpdcspnCb8dlBIb83SIAbQPb1w","member":"iojj3XQJ8ZX9UtstPLpdcspnCb8dlBIb83SIAbQPb1w","weight":1}]"#

    @Test("the commitment is SHA-256 of the canonical array, sorted by member id")
    func knownAnswer() {
        let expected = SHA256.hash(Self.literal)
        #expect(String(decoding: Self.electorate.canonicalBytes, as: UTF8.self) == Self.literal)
        #expect(Self.electorate.commitment == expected)
        #expect(Self.electorate.commitment.hex == "53be7977e495bb9e25228c363a08ada11166e9378894d6a0b00dcbc81b8e1f48")
    }

    @Test("member ids sort by their text, not by their key bytes")
    func order() {
        let members = Self.electorate.entries.map(\.member.base64url)
        #expect(members == members.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        let byBytes = Self.electorate.entries.map(\.member.key).sorted()
        #expect(byBytes.map(\.base64url) != members)
        let shuffled = Electorate(Self.electorate.entries.reversed())
        #expect(shuffled == Self.electorate)
        #expect(shuffled.commitment == Self.electorate.commitment)
    }

    @Test("lookups, totals, and a weight change changes the commitment")
    func lookups() {
        #expect(Self.electorate.count == 3)
        #expect(Self.electorate.totalWeight == 6)
        #expect(Self.electorate.entry(for: MemberID(F.key(2).publicKey))?.key == F.key(4).publicKey)
        #expect(Self.electorate.entry(for: MemberID(F.key(4).publicKey)) == nil)
        var entries = Self.electorate.entries
        entries[0].weight += 1
        #expect(Electorate(entries).commitment != Self.electorate.commitment)
    }

    @Test("an electorate reads back from its JSON, which must be sorted and each member once")
    func reading() throws {
        let value = try StrictJSONParser().parse(Array(Self.literal.utf8))
        #expect(try Electorate(json: value) == Self.electorate)
        guard case .array(let elements) = value else { return }
        #expect(throws: PayloadError.self) { try Electorate(json: .array(elements.reversed())) }
        #expect(throws: PayloadError.self) { try Electorate(json: .array(elements + [elements[2]])) }
        #expect(throws: PayloadError.self) { try Electorate(json: .object([])) }
    }
}
