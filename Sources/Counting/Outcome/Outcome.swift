/// The result of a count as a value: the winners, the full ranking where the method gives one
/// (ties marked, never silently broken), the trace, every tie and how it was settled, and the
/// method with every parameter. It encodes to canonical JSON so it can be hashed and signed.
public struct Outcome: Hashable, Sendable {
    /// The method's registry name (`"schulze"`, `"scottish-stv"`, ...).
    public var method: String
    /// Every parameter the count used, defaults included.
    public var parameters: [JSONMember]
    /// Candidate names, by index.
    public var candidates: [String]
    /// The elected candidates (one for single-winner methods), in order of election; ties for a
    /// seat are settled by the documented tie-break, recorded in ``ties``.
    public var winners: [Int]
    /// The method's full ranking as groups of candidates it cannot separate, best first; empty for
    /// methods that only elect.
    public var ranking: [[Int]]
    /// The round-by-round trace.
    public var rounds: [TraceRound]
    /// Every tie met and how it was settled.
    public var ties: [TieResolution]

    public init(
        method: String, parameters: [JSONMember], candidates: [String], winners: [Int], ranking: [[Int]] = [],
        rounds: [TraceRound] = [], ties: [TieResolution] = []
    ) {
        self.method = method
        self.parameters = parameters
        self.candidates = candidates
        self.winners = winners
        self.ranking = ranking
        self.rounds = rounds
        self.ties = ties
    }

    /// The names of the winners.
    public var winnerNames: [String] { winners.map { candidates[$0] } }

    /// The ranking with names.
    public var rankingNames: [[String]] { ranking.map { $0.map { candidates[$0] } } }
}
