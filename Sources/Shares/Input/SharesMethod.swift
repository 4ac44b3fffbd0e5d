/// A sharing method as `plenum shares` offers it: its name, what it does, the columns of its
/// input rows and its parameters, and how it computes a ``Distribution`` from a
/// ``SharesContext``.
public struct SharesMethod: Sendable {
    /// A parameter (`--param key=value`, or the JSON input's `parameters`).
    public struct Parameter: Sendable {
        public let key: String
        public let summary: String
    }

    public let name: String
    public let summary: String
    /// The columns of a row, required first; optional ones are shown in brackets.
    public let required: [String]
    public let optional: [String]
    public let parameters: [Parameter]
    /// What the pot means for this method, for the help text.
    public let pot: String
    let compute: @Sendable (SharesContext) throws(SharesError) -> Distribution

    /// Computes the distribution of `context` with this method.
    public func distribute(_ context: SharesContext) throws(SharesError) -> Distribution {
        if name != OrderedBuckets.name { try context.checkParameters(parameters.map(\.key)) }
        if name != OrderedBuckets.name && !context.input.buckets.isEmpty {
            throw .invalidInput("buckets are only read by the buckets method")
        }
        return try compute(context)
    }

    /// The columns as help text: `member, weight[, cap][, floor]`.
    public var columnsText: String {
        (required.joined(separator: ", ")) + optional.map { "[, \($0)]" }.joined()
    }

    /// The method called `name`.
    public static func named(_ name: String) throws(SharesError) -> SharesMethod {
        guard let method = all.first(where: { $0.name == name }) else { throw .unknownMethod(name) }
        return method
    }

    /// The methods ordered buckets may share the rest with.
    static let restMethods = [
        Proportional.name, WaterFilling.name, TimeDecayed.name, CatchUp.name, PeerAllocation.name, Patronage.name,
    ]
}
