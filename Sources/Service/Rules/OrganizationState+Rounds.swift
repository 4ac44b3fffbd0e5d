import Counting
import Ledger
import Sodium
import Statements

extension OrganizationState {
    /// The electorate a round opened now would freeze: every active member holding the `member`
    /// role and an active key, with their current weight.
    public var currentElectorate: Electorate {
        let entries = members.values.filter { $0.status == .active && $0.has(.member) }.compactMap {
            member -> Electorate.Entry? in
            guard let key = member.currentKey else { return nil }
            return Electorate.Entry(member: member.id, key: key, weight: member.weight)
        }
        return Electorate(entries)
    }

    /// `round.open`: a steward opens a round on a proposal revision (or a question) with every
    /// parameter fixed, committing to the electorate frozen now.
    mutating func openRound(
        _ open: RoundOpen, by author: Member, id: StatementID, leaf: UInt64, now: Int64
    )
        throws(ServiceError) -> [StateChange]
    {
        try requireSteward(author, to: "open rounds")
        if let proposalID = open.proposal {
            let proposal = try proposal(proposalID)
            guard let revision = open.revision, revisionOwner[revision] == proposalID else {
                throw .notFound("unknown_revision", "the round names no revision of proposal \(proposalID.hex)")
            }
            guard proposal.state == .discussion else {
                throw .conflict(
                    "proposal_closed", "the proposal is \(proposal.state.rawValue); no round can open on it")
            }
        }
        if let closes = open.closes, closes <= now {
            throw .malformed("invalid_value", "the round is scheduled to close before it opens")
        }
        let electorate = currentElectorate
        guard !electorate.entries.isEmpty else {
            throw .conflict("empty_electorate", "no member with an active key can vote")
        }
        guard electorate.commitment == open.electorate, electorate.entries.count == open.voters else {
            throw .conflict(
                "electorate_changed",
                "the electorate is now \(electorate.entries.count) voters with commitment \(electorate.commitment.hex); "
                    + "the statement commits to \(open.voters) voters with \(open.electorate.hex)")
        }
        var voters: [MemberID: Int64] = [:]
        for entry in electorate.entries { voters[entry.member] = entry.weight }
        rounds[id] = Round(
            id: id, parameters: open, counting: open.counting, electorate: electorate, voters: voters,
            openedBy: author.id, openedLeaf: leaf)
        roundOrder.append(id)
        if let proposalID = open.proposal { proposals[proposalID]?.rounds.append(id) }
        return [.round(id)] + (open.proposal.map { [StateChange.proposal($0)] } ?? [])
    }

    /// `round.close` by a steward, or by the log key when the schedule says so.
    mutating func closeRound(
        _ close: RoundClose, by author: Member?, leaf: UInt64
    ) throws(ServiceError)
        -> [StateChange]
    {
        if let author { try requireSteward(author, to: "close rounds") }
        var round = try round(close.round)
        guard round.state == .open else {
            throw .conflict("round_closed", "the round is already closed")
        }
        round.state = .closed
        round.closedLeaf = leaf
        round.closedBy = author.map { $0.id.description } ?? "schedule"
        rounds[round.id] = round
        return [.round(round.id)]
    }

    /// `round.result`: the log key's certificate for a closed round.
    mutating func recordResult(_ result: RoundResult, id: StatementID) throws(ServiceError) -> [StateChange] {
        var round = try round(result.round)
        guard round.state == .closed, round.result == nil else {
            throw .conflict("round_not_closed", "a result is recorded once, after the round closes")
        }
        round.result = result
        round.resultStatement = id
        rounds[round.id] = round
        return [.round(round.id), .outcome(round.id)]
    }

    /// `ballot.cast`: a voter of the frozen electorate casts or replaces their ballot.
    mutating func castBallot(
        _ ballot: BallotCast, by author: Member, id: StatementID, leaf: UInt64, now: Int64
    )
        throws(ServiceError) -> [StateChange]
    {
        let (previous, choice) = try checkBallot(ballot, by: author, now: now)
        // Mutated in place: a round may hold a million ballots, which a copy would duplicate.
        rounds[ballot.round]!.ballots[author.id] = Round.CountedBallot(
            statement: id, sequence: ballot.sequence, choice: choice, leaf: leaf)
        rounds[ballot.round]!.ballotStatements += 1
        rounds[ballot.round]!.ballotLeaves.append(leaf)
        ballotRounds[id] = ballot.round
        return [
            .ballot(
                round: ballot.round, statement: id, voter: author.id, sequence: ballot.sequence, leaf: leaf,
                replacedLeaf: previous?.leaf)
        ]
    }

    /// Every rule for a ballot, without changing anything; returns the ballot it replaces and
    /// the choice checked against the round's options and method.
    private func checkBallot(
        _ ballot: BallotCast, by author: Member, now: Int64
    ) throws(ServiceError) -> (
        Round.CountedBallot?, IndexedChoice
    ) {
        let round = try round(ballot.round)
        guard round.state == .open, round.parameters.closes.map({ now < $0 }) ?? true else {
            throw .conflict("round_closed", "the round is closed; ballots are no longer accepted")
        }
        guard ballot.revision == round.parameters.revision else {
            throw .conflict(
                "wrong_revision",
                "the ballot is for revision \(ballot.revision?.hex ?? "none"), the round is on "
                    + "\(round.parameters.revision?.hex ?? "a question")")
        }
        guard round.voters[author.id] != nil else {
            throw .forbidden("not_in_electorate", "\(author.name) is not in this round's electorate")
        }
        let previous = round.ballots[author.id]
        if let previous, ballot.sequence <= previous.sequence {
            throw .conflict(
                "stale_sequence",
                "sequence \(ballot.sequence) does not replace the ballot with sequence \(previous.sequence)")
        }
        return (previous, try RoundTally.check(ballot.choice, in: round))
    }

    /// The round `id`, or a not-found refusal.
    public func round(_ id: StatementID) throws(ServiceError) -> Round {
        guard let round = rounds[id] else { throw .notFound("unknown_round", "no round \(id.hex)") }
        return round
    }
}
