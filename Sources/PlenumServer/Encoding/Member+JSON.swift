import Ledger
import Service
import Statements

extension Member {
    /// A member as the API shows it.
    var json: JSONValue {
        .object([
            JSONMember("id", .string(id.base64url)), JSONMember("name", .string(name)),
            JSONMember("roles", .array(roles.map(\.rawValue).sorted().map(JSONValue.string))),
            JSONMember("weight", .integer(weight)), JSONMember("status", .string(status.rawValue)),
            JSONMember("key", currentKey.map { .string($0.base64url) } ?? .null),
            JSONMember("joinedLeaf", .integer(Int64(joinedLeaf))),
        ])
    }
}

extension Invitation {
    /// An invitation as stewards see it (the code is a hash; the secret is never stored).
    var json: JSONValue {
        .object([
            JSONMember("code", .string(code.hex)), JSONMember("name", .string(name)),
            JSONMember("roles", .array(roles.map(\.rawValue).sorted().map(JSONValue.string))),
            JSONMember("weight", .integer(weight)), JSONMember("expires", .integer(expires)),
            JSONMember("invitedBy", .string(invitedBy.base64url)),
            JSONMember("redeemedBy", redeemedBy.map { .string($0.base64url) } ?? .null),
        ])
    }
}

extension Electorate {
    /// The electorate and its commitment, as a steward's client needs them to open a round.
    var json: JSONValue {
        .object([
            JSONMember("commitment", .string(commitment.hex)),
            JSONMember("voters", .integer(Int64(entries.count))),
            JSONMember(
                "entries",
                .array(
                    entries.map { entry in
                        .object([
                            JSONMember("member", .string(entry.member.base64url)),
                            JSONMember("key", .string(entry.key.base64url)),
                            JSONMember("weight", .integer(entry.weight)),
                        ])
                    })),
        ])
    }
}
