/// Reads the cast-vote records of a contest configuration's sources into ``RCTabBallot``s, as
/// RCTab's readers would: the ES&S and generic CSV layouts, names and aliases resolved to the
/// declared candidates, unknown names refused.
///
/// The library does no file access of its own: the caller passes `readFile`, which returns a
/// file's bytes, or `nil` when there is no such file. A source naming an `.xlsx` or `.xls`
/// spreadsheet is read from the `.csv` export beside it (same rows and columns); a source whose
/// file is not found at its path is also looked for in the configuration's own folder (test
/// configurations name shared files by a relative path).
///
/// Each file is read in place, record by record, and every record is merged into the ballots as
/// soon as it is read, so beyond the file's own bytes the memory taken grows with the distinct
/// ballots, not with the records (the 1,041,313 records of RCTab's scale test are 7,084 ballots).
public enum RCTabCVRReader {
    /// Reads a file: its bytes, or `nil` if there is no file at that path.
    public typealias FileReader = (String) throws -> [UInt8]?

    /// Every record of every source of `config`, in file order; with `mergeIdentical`, records
    /// with the same marks are one ballot with a `count` (keeping an id, precinct or batch only
    /// when all of its records share it).
    public static func ballots(
        for config: RCTabContestConfig, mergeIdentical: Bool = true, readFile: FileReader
    ) throws(RCTabError) -> [RCTabBallot] {
        var collector = RCTabBallotCollector(config: config, merging: mergeIdentical)
        for source in config.cvrSources {
            let (path, bytes) = try locate(source, config: config, readFile: readFile)
            let file = RCTabPath.fileName(path)
            switch source.provider {
            case .ess:
                var reader = RCTabESSReader(
                    source: source, maxRankings: config.maxRankings, candidates: collector.candidates)
                try collect(bytes, file: file, into: &collector) { (row, record) throws(RCTabError) in
                    try reader.read(row, into: &record, file: file)
                }
            case .genericCsv:
                var reader = RCTabGenericCSVReader(source: source, candidates: collector.candidates)
                try collect(bytes, file: file, into: &collector) { (row, record) throws(RCTabError) in
                    try reader.read(row, into: &record, file: file)
                }
            }
            try collector.requireKnownCandidates(file: file)
        }
        return collector.ballots
    }

    /// Reads the records of one file and collects them as they are read. A file is refused as a
    /// whole, for the first fault in this order: a CSV syntax error anywhere in it, then a record
    /// its reader refuses, then a record the collector refuses; so a fault is reported the same
    /// whether the records are read one by one or all at once.
    private static func collect(
        _ bytes: [UInt8], file: String, into collector: inout RCTabBallotCollector,
        reading read: (RCTabCSVRecords.Record, inout RCTabRawRecord) throws(RCTabError) -> Bool
    ) throws(RCTabError) {
        var record = RCTabRawRecord()
        var readerError: RCTabError?
        var collectorError: RCTabError?
        try RCTabCSVRecords.forEach(in: bytes, file: file) { (row) throws(RCTabError) in
            guard readerError == nil else { return }
            do throws(RCTabError) {
                guard try read(row, &record) else { return }
            } catch {
                readerError = error
                return
            }
            guard collectorError == nil else { return }
            do throws(RCTabError) {
                try collector.add(record, file: file)
            } catch {
                collectorError = error
            }
        }
        if let readerError { throw readerError }
        if let collectorError { throw collectorError }
    }

    /// The file a source names (or its CSV export), with its bytes.
    static func locate(
        _ source: RCTabCVRSource, config: RCTabContestConfig, readFile: FileReader
    ) throws(RCTabError) -> (String, [UInt8]) {
        let named = RCTabPath.resolve(source.filePath, in: config.directory)
        let lowered = source.filePath.lowercased()
        let isSpreadsheet = lowered.hasSuffix(".xlsx") || lowered.hasSuffix(".xls")
        let primary = isSpreadsheet ? RCTabPath.replacingExtension(named, with: "csv") : named
        let besideConfig = RCTabPath.resolve(RCTabPath.fileName(primary), in: config.directory)
        var tried: [String] = []
        for path in [primary, besideConfig] where !tried.contains(path) {
            tried.append(path)
            let bytes: [UInt8]?
            do {
                bytes = try readFile(path)
            } catch {
                throw RCTabError("cvr_unreadable", at: path, "the cast-vote-record file cannot be read: \(error)")
            }
            if let bytes { return (path, bytes) }
        }
        let note = isSpreadsheet ? " (spreadsheets are read from their .csv export)" : ""
        throw RCTabError(
            "cvr_missing", at: source.filePath,
            "no cast-vote-record file at \(tried.joined(separator: " or "))\(note)")
    }
}
