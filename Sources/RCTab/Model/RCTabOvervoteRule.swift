/// What RCTab does when a ballot's current rank holds more than one candidate (or the overvote
/// marker): the values of `rules.overvoteRule`.
public enum RCTabOvervoteRule: String, CaseIterable, Sendable {
    /// The ballot becomes inactive (counted under `overvotes`) at the overvoted rank.
    case exhaustImmediately
    /// The overvoted rank is ignored and the next rank is read.
    case alwaysSkipToNextRank
    /// Inactive if two or more of the overvoted candidates are still continuing; the vote goes to
    /// the one if exactly one is; the next rank is read if none is.
    case exhaustIfMultipleContinuing
}
