extension RankedProfile {
    /// The profile without the candidates in `removed`, as if they had never stood: they are
    /// taken off every ballot and the rank positions close up (a position that held only removed
    /// candidates disappears; the others keep their order and ties). The remaining candidates are
    /// renumbered in their listed order (`kept[i]` is new candidate `i`'s old index) and ballots
    /// that become identical are merged. A ballot that ranked only removed candidates stays, empty.
    public func withdrawing(_ removed: Set<Int>) -> (profile: RankedProfile, kept: [Int]) {
        let (newIndex, kept) = Self.renumbering(candidateCount: candidateCount, removing: removed)
        var builder = Builder(candidateCount: kept.count)
        var groups: [[Int]] = []
        for ballot in 0..<ballotCount {
            groups.removeAll(keepingCapacity: true)
            var lastRank: Int32 = -1
            for entry in range(of: ballot) {
                let candidate = newIndex[Int(candidates[entry])]
                guard candidate >= 0 else { continue }
                if ranks[entry] != lastRank || groups.isEmpty {
                    groups.append([])
                    lastRank = ranks[entry]
                }
                groups[groups.count - 1].append(candidate)
            }
            // Cannot fail: candidates are in range and distinct, weights positive, and the
            // total weight is the original one.
            try? builder.add(groups: groups, weight: weights[ballot])
        }
        return (builder.build(), kept)
    }

    /// `newIndex[old]` (-1 when removed) and the kept old indexes, in order.
    static func renumbering(candidateCount: Int, removing removed: Set<Int>) -> (newIndex: [Int], kept: [Int]) {
        var newIndex = [Int](repeating: -1, count: candidateCount)
        var kept: [Int] = []
        for candidate in 0..<candidateCount where !removed.contains(candidate) {
            newIndex[candidate] = kept.count
            kept.append(candidate)
        }
        return (newIndex, kept)
    }
}

extension ApprovalProfile {
    /// The profile without the candidates in `removed`: their approvals are dropped, the rest
    /// renumbered in listed order (`kept[i]` is new candidate `i`'s old index), identical ballots
    /// merged. A ballot that approved only removed candidates stays, empty.
    public func withdrawing(_ removed: Set<Int>) -> (profile: ApprovalProfile, kept: [Int]) {
        let (newIndex, kept) = RankedProfile.renumbering(candidateCount: candidateCount, removing: removed)
        var ballots: [(approved: Set<Int>, weight: Int64)] = []
        ballots.reserveCapacity(ballotCount)
        for ballot in 0..<ballotCount {
            var approved = Set<Int>()
            for entry in range(of: ballot) where newIndex[Int(candidates[entry])] >= 0 {
                approved.insert(newIndex[Int(candidates[entry])])
            }
            ballots.append((approved, weights[ballot]))
        }
        // Cannot fail: the candidates are in range and the weights are those of a valid profile.
        let profile = (try? ApprovalProfile(candidateCount: kept.count, ballots: ballots)) ?? self
        return (profile, kept)
    }
}

extension RatingProfile {
    /// The profile without the candidates in `removed`: their ratings are dropped, the rest
    /// renumbered in listed order (`kept[i]` is new candidate `i`'s old index), identical ballots
    /// merged.
    public func withdrawing(_ removed: Set<Int>) -> (profile: RatingProfile, kept: [Int]) {
        let (_, kept) = RankedProfile.renumbering(candidateCount: candidateCount, removing: removed)
        var ballots: [(ratings: [Int32?], weight: Int64)] = []
        ballots.reserveCapacity(ballotCount)
        for ballot in 0..<ballotCount {
            let row = kept.map { old -> Int32? in
                let value = rating(ballot: ballot, candidate: old)
                return value == RatingProfile.blank ? nil : value
            }
            ballots.append((row, weights[ballot]))
        }
        // Cannot fail: the rows come from a valid profile, so every value is in range.
        let range = (Int32.min + 1)...Int32.max
        let profile = (try? RatingProfile(candidateCount: kept.count, range: range, ballots: ballots)) ?? self
        return (profile, kept)
    }
}

extension Election {
    /// The election without its withdrawn candidates: names, ballots and project costs lose
    /// them and the rest are renumbered in listed order; ``withdrawn`` is then empty. Counting
    /// this election is counting as if the withdrawn candidates had never stood.
    public func withoutWithdrawn() -> Election {
        guard !withdrawn.isEmpty else { return self }
        let kept: [Int]
        let newBallots: Ballots
        switch ballots {
        case .ranked(let profile):
            let result = profile.withdrawing(withdrawn)
            (newBallots, kept) = (.ranked(result.profile), result.kept)
        case .approval(let profile):
            let result = profile.withdrawing(withdrawn)
            (newBallots, kept) = (.approval(result.profile), result.kept)
        case .ratings(let profile):
            let result = profile.withdrawing(withdrawn)
            (newBallots, kept) = (.ratings(result.profile), result.kept)
        }
        let costs = budget.map { budget in
            BudgetLimits(
                total: budget.total, costs: kept.compactMap { $0 < budget.costs.count ? budget.costs[$0] : nil })
        }
        return Election(
            title: title, candidates: kept.map { candidates[$0] }, seats: seats, withdrawn: [], ballots: newBallots,
            budget: costs)
    }
}
