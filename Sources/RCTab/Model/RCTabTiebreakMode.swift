/// How RCTab breaks a tie for last place (or, electing one winner per round, for first place):
/// the values of a contest configuration's `rules.tiebreakMode`.
public enum RCTabTiebreakMode: String, CaseIterable, Sendable {
    /// Draw among the tied candidates, sorted by name, with `java.util.Random(randomSeed).nextDouble()`.
    case random
    /// Ask an operator; interactive, so Plenum refuses it (`unsupported_option`).
    case stopCountingAndAsk
    /// The tied candidate with the most (fewest, for a loser) votes in the previous rounds; if still
    /// tied, a seeded draw as in ``random``.
    case previousRoundCountsThenRandom
    /// As ``previousRoundCountsThenRandom`` but asking an operator; interactive, so refused.
    case previousRoundCountsThenAsk
    /// The order of the candidates in the configuration is the permutation: a winner is the tied
    /// candidate listed first, a loser the one listed last.
    case useCandidateOrder
    /// A permutation drawn with `Collections.shuffle(candidates sorted by code or name, Random(seed))`,
    /// then used as ``useCandidateOrder`` uses the configuration's order.
    case generatePermutation
}
