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
    /// beyond the shared arrays' growth.
    public struct Builder: Sendable {
        public let candidateCount: Int
        private var candidates: [Int32] = []
        private var ranks: [Int32] = []
        private var offsets: [Int] = [0]
        private var weights: [Int64] = []
        private var hasTies = false
        /// Open-addressing table of ballot indexes keyed by the ballot's content hash.
        private var table: [Int32]
        private var hashes: [UInt64] = []
        private var seen: [Int32]
        private var generation: Int32 = 0

        public init(candidateCount: Int) {
            self.candidateCount = candidateCount
            self.table = [Int32](repeating: -1, count: 1024)
            self.seen = [Int32](repeating: 0, count: max(candidateCount, 1))
        }

        /// Adds a strict ranking (most preferred first) cast with `weight`.
        public mutating func add(ranking: some Collection<Int>, weight: Int64) throws(CountingError) {
            try begin(weight: weight)
            var position: Int32 = 0
            for candidate in ranking {
                try append(candidate, rank: position)
                position += 1
            }
            try finish(weight: weight)
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
            try finish(weight: weight)
        }

        private mutating func begin(weight: Int64) throws(CountingError) {
            guard weight > 0 else { throw .invalidBallot("a ballot's weight must be positive, got \(weight)") }
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
            candidates.append(Int32(candidate))
            ranks.append(rank)
        }

        private mutating func rollback() {
            let start = offsets[offsets.count - 1]
            candidates.removeSubrange(start...)
            ranks.removeSubrange(start...)
        }

        /// Ends the ballot being added: merges it into an identical earlier ballot if there is one.
        private mutating func finish(weight: Int64) throws(CountingError) {
            let start = offsets[offsets.count - 1]
            let end = candidates.count
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for entry in start..<end {
                hash = (hash ^ UInt64(UInt32(bitPattern: candidates[entry]))) &* 0x100_0000_01b3
                hash = (hash ^ UInt64(UInt32(bitPattern: ranks[entry]))) &* 0x100_0000_01b3
            }
            hash = (hash ^ UInt64(end - start)) &* 0x100_0000_01b3
            let mask = table.count - 1
            var slot = Int(truncatingIfNeeded: hash) & mask
            while table[slot] >= 0 {
                let other = Int(table[slot])
                if hashes[other] == hash && sameBallot(other, start: start, end: end) {
                    candidates.removeSubrange(start...)
                    ranks.removeSubrange(start...)
                    let (sum, overflow) = weights[other].addingReportingOverflow(weight)
                    guard !overflow else { throw .invalidBallot("total ballot weight overflows 64 bits") }
                    weights[other] = sum
                    return
                }
                slot = (slot + 1) & mask
            }
            table[slot] = Int32(weights.count)
            hashes.append(hash)
            weights.append(weight)
            offsets.append(end)
            if weights.count * 2 > table.count { grow() }
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

        private mutating func grow() {
            table = [Int32](repeating: -1, count: table.count * 2)
            let mask = table.count - 1
            for (index, hash) in hashes.enumerated() {
                var slot = Int(truncatingIfNeeded: hash) & mask
                while table[slot] >= 0 { slot = (slot + 1) & mask }
                table[slot] = Int32(index)
            }
        }

        /// The profile of everything added.
        public func build() -> RankedProfile {
            RankedProfile(
                candidateCount: candidateCount, candidates: candidates, ranks: ranks, offsets: offsets,
                weights: weights, hasTies: hasTies)
        }
    }
}
