extension Outcome {
    /// The outcome as a JSON value: candidates by index, numbers that are not integers as
    /// strings, members in canonical order when written with ``canonicalBytes``.
    public var json: JSONValue {
        .object([
            JSONMember("method", .string(method)),
            JSONMember("parameters", .object(parameters)),
            JSONMember("candidates", .array(candidates.map(JSONValue.string))),
            JSONMember("winners", .array(winners.map { .integer(Int64($0)) })),
            JSONMember("ranking", .array(ranking.map { .array($0.map { .integer(Int64($0)) }) })),
            JSONMember("rounds", .array(rounds.map(\.json))),
            JSONMember("ties", .array(ties.map(\.json))),
        ])
    }

    /// Canonical JSON bytes (sorted keys, no whitespace): what a result certificate hashes.
    public var canonicalBytes: [UInt8] { CanonicalJSON.encode(json) }
}

extension TraceNumber {
    var json: JSONValue { integer.map(JSONValue.integer) ?? .string(text) }
}

extension TraceRound {
    var json: JSONValue {
        var members = [
            JSONMember("round", .integer(Int64(number))),
            JSONMember(
                "tallies",
                .array(
                    tallies.map {
                        .object([
                            JSONMember("candidate", .integer(Int64($0.candidate))), JSONMember("votes", $0.votes.json),
                        ])
                    })),
            JSONMember(
                "events",
                .array(
                    events.map { event in
                        var members = [
                            JSONMember("kind", .string(event.kind.rawValue)),
                            JSONMember("candidate", .integer(Int64(event.candidate))),
                        ]
                        if let reason = event.reason { members.append(JSONMember("reason", .string(reason))) }
                        return .object(members)
                    })),
            JSONMember(
                "transfers",
                .array(
                    transfers.map {
                        .object([
                            JSONMember("from", .integer(Int64($0.from))),
                            JSONMember("to", $0.to.map { .integer(Int64($0)) } ?? .null),
                            JSONMember("votes", $0.votes.json),
                        ])
                    })),
        ]
        if let label { members.append(JSONMember("label", .string(label))) }
        if let exhausted { members.append(JSONMember("exhausted", exhausted.json)) }
        if let threshold { members.append(JSONMember("threshold", threshold.json)) }
        if !details.isEmpty { members.append(JSONMember("details", .object(details))) }
        return .object(members)
    }
}

extension TieResolution {
    var json: JSONValue {
        .object([
            JSONMember("round", .integer(Int64(round))),
            JSONMember("decision", .string(decision)),
            JSONMember("tied", .array(tied.map { .integer(Int64($0)) })),
            JSONMember("chosen", .array(chosen.map { .integer(Int64($0)) })),
            JSONMember("rule", .string(rule)),
        ])
    }
}
