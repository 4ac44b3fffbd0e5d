import Counting

/// The readable report of a count: title, method and parameters, winners, a table per round
/// (candidate, votes, what happened), then exhausted votes, threshold, transfers, details, and
/// every tie with how it was settled.
enum TallyReport {
    /// What the report says about where the ballots came from.
    struct Source {
        var path: String
        var format: BallotFileFormat
        var election: Election
    }

    static func text(_ outcome: Outcome, source: Source) -> String {
        var lines: [String] = []
        let names = outcome.candidates
        let title = source.election.title ?? source.path
        lines.append(title)
        lines.append(String(repeating: "=", count: min(max(title.count, 1), 100)))
        lines.append("Method:     \(outcome.method)")
        for member in outcome.parameters {
            lines.append("Parameter:  \(member.key) = \(parameterText(member, names: names))")
        }
        lines.append("Ballots:    \(ballotSummary(source))")
        let elected = outcome.winnerNames
        switch elected.count {
        case 0: lines.append("Winner:     none")
        case 1: lines.append("Winner:     \(elected[0])")
        default: lines.append("Elected:    \(elected.joined(separator: ", "))")
        }
        if !outcome.ranking.isEmpty {
            let groups = outcome.rankingNames.enumerated().map {
                "\($0.offset + 1). \($0.element.joined(separator: " = "))"
            }
            lines.append("Ranking:    \(groups.joined(separator: "  "))")
        }
        for round in outcome.rounds {
            lines.append("")
            lines.append(contentsOf: roundLines(round, names: names))
        }
        if !outcome.ties.isEmpty {
            lines.append("")
            lines.append("Ties")
            for tie in outcome.ties {
                let tied = tie.tied.map { name($0, names) }.joined(separator: ", ")
                let chosen = tie.chosen.map { name($0, names) }.joined(separator: ", ")
                let place = tie.round == 0 ? "final ranking" : "round \(tie.round)"
                lines.append("  \(place), \(tie.decision): \(tied) tied")
                lines.append("    chosen: \(chosen), by \(tie.rule)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func roundLines(_ round: TraceRound, names: [String]) -> [String] {
        var lines = ["Round \(round.number)" + (round.label.map { ": \($0)" } ?? "")]
        var rows: [(candidate: String, votes: String, event: String)] = []
        var listed = Set<Int>()
        for tally in round.tallies {
            listed.insert(tally.candidate)
            rows.append((name(tally.candidate, names), tally.votes.text, events(of: tally.candidate, in: round)))
        }
        for event in round.events where !listed.contains(event.candidate) {
            listed.insert(event.candidate)
            rows.append((name(event.candidate, names), "", events(of: event.candidate, in: round)))
        }
        if !rows.isEmpty {
            let nameWidth = max("Candidate".count, rows.map(\.candidate.count).max() ?? 0)
            let votesWidth = max("Votes".count, rows.map(\.votes.count).max() ?? 0)
            func row(_ a: String, _ b: String, _ c: String) -> String {
                let line = "  " + pad(a, nameWidth) + "  " + padLeft(b, votesWidth) + "  " + c
                return String(line.reversed().drop(while: { $0 == " " }).reversed())
            }
            lines.append(row("Candidate", "Votes", "Event"))
            lines.append(
                row(String(repeating: "-", count: nameWidth), String(repeating: "-", count: votesWidth), "-----"))
            for entry in rows { lines.append(row(entry.candidate, entry.votes, entry.event)) }
        }
        if let exhausted = round.exhausted { lines.append("  Exhausted: \(exhausted.text)") }
        if let threshold = round.threshold { lines.append("  Threshold: \(threshold.text)") }
        for transfer in round.transfers {
            let target = transfer.to.map { name($0, names) } ?? "exhausted"
            lines.append("  Transfer:  \(name(transfer.from, names)) -> \(target): \(transfer.votes.text)")
        }
        for member in round.details {
            lines.append("  \(member.key): \(compact(member.value))")
        }
        return lines
    }

    private static func events(of candidate: Int, in round: TraceRound) -> String {
        round.events.filter { $0.candidate == candidate }.map { event in
            event.kind.rawValue + (event.reason.map { " (\($0))" } ?? "")
        }.joined(separator: "; ")
    }

    private static func ballotSummary(_ source: Source) -> String {
        let election = source.election
        let (total, distinct): (Int64, Int)
        switch election.ballots {
        case .ranked(let profile): (total, distinct) = (profile.totalWeight, profile.ballotCount)
        case .approval(let profile): (total, distinct) = (profile.totalWeight, profile.ballotCount)
        case .ratings(let profile): (total, distinct) = (profile.totalWeight, profile.ballotCount)
        }
        var text =
            "\(total) \(election.ballots.shape.rawValue) ballots (\(distinct) distinct), \(election.candidates.count) "
            + "candidates, read as \(source.format.rawValue) from \(source.path)"
        if !election.withdrawn.isEmpty {
            let withdrawn = election.withdrawn.sorted().map { election.candidates[$0] }
            text += "; withdrawn: \(withdrawn.joined(separator: ", "))"
        }
        return text
    }

    /// A parameter's value in words: the tie-break order by name, lists joined, else compact JSON.
    static func parameterText(_ member: JSONMember, names: [String]) -> String {
        if member.key == "tie_break", case .object(let fields) = member.value,
            let source = fields.first(where: { $0.key == "source" })?.value,
            let order = fields.first(where: { $0.key == "order" })?.value, case .string(let how) = source,
            case .array(let entries) = order
        {
            let ordered = entries.map { entry -> String in
                if case .integer(let index) = entry { return name(Int(index), names) }
                return compact(entry)
            }
            return "\(how), most favoured first: \(ordered.joined(separator: ", "))"
        }
        return compact(member.value)
    }

    static func compact(_ value: JSONValue) -> String {
        switch value {
        case .string(let text): return text
        case .integer(let number): return String(number)
        case .bool(let flag): return flag ? "true" : "false"
        case .null: return "none"
        case .array(let elements) where elements.allSatisfy({ if case .array = $0 { false } else { true } }):
            return elements.map(compact).joined(separator: ", ")
        default: return String(decoding: CanonicalJSON.encode(value), as: UTF8.self)
        }
    }

    private static func name(_ candidate: Int, _ names: [String]) -> String {
        candidate >= 0 && candidate < names.count ? names[candidate] : "#\(candidate + 1)"
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }

    private static func padLeft(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }
}
