import Counting
import Service
import Statements

/// `/rounds/{id}`: what is asked and how it is counted, who has voted, and, for a voter while the
/// round is open, the ballot form shaped for the method (prefilled with the voter's ballot).
struct RoundPage {
    struct Fact {
        let label: String
        let value: String
    }

    let title: String
    let id: String
    let question: String
    let method: String
    let methodSummary: String
    let state: String
    let isOpen: Bool
    let proposalID: String?
    let proposalTitle: String?
    let facts: [Fact]
    let options: [String]
    let ballotsCounted: Int
    let voters: Int
    let ballotStatementsText: String
    let inElectorate: Bool
    let canVote: Bool
    let ballot: BallotWidget?
    let revision: String
    let sequence: Int64
    let myBallot: MyBallot?
    let canClose: Bool

    struct MyBallot {
        let statement: String
        let sequence: Int64
        let leaf: UInt64
    }

    init(id: StatementID, state: OrganizationState, viewer: WebSite.Viewer) throws(ServiceError) {
        let round = try state.round(id)
        let open = round.parameters
        title = open.question
        self.id = id.hex
        question = open.question
        method = open.method
        methodSummary = (try? VotingMethod.named(open.method))?.summary ?? ""
        self.state = round.state.rawValue
        isOpen = round.state == .open
        proposalID = open.proposal?.hex
        proposalTitle = open.proposal.flatMap { state.proposals[$0]?.current.title }
        var facts = [
            Fact(label: "State", value: round.state == .open ? "open" : "closed"),
            Fact(label: "Method", value: open.method),
            Fact(label: "Seats", value: String(open.seats)),
            Fact(label: "Tie-break", value: open.tieBreak.description),
            Fact(label: "Running count", value: open.visibility == .live ? "shown while open" : "hidden until close"),
            Fact(label: "Opened by", value: Names.member(round.openedBy, in: state)),
        ]
        if let closes = open.closes { facts.append(Fact(label: "Closes", value: Names.time(closes))) }
        if let quorum = open.quorum {
            facts.append(Fact(label: "Quorum", value: "\(quorum.num)/\(quorum.den) of the electorate's weight"))
        }
        if let threshold = open.threshold {
            facts.append(Fact(label: "Threshold", value: "\(threshold.num)/\(threshold.den) of the counted weight"))
        }
        for (key, value) in open.parameters.sorted(by: { $0.key < $1.key }) {
            facts.append(Fact(label: "Parameter \(key)", value: value))
        }
        if let revision = open.revision { facts.append(Fact(label: "Revision voted on", value: revision.hex)) }
        self.facts = facts
        options = open.options
        ballotsCounted = round.ballots.count
        voters = round.electorate.entries.count
        ballotStatementsText = Plural.text(round.ballotStatements, "ballot statement")
        let caller = viewer.member
        inElectorate = caller.map { round.voters[$0.id] != nil } ?? false
        canVote = inElectorate && round.state == .open
        let current = caller.flatMap { round.ballots[$0.id] }
        ballot = canVote ? BallotWidget(round: round, current: current?.choice) : nil
        revision = open.revision?.hex ?? ""
        sequence = (current?.sequence ?? 0) + 1
        myBallot = current.map { MyBallot(statement: $0.statement.hex, sequence: $0.sequence, leaf: $0.leaf) }
        canClose = round.state == .open && (caller?.has(.steward) ?? false)
    }
}

/// The ballot's widget, by the round's shape: a ranking list, approval boxes, score inputs (a
/// range, a grade list, or a point budget), or consent stances.
struct BallotWidget {
    struct Option {
        let name: String
        let number: Int
        /// Ranking: whether the option is ranked (its box checked).
        let included: Bool
        /// Approval: whether it is approved.
        let approved: Bool
        /// Scores: the current value.
        let score: Int64
        /// Grades: the scale with the current one selected.
        let grades: [Grade]
        /// Stances: the four choices with the current one checked.
        let stances: [StanceChoice]
        /// Budgeting: the option's cost.
        let cost: String?
    }

    struct Grade {
        let value: Int
        let name: String
        let selected: Bool
    }

