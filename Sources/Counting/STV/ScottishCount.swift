/// A Scottish STV count in progress (see ``ScottishSTV`` for the rules).
///
/// Votes are integers in units of 0.00001. Each merged ballot has its current position (the
/// entry of the candidate holding it) and its current value per paper; each candidate has a pile
/// of the ballots they hold, so a stage only walks the papers it transfers.
struct ScottishCount {
    enum Standing: UInt8 { case continuing, elected, excluded, withdrawn }

    static let unit: Int64 = 100_000

    let papers: TransferablePapers
    let seats: Int
    let names: [String]
    let tieBreak: TieBreakOrder
    /// The quota in whole votes (rule 47).
    let quota: Int64
    let quotaUnits: Int64

    var standing: [Standing]
    var tally: [Int64]
    var position: [Int]
    var value: [Int64]
    var piles: [[Int32]]
    /// Elected candidates whose surplus has not been transferred yet.
    var pending: [Int] = []
    /// Every candidate's votes at the end of each stage (stage 1 first).
    var history: [[Int64]] = []
    var rounds: [TraceRound] = []
    var ties: [TieResolution] = []
    var winners: [Int] = []

    init(papers: TransferablePapers, seats: Int, names: [String], tieBreak: TieBreakOrder) {
        let candidateCount = papers.profile.candidateCount
        self.papers = papers
        self.seats = seats
        self.names = names
        self.tieBreak = tieBreak
        quota = papers.validWeight / Int64(seats + 1) + 1
        quotaUnits = quota * ScottishCount.unit
        standing = papers.isWithdrawn.map { $0 ? .withdrawn : .continuing }
        tally = [Int64](repeating: 0, count: candidateCount)
        position = papers.first
        value = [Int64](repeating: ScottishCount.unit, count: papers.profile.ballotCount)
        piles = [[Int32]](repeating: [], count: candidateCount)
    }

    var vacancies: Int { seats - winners.count }
    var continuing: [Int] { standing.indices.filter { standing[$0] == .continuing } }

    mutating func run() {
        firstStage()
        while true {
            electThoseWithQuota()
            guard vacancies > 0 else { break }
            let remaining = continuing
            if remaining.count <= vacancies {
                for candidate in tieBreak.sorted(remaining) {
                    elect(candidate, reason: "continuing candidates no more than the vacancies (rule 53)")
                }
                break
            }
            if pending.isEmpty {
                exclude(lowest(remaining))
            } else {
                transferSurplus(of: largestSurplus())
            }
        }
    }

    // MARK: Stages

    mutating func firstStage() {
        let weights = papers.profile.weights
        let candidates = papers.profile.candidates
        for ballot in 0..<papers.profile.ballotCount where position[ballot] >= 0 {
            let candidate = Int(candidates[position[ballot]])
            tally[candidate] += weights[ballot] * ScottishCount.unit
            piles[candidate].append(Int32(ballot))
        }
        record(label: "first stage (rule 46)", events: [], transfers: [], details: papers.voidDetails)
    }

    /// Rule 49: every paper of `elected` passes on at `surplus × value / votes`, truncated.
    mutating func transferSurplus(of elected: Int) {
        pending.removeAll { $0 == elected }
        let total = tally[elected]
        let surplus = total - quotaUnits
        var received = [Int64](repeating: 0, count: tally.count)
        var nonTransferable: Int64 = 0
        var values: [(paper: Int64, transfer: Int64, papers: Int64)] = []
        var lastValue: Int64 = -1
        var lastTransfer: Int64 = 0
        var lastIndex = 0
        let weights = papers.profile.weights
        for ballot in piles[elected] {
            let paper = Int(ballot)
            let weight = weights[paper]
            if value[paper] != lastValue {
                lastValue = value[paper]
                lastTransfer = Int64(Int128(surplus) * Int128(lastValue) / Int128(total))
                if let index = values.firstIndex(where: { $0.paper == lastValue }) {
                    lastIndex = index
                } else {
                    values.append((lastValue, lastTransfer, 0))
                    lastIndex = values.count - 1
                }
            }
            values[lastIndex].papers += weight
            value[paper] = lastTransfer
            if let next = advance(paper) {
                received[next] += weight * lastTransfer
                piles[next].append(ballot)
            } else {
                nonTransferable += weight * lastTransfer
            }
        }
        piles[elected] = []
        let transferred = received.reduce(0, +)
        tally[elected] = total - surplus
        for candidate in received.indices { tally[candidate] += received[candidate] }
        var transfers = received.indices.filter { received[$0] > 0 }.map {
            Transfer(from: elected, to: $0, votes: number(received[$0]))
        }
        if surplus - transferred > 0 {
            transfers.append(Transfer(from: elected, to: nil, votes: number(surplus - transferred)))
        }
        let details = [
            JSONMember("surplus", .string(number(surplus).text)),
            JSONMember(
                "transfer_values",
                .array(
                    values.sorted { $0.paper > $1.paper }.map {
                        .object([
                            JSONMember("paper_value", .string(number($0.paper).text)),
                            JSONMember("transfer_value", .string(number($0.transfer).text)),
                            JSONMember("papers", .integer($0.papers)),
                        ])
                    })),
            JSONMember("non_transferable_papers", .string(number(nonTransferable).text)),
            JSONMember(
                "remainders_ignored", .string(number(surplus - transferred - nonTransferable).text)),
        ]
        record(
            label: "transfer of the surplus of \(names[elected]) (rules 49, 50)", events: [], transfers: transfers,
            details: details)
    }

