import Hummingbird
import Ledger
import Service
import Statements

extension PlenumAPI {
    /// Proposals, their revisions and threads.
    func addProposalRoutes(to group: RouterGroup<BasicRequestContext>) {
        group.get("proposals") { request, _ -> Response in
            _ = try Caller.member(request, organization)
            let proposals = try organization.read { state in
                state.proposalOrder.compactMap { state.proposals[$0]?.json(revisions: false) }
            }
            return JSONResponse.object([JSONMember("proposals", .array(proposals))])
        }
        group.get("proposals/:id") { request, context -> Response in
            _ = try Caller.member(request, organization)
            let id = try statementID(context, "id")
            return JSONResponse.make(
                try organization.read { state throws(ServiceError) in try state.proposal(id).json(revisions: true) })
        }
        group.get("proposals/:id/thread") { request, context -> Response in
            _ = try Caller.member(request, organization)
            let id = try statementID(context, "id")
            let comments = try organization.read { state throws(ServiceError) in
                _ = try state.proposal(id)
                return (state.threads[id] ?? []).compactMap { state.comments[$0]?.json }
            }
            return JSONResponse.object([JSONMember("comments", .array(comments))])
        }
    }
}
