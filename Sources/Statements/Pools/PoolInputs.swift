import Counting
import Ledger
import Shares

/// A pool's signed inputs, turned into the rows of a sharing method and computed: the pure step
/// that the service runs at `distribution.run`, shows as a preview before the vote, and an
/// auditor repeats from the record.
///
/// Contributions give each member's measure (summed per member; per member and period for
/// time-decayed plans); allocations (each giver's latest) give the peer plan's points.
public struct PoolInputs: Sendable {
    /// The sharing methods a pool's plan may use: those whose rows come from contributions or
    /// allocations. (Quadratic funding, Shapley value, buckets and catch-up need inputs of their
    /// own and stay with `plenum shares`.)
    public static let methods: Set<String> = [
        "proportional", "patronage", "water-filling", "time-decayed", "peer", "proportional-claims",
        "constrained-equal-awards", "constrained-equal-losses", "talmud", "hamilton", "dhondt", "sainte-lague",
    ]

    public var contributions: [(id: StatementID, contribution: ShareContribution)]
    /// Each giver's counted allocation (the highest sequence).
    public var allocations: [MemberID: (id: StatementID, allocation: ShareAllocation)]

    public init(
        contributions: [(id: StatementID, contribution: ShareContribution)] = [],
        allocations: [MemberID: (id: StatementID, allocation: ShareAllocation)] = [:]
    ) {
        self.contributions = contributions
        self.allocations = allocations
    }

    /// The input statements a plan with `method` reads.
    public func ids(for method: String) -> [StatementID] {
        method == "peer" ? allocations.values.map(\.id).sorted() : contributions.map(\.id).sorted()
    }

    /// The method's input rows.
    public func rows(for method: String) throws(SharesError) -> [SharesInput.Row] {
        switch method {
        case "peer":
            return allocations.keys.sorted().flatMap { giver in
                let gifts = allocations[giver]!.allocation.gifts
                return gifts.keys.sorted().map { receiver in
                    SharesInput.Row(
                        location: "allocation by \(giver.base64url)",
                        cells: ["from": giver.base64url, "to": receiver.base64url, "points": "\(gifts[receiver]!)"])
                }
            }
        case "time-decayed":
            var sums: [MemberID: [Int64: Rational]] = [:]
            for (id, contribution) in contributions {
                guard let period = contribution.period else {
                    throw .invalidInput("contribution \(id.hex) has no period; a time-decayed plan needs one")
                }
                sums[contribution.member, default: [:]][period, default: .zero] += try amount(contribution)
            }
            return sums.keys.sorted().flatMap { member in
                sums[member]!.keys.sorted().map { period in
                    SharesInput.Row(
                        location: "contributions of \(member.base64url)",
                        cells: [
                            "member": member.base64url, "period": "\(period)",
                            "amount": sums[member]![period]!.description,
                        ])
                }
            }
        default:
            let column: String
            switch method {
            case "proportional-claims", "constrained-equal-awards", "constrained-equal-losses", "talmud":
                column = "claim"
            case "hamilton", "dhondt", "sainte-lague": column = "votes"
            default: column = "weight"
            }
            var sums: [MemberID: Rational] = [:]
            for (_, contribution) in contributions {
                sums[contribution.member, default: .zero] += try amount(contribution)
            }
            return sums.keys.sorted().map { member in
                SharesInput.Row(
                    location: "contributions of \(member.base64url)",
                    cells: ["member": member.base64url, column: sums[member]!.description])
            }
        }
    }

    /// The distribution `plan` gives the pool on these inputs.
    public func distribute(pool: PoolCreate, plan: PlanCreate) throws(SharesError) -> Distribution {
        let method = try SharesMethod.named(plan.method)
        let input = SharesInput(
            pot: pool.amount, currency: pool.currency, decimals: pool.decimals, rows: try rows(for: plan.method))
        return try method.distribute(SharesContext(input, parameters: plan.parameters))
    }

    private func amount(_ contribution: ShareContribution) throws(SharesError) -> Rational {
        try ExactNumber.nonNegative(contribution.amount, what: "a contribution")
    }
}
