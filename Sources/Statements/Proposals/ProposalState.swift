/// Where a proposal stands. A proposal starts in `discussion`; `withdrawn`, `adopted`,
/// `rejected` and `archived` are set by ``ProposalStateChange``.
public enum ProposalState: String, CaseIterable, Hashable, Sendable {
    case discussion
    case withdrawn
    case adopted
    case rejected
    case archived
}
