/// One step of a count, as a person would follow it on paper: the tallies, what moved, who was
/// elected or eliminated and why.
public struct TraceRound: Hashable, Sendable {
    /// 1 for the first round.
    public var number: Int
    /// What this step is, in words ("first preferences", "pairwise defeats", ...), if not a plain round.
    public var label: String?
    /// Each continuing (or listed) candidate's tally in this round, in candidate order.
    public var tallies: [CandidateTally]
    /// The votes that no longer count for anyone (exhausted ballots, or non-transferable value).
    public var exhausted: TraceNumber?
    /// The quota or threshold a candidate had to reach in this round, if the method has one.
    public var threshold: TraceNumber?
    /// Who was elected, eliminated or excluded in this round, in order.
    public var events: [TraceEvent]
    /// Votes that moved in this round.
    public var transfers: [Transfer]
    /// Method-specific facts (a pairwise matrix, medians, a budget), as JSON members.
    public var details: [JSONMember]

    public init(
        number: Int, label: String? = nil, tallies: [CandidateTally] = [], exhausted: TraceNumber? = nil,
        threshold: TraceNumber? = nil, events: [TraceEvent] = [], transfers: [Transfer] = [],
        details: [JSONMember] = []
    ) {
        self.number = number
        self.label = label
        self.tallies = tallies
        self.exhausted = exhausted
        self.threshold = threshold
        self.events = events
        self.transfers = transfers
        self.details = details
    }
}

/// A candidate's tally in a round.
public struct CandidateTally: Hashable, Sendable {
    public var candidate: Int
    public var votes: TraceNumber

    public init(candidate: Int, votes: TraceNumber) {
        self.candidate = candidate
        self.votes = votes
    }
}

/// Something that happened to a candidate in a round.
public struct TraceEvent: Hashable, Sendable {
    /// What happened.
    public enum Kind: String, Hashable, Sendable {
        case elected, eliminated, excluded, defeated
    }

    public var kind: Kind
    public var candidate: Int
    /// Why, in words ("reached the quota", "fewest votes", "lost the tie-break").
    public var reason: String?

    public init(_ kind: Kind, _ candidate: Int, reason: String? = nil) {
        self.kind = kind
        self.candidate = candidate
        self.reason = reason
    }
}

/// Votes moved from one candidate to another (or to exhausted when `to` is nil).
public struct Transfer: Hashable, Sendable {
    public var from: Int
    public var to: Int?
    public var votes: TraceNumber

    public init(from: Int, to: Int?, votes: TraceNumber) {
        self.from = from
        self.to = to
        self.votes = votes
    }
}
