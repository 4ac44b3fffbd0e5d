import Foundation
import Ledger
import Sodium
import Statements

/// Verifies a `plenum-record-v1` record (docs/audit-record.md) as it streams by: statement
/// lines are checked in chunks on every core (inclusion proof, signature, payload), then
/// applied in log order (membership, electorate, ballots, close, certificate), and the round
/// is recounted at the end. Memory grows with the number of voters, not the record's size.
public struct RecordVerifier: Sendable {
    /// How many threads check statements in parallel.
    public var threads: Int
    /// How many statement lines are checked per parallel chunk, at most: a chunk also ends
    /// with the block the record was read into, of `chunk` KiB (about that many lines of
    /// ballots, which are a kilobyte or two each).
    ///
    /// Small by default (1 MiB blocks) so that the lines a worker reads were written by `read(2)`
    /// recently enough to still be in the cache the cores share: with `ahead` chunks in flight,
    /// blocks of 8 MiB kept 40 MiB between the reader and the workers, more than the 32 MiB
    /// shared cache of the machine the benchmark ran on, and cost 11 % more CPU outside
    /// libsodium there (docs/performance.md).
    public var chunk: Int
    /// How many lines of a chunk one thread takes at a time.
    public var block: Int
    /// How many chunks may be checked ahead of the one being applied in log order, so that a
    /// long step of the sequential stage (a round's open freezes the whole electorate) does not
    /// leave the cores idle.
    public var ahead: Int

    public init(
        threads: Int = ProcessInfo.processInfo.activeProcessorCount, chunk: Int = 1024, block: Int = 1024,
        ahead: Int = 8
    ) {
        self.threads = max(1, threads)
        self.chunk = max(1, chunk)
        self.block = max(1, block)
        self.ahead = max(1, ahead)
    }

    /// What a verification found, and what a comparison with another record needs.
    public struct Result: Sendable {
        public var report: AuditReport
        /// The header, if it parsed.
        public var header: RecordHeader?
        /// Every consistency proof in the record.
        public var consistencyProofs: [ConsistencyProof]
        /// How many blocks were read in place into the buffer of an applied chunk's block.
        var reusedBuffers = 0
    }

    /// Verifies the record whose lines (without newlines) `lines` yields.
    public func verify<Lines: Sequence>(_ lines: Lines) -> Result where Lines.Element == [UInt8] {
        var source = RecordLineArrays(lines.makeIterator())
        return verify(source: &source)
    }

