import Ledger
import Service
import Statements

extension Revision {
    var json: JSONValue {
        .object([
            JSONMember("id", .string(id.hex)), JSONMember("parent", parent.map { .string($0.hex) } ?? .null),
            JSONMember("author", .string(author.base64url)), JSONMember("title", .string(title)),
            JSONMember("text", .string(text)), JSONMember("summary", summary.map(JSONValue.string) ?? .null),
            JSONMember("created", .integer(created)), JSONMember("leaf", .integer(Int64(leaf))),
        ])
    }
}

extension Proposal {
    /// A proposal with its current text; `revisions` adds every revision.
    func json(revisions withRevisions: Bool) -> JSONValue {
        var members = [
            JSONMember("id", .string(id.hex)), JSONMember("author", .string(author.base64url)),
            JSONMember("state", .string(state.rawValue)), JSONMember("title", .string(current.title)),
            JSONMember("current", .string(current.id.hex)),
            JSONMember("revisionCount", .integer(Int64(revisions.count))),
            JSONMember("rounds", .array(rounds.map { .string($0.hex) })), JSONMember("leaf", .integer(Int64(leaf))),
        ]
        if withRevisions {
            members.append(JSONMember("text", .string(current.text)))
            members.append(JSONMember("revisions", .array(revisions.map(\.json))))
        }
        return .object(members)
    }
}

extension Comment {
    /// A comment; a hidden one shows its reason instead of its text.
    var json: JSONValue {
        let visible = hiddenReason == nil
        return .object([
            JSONMember("id", .string(id.hex)), JSONMember("proposal", .string(proposal.hex)),
            JSONMember("replyTo", replyTo.map { .string($0.hex) } ?? .null),
            JSONMember("author", .string(author.base64url)), JSONMember("stance", .string(current.stance.rawValue)),
            JSONMember("text", visible ? .string(current.text) : .null),
            JSONMember("hidden", hiddenReason.map(JSONValue.string) ?? .null),
            JSONMember("version", .integer(Int64(versions.count))),
            JSONMember("latest", .string(current.statement.hex)),
            JSONMember("created", .integer(versions[0].created)), JSONMember("leaf", .integer(Int64(leaf))),
        ])
    }
}
