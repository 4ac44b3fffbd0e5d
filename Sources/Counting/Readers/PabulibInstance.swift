/// A participatory budgeting instance read from a pabulib `.pb` file: the election (projects as
/// candidates, named by their `project_id`; the ballots; the budget and costs), and what the file
/// says besides: its META entries, the project names, and which projects the original rule
/// selected.
public struct PabulibInstance: Sendable, Equatable {
    /// How the voters voted (META `vote_type`).
    public enum VoteType: String, Sendable, Hashable, CaseIterable {
        /// A set of projects: read as ``Ballots/approval(_:)``.
        case approval
        /// Projects from most to least preferred: read as ``Ballots/ranked(_:)``.
        case ordinal
        /// Points per project, 0 for those not listed: read as ``Ballots/ratings(_:)``.
        case cumulative
        /// Points per project, META `default_score` (0 if absent) for those not listed:
        /// ``Ballots/ratings(_:)``.
        case scoring
        /// A single project: read as ``Ballots/approval(_:)``.
        case chooseOne = "choose-1"
    }

    /// The election: `candidates` are the project ids in file order, `seats` is 1 (budgeting
    /// methods use `budget`), `budget` holds the total and the costs in units of
    /// `10^-costDecimals` of the file's currency.
    public var election: Election
    /// META entries as given, keys and values trimmed.
    public var meta: [String: String]
    /// The `name` column of PROJECTS, by project (nil when the file has no such column).
    public var projectNames: [String]?
    /// The `selected` column of PROJECTS, by project (nil when the file has no such column);
    /// pabulib uses 1 for selected, 0 for not, and occasionally 2 for a special case explained in
    /// a comment.
    public var selectionFlags: [Int]?
    public var voteType: VoteType
    /// The budget and costs were multiplied by `10^costDecimals` to make them whole numbers (the
    /// most decimals any of them has in the file; 0 for whole amounts).
    public var costDecimals: Int

    public init(
        election: Election, meta: [String: String], projectNames: [String]?, selectionFlags: [Int]?,
        voteType: VoteType, costDecimals: Int
    ) {
        self.election = election
        self.meta = meta
        self.projectNames = projectNames
        self.selectionFlags = selectionFlags
        self.voteType = voteType
        self.costDecimals = costDecimals
    }

    /// The projects the original rule selected (flag 1), in file order; nil without a `selected`
    /// column.
    public var selected: [Int]? { selectionFlags.map { flags in flags.indices.filter { flags[$0] == 1 } } }

    /// The rule the file says decided the instance (META `rule`: `greedy`, `equalshares`,
    /// `equalshares/add1`, `unknown`), if given.
    public var rule: String? { meta["rule"] }

    /// One unit of the file's currency in the budget's units: the natural add1 increment.
    public var currencyUnit: Int64 {
        var unit: Int64 = 1
        for _ in 0..<costDecimals { unit *= 10 }
        return unit
    }
}
