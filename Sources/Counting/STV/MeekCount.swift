/// A Meek count in progress (see ``MeekSTV`` for the rules), in the arithmetic `A`.
///
/// A ballot's distribution depends only on the elected candidates it passes through before its
/// first hopeful candidate (defeated and withdrawn ones keep nothing). So at the start of each
/// round the ballots are reduced to that key and identical keys merged; the iterations, where
/// all the arithmetic happens, then run over a few thousand groups instead of every ballot, and
/// give exactly the sums a ballot-by-ballot distribution would (each ballot of a group is
/// rounded the same way).
struct MeekCount<A: MeekArithmetic> {
    enum Standing: UInt8 { case hopeful, elected, defeated, withdrawn }

    let papers: TransferablePapers
    let seats: Int
    let names: [String]
    let tieBreak: TieBreakOrder
    let arithmetic: A

    var standing: [Standing]
    var keep: [A.Number]
    var votes: [A.Number]
    var quota: A.Number
    var groups: RankedProfile
    var winners: [Int] = []
    var rounds: [TraceRound] = []
    var ties: [TieResolution] = []

    init(papers: TransferablePapers, seats: Int, names: [String], tieBreak: TieBreakOrder, arithmetic: A) {
        self.papers = papers
        self.seats = seats
        self.names = names
        self.tieBreak = tieBreak
        self.arithmetic = arithmetic
        standing = papers.isWithdrawn.map { $0 ? .withdrawn : .hopeful }
        keep = papers.isWithdrawn.map { $0 ? arithmetic.zero : arithmetic.one }
        votes = [A.Number](repeating: arithmetic.zero, count: papers.profile.candidateCount)
        quota = arithmetic.zero
        groups = RankedProfile.Builder(candidateCount: papers.profile.candidateCount).build()
    }

    var hopeful: [Int] { standing.indices.filter { standing[$0] == .hopeful } }
    var elected: [Int] { standing.indices.filter { standing[$0] == .elected } }

    mutating func run() throws(CountingError) {
        while winners.count < seats && winners.count + hopeful.count > seats {
            try regroup()
            try iterateRound(rounds.count + 1)
        }
        try finish()
    }

    /// Steps 2a-2e until a candidate is elected or the surplus is small or stops falling, then
    /// step 3 if nobody was elected.
    mutating func iterateRound(_ round: Int) throws(CountingError) {
        var lastSurplus: A.Number?
        var iterations = 0
        var newlyElected: [Int] = []
        var surplus = arithmetic.zero
        var stop = ""
        while true {
            iterations += 1
            distribute()
            newlyElected = hopeful.filter { arithmetic.reaches(votes[$0], quota) }.sorted(by: byVotes)
            newlyElected = Array(newlyElected.prefix(seats - winners.count))
            for candidate in newlyElected {
                standing[candidate] = .elected
                winners.append(candidate)
            }
            surplus = arithmetic.zero
            for candidate in elected where votes[candidate] > quota {
                surplus = arithmetic.sum(surplus, arithmetic.difference(votes[candidate], quota))
            }
            if !newlyElected.isEmpty {
                stop = "a candidate reached the quota"
                break
            }
            if surplus < arithmetic.omega {
                stop = "total surplus below omega"
                break
            }
            if let last = lastSurplus, surplus >= last {
                stop = "total surplus stopped falling"
                break
            }
            lastSurplus = surplus
            for candidate in elected where votes[candidate] > arithmetic.zero {
                keep[candidate] = arithmetic.nextKeepValue(keep[candidate], quota: quota, votes: votes[candidate])
                try arithmetic.checkSize(keep[candidate], round: round)
            }
        }
        var events = newlyElected.map { TraceEvent(.elected, $0, reason: "reached the quota") }
        var label = "election of " + newlyElected.map { names[$0] }.joined(separator: ", ")
        if newlyElected.isEmpty {
            let loser = lowest(surplus: surplus, round: round)
            events.append(TraceEvent(.defeated, loser.candidate, reason: loser.reason))
            label = "defeat of \(names[loser.candidate])"
        }
        record(
            label: label, events: events,
            details: [
                JSONMember("iterations", .integer(Int64(iterations))),
                JSONMember("surplus", .string(arithmetic.trace(surplus).text)),
                JSONMember("iteration_ended", .string(stop)),
            ])
        for event in events where event.kind == .defeated {
            standing[event.candidate] = .defeated
            keep[event.candidate] = arithmetic.zero
        }
    }

