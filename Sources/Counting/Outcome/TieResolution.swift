/// A tie the count met and how it was settled, so an auditor can reproduce the choice.
public struct TieResolution: Hashable, Sendable {
    /// The round where the tie arose (0 when it concerns the final ranking).
    public var round: Int
    /// What was being decided: `"elect"`, `"eliminate"`, `"winner"`, `"rank"`, ...
    public var decision: String
    /// The tied candidates.
    public var tied: [Int]
    /// The candidate(s) the rule picked.
    public var chosen: [Int]
    /// The rule that picked them, in words (e.g. "tie-break order: earliest is favoured").
    public var rule: String

    public init(round: Int, decision: String, tied: [Int], chosen: [Int], rule: String) {
        self.round = round
        self.decision = decision
        self.tied = tied
        self.chosen = chosen
        self.rule = rule
    }
}
