import Ledger
import Shares

/// `plan.create`: a steward proposes a way to share a pool: a sharing method and its parameters,
/// computed on the pool's signed inputs. A round whose options are the titles of a pool's plans
/// decides which plan runs. The statement's id is the plan's id.
///
/// Signed by a steward.
public struct PlanCreate: StatementPayload, Hashable {
    public static let kind = try! StatementKind("plan.create")

    public var header: StatementHeader
    /// The pool shared.
    public var pool: StatementID
    /// The plan's title, unique in its pool: the option voters see (1 to 200 characters).
    public var title: String
    /// One of ``PoolInputs/methods``.
    public var method: String
    /// The method's parameters (`plenum shares --list-methods`).
    public var parameters: [String: String]

    public init(
        header: StatementHeader, pool: StatementID, title: String, method: String, parameters: [String: String] = [:]
    ) {
        self.header = header
        self.pool = pool
        self.title = title
        self.method = method
        self.parameters = parameters
    }

    public init(reading reader: inout PayloadReader) throws(PayloadError) {
        header = try StatementHeader(reading: &reader)
        pool = try reader.statementID("pool")
        title = try reader.string("title", scalars: TextLimit.option)
        method = try reader.string("method", scalars: 1...100)
        guard PoolInputs.methods.contains(method), let shares = try? SharesMethod.named(method) else {
            throw .invalidValue(
                field: "method", reason: "must be one of \(PoolInputs.methods.sorted().joined(separator: ", "))")
        }
        var parametersReader = try reader.object("parameters")
        var values: [String: String] = [:]
        let declared = Set(shares.parameters.map(\.key))
        for key in parametersReader.keys {
            guard declared.contains(key) else {
                throw .invalidValue(field: "parameters.\(key)", reason: "is not a parameter of \(method)")
            }
            values[key] = try parametersReader.string(key, scalars: 1...1000)
        }
        try parametersReader.finish()
        parameters = values
    }

    public var members: [JSONMember] {
        header.members + [
            JSONMember("pool", .string(pool.hex)), JSONMember("title", .string(title)),
            JSONMember("method", .string(method)),
            JSONMember(
                "parameters", .object(parameters.keys.sorted().map { JSONMember($0, .string(parameters[$0]!)) })),
        ]
    }
}