    /// Rule 51: every paper of `excluded` passes on at the value it has.
    mutating func exclude(_ excluded: (candidate: Int, reason: String)) {
        let loser = excluded.candidate
        standing[loser] = .excluded
        var received = [Int64](repeating: 0, count: tally.count)
        var nonTransferable: Int64 = 0
        let weights = papers.profile.weights
        for ballot in piles[loser] {
            let paper = Int(ballot)
            let votes = weights[paper] * value[paper]
            if let next = advance(paper) {
                received[next] += votes
                piles[next].append(ballot)
            } else {
                nonTransferable += votes
            }
        }
        piles[loser] = []
        tally[loser] = 0
        for candidate in received.indices { tally[candidate] += received[candidate] }
        var transfers = received.indices.filter { received[$0] > 0 }.map {
            Transfer(from: loser, to: $0, votes: number(received[$0]))
        }
        if nonTransferable > 0 { transfers.append(Transfer(from: loser, to: nil, votes: number(nonTransferable))) }
        record(
            label: "exclusion of \(names[loser]) (rules 51, 52)",
            events: [TraceEvent(.excluded, loser, reason: excluded.reason)], transfers: transfers,
            details: [JSONMember("non_transferable_papers", .string(number(nonTransferable).text))])
    }

    /// Moves `paper` to its next available preference; nil when it has none (non-transferable).
    mutating func advance(_ paper: Int) -> Int? {
        let candidates = papers.profile.candidates
        let end = papers.limit[paper]
        var entry = position[paper] + 1
        while entry < end {
            let candidate = Int(candidates[entry])
            if standing[candidate] == .continuing {
                position[paper] = entry
                return candidate
            }
            entry += 1
        }
        position[paper] = end
        return nil
    }

    // MARK: Elections and choices

    /// Rule 48: every continuing candidate at or above the quota is deemed elected, most votes first.
    mutating func electThoseWithQuota() {
        let reached = continuing.filter { tally[$0] >= quotaUnits }.sorted {
            tally[$0] != tally[$1] ? tally[$0] > tally[$1] : tieBreak.position[$0] < tieBreak.position[$1]
        }
        for candidate in reached.prefix(vacancies) {
            elect(candidate, reason: "reached the quota (rule 48)")
            if tally[candidate] > quotaUnits { pending.append(candidate) }
        }
    }

    mutating func elect(_ candidate: Int, reason: String) {
        standing[candidate] = .elected
        winners.append(candidate)
        rounds[rounds.count - 1].events.append(TraceEvent(.elected, candidate, reason: reason))
    }

    /// Rule 50: the largest surplus goes first; equal ones by the earlier stages, then by lot.
    mutating func largestSurplus() -> Int {
        let top = pending.map { tally[$0] }.max()!
        let tied = pending.filter { tally[$0] == top }
        guard tied.count > 1 else { return tied[0] }
        return settle(tied, lowest: false, decision: "transfer surplus first", rules: ("50(2)", "50(3)")).candidate
    }

    /// Rules 51 and 52: the fewest votes is excluded; a tie by the earlier stages, then by lot.
    mutating func lowest(_ remaining: [Int]) -> (candidate: Int, reason: String) {
        let bottom = remaining.map { tally[$0] }.min()!
        let tied = remaining.filter { tally[$0] == bottom }
        guard tied.count > 1 else { return (tied[0], "fewest votes (rule 51)") }
        return settle(tied, lowest: true, decision: "exclude", rules: ("52(2)(a)", "52(2)(b)"))
    }

    /// Looks back stage by stage for one where the tied candidates' votes differ, keeping the
    /// lowest (or highest) there; if some stay tied through stage 1, the tie-break order decides.
    mutating func settle(
        _ tied: [Int], lowest: Bool, decision: String, rules: (history: String, lot: String)
    )
        -> (candidate: Int, reason: String)
    {
        var group = tied
        var stage = history.count - 1
        var decidingStage: Int?
        while group.count > 1 && stage >= 0 {
            let votes = history[stage]
            let extreme = lowest ? group.map { votes[$0] }.min()! : group.map { votes[$0] }.max()!
            let kept = group.filter { votes[$0] == extreme }
            if kept.count < group.count {
                group = kept
                decidingStage = stage + 1
            }
            stage -= 1
        }
        let round = rounds.count + 1
        let which = lowest ? "fewest" : "most"
        if group.count == 1 {
            let rule =
                "\(which) votes at stage \(decidingStage!), the most recent stage where they differed (rule \(rules.history))"
            ties.append(TieResolution(round: round, decision: decision, tied: tied, chosen: group, rule: rule))
            return (
                group[0],
                "fewest votes; tie settled by \(which) votes at stage \(decidingStage!) (rule \(rules.history))"
            )
        }
        let chosen = lowest ? tieBreak.disfavoured(group) : tieBreak.favoured(group)
        let rule = "equal at every stage, decided by lot (rule \(rules.lot)): \(tieBreak.rule)"
        ties.append(TieResolution(round: round, decision: decision, tied: tied, chosen: [chosen], rule: rule))
        return (chosen, "fewest votes; tie decided by lot (rule \(rules.lot))")
    }

    // MARK: Trace

    func number(_ units: Int64) -> TraceNumber {
        TraceNumber(FixedPoint(units: Int128(units), places: ScottishSTV.places))
    }

    mutating func record(label: String, events: [TraceEvent], transfers: [Transfer], details: [JSONMember]) {
        history.append(tally)
        let shown = tally.indices.filter { standing[$0] != .withdrawn }
        let held = tally.reduce(0, +)
        rounds.append(
            TraceRound(
                number: rounds.count + 1, label: label,
                tallies: shown.map { CandidateTally(candidate: $0, votes: number(tally[$0])) },
                exhausted: number(papers.validWeight * ScottishCount.unit - held), threshold: TraceNumber(quota),
                events: events, transfers: transfers, details: details))
    }
}
