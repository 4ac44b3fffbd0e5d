import Counting
import Ledger
import Sodium

/// The count of a round, as the service does it at close and an auditor does it again: each
/// voter's counted ballot, weighted by the frozen electorate and taken in member order, counted
/// with the round's method, then the quorum and the threshold.
///
/// Pure and deterministic: the same open statement, electorate and ballots always give the same
/// count, which is what lets `plenum audit verify` compare its recount with the certificate.
public struct RoundCount: Sendable {
    /// A voter's counted ballot.
    public struct Ballot: Sendable {
        public let voter: MemberID
        public let statement: StatementID
        public let choice: IndexedChoice

        public init(voter: MemberID, statement: StatementID, choice: IndexedChoice) {
            self.voter = voter
            self.statement = statement
            self.choice = choice
        }
    }

    /// Why a count could not be made (the certificate then carries it in place of an outcome).
    public struct Failure: Error, Sendable, Equatable {
        public let code: String
        public let message: String
    }

    /// The outcome, or why the method could not count.
    public let outcome: Result<Outcome, Failure>
    /// The counted ballot statements, ascending.
    public let counted: [StatementID]
    /// Their total weight.
    public let weight: Int64
    /// The electorate's total weight.
    public let eligibleWeight: Int64
    /// Whether the counted weight reaches the quorum (true when there is none).
    public let quorumMet: Bool
    /// The weight of counted ballots that support the first winner.
    public let support: Int64
    /// Quorum met, a winner found, and the threshold (if any) reached.
    public let passed: Bool

    /// Counts `ballots` (one per voter) for the round `open` with the frozen `electorate`.
    public init(open: RoundOpen, electorate: Electorate, ballots: [Ballot]) {
        let parameters = open.counting
        var weights: [MemberID: Int64] = [:]
        for entry in electorate.entries { weights[entry.member] = entry.weight }
        let ordered = ballots.sorted { $0.voter < $1.voter }
        var box = BallotBox(for: parameters)
        var weight: Int64 = 0
        var outcome: Result<Outcome, Failure>
        do {
            for ballot in ordered {
                let voterWeight = weights[ballot.voter] ?? 0
                weight += voterWeight
                try box.add(ballot.choice, weight: voterWeight)
            }
            outcome = .success(try parameters.count(box.ballots()))
        } catch let error as BallotError {
            outcome = .failure(Failure(code: error.code, message: error.message))
        } catch let error as CountingError {
            outcome = .failure(Failure(code: error.code, message: error.description))
        } catch {
            outcome = .failure(Failure(code: "count_failed", message: "\(error)"))
        }
        let eligible = electorate.totalWeight
        let quorumMet = open.quorum.map { $0.isReached(by: weight, of: eligible) } ?? true
        var support: Int64 = 0
        var passed = false
        if case .success(let result) = outcome, let winner = result.winners.first {
            for ballot in ordered where ballot.choice.supports(winner) { support += weights[ballot.voter] ?? 0 }
            let thresholdReached = open.threshold.map { $0.isReached(by: support, of: weight) } ?? true
            passed = quorumMet && thresholdReached
        }
        self.outcome = outcome
        self.counted = ordered.map(\.statement).sorted()
        self.weight = weight
        self.eligibleWeight = eligible
        self.quorumMet = quorumMet
        self.support = support
        self.passed = passed
    }

    /// The outcome as JSON, or `{"error": {"code", "message"}}` when the count failed.
    public var outcomeJSON: JSONValue {
        switch outcome {
        case .success(let outcome): return outcome.json
        case .failure(let failure):
            return .object([
                JSONMember(
                    "error",
                    .object([
                        JSONMember("code", .string(failure.code)), JSONMember("message", .string(failure.message)),
                    ]))
            ])
        }
    }

    /// The result certificate for this count: the round, its electorate commitment, the log
    /// state right after the close, and everything counted.
    public func certificate(
        header: StatementHeader, round: StatementID, electorate: SHA256Digest, checkpoint: RoundResult.LogState,
        method: String, cast: Int
    ) -> RoundResult {
        RoundResult(
            header: header, round: round, electorate: electorate, checkpoint: checkpoint, method: method,
            ballots: counted.count, weight: weight, eligibleWeight: eligibleWeight, quorumMet: quorumMet,
            passed: passed, outcome: outcomeJSON, counted: RoundResult.countedDigest(of: counted), cast: cast)
    }
}
