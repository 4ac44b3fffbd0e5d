import Counting
import Ledger
import Sodium
import Statements
import Testing

/// Fixed keys, clock, headers and helpers shared by the statement tests.
enum Fixture {
    static func key(_ byte: UInt8) -> SigningKey { try! SigningKey(seed: [UInt8](repeating: byte, count: 32)) }

    static let logKey = key(0x01)
    static let steward = key(0x02)
    static let member = key(0x03)
    static let newcomer = key(0x04)
    static let organization = "acme-coop"
    static let now: Int64 = 1_795_000_000_000
    static let nonce: [UInt8] = Array(0..<16)

    static func header(_ key: SigningKey = member) -> StatementHeader {
        StatementHeader(organization: organization, author: key.publicKey, created: now, nonce: nonce)
    }

    static func context() -> VerificationContext { VerificationContext(organization: organization, now: now) }

    /// A statement id made from a label (SHA-256 of it).
    static func id(_ label: String) -> StatementID { StatementID(SHA256.hash(label)) }

    static func sign(_ payload: [UInt8], as kind: StatementKind, with key: SigningKey = member) -> SignedStatement {
        SignedStatement(signing: payload, as: kind, with: key)
    }

    /// Signs `payload`'s canonical bytes with `key` and opens the statement through the dispatcher.
    static func roundTrip(_ payload: some StatementPayload, signedBy key: SigningKey) throws -> AnyStatementPayload {
        let statement = SignedStatement(signing: payload.canonicalBytes, as: type(of: payload).kind, with: key)
        return try AnyStatementPayload.open(statement, context: context())
    }

    /// The canonical bytes of `members` with fields replaced or added (`set`) and removed (`remove`).
    static func edited(
        _ members: [JSONMember], set: KeyValuePairs<String, JSONValue> = [:], remove: Set<String> = []
    ) -> [UInt8] {
        var result = members.filter { !remove.contains($0.key) }
        for (key, value) in set {
            if let index = result.firstIndex(where: { $0.key == key }) {
                result[index].value = value
            } else {
                result.append(JSONMember(key, value))
            }
        }
        return CanonicalJSON.encode(result)
    }

    /// Signs an edited copy of `payload` (by `key`) and opens it through the dispatcher.
    static func openEdited(
        _ payload: some StatementPayload, signedBy key: SigningKey = member,
        set: KeyValuePairs<String, JSONValue> = [:], remove: Set<String> = []
    ) throws(StatementError) -> AnyStatementPayload {
        let bytes = edited(payload.members, set: set, remove: remove)
        return try AnyStatementPayload.open(sign(bytes, as: type(of: payload).kind, with: key), context: context())
    }

    /// A plurality round on three options, for ballots.
    static func round(
        method: String = "plurality", options: [String] = ["Ann", "Bob", "Cid"], seats: Int = 1,
        parameters: [String: String] = [:], budget: RoundBudget? = nil
    ) -> RoundOpen {
        RoundOpen(
            header: header(steward), proposal: id("proposal"), revision: id("revision"),
            question: "Who should chair?", method: method, options: options, seats: seats, parameters: parameters,
            budget: budget, electorate: SHA256.hash("electorate"), voters: 3)
    }
}
