import Ledger
import Sodium
import Statements

/// Checks two records of the same log against each other: the older record's log must be a
/// prefix of the newer's (a consistency proof in the newer record from the older's size), and
/// every statement both records hold at the same leaf must be byte for byte the same.
public enum RecordComparison {
    /// Compares the verified `newer` record (and its statement lines) with `older`'s.
    public static func compare<Lines: Sequence, OlderLines: Sequence>(
        newer: RecordVerifier.Result, newerLines: Lines, older: RecordVerifier.Result, olderLines: OlderLines
    ) -> AuditReport where Lines.Element == [UInt8], OlderLines.Element == [UInt8] {
        var report = AuditReport()
        guard let newHeader = newer.header, let oldHeader = older.header else {
            report.fail(AuditFailure("bad_line", "a record's header does not parse"))
            return report
        }
        guard newHeader.origin == oldHeader.origin, newHeader.logKey == oldHeader.logKey else {
            report.fail(AuditFailure("other_log", "the two records are of different logs (origin or log key)"))
            return report
        }
        let old = oldHeader.checkpoint.checkpoint
        let new = newHeader.checkpoint.checkpoint
        if old.size > new.size {
            report.fail(
                AuditFailure(
                    "not_a_prefix", "the older record's log has \(old.size) entries, the newer only \(new.size)"))
        } else if old.size == new.size {
            if old.root == new.root {
                report.count("checkpoints compared (same size, same root)")
            } else {
                report.fail(AuditFailure("not_a_prefix", "the same log size with two different roots"))
            }
        } else if let proof = newer.consistencyProofs.first(where: { $0.oldSize == old.size && $0.newSize == new.size })
        {
            do {
                try proof.verify(oldRoot: old.root, newRoot: new.root)
                report.count("consistency proofs (older record checkpoint to newer)")
            } catch {
                report.fail(
                    AuditFailure("not_a_prefix", "the older record's log is not a prefix of the newer's: \(error)"))
            }
        } else {
            report.fail(
                AuditFailure(
                    "no_consistency_proof",
                    "the newer record has no consistency proof from size \(old.size); export it with --since \(old.size)"
                ))
        }

        // Statements at the same leaf must be identical; the newer record of the same round
        // must hold every statement of the older.
        let sameRound = newHeader.round == oldHeader.round
        var newEntries = statementEntries(newerLines).makeIterator()
        var pendingNew = newEntries.next()
        for (leaf, entry) in statementEntries(olderLines) {
            while let current = pendingNew, current.leaf < leaf { pendingNew = newEntries.next() }
            if let current = pendingNew, current.leaf == leaf {
                if current.entry == entry {
                    report.count("statements identical in both records")
                } else {
                    report.fail(
                        AuditFailure("rewritten_statement", "leaf \(leaf) differs between the records", leaf: leaf))
                }
            } else if sameRound {
                report.fail(
                    AuditFailure(
                        "missing_statement", "leaf \(leaf) of the older record is not in the newer", leaf: leaf))
            }
        }
        return report
    }

    /// The (leaf, entry) of every statement line, in record order.
    private static func statementEntries<Lines: Sequence>(_ lines: Lines) -> [(leaf: UInt64, entry: [UInt8])]
    where Lines.Element == [UInt8] {
        lines.compactMap { bytes in
            guard case .statement(let leaf, let statement, _)? = try? RecordLine(parsing: bytes) else { return nil }
            return (leaf, statement.logEntry)
        }
    }
}
