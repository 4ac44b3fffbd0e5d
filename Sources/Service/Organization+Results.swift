import Ledger
import Sodium
import Statements

extension Organization {
    /// A round's result as JSON: once closed, the signed certificate; while open, a provisional
    /// count if the round's results are visible live, and a `result_hidden` refusal otherwise.
    public func result(of id: StatementID) throws(ServiceError) -> JSONValue {
        let round = try read { state throws(ServiceError) in try state.round(id) }
        if let result = round.result, let statement = round.resultStatement {
            return .object([
                JSONMember("state", .string("closed")), JSONMember("statement", .string(statement.hex)),
                JSONMember("certificate", .object(result.members)),
            ])
        }
        guard round.state == .open else {
            throw .conflict("round_not_closed", "the round is closing; its certificate is not yet written")
        }
        guard round.parameters.visibility == .live else {
            throw .forbidden("result_hidden", "this round's result is hidden until it closes")
        }
        let count = RoundTally.count(round)
        return .object([
            JSONMember("state", .string("open")), JSONMember("provisional", .bool(true)),
            JSONMember("ballots", .integer(Int64(count.counted.count))), JSONMember("weight", .integer(count.weight)),
            JSONMember("eligibleWeight", .integer(count.eligibleWeight)),
            JSONMember("quorumMet", .bool(count.quorumMet)),
            JSONMember("passed", .bool(count.passed)), JSONMember("outcome", count.outcomeJSON),
        ])
    }
}
