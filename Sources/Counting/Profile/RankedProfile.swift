/// Ranked ballots (orderings of candidates, possibly with equal ranks and unranked candidates),
/// with identical ballots merged into one weighted ballot.
///
/// Storage is flat (one array of candidate indexes and one of rank positions for all ballots),
/// so a million ballots are a handful of arrays, and a count loops over them without allocating.
/// Ballot `b` is `candidates[offsets[b] ..< offsets[b + 1]]`; `ranks` gives each entry's rank
/// position (0 for the first preference, entries with the same position are tied), and is
/// non-decreasing within a ballot. A candidate appears at most once per ballot.
public struct RankedProfile: Sendable, Equatable {
    /// The number of candidates; indexes are `0 ..< candidateCount`.
    public let candidateCount: Int
    /// Candidate indexes of every ballot, one after the other.
    public let candidates: [Int32]
    /// The rank position of each entry of ``candidates``.
    public let ranks: [Int32]
    /// Where each ballot starts in ``candidates``; one more element than there are ballots.
    public let offsets: [Int]
    /// How many voters cast each ballot (or their summed vote weight).
    public let weights: [Int64]
    /// Whether any ballot has two candidates at the same rank position.
    public let hasTies: Bool

    /// The number of distinct ballots.
    public var ballotCount: Int { weights.count }

    /// The total weight of all ballots (the number of voters when every weight is 1).
    public var totalWeight: Int64 { weights.reduce(0, +) }

    /// The entries of ballot `index`, as a range into ``candidates`` and ``ranks``.
    @inlinable
    public func range(of index: Int) -> Range<Int> { offsets[index]..<offsets[index + 1] }

    /// The ballot `index` as groups of tied candidates, most preferred first (for display and
    /// tests, not for counting loops).
    public func groups(of index: Int) -> [[Int]] {
        var groups: [[Int]] = []
        var lastRank: Int32 = -1
        for entry in range(of: index) {
            if ranks[entry] != lastRank {
                groups.append([])
                lastRank = ranks[entry]
            }
            groups[groups.count - 1].append(Int(candidates[entry]))
        }
        return groups
    }

    init(candidateCount: Int, candidates: [Int32], ranks: [Int32], offsets: [Int], weights: [Int64], hasTies: Bool) {
        self.candidateCount = candidateCount
        self.candidates = candidates
        self.ranks = ranks
        self.offsets = offsets
        self.weights = weights
        self.hasTies = hasTies
    }

    /// A profile from ballots given as groups of tied candidates, each with a weight; identical
    /// ballots are merged.
    public init(candidateCount: Int, ballots: [(groups: [[Int]], weight: Int64)]) throws(CountingError) {
        var builder = Builder(candidateCount: candidateCount)
        for ballot in ballots { try builder.add(groups: ballot.groups, weight: ballot.weight) }
        self = builder.build()
    }

    /// A profile from strict rankings (no ties), each cast by one voter.
    public init(candidateCount: Int, rankings: [[Int]]) throws(CountingError) {
        var builder = Builder(candidateCount: candidateCount)
        for ranking in rankings { try builder.add(ranking: ranking, weight: 1) }
        self = builder.build()
    }
}

extension RankedProfile {
    /// Collects ballots one at a time and merges identical ones, with no allocation per ballot
    /// beyond the shared arrays' growth (none at all within ``reserveCapacity(ballots:entries:)``).
    ///
    /// A ballot is added whole (``add(ranking:weight:)``, ``add(groups:weight:)``) or entry by
    /// entry: ``beginBallot()``, ``append(candidate:rank:)`` for each entry, then
    /// ``endBallot(weight:)`` (which merges a repeat into the earlier ballot) or
    /// ``endDistinctBallot(weight:)`` (which reports a repeat instead). A throw drops the ballot
    /// being added; the ballots added before it stay as they were.
    public struct Builder: Sendable {
        public let candidateCount: Int
        private var candidates: [Int32] = []
        private var ranks: [Int32] = []
        private var offsets: [Int] = [0]
        private var weights: [Int64] = []
        private var hasTies = false
        /// Open-addressing table keyed by the ballot's content hash: 0 for an empty slot, else the
        /// hash's high 32 bits (to skip most comparisons without reading the ballot) above the
        /// ballot's index plus one (32 bits: more ballots than that could not be held in memory).
        private var table: [UInt64]
        private var seen: [Int32]
        private var generation: Int32 = 0
        /// Whether a ballot is being entered entry by entry, and whether it has tied entries.
        private var open = false
        private var openHasTies = false

