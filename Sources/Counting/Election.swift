/// Everything a count needs besides the method: the candidates, the seats, the ballots, and any
/// candidates withdrawn before the count. Every reader (BLT, PrefLib, pabulib, Debian tally
/// sheets, CSV/JSON) produces one.
public struct Election: Sendable, Equatable {
    /// A title, if the source has one.
    public var title: String?
    /// Candidate (or project) names, by index.
    public var candidates: [String]
    /// The number of seats (1 for single-winner elections).
    public var seats: Int
    /// Candidates withdrawn before the count: they are skipped on every ballot.
    public var withdrawn: Set<Int>
    /// The ballots.
    public var ballots: Ballots
    /// Project costs and the budget, for participatory budgeting instances.
    public var budget: BudgetLimits?

    public init(
        title: String? = nil, candidates: [String], seats: Int = 1, withdrawn: Set<Int> = [], ballots: Ballots,
        budget: BudgetLimits? = nil
    ) {
        self.title = title
        self.candidates = candidates
        self.seats = seats
        self.withdrawn = withdrawn
        self.ballots = ballots
        self.budget = budget
    }
}

/// What a participatory budget may spend: the total, and each project's cost, in the same
/// integer unit.
public struct BudgetLimits: Sendable, Equatable {
    public var total: Int64
    /// `costs[p]` is project `p`'s cost.
    public var costs: [Int64]

    public init(total: Int64, costs: [Int64]) {
        self.total = total
        self.costs = costs
    }
}
