import Counting

/// Collects a round's counted choices, each with its voter's weight, into the `Ballots` the
/// round's method counts: rankings into a `RankedProfile`, approvals into an `ApprovalProfile`,
/// scores and stances into a `RatingProfile` (ratings from -2^31+1 to 2^31-1, stances as their
/// codes). Identical ballots merge into one weighted ballot.
public struct BallotBox: Sendable {
    /// The round's options.
    public let options: [String]
    /// The shape the round takes.
    public let shape: BallotChoice.Shape
    private var ranked: RankedProfile.Builder
    private var approvals: [(approved: Set<Int>, weight: Int64)] = []
    private var ratings: [(ratings: [Int32?], weight: Int64)] = []
    /// The number of ballots added.
    public private(set) var count = 0
    /// Their total weight.
    public private(set) var totalWeight: Int64 = 0

    /// An empty box for a round with these parameters.
    public init(for parameters: RoundParameters) {
        self.init(options: parameters.options, shape: parameters.choiceShape)
    }

    /// An empty box for `options`, taking choices of `shape`.
    public init(options: [String], shape: BallotChoice.Shape) {
        self.options = options
        self.shape = shape
        self.ranked = RankedProfile.Builder(candidateCount: options.count)
    }

    /// Adds a choice (checked against the options) cast with `weight`.
    public mutating func add(_ choice: BallotChoice, weight: Int64) throws(BallotError) {
        try add(try choice.validated(options: options), weight: weight)
    }

    /// Adds an already validated choice cast with `weight` (at least 1). The choice must have the
    /// box's shape and index the box's options.
    public mutating func add(_ choice: IndexedChoice, weight: Int64) throws(BallotError) {
        guard choice.shape == shape else {
            throw .wrongShape(expected: shape.rawValue, actual: choice.shape.rawValue)
        }
        guard weight >= 1 else { throw .outOfRange(option: nil, reason: "a ballot's weight must be 1 or more") }
        let (total, overflow) = totalWeight.addingReportingOverflow(weight)
        guard !overflow else { throw .outOfRange(option: nil, reason: "the ballots' weights add up beyond 2^63") }
        switch choice {
        case .ranking(let groups):
            do { try ranked.add(groups: groups, weight: weight) } catch { throw BallotBox.refusal(error) }
        case .approve(let approved):
            guard approved.allSatisfy({ $0 >= 0 && $0 < options.count }) else {
                throw .outOfRange(option: nil, reason: "an approval indexes no option")
            }
            approvals.append((Set(approved), weight))
        case .scores(let row):
            guard row.count == options.count else {
                throw .outOfRange(option: nil, reason: "a score row has the wrong length")
            }
            ratings.append((row, weight))
        case .stances(let row):
            guard row.count == options.count else {
                throw .outOfRange(option: nil, reason: "a stance row has the wrong length")
            }
            ratings.append((row.map { $0?.code }, weight))
        }
        count += 1
        totalWeight = total
    }

    /// The ballots collected so far.
    public func ballots() throws(BallotError) -> Ballots {
        do {
            switch shape {
            case .ranking: return .ranked(ranked.build())
            case .approve: return .approval(try ApprovalProfile(candidateCount: options.count, ballots: approvals))
            case .scores, .stances:
                return .ratings(
                    try RatingProfile(
                        candidateCount: options.count, range: (Int32.min + 1)...Int32.max, ballots: ratings))
            }
        } catch {
            throw BallotBox.refusal(error)
        }
    }

    /// The ballots of `choices` for a round with these parameters.
    public static func ballots(
        _ choices: [(choice: IndexedChoice, weight: Int64)], for parameters: RoundParameters
    ) throws(BallotError) -> Ballots {
        var box = BallotBox(for: parameters)
        for entry in choices { try box.add(entry.choice, weight: entry.weight) }
        return try box.ballots()
    }

    static func refusal(_ error: CountingError) -> BallotError {
        switch error {
        case .invalidBallot(let reason): return .outOfRange(option: nil, reason: reason)
        default: return .overLimit(reason: error.description)
        }
    }
}

extension RoundParameters {
    /// Checks one ballot's choice for this round (``BallotCheck/check(_:)``); a verifier that
    /// checks many ballots of one round keeps a ``BallotCheck`` instead.
    public func check(ballot choice: BallotChoice) throws(BallotError) -> IndexedChoice {
        try BallotCheck(self).check(choice)
    }
}
