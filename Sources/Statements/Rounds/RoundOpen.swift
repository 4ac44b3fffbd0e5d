import Counting
import Ledger
import Sodium

/// `round.open`: a steward opens a decision round on a proposal's revision, or on a question.
/// Everything that decides the count is fixed here and never changes: the method and its
/// parameters, the options, the seats, the tie-break, the budget, the quorum and threshold, and
/// the electorate (committed by hash; ``voters`` members).
///
/// Signed by a steward.
public struct RoundOpen: StatementPayload, Equatable {
    public static let kind = try! StatementKind("round.open")

    public var header: StatementHeader
    /// The proposal voted on; nil for a question round.
    public var proposal: StatementID?
    /// The exact revision voted on; present exactly when ``proposal`` is.
    public var revision: StatementID?
    /// The question shown to voters (1 to 1000 characters).
    public var question: String
    /// A name in `VotingMethod.all`.
    public var method: String
    /// The option names: 1 to 1000, unique, each 1 to 200 characters.
    public var options: [String]
    /// How many options win.
    public var seats: Int
    /// The method's parameters, as `key: value` strings (may be empty).
    public var parameters: [String: String]
    /// The tie-break rule, written `order`, `seed:N` or `list:A,B,...`.
    public var tieBreak: MethodOptions.TieBreak
    /// The budget, for participatory-budgeting methods.
    public var budget: RoundBudget?
    /// When the server closes the round, Unix milliseconds; nil for a round closed by a steward.
    public var closes: Int64?
    /// The share of the electorate's weight that must cast a counted ballot.
    public var quorum: Fraction?
    /// The share of the counted weight that must support the first winner.
    public var threshold: Fraction?
    /// Whether the running tally is shown while the round is open.
    public var visibility: Visibility
    /// The electorate's commitment (``Electorate/commitment``).
    public var electorate: SHA256Digest
    /// The number of members in the electorate.
    public var voters: Int

    public init(
        header: StatementHeader, proposal: StatementID? = nil, revision: StatementID? = nil, question: String,
        method: String, options: [String], seats: Int = 1, parameters: [String: String] = [:],
        tieBreak: MethodOptions.TieBreak = .candidateOrder, budget: RoundBudget? = nil, closes: Int64? = nil,
        quorum: Fraction? = nil, threshold: Fraction? = nil, visibility: Visibility = .live,
        electorate: SHA256Digest, voters: Int
    ) {
        self.header = header
        self.proposal = proposal
        self.revision = revision
        self.question = question
        self.method = method
        self.options = options
        self.seats = seats
        self.parameters = parameters
        self.tieBreak = tieBreak
        self.budget = budget
        self.closes = closes
        self.quorum = quorum
        self.threshold = threshold
        self.visibility = visibility
        self.electorate = electorate
        self.voters = voters
    }

    /// The most voters a round may have.
    public static let maximumVoters: Int64 = 100_000_000

    public init(reading reader: inout PayloadReader) throws(PayloadError) {
        header = try StatementHeader(reading: &reader)
        proposal = try reader.optionalStatementID("proposal")
        revision = try reader.optionalStatementID("revision")
        guard (proposal == nil) == (revision == nil) else {
            throw .invalidValue(field: "revision", reason: "must be given exactly when proposal is")
        }
        question = try reader.string("question", scalars: TextLimit.question)
        method = try reader.string("method")
        options = try reader.strings("options")
        seats = Int(try reader.integer("seats", in: 1...Int64(RoundParameters.maximumOptions)))
        parameters = try RoundOpen.readParameters(&reader)
        let tieBreakText = try reader.string("tieBreak")
        do {
            tieBreak = try MethodOptions.TieBreak(parsing: tieBreakText)
        } catch {
            throw .invalidValue(field: "tieBreak", reason: "must be order, seed:N or list:A,B,...")
        }
        guard tieBreak.description == tieBreakText else {
            throw .invalidValue(field: "tieBreak", reason: "must be written \"\(tieBreak.description)\"")
        }
        if var budgetReader = try reader.optionalObject("budget") {
            budget = try RoundBudget(reading: &budgetReader)
        } else {
            budget = nil
        }
        closes = try reader.optionalInteger("closes", in: PayloadReader.timestampRange)
        if var quorumReader = try reader.optionalObject("quorum") {
            quorum = try Fraction(reading: &quorumReader)
        } else {
            quorum = nil
        }
        if var thresholdReader = try reader.optionalObject("threshold") {
            threshold = try Fraction(reading: &thresholdReader)
        } else {
            threshold = nil
        }
        visibility = try reader.enumeration("visibility", as: Visibility.self)
        electorate = try reader.hexDigest("electorate")
        voters = Int(try reader.integer("voters", in: 1...RoundOpen.maximumVoters))
        try counting.validate()
    }

    private static func readParameters(_ reader: inout PayloadReader) throws(PayloadError) -> [String: String] {
        let value = try reader.value("parameters")
        guard case .object(let members) = value else {
            throw .wrongType(field: "parameters", expected: "an object", actual: value.typeName)
        }
        var parameters: [String: String] = [:]
        for member in members {
            guard case .string(let text) = member.value else {
                throw .wrongType(field: "parameters.\(member.key)", expected: "a string", actual: member.value.typeName)
            }
            parameters[member.key] = text
        }
        return parameters
    }

    /// The counting-relevant part: method, options, seats, parameters, tie-break and budget.
    public var counting: RoundParameters {
        RoundParameters(
            method: method, options: options, seats: seats, parameters: parameters, tieBreak: tieBreak, budget: budget)
    }

    public var members: [JSONMember] {
        var members = header.members
        if let proposal { members.append(JSONMember("proposal", .string(proposal.hex))) }
        if let revision { members.append(JSONMember("revision", .string(revision.hex))) }
        members += [
            JSONMember("question", .string(question)),
            JSONMember("method", .string(method)),
            JSONMember("options", .array(options.map(JSONValue.string))),
            JSONMember("seats", .integer(Int64(seats))),
            JSONMember(
                "parameters",
                .object(parameters.sorted { $0.key < $1.key }.map { JSONMember($0.key, .string($0.value)) })),
            JSONMember("tieBreak", .string(tieBreak.description)),
        ]
        if let budget { members.append(JSONMember("budget", budget.json)) }
        if let closes { members.append(JSONMember("closes", .integer(closes))) }
        if let quorum { members.append(JSONMember("quorum", quorum.json)) }
        if let threshold { members.append(JSONMember("threshold", threshold.json)) }
        members += [
            JSONMember("visibility", .string(visibility.rawValue)),
            JSONMember("electorate", .string(electorate.hex)),
            JSONMember("voters", .integer(Int64(voters))),
        ]
        return members
    }
}
