/// A declared candidate of an RCTab contest configuration.
///
/// As RCTab does, the configuration reader appends a candidate named
/// ``RCTabBallot/undeclaredWriteInName`` when a source names an `undeclaredWriteInLabel` (or sets
/// `treatBlankAsUndeclaredWriteIn`): the undeclared write-ins then stand in every round's tally and
/// in `numCandidates`, and can be eliminated but never elected.
public struct RCTabCandidate: Hashable, Sendable {
    /// The name the summary reports (and the name ballots are matched to after aliases).
    public var name: String
    /// The short code some cast-vote-record formats use, if any (used to sort the candidates for
    /// `generatePermutation`).
    public var code: String?
    /// Other spellings that cast-vote records use for this candidate.
    public var aliases: [String]
    /// Excluded candidates are skipped on every ballot as if they had been eliminated before round 1;
    /// they appear in no tally.
    public var excluded: Bool

    public init(name: String, code: String? = nil, aliases: [String] = [], excluded: Bool = false) {
        self.name = name
        self.code = code
        self.aliases = aliases
        self.excluded = excluded
    }
}
