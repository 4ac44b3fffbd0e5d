import Counting
import Ledger

/// The counting-relevant part of a round: the method, the options, the seats, the method's
/// parameters, the tie-break rule and (for participatory budgeting) the budget. Fixed when the
/// round opens; the count at close uses exactly these.
public struct RoundParameters: Equatable, Sendable {
    /// The most options a round may offer.
    public static let maximumOptions = 1000

    /// A name in `VotingMethod.all`.
    public var method: String
    /// The option (candidate) names, in the listed order that the default tie-break uses.
    public var options: [String]
    /// How many options win, 1 to the number of options (1 for single-winner methods).
    public var seats: Int
    /// The method's parameters (`MethodOptions.parameters`); keys the method does not declare
    /// are refused.
    public var parameters: [String: String]
    /// The tie-break rule.
    public var tieBreak: MethodOptions.TieBreak
    /// The budget, for the participatory-budgeting methods (and only for them).
    public var budget: RoundBudget?

    public init(
        method: String, options: [String], seats: Int = 1, parameters: [String: String] = [:],
        tieBreak: MethodOptions.TieBreak = .candidateOrder, budget: RoundBudget? = nil
    ) {
        self.method = method
        self.options = options
        self.seats = seats
        self.parameters = parameters
        self.tieBreak = tieBreak
        self.budget = budget
    }

    /// The names of the methods that need a budget.
    public static let budgetingMethods: Set<String> = [GreedyBudgeting.name, EqualSharesBudgeting.name]

    /// The method, from the registry.
    public func votingMethod() throws(CountingError) -> VotingMethod { try VotingMethod.named(method) }

    /// The options for `VotingMethod.count`: the seats, the tie-break and the parameters.
    public func methodOptions() -> MethodOptions {
        MethodOptions(seats: seats, tieBreak: tieBreak, parameters: parameters)
    }

    /// The election to count: the options as candidates, the seats, `ballots` and the budget.
    public func election(ballots: Ballots) -> Election {
        Election(candidates: options, seats: seats, ballots: ballots, budget: budget?.limits(options: options))
    }

    /// Counts `ballots` with the round's method and options.
    public func count(_ ballots: Ballots) throws(CountingError) -> Outcome {
        try votingMethod().count(election(ballots: ballots), options: methodOptions())
    }

    /// The ballot shape this round takes: `stances` for `consent`, else the method's preferred
    /// shape (`ranking`, `approve` or `scores`).
    public var choiceShape: BallotChoice.Shape {
        guard method != ConsentDecision.name else { return .stances }
        switch (try? votingMethod())?.shapes.first {
        case .approval?: return .approve
        case .rating?: return .scores
        default: return .ranking
        }
    }

    /// Checks the parameters as `round.open` requires: the method exists; 1 to 1000 options,
    /// unique, each 1 to 200 characters; seats from 1 to the number of options (exactly 1 for
    /// a single-winner method); only parameters the method declares; a tie-break list names each
    /// option once; a budget is given exactly for the budgeting methods and prices every option
    /// (and nothing else). Finally an empty ballot box is counted, which catches parameter
    /// values the method refuses (a score range with min above max, an unknown grade list...).
    public func validate() throws(PayloadError) {
        guard let method = try? votingMethod() else {
            throw .invalidValue(field: "method", reason: "must be the name of a voting method, not \"\(self.method)\"")
        }
        guard (1...RoundParameters.maximumOptions).contains(options.count) else {
            throw .invalidValue(field: "options", reason: "must list 1 to \(RoundParameters.maximumOptions) options")
        }
        var seen = Set<String>()
        for (index, option) in options.enumerated() {
            guard TextLimit.option.contains(option.unicodeScalars.count) else {
                throw .invalidValue(field: "options[\(index)]", reason: "must be 1 to 200 characters")
            }
            guard seen.insert(option).inserted else {
                throw .invalidValue(field: "options[\(index)]", reason: "\"\(option)\" is listed twice")
            }
        }
        guard (1...options.count).contains(seats) else {
            throw .invalidValue(field: "seats", reason: "must be between 1 and \(options.count) (the options)")
        }
        guard method.multiWinner || seats == 1 else {
            throw .invalidValue(field: "seats", reason: "must be 1: \(method.name) elects one option")
        }
        let declared = Set(method.parameters.map(\.key))
        if let unknown = parameters.keys.sorted().first(where: { !declared.contains($0) }) {
            throw .invalidValue(field: "parameters.\(unknown)", reason: "is not a parameter of \(method.name)")
        }
        if case .list(let names) = tieBreak, names.count != options.count || Set(names) != seen {
            throw .invalidValue(field: "tieBreak", reason: "a list must name every option exactly once")
        }
        try validateBudget()
        do {
            _ = try count(BallotBox(for: self).ballots())
        } catch {
            throw .invalidValue(field: "parameters", reason: "are refused by \(method.name): \(error)")
        }
    }

    private func validateBudget() throws(PayloadError) {
        let needsBudget = RoundParameters.budgetingMethods.contains(method)
        guard let budget else {
            if needsBudget { throw .missingField("budget") }
            return
        }
        guard needsBudget else {
            throw .invalidValue(field: "budget", reason: "is only for the budgeting methods")
        }
        if let missing = options.first(where: { budget.costs[$0] == nil }) {
            throw .invalidValue(field: "budget.costs", reason: "gives no cost for \"\(missing)\"")
        }
        if let extra = budget.costs.keys.sorted().first(where: { !options.contains($0) }) {
            throw .invalidValue(field: "budget.costs.\(extra)", reason: "is not an option")
        }
    }
}
