/// One RCTab contest run end to end, as RCTab's own tabulation session runs it: the
/// configuration, its cast-vote records, the count, and the summary JSON of each pass.
///
/// ```swift
/// let session = try RCTabSession(configPath: "contest_config.json", readFile: { path in ... })
/// for (pass, summary) in try session.summaries() { ... }
/// ```
public struct RCTabSession: Sendable {
    /// The contest configuration.
    public let config: RCTabContestConfig
    /// The cast-vote records of every source (identical ones merged).
    public let ballots: [RCTabBallot]

    /// A session over an already read configuration and its ballots.
    public init(config: RCTabContestConfig, ballots: [RCTabBallot]) {
        self.config = config
        self.ballots = ballots
    }

    /// Reads the configuration at `configPath` and every cast-vote-record file it names through
    /// `readFile` (which returns a file's bytes, or `nil` when there is no such file).
    public init(configPath: String, readFile: RCTabCVRReader.FileReader) throws(RCTabError) {
        let bytes: [UInt8]?
        do {
            bytes = try readFile(configPath)
        } catch {
            throw RCTabError("config_unreadable", at: configPath, "the configuration cannot be read: \(error)")
        }
        guard let bytes else { throw RCTabError("config_missing", at: configPath, "no such file") }
        let config = try RCTabConfigReader.parse(bytes, path: configPath)
        self.init(config: config, ballots: try RCTabCVRReader.ballots(for: config, readFile: readFile))
    }

    /// The candidates the tabulator counts: the declared ones in configuration order, then the
    /// undeclared write-in pseudo-candidate when a source has undeclared write-ins.
    public var tabulationCandidates: [RCTabCandidate] {
        config.candidates
            + (config.hasUndeclaredWriteIns ? [RCTabCandidate(name: RCTabBallot.undeclaredWriteInName)] : [])
    }

    /// The count: one result, or one per seat for a `multiPassIrv` contest.
    public func tabulate() throws -> [RCTabResult] {
        try RCTabTabulator(rules: config.rules, candidates: tabulationCandidates).tabulate(ballots)
    }

    /// The summary JSON of each result (RCTab's `..._summary.json`; a `multiPassIrv` contest has
    /// one per pass, `pass` numbering them from 1, `nil` otherwise).
    public func summaries(
        of results: [RCTabResult], generatedBy: String = RCTabSummaryWriter.rctabGeneratedBy
    ) -> [(pass: Int?, json: String)] {
        results.map {
            ($0.pass, RCTabSummaryWriter.text($0, settings: config.outputSettings, generatedBy: generatedBy))
        }
    }

    /// Counts and writes the summaries.
    public func summaries(
        generatedBy: String = RCTabSummaryWriter.rctabGeneratedBy
    ) throws -> [(
        pass: Int?, json: String
    )] {
        summaries(of: try tabulate(), generatedBy: generatedBy)
    }
}
