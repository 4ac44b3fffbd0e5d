import Hummingbird
import Ledger
import Service
import Statements

extension PlenumAPI {
    /// Pools, what each plan would pay, and a distribution's record.
    func addPoolRoutes(to group: RouterGroup<BasicRequestContext>) {
        group.get("pools") { request, _ -> Response in
            _ = try Caller.member(request, organization)
            let pools = try organization.read { state in state.poolOrder.compactMap { state.pools[$0]?.json } }
            return JSONResponse.object([JSONMember("pools", .array(pools))])
        }
        group.get("pools/:id") { request, context -> Response in
            _ = try Caller.member(request, organization)
            let id = try statementID(context, "id")
            return JSONResponse.make(try organization.read { state throws(ServiceError) in try state.pool(id).json })
        }
        group.get("pools/:id/preview") { request, context -> Response in
            _ = try Caller.member(request, organization)
            return JSONResponse.make(try organization.preview(ofPool: try statementID(context, "id")))
        }
        group.get("pools/:id/record") { request, context -> Response in
            let caller = try Caller.member(request, organization)
            let id = try statementID(context, "id")
            let export = try organization.record(ofPool: id, for: caller, since: try RecordResponse.since(request))
            return RecordResponse.make(export, name: "pool-\(id.hex.prefix(16))")
        }
    }
}