    struct StanceChoice {
        let value: String
        let label: String
        let checked: Bool
    }

    let shape: String
    let isRanking: Bool
    let isApprove: Bool
    let isScores: Bool
    let isStances: Bool
    /// Scores as `input[type=range]`.
    let usesRange: Bool
    /// Scores as a grade `select` (majority judgment).
    let usesGrades: Bool
    /// Scores as `input[type=number]` under a budget (cumulative, quadratic).
    let usesBudget: Bool
    let budget: Int64?
    /// What the budget counts: `points` (cumulative) or `credits` (quadratic).
    let budgetUnit: String
    let minimum: Int64
    let maximum: Int64
    let totalBudget: String?
    let options: [Option]

    init(round: Round, current: IndexedChoice?) {
        let open = round.parameters
        let shape = open.counting.choiceShape
        self.shape = shape.rawValue
        isRanking = shape == .ranking
        isApprove = shape == .approve
        isScores = shape == .scores
        isStances = shape == .stances
        let parameters = open.parameters
        func integer(_ key: String, _ fallback: Int64) -> Int64 { parameters[key].flatMap { Int64($0) } ?? fallback }
        var usesRange = false
        var usesGrades = false
        var usesBudget = false
        var budget: Int64?
        var budgetUnit = ""
        var minimum: Int64 = 0
        var maximum: Int64 = 5
        var gradeNames: [String] = []
        switch open.method {
        case MajorityJudgment.name:
            usesGrades = true
            gradeNames =
                parameters["grades"].map { $0.split(separator: ",").map(String.init) }
                ?? MajorityJudgment.balinskiLarakiGrades
            maximum = Int64(gradeNames.count - 1)
        case CumulativeVoting.name:
            usesBudget = true
            budget = integer("points", 5)
            budgetUnit = "points"
            maximum = budget ?? 5
        case QuadraticVoting.name:
            usesBudget = true
            budget = integer("credits", 100)
            budgetUnit = "credits"
            maximum = budget ?? 100
            minimum = parameters["negative"] == "true" ? -maximum : 0
        case STARVoting.name:
            usesRange = true
            maximum = integer("max", 5)
        default:
            usesRange = true
            minimum = integer("min", 0)
            maximum = integer("max", 5)
        }
        self.usesRange = usesRange && isScores
        self.usesGrades = usesGrades && isScores
        self.usesBudget = usesBudget && isScores
        self.budget = isScores ? budget : nil
        self.budgetUnit = budgetUnit
        self.minimum = minimum
        self.maximum = maximum
        totalBudget = open.budget.map { String($0.total) }

        let names = open.options
        var order = Array(names.indices)
        var ranked = Set(names.indices)
        var approved = Set<Int>()
        var scores = [Int64?](repeating: nil, count: names.count)
        var stances = [ConsentStance?](repeating: nil, count: names.count)
        switch current {
        case .ranking(let groups)?:
            let flat = groups.flatMap { $0 }
            order = flat + names.indices.filter { !flat.contains($0) }
            ranked = Set(flat)
        case .approve(let indexes)?: approved = Set(indexes)
        case .scores(let row)?:
            for (index, value) in row.enumerated() where index < names.count { scores[index] = value.map { Int64($0) } }
        case .stances(let row)?:
            for (index, value) in row.enumerated() where index < names.count { stances[index] = value }
        case nil: break
        }
        let stanceLabels: [(ConsentStance, String)] = [
            (.agree, "Agree"), (.abstain, "Abstain"), (.object, "Object"), (.block, "Block"),
        ]
        options = order.enumerated().map { position, index in
            let score = scores[index] ?? (usesBudget ? 0 : minimum)
            return Option(
                name: names[index], number: position + 1, included: ranked.contains(index),
                approved: approved.contains(index), score: score,
                grades: gradeNames.enumerated().map {
                    Grade(value: $0.offset, name: $0.element, selected: Int64($0.offset) == score)
                },
                stances: stanceLabels.map { value, label in
                    StanceChoice(value: value.rawValue, label: label, checked: (stances[index] ?? .abstain) == value)
                },
                cost: open.budget.flatMap { $0.costs[names[index]] }.map { String($0) })
        }
    }
}
