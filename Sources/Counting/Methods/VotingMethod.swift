/// A voting method as the tabulator and the service find it: by name, with a summary, the
/// ballot shapes it counts, its parameters, and a closure that counts an election.
///
/// ``count(_:options:)`` does what every method needs before the closure runs, so an entry in
/// ``all`` is only the count itself:
/// 1. the election is checked for consistency (names, ballots and costs agree);
/// 2. parameters the method does not declare are refused;
/// 3. seats: `options.seats` overrides the election's; a single-winner method refuses seats
///    other than 1 when they are given explicitly, and counts with 1 otherwise;
/// 4. withdrawn candidates are removed (``Election/withoutWithdrawn()``), and a tie-break list
///    loses their names;
/// 5. ballots of a shape the method does not count are converted when the method accepts the
///    conversion (``BallotConversion``), else refused;
/// 6. the closure counts, and the outcome lists the withdrawn candidates among its parameters.
public struct VotingMethod: Sendable {
    /// The registry name (`"plurality"`, `"schulze"`, ...), lower-case and hyphenated.
    public let name: String
    /// One sentence on what the method does.
    public let summary: String
    /// The ballot shapes the closure counts, the preferred one first.
    public let shapes: [BallotShape]
    /// Conversions of other shapes into one of ``shapes`` that the method accepts.
    public let conversions: [BallotConversion]
    /// Whether the method fills several seats.
    public let multiWinner: Bool
    /// The parameters the method reads from ``MethodOptions/parameters``; no other key is accepted.
    public let parameters: [MethodParameter]
    private let counter: @Sendable (Election, MethodOptions) throws(CountingError) -> Outcome

    public init(
        name: String, summary: String, shapes: [BallotShape], conversions: [BallotConversion] = [],
        multiWinner: Bool = false, parameters: [MethodParameter] = [],
        count: @escaping @Sendable (Election, MethodOptions) throws(CountingError) -> Outcome
    ) {
        self.name = name
        self.summary = summary
        self.shapes = shapes
        self.conversions = conversions
        self.multiWinner = multiWinner
        self.parameters = parameters
        self.counter = count
    }

    /// The method called `name`.
    public static func named(_ name: String) throws(CountingError) -> VotingMethod {
        guard let method = all.first(where: { $0.name == name }) else { throw .unknownMethod(name) }
        return method
    }

    /// Counts `election` (see the type's description for the steps before the count).
    public func count(_ election: Election, options: MethodOptions = MethodOptions()) throws(CountingError) -> Outcome {
        try election.checkConsistency()
        let declared = Set(parameters.map(\.key))
        if let unknown = options.parameters.keys.sorted().first(where: { !declared.contains($0) }) {
            let known = parameters.isEmpty ? "it has none" : "it has " + parameters.map(\.key).joined(separator: ", ")
            throw .invalidParameter("\(name) has no parameter \"\(unknown)\" (\(known))")
        }
        var election = election
        if let seats = options.seats {
            guard seats >= 1 else { throw .invalidParameter("seats must be at least 1, not \(seats)") }
            guard multiWinner || seats == 1 else {
                throw .invalidParameter("\(name) elects one candidate; it cannot fill \(seats) seats")
            }
            election.seats = seats
        }
        if !multiWinner { election.seats = 1 }

        var options = options
        let withdrawnNames = election.withdrawn.sorted().map { election.candidates[$0] }
        if case .list(let names) = options.tieBreak {
            options.tieBreak = .list(names.filter { !withdrawnNames.contains($0) })
        }
        election = election.withoutWithdrawn()
        guard !election.candidates.isEmpty else { throw .invalidParameter("every candidate is withdrawn") }

        let shape = election.ballots.shape
        if !shapes.contains(shape) {
            guard let conversion = conversions.first(where: { $0.from == shape && shapes.contains($0.to) }) else {
                throw .wrongBallotShape(method: name, expected: shapes.map(\.rawValue).joined(separator: " or "))
            }
            election.ballots = try conversion.apply(to: election.ballots)
        }

        var outcome = try counter(election, options)
        if !withdrawnNames.isEmpty {
            // One "withdrawn" member, naming the candidates (a method may already list its own, by index,
            // as counted: after the registry removed the withdrawn, that list is empty).
            outcome.parameters.removeAll { $0.key == "withdrawn" }
            outcome.parameters.append(JSONMember("withdrawn", .array(withdrawnNames.map(JSONValue.string))))
        }
        return outcome
    }
}

