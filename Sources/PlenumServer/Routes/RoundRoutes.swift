import Hummingbird
import Ledger
import Service
import Statements

extension PlenumAPI {
    /// Rounds, their results (respecting visibility) and the caller's own ballot.
    func addRoundRoutes(to group: RouterGroup<BasicRequestContext>) {
        group.get("rounds") { request, _ -> Response in
            _ = try Caller.member(request, organization)
            let rounds = try organization.read { state in state.roundOrder.compactMap { state.rounds[$0]?.json } }
            return JSONResponse.object([JSONMember("rounds", .array(rounds))])
        }
        group.get("rounds/:id") { request, context -> Response in
            _ = try Caller.member(request, organization)
            let id = try statementID(context, "id")
            return JSONResponse.make(try organization.read { state throws(ServiceError) in try state.round(id).json })
        }
        group.get("rounds/:id/result") { request, context -> Response in
            _ = try Caller.member(request, organization)
            let id = try statementID(context, "id")
            return JSONResponse.make(try organization.result(of: id))
        }
        group.get("rounds/:id/ballot") { request, context -> Response in
            let caller = try Caller.member(request, organization)
            let id = try statementID(context, "id")
            let ballot = try organization.read { state throws(ServiceError) in
                guard let ballot = try state.round(id).ballots[caller.id] else {
                    throw .notFound("no_ballot", "you have no ballot in this round")
                }
                return ballot
            }
            let receipt = try organization.receipt(for: ballot.statement)
            return JSONResponse.object([
                JSONMember("statement", .string(ballot.statement.hex)),
                JSONMember("sequence", .integer(ballot.sequence)),
                JSONMember("receipt", receipt.json),
            ])
        }
    }
}
