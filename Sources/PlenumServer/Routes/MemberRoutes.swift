import Hummingbird
import Ledger
import Service
import Statements

extension PlenumAPI {
    /// Members, the current electorate and invitations.
    func addMemberRoutes(to group: RouterGroup<BasicRequestContext>) {
        group.get("members") { request, _ -> Response in
            _ = try Caller.member(request, organization)
            let members = try organization.read { $0.membersInOrder.map(\.json) }
            return JSONResponse.object([JSONMember("members", .array(members))])
        }
        group.get("members/:id") { request, context -> Response in
            _ = try Caller.member(request, organization)
            guard let text = context.parameters.get("id"), let id = try? MemberID(base64url: text) else {
                throw APIError.malformed("invalid_id", "a member id is the member's first key in base64url")
            }
            return JSONResponse.make(
                try organization.read { state throws(ServiceError) in try state.member(id).json })
        }
        group.get("me") { request, _ -> Response in
            JSONResponse.make(try Caller.member(request, organization).json)
        }
        group.get("electorate") { request, _ -> Response in
            _ = try Caller.member(request, organization)
            return JSONResponse.make(try organization.read { $0.currentElectorate.json })
        }
        group.get("invitations") { request, _ -> Response in
            let caller = try Caller.member(request, organization)
            guard caller.has(.steward) else {
                throw APIError.forbidden("not_steward", "only stewards see invitations")
            }
            let invitations = try organization.read { state in
                state.invitations.values.sorted { $0.leaf < $1.leaf }.map(\.json)
            }
            return JSONResponse.object([JSONMember("invitations", .array(invitations))])
        }
    }
}
