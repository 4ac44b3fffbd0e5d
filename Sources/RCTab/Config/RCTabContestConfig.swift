/// An RCTab contest configuration, read: the output settings, the cast-vote-record sources, the
/// declared candidates and the rules, plus where the file was (relative paths in it are
/// relative to its folder).
public struct RCTabContestConfig: Hashable, Sendable {
    /// The configuration file's path, as given.
    public var path: String
    /// The folder relative paths are resolved against (the configuration file's folder).
    public var directory: String
    /// `tabulatorVersion`, as written.
    public var tabulatorVersion: String
    /// `outputSettings`.
    public var outputSettings: RCTabOutputSettings
    /// `cvrFileSources`, in order.
    public var cvrSources: [RCTabCVRSource]
    /// `candidates`, in the configuration's order (the order `useCandidateOrder` breaks ties by).
    public var candidates: [RCTabCandidate]
    /// `rules`.
    public var rules: RCTabRules
    /// Outputs the configuration asks for that Plenum does not write (per-precinct and per-batch
    /// summaries, CDF JSON), one sentence each, for the caller to show.
    public var notWritten: [String]

    public init(
        path: String, directory: String, tabulatorVersion: String, outputSettings: RCTabOutputSettings,
        cvrSources: [RCTabCVRSource], candidates: [RCTabCandidate], rules: RCTabRules, notWritten: [String] = []
    ) {
        self.path = path
        self.directory = directory
        self.tabulatorVersion = tabulatorVersion
        self.outputSettings = outputSettings
        self.cvrSources = cvrSources
        self.candidates = candidates
        self.rules = rules
        self.notWritten = notWritten
    }

    /// Whether any source can produce undeclared write-ins: then the pseudo-candidate
    /// ``RCTabBallot/undeclaredWriteInName`` takes part in the count.
    public var hasUndeclaredWriteIns: Bool { cvrSources.contains(where: \.hasUndeclaredWriteIns) }

    /// The number of declared candidates, excluded ones included (what `maxRankingsAllowed: "max"`
    /// stands for).
    public var declaredCandidateCount: Int { candidates.count }

    /// The summary's `numCandidates`: the declared candidates (excluded ones too), plus the
    /// undeclared write-in pseudo-candidate when there is one.
    public var summaryCandidateCount: Int { candidates.count + (hasUndeclaredWriteIns ? 1 : 0) }

    /// The number of ranks a record may use: `maxRankingsAllowed`, or the number of declared
    /// candidates for `"max"`.
    public var maxRankings: Int { rules.maxRankingsAllowed ?? declaredCandidateCount }

    /// Every name and alias of a declared candidate, mapped to the candidate's name.
    public var namesByAlias: [String: String] {
        var map: [String: String] = [:]
        for candidate in candidates {
            map[candidate.name] = candidate.name
            for alias in candidate.aliases { map[alias] = candidate.name }
        }
        return map
    }
}
