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
        group.get("rounds/:id/record") { request, context -> Response in
            let caller = try Caller.member(request, organization)
            let id = try statementID(context, "id")
            let export = try organization.record(of: id, for: caller, since: try RecordResponse.since(request))
            return RecordResponse.make(export, name: "round-\(id.hex.prefix(16))")
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

/// A record streamed as JSON Lines.
enum RecordResponse {
    /// The `since` query parameter of a record request: the earlier log size a consistency proof
    /// is added from, if given.
    static func since(_ request: Request) throws -> UInt64? {
        guard let text = request.uri.queryParameters.get("since") else { return nil }
        guard let value = UInt64(text) else {
            throw APIError.malformed("invalid_value", "since must be a whole number (a log size)")
        }
        return value
    }

    static func make(_ export: RoundRecordExport, name: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/x-ndjson"
        headers[.contentDisposition] = "attachment; filename=\"\(name).plenum-record\""
        return Response(
            status: .ok, headers: headers,
            body: ResponseBody { writer in
                try await export.write { bytes in try await writer.write(ByteBuffer(bytes: bytes)) }
                try await writer.finish(nil)
            })
    }
}
