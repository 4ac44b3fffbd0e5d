import GRDB

/// A row of the `outcomes` view: the counted result of a closed round.
public struct OutcomeRow: Hashable, Sendable {
    /// The round counted.
    public var roundID: String
    /// The id of the statement that published the result.
    public var resultStatement: String
    /// Whether the proposal passed, for methods that decide pass or fail; nil for elections.
    public var passed: Bool?
    /// The outcome, as canonical JSON.
    public var outcome: String

    /// Makes a row.
    public init(roundID: String, resultStatement: String, passed: Bool?, outcome: String) {
        self.roundID = roundID
        self.resultStatement = resultStatement
        self.passed = passed
        self.outcome = outcome
    }

    static let upsertSQL = """
        INSERT INTO outcomes (round_id, result_statement, passed, outcome) VALUES (?, ?, ?, ?)
        ON CONFLICT (round_id) DO UPDATE SET
        result_statement = excluded.result_statement, passed = excluded.passed, outcome = excluded.outcome
        """

    var arguments: StatementArguments { [roundID, resultStatement, passed, outcome] }
}
