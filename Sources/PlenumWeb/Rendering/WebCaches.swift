import Service
import Statements
import Synchronization

/// What the pages compute once and keep: the count of a closed round (it never changes) and the
/// verifier's report on a closed round's record. Open rounds are counted afresh on every view.
final class WebCaches: Sendable {
    private let counts = Mutex<[StatementID: RoundCount]>([:])
    private let audits = Mutex<[StatementID: AuditSummary]>([:])

    /// The count of `round`'s current ballots, as the close counts them.
    func count(of round: Round) -> RoundCount {
        guard round.state == .closed else { return RoundTally.count(round) }
        if let known = counts.withLock({ $0[round.id] }) { return known }
        let count = RoundTally.count(round)
        counts.withLock { $0[round.id] = count }
        return count
    }

    /// The verifier's report on the record of the closed round `id`, if made before.
    func audit(of id: StatementID) -> AuditSummary? { audits.withLock { $0[id] } }

    func remember(_ summary: AuditSummary, of id: StatementID) { audits.withLock { $0[id] = summary } }
}