        public init(candidateCount: Int) {
            self.candidateCount = candidateCount
            self.table = [UInt64](repeating: 0, count: 1024)
            self.seen = [Int32](repeating: 0, count: max(candidateCount, 1))
        }

        /// The number of distinct ballots so far; ballot `i` is the `i`-th distinct one added.
        public var ballotCount: Int { weights.count }

        /// Makes room for `ballots` distinct ballots with `entries` entries in all, so that adding
        /// them allocates nothing more (and the profile holds no spare capacity when the numbers
        /// are exact).
        public mutating func reserveCapacity(ballots: Int, entries: Int) {
            let ballots = min(max(ballots, 0), Int(Int32.max) / 4)
            candidates.reserveCapacity(max(entries, 0))
            ranks.reserveCapacity(max(entries, 0))
            offsets.reserveCapacity(ballots + 1)
            weights.reserveCapacity(ballots)
            var size = table.count
            while size < ballots * 2 { size *= 2 }
            if size > table.count { rehash(size: size) }
        }

        /// Adds a strict ranking (most preferred first) cast with `weight`.
        public mutating func add(ranking: some Collection<Int>, weight: Int64) throws(CountingError) {
            try begin(weight: weight)
            var position: Int32 = 0
            for candidate in ranking {
                try append(candidate, rank: position)
                position += 1
            }
            _ = try finish(weight: weight, merging: true)
        }

        /// Adds a ballot given as groups of tied candidates (most preferred group first).
        public mutating func add(groups: [[Int]], weight: Int64) throws(CountingError) {
            try begin(weight: weight)
            var position: Int32 = 0
            for group in groups where !group.isEmpty {
                if group.count > 1 { hasTies = true }
                for candidate in group { try append(candidate, rank: position) }
                position += 1
            }
            _ = try finish(weight: weight, merging: true)
        }

        /// Starts a ballot to be entered with ``append(candidate:rank:)`` (dropping any ballot begun
        /// and not ended).
        public mutating func beginBallot() {
            rollback()
            nextGeneration()
            open = true
            openHasTies = false
        }

        /// Appends `candidate` at rank position `rank` to the ballot being entered (starting one if
        /// none is). Positions start at 0 and do not decrease within a ballot; equal positions are
        /// tied. They are stored as given: number them 0, 1, 2, ... (as ``add(groups:weight:)``
        /// does) and list tied candidates in one order (say, by index) so that equal ballots merge.
        public mutating func append(candidate: Int, rank: Int32) throws(CountingError) {
            if !open { beginBallot() }
            if candidates.count > offsets[offsets.count - 1] {
                let previous = ranks[ranks.count - 1]
                guard rank >= previous else {
                    abandon()
                    throw .invalidBallot("rank position \(rank) follows \(previous); positions cannot decrease")
                }
                if rank == previous { openHasTies = true }
            } else if rank < 0 {
                abandon()
                throw .invalidBallot("rank position \(rank) is negative")
            }
            do { try append(candidate, rank: rank) } catch {
                open = false
                throw error
            }
        }

        /// Ends the ballot being entered (an empty one if none was begun), cast with `weight`: it
        /// is merged into an identical earlier ballot if there is one (the result is then true),
        /// else stored as a new ballot.
        @discardableResult
        public mutating func endBallot(weight: Int64) throws(CountingError) -> Bool {
            try close(weight: weight, merging: true) != nil
        }

        /// Ends the ballot being entered (an empty one if none was begun), cast with `weight`,
        /// unless it repeats an earlier ballot: then it is dropped (the earlier ballot's weight is
        /// unchanged) and the result is the earlier ballot's index; nil when it is stored.
        public mutating func endDistinctBallot(weight: Int64) throws(CountingError) -> Int? {
            try close(weight: weight, merging: false)
        }

        private mutating func close(weight: Int64, merging: Bool) throws(CountingError) -> Int? {
            if !open { beginBallot() }
            open = false
            guard weight > 0 else {
                rollback()
                throw .invalidBallot("a ballot's weight must be positive, got \(weight)")
            }
            let earlier = try finish(weight: weight, merging: merging)
            if openHasTies { hasTies = true }
            return earlier
        }

        private mutating func begin(weight: Int64) throws(CountingError) {
            rollback()
            open = false
            guard weight > 0 else { throw .invalidBallot("a ballot's weight must be positive, got \(weight)") }
            nextGeneration()
        }

