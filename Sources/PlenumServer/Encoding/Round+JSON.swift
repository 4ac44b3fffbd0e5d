import Ledger
import Service
import Statements

extension Round {
    /// A round: its signed parameters, state, participation, and the certificate once closed.
    var json: JSONValue {
        .object([
            JSONMember("id", .string(id.hex)), JSONMember("state", .string(state.rawValue)),
            JSONMember("open", .object(parameters.members)), JSONMember("openedBy", .string(openedBy.base64url)),
            JSONMember("openedLeaf", .integer(Int64(openedLeaf))),
            JSONMember("closedLeaf", closedLeaf.map { .integer(Int64($0)) } ?? .null),
            JSONMember("closedBy", closedBy.map(JSONValue.string) ?? .null),
            JSONMember("voters", .integer(Int64(electorate.entries.count))),
            JSONMember("eligibleWeight", .integer(eligibleWeight)),
            JSONMember("ballotsCounted", .integer(Int64(ballots.count))),
            JSONMember("ballotStatements", .integer(Int64(ballotStatements))),
            JSONMember("result", resultStatement.map { .string($0.hex) } ?? .null),
        ])
    }
}
