/// One cast-vote record as a reader finds it in its file, before candidate names are checked and
/// aliases resolved: the rank of every mark, as RCTab's readers collect them.
struct RCTabRawRecord {
    /// One mark as written in the file.
    enum Mark: Hashable {
        /// A candidate name or alias, as written.
        case name(String)
        /// The source's overvote label.
        case overvote
        /// The source's undeclared write-in label (or a blank counted as one).
        case undeclaredWriteIn
    }

    /// `(rank, mark)` pairs in the order they were read (several at one rank are an overvote).
    var marks: [(rank: Int, mark: Mark)] = []
    /// The id column's text, if the source has one.
    var id: String?
    /// The precinct column's text, if the source has one.
    var precinct: String?
    /// The batch column's text, if the source has one.
    var batch: String?
    /// Where the record is, for error messages (`file:line`).
    var location: String
}
