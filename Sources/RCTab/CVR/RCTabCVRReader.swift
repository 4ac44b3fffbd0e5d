/// Reads the cast-vote records of a contest configuration's sources into ``RCTabBallot``s, as
/// RCTab's readers would: the ES&S and generic CSV layouts, names and aliases resolved to the
/// declared candidates, unknown names refused.
///
/// The library does no file access of its own: the caller passes `readFile`, which returns a
/// file's bytes, or `nil` when there is no such file. A source naming an `.xlsx` or `.xls`
/// spreadsheet is read from the `.csv` export beside it (same rows and columns); a source whose
/// file is not found at its path is also looked for in the configuration's own folder (test
/// configurations name shared files by a relative path).
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
            let rows = try RCTabCSVRecords.parse(bytes, file: file)
            let records: [RCTabRawRecord]
            switch source.provider {
            case .ess:
                records = try RCTabESSReader.records(rows, source: source, maxRankings: config.maxRankings, file: file)
            case .genericCsv:
                records = try RCTabGenericCSVReader.records(rows, source: source, file: file)
            }
            try collector.add(records)
            try collector.requireKnownCandidates(file: file)
        }
        return collector.ballots
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
