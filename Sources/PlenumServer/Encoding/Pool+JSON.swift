import Ledger
import Service
import Statements

extension Pool {
    /// A pool: its amount, state, plans, how many inputs it has, and its result once run.
    var json: JSONValue {
        .object([
            JSONMember("id", .string(id.hex)), JSONMember("name", .string(create.name)),
            JSONMember("amount", .string(create.amount)), JSONMember("currency", .string(create.currency)),
            JSONMember("decimals", .integer(Int64(create.decimals))), JSONMember("state", .string(state.rawValue)),
            JSONMember(
                "plans",
                .array(
                    plans.map { plan in
                        .object([
                            JSONMember("id", .string(plan.id.hex)), JSONMember("title", .string(plan.plan.title)),
                            JSONMember("method", .string(plan.plan.method)),
                            JSONMember(
                                "parameters",
                                .object(
                                    plan.plan.parameters.keys.sorted().map {
                                        JSONMember($0, .string(plan.plan.parameters[$0]!))
                                    })),
                        ])
                    })),
            JSONMember("contributions", .integer(Int64(inputs.contributions.count))),
            JSONMember("allocations", .integer(Int64(inputs.allocations.count))),
            JSONMember("result", resultStatement.map { .string($0.hex) } ?? .null),
            JSONMember(
                "shares",
                result.map { result in
                    .object(result.shares.keys.sorted().map { JSONMember($0.base64url, .integer(result.shares[$0]!)) })
                } ?? .null),
        ])
    }
}
