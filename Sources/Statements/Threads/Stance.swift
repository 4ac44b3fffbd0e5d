/// The position a comment takes on its proposal.
public enum Stance: String, CaseIterable, Hashable, Sendable {
    case `for`
    case against
    case question
    case neutral
}