    /// Verifies the record whose bytes `source` reads. Statement lines stay in the blocks they
    /// were read into until their chunk is applied: nothing is copied per line.
    public func verify(source: inout some RecordByteSource) -> Result {
        var report = AuditReport()
        var lines = RecordLines(blockSize: chunk * 1024)
        guard let first = lines.next(from: &source) else {
            report.fail(AuditFailure("bad_line", "the record is empty"))
            return Result(report: report, header: nil, consistencyProofs: [])
        }
        guard case .header(let header)? = try? RecordLine(parsing: Array(lines.bytes[first])) else {
            report.fail(AuditFailure("bad_line", "the first line is not a plenum-record-v1 header", line: 1))
            return Result(report: report, header: nil, consistencyProofs: [])
        }
        checkHeader(header, into: &report)

        var audit = RoundAudit(header: header)
        var lineNumber = 1
        var proofs: [ConsistencyProof] = []
        var end: (line: Int, count: Int)?
        // Chunks in flight: while the workers check the next chunks on every core, this thread
        // applies the oldest in log order, so the sequential stage does not leave the cores idle.
        let checks = ParallelChecks(threads: threads, block: block, header: header)
        defer { checks.close() }
        var inFlight: [ParallelChecks.Chunk] = []
        // The batches of applied chunks, whose room for lines the next chunks take.
        var spare: [LineBatch] = []
        // The statement lines gathered for the next chunk, all from the block being read.
        var pending = LineBatch(of: lines.bytes, reservingLines: min(chunk, 1 << 16))
        var pendingBlock = lines.block
        var roundShared = false
        func finishOldest() {
            var batch = inFlight.removeFirst().drain { audit.apply($0, into: &report) }
            if batch.endsBlock { lines.recycle(batch.takeBytes()) }
            batch.reset(of: [])
            spare.append(batch)
            // Once the round's open is applied, the workers check ballots' choices themselves,
            // including those of the chunks already queued.
            if !roundShared, let rules = audit.ballotCheck {
                checks.share(round: rules)
                roundShared = true
            }
        }
        /// Queues the pending lines (the last of their block's if `endsBlock`), and with `final`
        /// applies every chunk in flight.
        func flush(endsBlock: Bool, final: Bool) {
            if !pending.isEmpty {
                pending.endsBlock = endsBlock
                inFlight.append(checks.submit(pending))
                pending = spare.popLast() ?? LineBatch(of: [], reservingLines: min(chunk, 1 << 16))
                pending.reset(of: lines.bytes)
                if inFlight.count > ahead { finishOldest() }
            }
            if final { while !inFlight.isEmpty { finishOldest() } }
        }
        while let range = lines.next(from: &source) {
            lineNumber += 1
            if lines.block != pendingBlock {
                // The pending lines were the last of their block.
                flush(endsBlock: true, final: false)
                pending.reset(of: lines.bytes)
                pendingBlock = lines.block
            }
            if end != nil {
                report.fail(AuditFailure("bad_order", "a line after the end line", line: lineNumber))
                continue
            }
            // Statement lines are parsed by the parallel checks; canonical JSON starts them with
            // "entry", and any other line is parsed here first.
            let parsed =
                isStatementLine(lines.bytes, range) ? nil : try? RecordLine(parsing: Array(lines.bytes[range]))
            let isStatement: Bool
            if case .statement? = parsed { isStatement = true } else { isStatement = parsed == nil }
            if isStatement {
                if proofs.isEmpty {
                    pending.append(number: lineNumber, range: range)
                    if pending.count >= chunk { flush(endsBlock: false, final: false) }
                } else {
                    report.fail(
                        AuditFailure("bad_order", "a statement line after the consistency proofs", line: lineNumber))
                }
                continue
            }
            flush(endsBlock: false, final: true)
            switch parsed {
            case .consistency(let proof)?: proofs.append(proof)
            case .end(let count)?: end = (lineNumber, count)
            case .header?: report.fail(AuditFailure("bad_order", "a second header", line: lineNumber))
            case .statement?, nil: break
            }
        }
        // The last block's buffer is not handed back: nothing more is read.
        flush(endsBlock: false, final: true)
        if let end {
            if end.count != audit.statements {
                report.fail(
                    AuditFailure(
                        "end_count",
                        "the end line counts \(end.count) statements; the record holds \(audit.statements)",
                        line: end.line))
            }
        } else {
            report.fail(AuditFailure("missing_end", "the record has no end line: it may be truncated"))
        }
        let certificateSize = audit.result.map { UInt64($0.payload.checkpoint.size) }
        let fromCertificate = proofs.first { $0.oldSize == certificateSize } ?? proofs.first
        audit.reportCounts(into: &report)
        audit.finish(consistency: fromCertificate, into: &report)
        return Result(
            report: report, header: header, consistencyProofs: proofs, reusedBuffers: lines.reusedBuffers)
    }

    private func checkHeader(_ header: RecordHeader, into report: inout AuditReport) {
        let checkpoint = header.checkpoint
        if checkpoint.checkpoint.origin != header.origin {
            report.fail(
                AuditFailure(
                    "checkpoint_origin",
                    "the record checkpoint is for origin \(checkpoint.checkpoint.origin), not \(header.origin)", line: 1
                ))
        }
        do {
            try checkpoint.verify(logKey: header.logKey, origin: checkpoint.checkpoint.origin)
            report.count("checkpoint signatures")
        } catch {
            report.fail(
                AuditFailure(
                    "checkpoint_signature", "the record checkpoint is not signed by the log key: \(error)", line: 1))
        }
        report.note("organization", header.organization)
        report.note("log", "\(header.origin), \(checkpoint.checkpoint.size) entries, key \(header.logKey.base64url)")
    }

    /// Whether the line at `range` in `bytes` is a statement line, judged by its start
    /// (canonical JSON puts `entry` first).
    private func isStatementLine(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        bytes[range].starts(with: Self.statementLineStart)
    }

    private static let statementLineStart = Array(#"{"entry":"#.utf8)
}