        private mutating func nextGeneration() {
            generation &+= 1
            if generation == Int32.max {
                seen = [Int32](repeating: 0, count: seen.count)
                generation = 1
            }
        }

        private mutating func append(_ candidate: Int, rank: Int32) throws(CountingError) {
            guard candidate >= 0 && candidate < candidateCount else {
                rollback()
                throw .invalidBallot("candidate \(candidate + 1) does not exist (there are \(candidateCount))")
            }
            guard seen[candidate] != generation else {
                rollback()
                throw .invalidBallot("candidate \(candidate + 1) appears twice on one ballot")
            }
            seen[candidate] = generation
            candidates.append(Int32(truncatingIfNeeded: candidate))
            ranks.append(rank)
        }

        private mutating func abandon() {
            rollback()
            open = false
        }

        /// Drops the entries of a ballot not yet ended.
        private mutating func rollback() {
            let pending = candidates.count - offsets[offsets.count - 1]
            if pending > 0 {
                candidates.removeLast(pending)
                ranks.removeLast(pending)
            }
        }

        /// Ends the ballot being added: merges it into an identical earlier ballot if there is one
        /// (or, when not `merging`, drops it), returning that ballot's index; nil when it is new.
        private mutating func finish(weight: Int64, merging: Bool) throws(CountingError) -> Int? {
            let start = offsets[offsets.count - 1]
            let end = candidates.count
            let hash = self.hash(start: start, end: end)
            let tag = hash & 0xFFFF_FFFF_0000_0000
            let mask = table.count - 1
            var slot = Int(truncatingIfNeeded: hash) & mask
            while table[slot] != 0 {
                let other = Int(truncatingIfNeeded: table[slot] & 0xFFFF_FFFF) - 1
                if table[slot] & 0xFFFF_FFFF_0000_0000 == tag && sameBallot(other, start: start, end: end) {
                    rollback()
                    guard merging else { return other }
                    let (sum, overflow) = weights[other].addingReportingOverflow(weight)
                    guard !overflow else { throw .invalidBallot("total ballot weight overflows 64 bits") }
                    weights[other] = sum
                    return other
                }
                slot = (slot + 1) & mask
            }
            table[slot] = tag | UInt64(weights.count + 1)
            weights.append(weight)
            offsets.append(end)
            if weights.count * 2 > table.count { rehash(size: table.count * 2) }
            return nil
        }

        /// A hash of the entries `start ..< end`: each entry's candidate and rank as one word, mixed
        /// in with a multiply and a shift so that the low bits (the table slot) depend on all of it.
        private func hash(start: Int, end: Int) -> UInt64 {
            var hash = 0x9E37_79B9_7F4A_7C15 ^ UInt64(end - start)
            for entry in start..<end {
                let word =
                    UInt64(UInt32(bitPattern: candidates[entry])) | UInt64(UInt32(bitPattern: ranks[entry])) << 32
                hash = (hash ^ word) &* 0xBF58_476D_1CE4_E5B9
                hash ^= hash >> 31
            }
            return hash
        }

        private func sameBallot(_ other: Int, start: Int, end: Int) -> Bool {
            let otherStart = offsets[other]
            let otherEnd = offsets[other + 1]
            guard otherEnd - otherStart == end - start else { return false }
            var a = otherStart
            var b = start
            while b < end {
                if candidates[a] != candidates[b] || ranks[a] != ranks[b] { return false }
                a += 1
                b += 1
            }
            return true
        }

        /// Rebuilds the table with `size` slots (a power of two), hashing every ballot again.
        private mutating func rehash(size: Int) {
            table = [UInt64](repeating: 0, count: size)
            let mask = size - 1
            for index in 0..<weights.count {
                let hash = self.hash(start: offsets[index], end: offsets[index + 1])
                var slot = Int(truncatingIfNeeded: hash) & mask
                while table[slot] != 0 { slot = (slot + 1) & mask }
                table[slot] = hash & 0xFFFF_FFFF_0000_0000 | UInt64(index + 1)
            }
        }

        /// The profile of everything added (a ballot begun and not ended is left out).
        public func build() -> RankedProfile {
            let stored = offsets[offsets.count - 1]
            if candidates.count == stored {
                return RankedProfile(
                    candidateCount: candidateCount, candidates: candidates, ranks: ranks, offsets: offsets,
                    weights: weights, hasTies: hasTies)
            }
            return RankedProfile(
                candidateCount: candidateCount, candidates: Array(candidates[..<stored]),
                ranks: Array(ranks[..<stored]), offsets: offsets, weights: weights, hasTies: hasTies)
        }
    }
}
