import Audit
import Service
import Statements

/// What the server's own verifier said about a closed round's record.
struct AuditSummary: Sendable {
    struct Check: Sendable {
        let name: String
        let count: Int
    }

    let passed: Bool
    let checks: [Check]
    let failures: [String]
    let facts: [String]
    /// The log size of the checkpoint the record was verified at.
    let size: UInt64

    /// Exports the record of round `id` for `reader`, and verifies it with ``RecordVerifier``.
    static func verify(round id: StatementID, organization: Organization, reader: Member) async throws -> AuditSummary {
        let export = try organization.record(of: id, for: reader)
        var bytes: [UInt8] = []
        try await export.write { bytes += $0 }
        var lines: [[UInt8]] = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map(
            Array.init)
        if lines.last?.isEmpty == true { lines.removeLast() }
        let report = RecordVerifier(threads: 2).verify(lines).report
        return AuditSummary(
            passed: report.passed, checks: report.checks.map { Check(name: $0.name, count: $0.count) },
            failures: report.failures.map { "\($0)" }
                + (report.failureCount > report.failures.count
                    ? ["... and \(report.failureCount - report.failures.count) more"] : []),
            facts: report.facts.map { "\($0.0): \($0.1)" }, size: export.header.checkpoint.checkpoint.size)
    }
}

/// `/audit`: each closed round with the link to download its record and the report of the
/// server's own verifier on that record (the same checks `plenum audit verify` runs).
struct AuditPage {
    struct RoundItem {
        let id: String
        let question: String
        let method: String
        let passed: Bool
        let verdict: String
        let checks: [AuditSummary.Check]
        let failures: [String]
        let hasFailures: Bool
        let facts: [String]
        let size: UInt64
        let error: String?
    }

    let title = "Audit"
    let rounds: [RoundItem]
    let hasRounds: Bool

    static func make(organization: Organization, reader: Member, caches: WebCaches) async throws -> AuditPage {
        let closed = try organization.read { state in
            state.roundOrder.compactMap { state.rounds[$0] }.filter { $0.state == .closed && $0.result != nil }
                .reversed()
                .map { ($0.id, $0.parameters.question, $0.parameters.method) }
        }
        var items: [RoundItem] = []
        for (id, question, method) in closed {
            do {
                let summary: AuditSummary
                if let known = caches.audit(of: id) {
                    summary = known
                } else {
                    summary = try await AuditSummary.verify(round: id, organization: organization, reader: reader)
                    caches.remember(summary, of: id)
                }
                items.append(
                    RoundItem(
                        id: id.hex, question: question, method: method, passed: summary.passed,
                        verdict: summary.passed ? "PASSED" : "FAILED", checks: summary.checks,
                        failures: summary.failures, hasFailures: !summary.failures.isEmpty, facts: summary.facts,
                        size: summary.size, error: nil))
            } catch {
                let message = (error as? ServiceError)?.message ?? "\(error)"
                items.append(
                    RoundItem(
                        id: id.hex, question: question, method: method, passed: false, verdict: "NOT VERIFIED",
                        checks: [], failures: [], hasFailures: false, facts: [], size: 0, error: message))
            }
        }
        return AuditPage(rounds: items, hasRounds: !items.isEmpty)
    }
}
