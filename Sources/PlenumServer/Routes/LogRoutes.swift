import Hummingbird
import Ledger
import Service
import Sodium
import Statements

extension PlenumAPI {
    /// The organization, statements, receipts and checkpoints.
    func addLogRoutes(to group: RouterGroup<BasicRequestContext>) {
        group.get("org") { _, _ -> Response in
            let checkpoint = try organization.latestCheckpoint()
            let name = try organization.read { $0.name }
            return JSONResponse.object([
                JSONMember("id", .string(organization.id)), JSONMember("name", .string(name)),
                JSONMember("origin", .string(organization.origin)),
                JSONMember("logKey", .string(organization.logKey.base64url)),
                JSONMember("checkpoint", checkpoint.json),
            ])
        }
        group.post("statements") { request, _ -> Response in
            var reader = try await RequestJSON.object(of: request)
            let statement = try SignedStatement(wire: &reader)
            let accepted = try await organization.accept(statement)
            return JSONResponse.make(accepted.receipt.json, status: accepted.appended ? .created : .ok)
        }
        group.get("statements/:id") { request, context -> Response in
            let member = try Caller.member(request, organization)
            let id = try statementID(context, "id")
            let (leaf, statement) = try organization.statement(id)
            try organization.read { state throws(ServiceError) in try state.authorizeReading(statement, by: member) }
            var members = [JSONMember("leaf", .integer(Int64(leaf)))]
            if case .object(let wire) = statement.wire { members += wire }
            return JSONResponse.object(members)
        }
        group.get("receipts/:id") { request, context -> Response in
            _ = try Caller.member(request, organization)
            return JSONResponse.make(try organization.receipt(for: try statementID(context, "id")).json)
        }
        group.get("checkpoint") { _, _ -> Response in
            JSONResponse.make(try organization.latestCheckpoint().json)
        }
        group.get("checkpoints/:size") { _, context -> Response in
            guard let size = context.parameters.get("size", as: UInt64.self) else {
                throw APIError.malformed("invalid_value", "the size must be a whole number")
            }
            return JSONResponse.make(try organization.checkpoint(size: size).json)
        }
        group.get("checkpoint/consistency") { request, _ -> Response in
            let query = request.uri.queryParameters
            guard let from = query.get("from", as: UInt64.self), let to = query.get("to", as: UInt64.self) else {
                throw APIError.malformed("invalid_value", "give from and to as whole numbers: ?from=N&to=M")
            }
            return JSONResponse.make(try organization.consistencyProof(from: from, to: to).json)
        }
    }
}

/// The statement id in the path parameter `name`.
func statementID(_ context: BasicRequestContext, _ name: String) throws -> StatementID {
    guard let text = context.parameters.get(name), let id = StatementID(hex: text) else {
        throw APIError.malformed("invalid_id", "\(name) must be a statement id: 64 lower-case hex digits")
    }
    return id
}
