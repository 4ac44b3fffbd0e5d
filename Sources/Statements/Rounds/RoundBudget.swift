import Counting
import Ledger

/// What a participatory-budgeting round may spend: the total and each option's cost, in one
/// integer unit. Written `{"total": 100, "costs": {"Park": 60, "Library": 40}}`.
public struct RoundBudget: Hashable, Sendable {
    /// The amount available, 0 or more.
    public var total: Int64
    /// Each option's cost, 0 or more, by option name; every option has one.
    public var costs: [String: Int64]

    public init(total: Int64, costs: [String: Int64]) {
        self.total = total
        self.costs = costs
    }

    /// Reads `{"total": t, "costs": {name: cost}}`; amounts are 0 or more.
    public init(reading reader: inout PayloadReader) throws(PayloadError) {
        total = try reader.integer("total", in: 0...Int64.max)
        let value = try reader.value("costs")
        try reader.finish()
        let field = reader.fieldName("costs")
        guard case .object(let members) = value else {
            throw .wrongType(field: field, expected: "an object", actual: value.typeName)
        }
        var costs: [String: Int64] = [:]
        for member in members {
            guard case .integer(let cost) = member.value else {
                throw .wrongType(field: "\(field).\(member.key)", expected: "an integer", actual: member.value.typeName)
            }
            guard cost >= 0 else { throw .invalidValue(field: "\(field).\(member.key)", reason: "must be 0 or more") }
            costs[member.key] = cost
        }
        self.costs = costs
    }

    /// The budget in Counting's terms, costs in the order of `options` (a missing cost is 0;
    /// ``RoundParameters/validate()`` refuses that).
    public func limits(options: [String]) -> BudgetLimits {
        BudgetLimits(total: total, costs: options.map { costs[$0] ?? 0 })
    }

    /// The budget as a payload object.
    public var json: JSONValue {
        .object([
            JSONMember("total", .integer(total)),
            JSONMember(
                "costs", .object(costs.sorted { $0.key < $1.key }.map { JSONMember($0.key, .integer($0.value)) })),
        ])
    }
}
