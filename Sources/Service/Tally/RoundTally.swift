import Counting
import Ledger
import Sodium
import Statements

/// Counting a round with the counting library: the ballot check at cast time, the count at
/// close (quorum and threshold included), and the result certificate the log key signs.
public enum RoundTally {
    /// What a count of a round's current ballots gives.
    public struct Count: Sendable {
        /// The outcome, or why the method could not count.
        public let outcome: Result<Outcome, ServiceError>
        /// The counted ballot statements, in member order.
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

        /// The outcome as JSON, or `{"error": {"code", "message"}}` when the count failed.
        public var outcomeJSON: JSONValue {
            switch outcome {
            case .success(let outcome): return outcome.json
            case .failure(let error):
                return .object([
                    JSONMember(
                        "error",
                        .object([
                            JSONMember("code", .string(error.code)), JSONMember("message", .string(error.message)),
                        ]))
                ])
            }
        }
    }

    /// Checks a ballot's choice against the round's options, shape and method limits.
    static func check(_ choice: BallotChoice, in round: Round) throws(ServiceError) -> IndexedChoice {
        do {
            return try round.counting.check(ballot: choice)
        } catch {
            throw .invalidChoice(error.code, error.message)
        }
    }

    /// Counts the round's latest ballot of each voter, weighted by the frozen electorate.
    public static func count(_ round: Round) -> Count {
        let parameters = round.counting
        var box = BallotBox(for: parameters)
        var counted: [StatementID] = []
        var weight: Int64 = 0
        var choices: [(IndexedChoice, Int64)] = []
        for voter in round.ballots.keys.sorted() {
            let ballot = round.ballots[voter]!
            let voterWeight = round.voters[voter] ?? 0
            choices.append((ballot.choice, voterWeight))
            counted.append(ballot.statement)
            weight += voterWeight
        }
        let eligible = round.eligibleWeight
        let quorumMet = round.parameters.quorum.map { $0.isReached(by: weight, of: eligible) } ?? true
        let outcome: Result<Outcome, ServiceError>
        do {
            for (choice, voterWeight) in choices { try box.add(choice, weight: voterWeight) }
            outcome = .success(try parameters.count(box.ballots()))
        } catch let error as BallotError {
            outcome = .failure(.invalidChoice(error.code, error.message))
        } catch let error as CountingError {
            outcome = .failure(.init(.conflict, error.code, error.description))
        } catch {
            outcome = .failure(.init(.conflict, "count_failed", "\(error)"))
        }
        var support: Int64 = 0
        var passed = false
        if case .success(let result) = outcome, let winner = result.winners.first {
            for (choice, voterWeight) in choices where choice.supports(winner) { support += voterWeight }
            let thresholdReached = round.parameters.threshold.map { $0.isReached(by: support, of: weight) } ?? true
            passed = quorumMet && thresholdReached
        }
        return Count(
            outcome: outcome, counted: counted.sorted(), weight: weight, eligibleWeight: eligible, quorumMet: quorumMet,
            support: support, passed: passed)
    }

    /// The certificate for a round just closed, binding the electorate, the log state right
    /// after the close, the method and the outcome.
    static func certificate(
        for round: Round, header: StatementHeader, checkpointSize: UInt64, checkpointRoot: SHA256Digest
    ) -> RoundResult {
        let count = count(round)
        return RoundResult(
            header: header, round: round.id, electorate: round.electorate.commitment,
            checkpoint: RoundResult.LogState(size: Int64(checkpointSize), root: checkpointRoot),
            method: round.parameters.method, ballots: count.counted.count, weight: count.weight,
            eligibleWeight: count.eligibleWeight, quorumMet: count.quorumMet, passed: count.passed,
            outcome: count.outcomeJSON, counted: RoundResult.countedDigest(of: count.counted))
    }
}

extension Round {
    /// The counting-relevant parameters of the round.
    public var counting: RoundParameters { parameters.counting }
}
