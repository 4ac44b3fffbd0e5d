import Ledger
import PlenumTestSupport
import Service
import Sodium
import Statements
import Store
import Testing

/// What a refused statement must leave untouched: the log (in memory and on disk), the latest
/// checkpoint, and every part of the rules' state a statement can change.
struct StateSnapshot: Equatable {
    struct RoundState: Equatable {
        let state: String
        let ballots: [MemberID: Round.CountedBallot]
        let ballotStatements: Int
        let closedLeaf: UInt64?
        let resultStatement: StatementID?
    }

    let size: UInt64
    let checkpointSize: UInt64
    let checkpointRoot: SHA256Digest
    let storedTree: TreeState?
    let storedCheckpoints: Int
    let members: [MemberID: Member]
    let keys: [PublicKey: MemberKey]
    let invitations: [SHA256Digest: Invitation]
    let proposals: [StatementID: Proposal]
    let comments: [StatementID: Service.Comment]
    let rounds: [StatementID: RoundState]
    let leaves: [StatementID: UInt64]

    init(_ test: TestOrganization) throws {
        let checkpoint = try test.organization.latestCheckpoint().checkpoint
        checkpointSize = checkpoint.size
        checkpointRoot = checkpoint.root
        storedTree = try test.database.treeState()
        storedCheckpoints = try test.database.checkpoints().count
        let state = try test.organization.read { $0 }
        size = state.size
        members = state.members
        keys = state.keys
        invitations = state.invitations
        proposals = state.proposals
        comments = state.comments
        rounds = state.rounds.mapValues { round in
            RoundState(
                state: round.state.rawValue, ballots: round.ballots, ballotStatements: round.ballotStatements,
                closedLeaf: round.closedLeaf, resultStatement: round.resultStatement)
        }
        leaves = state.leaves
    }
}

extension TestOrganization {
    /// Submits `statement`, expects it refused with `code` in `category`, and checks that nothing
    /// changed: the log, the checkpoint, the store and the state.
    func expectRefusal(
        _ statement: SignedStatement, code: String, _ category: ServiceError.Category,
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws {
        let before = try StateSnapshot(self)
        do {
            let receipt = try await organization.submit(statement)
            Issue.record(
                "expected \(code) (\(category)), but the statement was accepted at leaf \(receipt.leaf)",
                sourceLocation: sourceLocation)
        } catch {
            #expect(error.code == code, "\(error)", sourceLocation: sourceLocation)
            #expect(error.category == category, "\(error)", sourceLocation: sourceLocation)
        }
        let after = try StateSnapshot(self)
        #expect(after == before, "a refused statement changed the state", sourceLocation: sourceLocation)
        #expect(after.size == before.size, sourceLocation: sourceLocation)
        #expect(after.checkpointSize == before.checkpointSize, sourceLocation: sourceLocation)
    }

    /// Signs `payload` with `key` and expects the refusal (see ``expectRefusal(_:code:_:sourceLocation:)``).
    func expectRefusal<Payload: StatementPayload>(
        _ payload: Payload, by key: SigningKey, code: String, _ category: ServiceError.Category,
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws {
        try await expectRefusal(sign(payload, key), code: code, category, sourceLocation: sourceLocation)
    }

    /// The round `id` as the rules see it now.
    func round(_ id: StatementID) throws -> Round {
        try organization.read { state throws(ServiceError) in try state.round(id) }
    }

    /// A `round.open` for a question round, committing to `electorate` (the current one unless given).
    func roundOpen(
        method: String = "plurality", options: [String] = ["Yes", "No"], electorate: Electorate? = nil,
        closes: Int64? = nil, by key: SigningKey? = nil
    ) throws -> RoundOpen {
        let electorate = try electorate ?? self.electorate()
        return RoundOpen(
            header: header(key ?? steward), proposal: nil, revision: nil, question: "Which?", method: method,
            options: options, seats: 1, parameters: [:], budget: nil, closes: closes, quorum: nil, threshold: nil,
            visibility: .live, electorate: electorate.commitment, voters: electorate.count)
    }

    /// A ballot for `round` (a question round unless `revision` is given).
    func ballot(
        _ round: StatementID, _ choice: BallotChoice, by key: SigningKey, sequence: Int64 = 1,
        revision: StatementID? = nil
    ) -> BallotCast {
        BallotCast(header: header(key), round: round, revision: revision, sequence: sequence, choice: choice)
    }

    /// Creates a proposal by `key` (the steward unless given) and returns its id.
    func propose(_ title: String = "Paint the hall", by key: SigningKey? = nil) async throws -> StatementID {
        try await submit(
            ProposalCreate(header: header(key ?? steward), title: title, text: "Green, two coats."), by: key ?? steward
        ).statement
    }

    /// An invitation secret the steward has invited someone with, redeemable once.
    func invite(
        _ name: String, roles: [Role] = [.member], weight: Int64 = 1, expiresIn: Int64 = 86_400_000
    ) async throws -> [UInt8] {
        let secret = SecureRandom.bytes(count: 32)
        try await submit(
            MemberInvite(
                header: header(steward), code: SHA256.hash(secret), name: name, roles: roles, weight: weight,
                expires: now + expiresIn),
            by: steward)
        return secret
    }
}

/// A random statement id that names nothing in the log.
func unknownID() -> StatementID {
    StatementID(SHA256.hash(SecureRandom.bytes(count: 32)))
}

/// `statement` with `payload` in place of its own, keeping the signature.
func replacingPayload(_ statement: SignedStatement, with payload: [UInt8]) -> SignedStatement {
    SignedStatement(kind: statement.kind, payload: payload, signature: statement.signature)
}
