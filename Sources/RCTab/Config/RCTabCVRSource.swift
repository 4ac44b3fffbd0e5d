/// One entry of an RCTab contest configuration's `cvrFileSources`: a cast-vote-record file and
/// how to read it.
///
/// Column and row indexes are 1-based, as in the configuration. Labels are `nil` when the
/// configuration leaves them out and `""` when it gives them empty (RCTab compares cells with the
/// label as given, so the two differ: an empty `skippedRankLabel` matches an empty cell).
public struct RCTabCVRSource: Hashable, Sendable {
    /// The providers (cast-vote-record layouts) Plenum reads.
    public enum Provider: String, Hashable, Sendable, CaseIterable {
        /// ES&S: one row per record, one column per rank, candidate names in the cells (RCTab
        /// reads the `.xlsx`; Plenum reads the same sheet exported as `.csv`).
        case ess
        /// RCTab's generic CSV: a header row naming a candidate per column, and in each record's
        /// row the rank given to that candidate.
        case genericCsv
    }

    /// `filePath`, as written in the configuration.
    public var filePath: String
    /// `provider`.
    public var provider: Provider
    /// `firstVoteColumnIndex`: the column of rank 1 (ES&S) or of the first candidate (generic CSV).
    public var firstVoteColumnIndex: Int
    /// `firstVoteRowIndex`: the row of the first record.
    public var firstVoteRowIndex: Int
    /// `idColumnIndex`: the column holding each record's id, if any.
    public var idColumnIndex: Int?
    /// `batchColumnIndex`: the column holding each record's batch, if any.
    public var batchColumnIndex: Int?
    /// `precinctColumnIndex`: the column holding each record's precinct, if any.
    public var precinctColumnIndex: Int?
    /// `overvoteDelimiter`: the text separating several candidates in one cell, if any.
    public var overvoteDelimiter: String?
    /// `overvoteLabel`: the cell text meaning "overvote".
    public var overvoteLabel: String?
    /// `skippedRankLabel` (`undervoteLabel` in older files): the cell text meaning "no mark here".
    public var skippedRankLabel: String?
    /// `undeclaredWriteInLabel`: the cell text (ES&S) or column header (generic CSV) of
    /// undeclared write-ins.
    public var undeclaredWriteInLabel: String?
    /// `treatBlankAsUndeclaredWriteIn`: an empty rank cell is an undeclared write-in.
    public var treatBlankAsUndeclaredWriteIn: Bool

    public init(
        filePath: String, provider: Provider, firstVoteColumnIndex: Int, firstVoteRowIndex: Int,
        idColumnIndex: Int? = nil, batchColumnIndex: Int? = nil, precinctColumnIndex: Int? = nil,
        overvoteDelimiter: String? = nil, overvoteLabel: String? = nil, skippedRankLabel: String? = nil,
        undeclaredWriteInLabel: String? = nil, treatBlankAsUndeclaredWriteIn: Bool = false
    ) {
        self.filePath = filePath
        self.provider = provider
        self.firstVoteColumnIndex = firstVoteColumnIndex
        self.firstVoteRowIndex = firstVoteRowIndex
        self.idColumnIndex = idColumnIndex
        self.batchColumnIndex = batchColumnIndex
        self.precinctColumnIndex = precinctColumnIndex
        self.overvoteDelimiter = overvoteDelimiter
        self.overvoteLabel = overvoteLabel
        self.skippedRankLabel = skippedRankLabel
        self.undeclaredWriteInLabel = undeclaredWriteInLabel
        self.treatBlankAsUndeclaredWriteIn = treatBlankAsUndeclaredWriteIn
    }

    /// Whether this source can produce undeclared write-ins (a label, or blanks counted as them).
    public var hasUndeclaredWriteIns: Bool {
        treatBlankAsUndeclaredWriteIn || !(undeclaredWriteInLabel?.trimmingJavaWhitespace().isEmpty ?? true)
    }
}
