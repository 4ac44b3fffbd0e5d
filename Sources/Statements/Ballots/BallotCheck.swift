/// A round's rules for a ballot's choice, prepared once for the round: the shape its method
/// takes and where each option is in its list. A verifier checking a million ballots of one round
/// works these out once rather than for every ballot.
public struct BallotCheck: Sendable {
    /// The round's parameters.
    public let round: RoundParameters
    /// The shape of choice the round takes (``RoundParameters/choiceShape``).
    public let shape: BallotChoice.Shape
    private let positions: OptionPositions

    /// The rules of the round with these parameters.
    public init(_ round: RoundParameters) {
        self.round = round
        self.shape = round.choiceShape
        self.positions = OptionPositions(round.options)
    }

    /// Checks one ballot's choice: validated against the options
    /// (``BallotChoice/validated(options:)``), of the round's shape (`wrong_shape`), and, for
    /// scores and stances, accepted by the method: a one-ballot election is counted, and a ballot
    /// the method refuses (over the points or credits budget, outside the score scale) is
    /// `over_limit`. Rankings and approvals have no limits beyond the options. Returns the
    /// choice to count.
    public func check(_ choice: BallotChoice) throws(BallotError) -> IndexedChoice {
        let indexed = try choice.validated(positions: positions)
        guard indexed.shape == shape else {
            throw .wrongShape(expected: shape.rawValue, actual: indexed.shape.rawValue)
        }
        guard indexed.shape == .scores || indexed.shape == .stances else { return indexed }
        var box = BallotBox(options: round.options, shape: shape)
        try box.add(indexed, weight: 1)
        let ballots = try box.ballots()
        do {
            _ = try round.count(ballots)
        } catch {
            // Only a refused ballot is the voter's concern; a round whose parameters the method
            // refuses was refused when it opened (``RoundParameters/validate()``).
            if case .invalidBallot(let reason) = error { throw .overLimit(reason: reason) }
        }
        return indexed
    }
}
