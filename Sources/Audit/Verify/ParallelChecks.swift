import Foundation
import Ledger
import Statements
import Synchronization

/// Worker threads that run ``ParsedStatement``'s checks on chunks of statement lines, a block
/// of lines at a time, taking the blocks in the order they were queued.
///
/// Every chunk is split into blocks queued behind those of the chunks before it, so the workers
/// start on the next chunk the moment they run out of blocks of the current one: no core waits
/// for the slowest block of a chunk, and chunks still finish in log order (the order the
/// sequential stage applies them in).
final class ParallelChecks: @unchecked Sendable {
    /// One chunk's lines and, once its blocks are done, their results.
    final class Chunk: @unchecked Sendable {
        /// The lines; handed back by ``drain(_:)`` once every block is done, for the next chunk.
        fileprivate private(set) var batch: LineBatch
        /// Initialized block by block by the workers; read once every block is done.
        fileprivate let results: UnsafeMutablePointer<CheckedStatement>
        fileprivate let remaining: Atomic<Int>
        /// How many lines the chunk has (its batch is handed back before the chunk is freed).
        private let count: Int
        private let done = DispatchSemaphore(value: 0)
        private var consumed = false

        fileprivate init(batch: LineBatch, blocks: Int) {
            self.batch = batch
            self.count = batch.count
            self.results = .allocate(capacity: batch.count)
            self.remaining = Atomic(blocks)
        }

        fileprivate func blockDone() {
            if remaining.subtract(1, ordering: .acquiringAndReleasing).newValue == 0 { done.signal() }
        }

        /// Waits until every line is checked, then hands each result to `body` in order (moved
        /// out, not copied: a chunk's results are read once). Returns the chunk's lines, which
        /// no worker reads any more, so that their buffers serve the next chunk (a chunk is
        /// megabytes: fresh memory for each costs page faults).
        func drain(_ body: (consuming CheckedStatement) -> Void) -> LineBatch {
            done.wait()
            precondition(!consumed, "a chunk's results are read once")
            consumed = true
            for index in 0..<count { body((results + index).move()) }
            var lines = LineBatch()
            swap(&lines, &batch)
            return lines
        }

        deinit {
            // Workers drain every queued block before they exit, so a released chunk is complete;
            // its results are still here unless ``drain(_:)`` moved them out.
            if !consumed && remaining.load(ordering: .acquiring) == 0 { results.deinitialize(count: count) }
            results.deallocate()
        }
    }

    private let header: RecordHeader
    private let block: Int
    private let condition = NSCondition()
    /// Queued blocks: a chunk and the range of its lines; `head` is the next to take (those
    /// before it are nil, so a chunk is not kept once its blocks are taken).
    private var queue: [(chunk: Chunk, lines: Range<Int>)?] = []
    private var head = 0
    private var closed = false
    private let exited = DispatchGroup()
    /// The rules of the record's round once the sequential stage has applied its open: a block
    /// started after that checks its ballots' choices on its worker (those checked before are
    /// checked in the sequential stage).
    private let round = Mutex<BallotCheck?>(nil)

    /// Starts `threads` workers checking blocks of `block` lines of a record with `header`.
    init(threads: Int, block: Int, header: RecordHeader) {
        self.header = header
        self.block = max(1, block)
        for _ in 0..<max(1, threads) {
            exited.enter()
            let worker = Thread { [self] in
                work()
                exited.leave()
            }
            worker.stackSize = 1 << 22
            worker.start()
        }
    }

    /// Queues the lines of `batch` for checking.
    func submit(_ batch: LineBatch) -> Chunk {
        let blocks = max(1, (batch.count + block - 1) / block)
        let chunk = Chunk(batch: batch, blocks: blocks)
        condition.lock()
        if head > 1024 {
            queue.removeFirst(head)
            head = 0
        }
        for number in 0..<blocks {
            queue.append((chunk, (number * block)..<min(batch.count, (number + 1) * block)))
        }
        condition.broadcast()
        condition.unlock()
        return chunk
    }

    /// Hands the workers the record round's rules, which the sequential stage has from the
    /// round's open (set once: a record has one open of its round).
    func share(round rules: BallotCheck) {
        round.withLock { $0 = rules }
    }

    /// Stops the workers once the queued blocks are done, and waits for them to exit.
    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
        exited.wait()
    }

    private func work() {
        let checkpoint = header.checkpoint.checkpoint
        let context = VerificationContext(organization: header.organization, now: 0, window: nil)
        // Kept for the whole record: a block is contiguous, so its proofs meet the nodes its
        // first proof proved, and nodes proven for earlier blocks stay proven.
        var memo = InclusionMemo(size: checkpoint.size, root: checkpoint.root)
        // A block's lines between the two passes, in one buffer kept for the whole record.
        let parsed = UnsafeMutablePointer<ParsedStatement>.allocate(capacity: block)
        defer { parsed.deallocate() }
        // The block's log entries, decoded one after another into one buffer that keeps its
        // capacity from block to block.
        var entries: [UInt8] = []
        entries.reserveCapacity(block * 512)
        while let (chunk, range) = next() {
            let round = self.round.withLock { $0 }
            entries.removeAll(keepingCapacity: true)
            chunk.batch.bytes.withUnsafeBufferPointer { bytes in
                for (offset, index) in range.enumerated() {
                    let line = chunk.batch.lines[index]
                    (parsed + offset).initialize(
                        to: ParsedStatement(
                            line: line.number, bytes: UnsafeBufferPointer(rebasing: bytes[line.range]), header: header,
                            round: round, memo: &memo, entries: &entries))
                }
            }
            // The block's signatures in one tight loop, after its parsing.
            entries.withUnsafeBytes { entries in
                for (offset, index) in range.enumerated() {
                    (chunk.results + index).initialize(
                        to: (parsed + offset).move().checked(
                            context: context, round: round, recordRound: header.round, entries: entries))
                }
            }
            chunk.blockDone()
        }
    }

    /// The next queued block, waiting for one; nil once closed and drained.
    private func next() -> (Chunk, Range<Int>)? {
        condition.lock()
        defer { condition.unlock() }
        while head == queue.count {
            if closed { return nil }
            condition.wait()
        }
        let taken = queue[head]
        queue[head] = nil
        head += 1
        return taken
    }
}
