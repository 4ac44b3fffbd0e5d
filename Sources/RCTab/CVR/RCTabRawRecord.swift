/// One cast-vote record as a reader finds it in its file: the rank and coded mark of every mark,
/// in reading order (several at one rank are an overvote), and the id, precinct and batch cells.
///
/// The cells are the file's own bytes, valid only while that record of the file is being read;
/// one `RCTabRawRecord` is reused from record to record, so reading allocates nothing per record.
struct RCTabRawRecord {
    /// One mark: its rank and its ``RCTabCandidateCodes`` code (a name no candidate has is coded
    /// by ``RCTabRawRecord/append(rank:unknown:)``).
    struct Mark {
        var rank: Int
        var code: Int32
    }

    /// The marks in the order they were read.
    private(set) var marks: [Mark] = []
    /// The names no candidate has, as written, in the order they were read.
    private(set) var unknownNames: [String] = []
    /// The id column's cell, if the source has one.
    var id: UnsafeBufferPointer<UInt8>?
    /// The precinct column's cell, if the source has one.
    var precinct: UnsafeBufferPointer<UInt8>?
    /// The batch column's cell, if the source has one.
    var batch: UnsafeBufferPointer<UInt8>?
    /// The 1-based line the record starts on.
    private(set) var line = 0

    /// Empties the record for the one starting on `line`.
    mutating func reset(line: Int) {
        marks.removeAll(keepingCapacity: true)
        if !unknownNames.isEmpty { unknownNames.removeAll(keepingCapacity: true) }
        id = nil
        precinct = nil
        batch = nil
        self.line = line
    }

    /// Adds a mark at `rank`.
    mutating func append(rank: Int, code: Int32) {
        marks.append(Mark(rank: rank, code: code))
    }

    /// Adds a mark at `rank` naming a candidate the configuration does not declare.
    mutating func append(rank: Int, unknown name: String) {
        marks.append(Mark(rank: rank, code: RCTabCandidateCodes.firstUnknown - Int32(unknownNames.count)))
        unknownNames.append(name)
    }

    /// The name a mark coded at or below ``RCTabCandidateCodes/firstUnknown`` stands for.
    func unknownName(_ code: Int32) -> String {
        unknownNames[Int(RCTabCandidateCodes.firstUnknown - code)]
    }
}
