/// The state of one instant-runoff count: who is placed, each ballot's position, the rounds so
/// far. Per-ballot state is one array made once; each round is one pass over the ballots.
struct RunoffCount {
    let rules: InstantRunoff
    let profile: RankedProfile
    let tieBreak: TieBreakOrder
    let n: Int
    let totalWeight: Int64
    /// Candidates elected or eliminated (no longer continuing).
    var placed: [Bool]
    var continuing: Int
    /// `cursor[b]`: every entry of ballot `b` before it names a placed candidate.
    var cursor: [Int]
    /// Whole votes, and votes split `k` ways (`split[c * n + k]` is the weight of ballots giving
    /// `c` a `1/k` share), for the round being counted.
    var whole: [Int64]
    var split: [Int64]
    /// Whether any ballot was split in the round being counted.
    var anySplit = false
    var history: [[Rational]] = []
    var top: [[Int]] = []
    var bottom: [[Int]] = []
    var winner: Int?
    var rounds: [TraceRound] = []
    var ties: [TieResolution] = []
    var pairwise: PairwiseMatrix?

    init(rules: InstantRunoff, profile: RankedProfile, tieBreak: TieBreakOrder) throws(CountingError) {
        self.rules = rules
        self.profile = profile
        self.tieBreak = tieBreak
        n = profile.candidateCount
        totalWeight = try profile.checkedTotalWeight(factor: 2)
        placed = [Bool](repeating: false, count: n)
        continuing = n
        cursor = Array(profile.offsets.dropLast())
        whole = [Int64](repeating: 0, count: n)
        split = [Int64](repeating: 0, count: n * (n + 1))
    }

    mutating func run() {
        var previous: (removed: [Int], tallies: [Rational], exhausted: Int64)? = nil
        while continuing > 0 {
            let number = rounds.count + 1
            let exhausted = tally()
            let tallies = (0..<n).map { placed[$0] ? Rational.zero : tallyOf($0) }
            history.append(tallies)
            let active = (0..<n).filter { !placed[$0] }
            let base = rules.majority == .continuingVotes ? totalWeight - exhausted : totalWeight
            var round = TraceRound(
                number: number, label: winner == nil ? nil : "ranking below the winner",
                tallies: active.map { CandidateTally(candidate: $0, votes: TraceNumber(tallies[$0])) },
                exhausted: TraceNumber(exhausted), threshold: TraceNumber(Rational(.init(base), 2)))
            if let previous, previous.removed.count == 1 {
                round.transfers = transfers(
                    from: previous.removed[0], previous.tallies, previous.exhausted,
                    to: tallies, exhausted, active: active)
            }
            let best = active.max { tallies[$0] < tallies[$1] }!
            let removed: [Int]
            if active.count == 1 {
                removed = [best]
                placeTop(best, in: &round, reason: "last continuing candidate")
            } else if tallies[best] * Rational(2) > Rational(.init(base)) {
                removed = [best]
                let of = rules.majority == .continuingVotes ? "the continuing votes" : "all ballots"
                placeTop(best, in: &round, reason: "more than half of \(of)")
            } else {
                removed = eliminate(active: active, tallies: tallies, round: number, in: &round)
            }
            rounds.append(round)
            previous = (removed, tallies, exhausted)
        }
    }

    /// Counts the round: fills `whole` and `split`, moves cursors past placed candidates, and
    /// returns the exhausted weight.
    private mutating func tally() -> Int64 {
        let n = self.n
        let skipGroups = rules.equalRanks == .skipGroup
        var exhausted: Int64 = 0
        for index in whole.indices { whole[index] = 0 }
        if anySplit {
            for index in split.indices { split[index] = 0 }
        }
        var splitSeen = false
        placed.withUnsafeBufferPointer { placed in
            cursor.withUnsafeMutableBufferPointer { cursor in
                whole.withUnsafeMutableBufferPointer { whole in
                    split.withUnsafeMutableBufferPointer { split in
                        profile.candidates.withUnsafeBufferPointer { candidates in
                            profile.ranks.withUnsafeBufferPointer { ranks in
                                profile.offsets.withUnsafeBufferPointer { offsets in
                                    profile.weights.withUnsafeBufferPointer { weights in
                                        for ballot in 0..<weights.count {
                                            let weight = weights[ballot]
                                            let end = offsets[ballot + 1]
                                            var entry = cursor[ballot]
                                            while entry < end && placed[Int(candidates[entry])] { entry += 1 }
                                            cursor[ballot] = entry
                                            var counted = false
                                            while entry < end && !counted {
                                                // The rank group holding `entry`, and its continuing members.
                                                let rank = ranks[entry]
                                                var groupEnd = entry
                                                var live = 0
                                                var first = 0
                                                while groupEnd < end && ranks[groupEnd] == rank {
                                                    let candidate = Int(candidates[groupEnd])
                                                    if !placed[candidate] {
                                                        if live == 0 { first = candidate }
                                                        live += 1
                                                    }
                                                    groupEnd += 1
                                                }
                                                let groupStart = entry
                                                entry = groupEnd
                                                if live == 0 { continue }
                                                if skipGroups
                                                    && (groupStart > offsets[ballot] && ranks[groupStart - 1] == rank
                                                        || groupEnd - groupStart > 1)
                                                {
                                                    continue
                                                }
                                                counted = true
                                                if live == 1 {
                                                    whole[first] &+= weight
                                                } else {
                                                    splitSeen = true
                                                    for member in groupStart..<groupEnd {
                                                        let candidate = Int(candidates[member])
                                                        if !placed[candidate] {
                                                            split[candidate * (n + 1) + live] &+= weight
                                                        }
                                                    }
                                                }
                                            }
                                            if !counted { exhausted &+= weight }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        anySplit = splitSeen
        return exhausted
    }

    private func tallyOf(_ candidate: Int) -> Rational {
        var total = Rational(.init(whole[candidate]))
        guard anySplit else { return total }
        for ways in 2..<(n + 1) where split[candidate * (n + 1) + ways] != 0 {
            total += Rational(.init(split[candidate * (n + 1) + ways]), .init(ways))
        }
        return total
    }

    private mutating func placeTop(_ candidate: Int, in round: inout TraceRound, reason: String) {
        placed[candidate] = true
        continuing -= 1
        top.append([candidate])
        if winner == nil {
            winner = candidate
            round.events.append(TraceEvent(.elected, candidate, reason: reason))
        } else {
            round.events.append(
                TraceEvent(.excluded, candidate, reason: "takes place \(top.count) (\(reason)); counted no further"))
        }
    }
}
