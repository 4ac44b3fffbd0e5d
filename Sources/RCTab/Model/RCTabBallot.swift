/// A raw cast-vote record as RCTab sees it, before any rule is applied.
///
/// `rankings[i]` holds the marks at rank `i + 1`: empty for a skipped rank (an undervote at that
/// rank, or the `skippedRankLabel`), one mark for an ordinary ranking, several for an overvote.
/// Trailing empty ranks may be left out. The ballot stands for `count` identical records.
public struct RCTabBallot: Hashable, Sendable {
    /// The name the summary uses for the undeclared write-in pseudo-candidate.
    public static let undeclaredWriteInName = "Undeclared Write-ins"

    /// The marks at each rank, rank 1 first.
    public var rankings: [[RCTabMark]]
    /// How many identical cast-vote records this stands for (1 for a single record).
    public var count: Int
    /// The record's id column, if the source has one.
    public var id: String?
    /// The record's precinct, if the source has a precinct column.
    public var precinct: String?
    /// The record's batch, if the source has a batch column.
    public var batch: String?

    public init(
        rankings: [[RCTabMark]], count: Int = 1, id: String? = nil, precinct: String? = nil,
        batch: String? = nil
    ) {
        self.rankings = rankings
        self.count = count
        self.id = id
        self.precinct = precinct
        self.batch = batch
    }

    /// A ballot that ranks the named candidates one per rank (a test and example convenience).
    public init(_ names: [String], count: Int = 1) {
        self.init(rankings: names.map { [.candidate($0)] }, count: count)
    }

    /// Whether the record has no mark at any rank (RCTab's `undervotes` in the summary).
    public var isBlank: Bool { rankings.allSatisfy(\.isEmpty) }
}