/// A parameter a method reads, for `--list-methods` and for refusing unknown keys.
public struct MethodParameter: Sendable, Equatable {
    public let key: String
    /// What it does, its values and its default, in a sentence.
    public let summary: String

    public init(_ key: String, _ summary: String) {
        self.key = key
        self.summary = summary
    }
}

/// A reading of ballots of one shape as another, which a method may accept.
public enum BallotConversion: Sendable, Equatable {
    /// A ranked ballot read as approving every candidate it ranks
    /// (``ApprovalProfile/init(ranked:depth:)`` with no depth).
    case approvalFromRanked

    public var from: BallotShape {
        switch self {
        case .approvalFromRanked: return .ranked
        }
    }

    public var to: BallotShape {
        switch self {
        case .approvalFromRanked: return .approval
        }
    }

    func apply(to ballots: Ballots) throws(CountingError) -> Ballots {
        switch (self, ballots) {
        case (.approvalFromRanked, .ranked(let profile)): return .approval(try ApprovalProfile(ranked: profile))
        default: return ballots
        }
    }
}

extension Election {
    /// The ranked ballots; for a method's closure, which the registry only calls with a shape it counts.
    public func rankedBallots(for method: String) throws(CountingError) -> RankedProfile {
        guard case .ranked(let profile) = ballots else { throw .wrongBallotShape(method: method, expected: "ranked") }
        return profile
    }

    /// The approval ballots (see ``rankedBallots(for:)``).
    public func approvalBallots(for method: String) throws(CountingError) -> ApprovalProfile {
        guard case .approval(let profile) = ballots else {
            throw .wrongBallotShape(method: method, expected: "approval")
        }
        return profile
    }

    /// The rating ballots (see ``rankedBallots(for:)``).
    public func ratingBallots(for method: String) throws(CountingError) -> RatingProfile {
        guard case .ratings(let profile) = ballots else { throw .wrongBallotShape(method: method, expected: "rating") }
        return profile
    }

    /// Checks that names, ballots, withdrawn candidates and costs agree, so that no count can
    /// index out of range whatever built the election.
    func checkConsistency() throws(CountingError) {
        let count = candidates.count
        let profileCount: Int
        switch ballots {
        case .ranked(let profile): profileCount = profile.candidateCount
        case .approval(let profile): profileCount = profile.candidateCount
        case .ratings(let profile): profileCount = profile.candidateCount
        }
        guard profileCount == count else {
            throw .invalidBallot("the ballots are over \(profileCount) candidates but \(count) are named")
        }
        guard count > 0 else { throw .invalidParameter("the election has no candidates") }
        if let bad = withdrawn.first(where: { $0 < 0 || $0 >= count }) {
            throw .invalidParameter("withdrawn candidate \(bad + 1) does not exist")
        }
        if let budget, budget.costs.count != count {
            throw .invalidParameter("the budget gives \(budget.costs.count) costs for \(count) projects")
        }
        guard seats >= 1 else { throw .invalidParameter("seats must be at least 1, not \(seats)") }
        var total: Int64 = 0
        let weights: [Int64]
        switch ballots {
        case .ranked(let profile): weights = profile.weights
        case .approval(let profile): weights = profile.weights
        case .ratings(let profile): weights = profile.weights
        }
        for weight in weights {
            let (sum, overflow) = total.addingReportingOverflow(weight)
            guard !overflow, weight > 0 else { throw .invalidBallot("the ballot weights are not positive 64-bit sums") }
            total = sum
        }
    }
}
