/// When a round's running tally may be shown: `live` while the round is open, or `hidden`
/// until the result certificate is published.
public enum Visibility: String, CaseIterable, Hashable, Sendable {
    case live
    case hidden
}