    /// Step 3: the fewest votes is defeated; anyone within the total surplus of it is tied.
    mutating func lowest(surplus: A.Number, round: Int) -> (candidate: Int, reason: String) {
        let candidates = hopeful
        let bottom = candidates.map { votes[$0] }.min()!
        let reach = arithmetic.sum(bottom, surplus)
        let tied = candidates.filter { votes[$0] <= reach }
        guard tied.count > 1 else { return (tied[0], "fewest votes") }
        let chosen = tieBreak.disfavoured(tied)
        ties.append(
            TieResolution(
                round: round, decision: "defeat", tied: tieBreak.sorted(tied), chosen: [chosen],
                rule: "votes within the total surplus of the lowest are tied; \(tieBreak.rule)"))
        return (chosen, "fewest votes; tie settled by the tie-break order")
    }

    /// Step 5: elect the remaining hopeful candidates if seats remain, else defeat them.
    mutating func finish() throws(CountingError) {
        let remaining = hopeful
        guard !remaining.isEmpty else { return }
        try regroup()
        distribute()
        var events: [TraceEvent] = []
        if winners.count < seats {
            for candidate in remaining.sorted(by: byVotes) {
                standing[candidate] = .elected
                winners.append(candidate)
                events.append(TraceEvent(.elected, candidate, reason: "hopeful candidates no more than the seats left"))
            }
        } else {
            for candidate in tieBreak.sorted(remaining) {
                events.append(TraceEvent(.defeated, candidate, reason: "every seat is filled"))
            }
        }
        record(label: "end of the count", events: events, details: [])
        for event in events where event.kind == .defeated { standing[event.candidate] = .defeated }
    }

    /// Step 2a over the merged groups, then step 2b.
    mutating func distribute() {
        let zero = arithmetic.zero
        for candidate in votes.indices { votes[candidate] = zero }
        let candidates = groups.candidates
        for group in 0..<groups.ballotCount {
            var weight = arithmetic.one
            let count = groups.weights[group]
            for entry in groups.range(of: group) {
                let candidate = Int(candidates[entry])
                let kept = arithmetic.kept(weight, keep[candidate])
                votes[candidate] = arithmetic.sum(votes[candidate], arithmetic.times(kept, count))
                weight = arithmetic.difference(weight, kept)
                if weight <= zero { break }
            }
        }
        var total = zero
        for candidate in votes.indices where standing[candidate] == .hopeful || standing[candidate] == .elected {
            total = arithmetic.sum(total, votes[candidate])
        }
        quota = arithmetic.quota(votes: total, seats: seats)
    }

    /// Reduces every valid ballot to its elected candidates up to and including its first
    /// hopeful one, and merges equal reductions.
    mutating func regroup() throws(CountingError) {
        var builder = RankedProfile.Builder(candidateCount: papers.profile.candidateCount)
        var key: [Int] = []
        key.reserveCapacity(papers.profile.candidateCount)
        let candidates = papers.profile.candidates
        let weights = papers.profile.weights
        for ballot in 0..<papers.profile.ballotCount where papers.first[ballot] >= 0 {
            key.removeAll(keepingCapacity: true)
            var entry = papers.first[ballot]
            let end = papers.limit[ballot]
            scan: while entry < end {
                let candidate = Int(candidates[entry])
                switch standing[candidate] {
                case .elected: key.append(candidate)
                case .hopeful:
                    key.append(candidate)
                    break scan
                case .defeated, .withdrawn: break
                }
                entry += 1
            }
            if !key.isEmpty { try builder.add(ranking: key, weight: weights[ballot]) }
        }
        groups = builder.build()
    }

    func byVotes(_ a: Int, _ b: Int) -> Bool {
        votes[a] != votes[b] ? votes[a] > votes[b] : tieBreak.position[a] < tieBreak.position[b]
    }

    mutating func record(label: String, events: [TraceEvent], details: [JSONMember]) {
        let shown = standing.indices.filter { standing[$0] != .withdrawn }
        var held = arithmetic.zero
        for candidate in shown where standing[candidate] != .defeated { held = arithmetic.sum(held, votes[candidate]) }
        let total = arithmetic.times(arithmetic.one, papers.validWeight)
        let keepValues = elected.map {
            JSONValue.object([
                JSONMember("candidate", .integer(Int64($0))),
                JSONMember("keep_value", .string(arithmetic.trace(keep[$0]).text)),
            ])
        }
        rounds.append(
            TraceRound(
                number: rounds.count + 1, label: label,
                tallies: shown.map {
                    CandidateTally(
                        candidate: $0, votes: arithmetic.trace(standing[$0] == .defeated ? arithmetic.zero : votes[$0]))
                },
                exhausted: arithmetic.trace(arithmetic.difference(total, held)), threshold: arithmetic.trace(quota),
                events: events, details: details + [JSONMember("keep_values", .array(keepValues))]))
    }
}
