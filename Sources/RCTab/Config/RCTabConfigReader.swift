import StrictJSON

/// Reads an RCTab contest configuration (the JSON RCTab's editor saves) into an
/// ``RCTabContestConfig``.
///
/// Every member of the file is either read or refused (`unsupported_option`), so no setting is
/// silently ignored. Numbers may be strings or bare numbers; an empty string means "not set" and
/// takes RCTab's default. Values out of RCTab's ranges are refused (`config_value`), as RCTab's
/// own validation would.
public enum RCTabConfigReader {
    /// Parses the configuration `bytes` read from `path`.
    public static func parse(_ bytes: [UInt8], path: String) throws(RCTabError) -> RCTabContestConfig {
        let file = RCTabPath.fileName(path)
        let root: JSONValue
        do {
            root = try StrictJSONParser(maximumDepth: 16, maximumBytes: 1 << 24).parse(bytes)
        } catch {
            throw RCTabError("config_syntax", at: file, "not a readable JSON contest configuration: \(error)")
        }
        var top = try RCTabConfigObject(root, at: file, topLevel: true)
        let version = try top.string("tabulatorVersion") ?? ""
        var output = try top.object("outputSettings")
        let settings = try outputSettings(&output)
        try output.requireAllRead()
        var legacyRules = try top.object("rules")
        // Older configurations kept this flag in `rules`; RCTab moves it to every source.
        let blankAsWriteInForAll = try legacyRules.bool("treatBlankAsUndeclaredWriteIn")
        var sources: [RCTabCVRSource] = []
        for (index, element) in try top.array("cvrFileSources").enumerated() {
            var object = try RCTabConfigObject(element, at: "\(file): cvrFileSources[\(index)]")
            var source = try cvrSource(&object)
            source.treatBlankAsUndeclaredWriteIn = source.treatBlankAsUndeclaredWriteIn || blankAsWriteInForAll
            try object.requireAllRead()
            if sources.contains(where: { $0.filePath == source.filePath }) {
                throw RCTabError("config_value", at: object.location, "\(source.filePath) is named by two sources")
            }
            sources.append(source)
        }
        guard !sources.isEmpty else {
            throw RCTabError("config_value", at: "\(file): cvrFileSources", "there must be at least one source")
        }
        let candidates = try RCTabCandidateReader.candidates(try top.array("candidates"), file: file)
        var rulesObject = try top.object("rules")
        _ = rulesObject.value("treatBlankAsUndeclaredWriteIn")
        let rules = try RCTabRulesReader.rules(&rulesObject)
        try rulesObject.requireAllRead()
        try top.requireAllRead()
        var notWritten: [String] = []
        if settings.tabulateByPrecinct {
            notWritten.append("tabulateByPrecinct: per-precinct summaries are not written, only the contest's")
        }
        if settings.tabulateByBatch {
            notWritten.append("tabulateByBatch: per-batch summaries are not written, only the contest's")
        }
        if settings.generateCdfJson {
            notWritten.append("generateCdfJson: the cast-vote records are not written in CDF JSON")
        }
        return RCTabContestConfig(
            path: path, directory: RCTabPath.directory(path), tabulatorVersion: version, outputSettings: settings,
            cvrSources: sources, candidates: candidates, rules: rules, notWritten: notWritten)
    }

    private static func outputSettings(_ object: inout RCTabConfigObject) throws(RCTabError) -> RCTabOutputSettings {
        guard let name = try object.nonBlank("contestName") else {
            throw RCTabError("config_value", at: "\(object.location).contestName", "a contest name is required")
        }
        return RCTabOutputSettings(
            contestName: try object.string("contestName") ?? name,
            contestDate: try object.string("contestDate"),
            contestJurisdiction: try object.string("contestJurisdiction"),
            contestOffice: try object.string("contestOffice"),
            outputDirectory: try object.nonBlank("outputDirectory"),
            tabulateByPrecinct: try object.bool("tabulateByPrecinct"),
            tabulateByBatch: try object.bool("tabulateByBatch"),
            generateCdfJson: try object.bool("generateCdfJson"))
    }

    private static func cvrSource(_ object: inout RCTabConfigObject) throws(RCTabError) -> RCTabCVRSource {
        let location = object.location
        guard let filePath = try object.nonBlank("filePath") else {
            throw RCTabError("config_value", at: "\(location).filePath", "every source needs a filePath")
        }
        let providerName = try object.nonBlank("provider") ?? ""
        guard let provider = RCTabCVRSource.Provider(rawValue: providerName) else {
            let known = ["cdf", "clearBallot", "dominion", "hart"]
            if known.contains(providerName) {
                throw RCTabError(
                    "unsupported_option", at: "\(location).provider",
                    "the \(providerName) cast-vote-record layout is not supported; Plenum reads ess and genericCsv")
            }
            throw RCTabError("config_value", at: "\(location).provider", "unknown provider \"\(providerName)\"")
        }
        if let contestId = try object.nonBlank("contestId") {
            throw RCTabError(
                "config_value", at: "\(location).contestId",
                "contestId \"\(contestId)\" should not be given for the \(provider.rawValue) provider")
        }
        guard let firstColumn = try object.int("firstVoteColumnIndex", in: 1...1000) else {
            throw RCTabError("config_value", at: "\(location).firstVoteColumnIndex", "required, from 1 to 1000")
        }
        guard let firstRow = try object.int("firstVoteRowIndex", in: 1...100000) else {
            throw RCTabError("config_value", at: "\(location).firstVoteRowIndex", "required, from 1 to 100000")
        }
        var skipped = try object.string("skippedRankLabel")
        if let legacy = try object.string("undervoteLabel"), skipped == nil { skipped = legacy }
        let delimiter = try object.string("overvoteDelimiter")
        let overvote = try object.string("overvoteLabel")
        if !(delimiter?.isEmpty ?? true) && !(overvote?.trimmingJavaWhitespace().isEmpty ?? true) {
            throw RCTabError(
                "config_value", at: "\(location).overvoteDelimiter",
                "overvoteDelimiter and overvoteLabel can't both be given")
        }
        return RCTabCVRSource(
            filePath: filePath, provider: provider, firstVoteColumnIndex: firstColumn, firstVoteRowIndex: firstRow,
            idColumnIndex: try object.int("idColumnIndex", in: 1...1000),
            batchColumnIndex: try object.int("batchColumnIndex", in: 1...1000),
            precinctColumnIndex: try object.int("precinctColumnIndex", in: 1...1000),
            overvoteDelimiter: delimiter, overvoteLabel: overvote, skippedRankLabel: skipped,
            undeclaredWriteInLabel: try object.string("undeclaredWriteInLabel"),
            treatBlankAsUndeclaredWriteIn: try object.bool("treatBlankAsUndeclaredWriteIn"))
    }
}
