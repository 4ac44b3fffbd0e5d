import Foundation
import Ledger
import Service
import Sodium
import Statements
import Store
import Synchronization

/// An organization for tests: an in-memory (or file) database, a log key, a steward, and a
/// clock the test can move. Every action goes through ``Organization/submit(_:)`` as a signed
/// statement, exactly as a client would send it.
public final class TestOrganization: Sendable {
    public static let id = "test-org"
    public let organization: Organization
    public let database: PlenumDatabase
    public let logKey: SigningKey
    public let steward: SigningKey
    private let clock: TestClock

    /// A fresh organization whose founder (`steward`) is its only member. `path` nil keeps the
    /// database in memory.
    public init(path: String? = nil, configuration: ServiceConfiguration = ServiceConfiguration()) throws {
        let clock = TestClock()
        self.clock = clock
        self.logKey = try SigningKey.generate()
        self.steward = try SigningKey.generate()
        self.database = try path.map { try PlenumDatabase(path: $0) } ?? (try PlenumDatabase.inMemory())
        try Organization.create(
            in: database, organization: TestOrganization.id, name: "Test Co-op", origin: "plenum.test/test-org",
            logKey: logKey, founder: steward.publicKey, founderName: "Steward", now: clock.now)
        var configuration = configuration
        configuration.clock = { clock.now }
        self.organization = try Organization(database: database, logKey: logKey, configuration: configuration)
    }

    deinit { organization.shutdown() }

    /// The test clock, in Unix milliseconds.
    public var now: Int64 { clock.now }

    /// Moves the clock forward.
    public func advance(milliseconds: Int64) { clock.advance(milliseconds) }

    /// A header for a statement by `key`, created now.
    public func header(_ key: SigningKey, organization: String = TestOrganization.id) -> StatementHeader {
        StatementHeader(organization: organization, author: key.publicKey, created: now)
    }

    /// `payload` signed by `key`.
    public func sign<Payload: StatementPayload>(_ payload: Payload, _ key: SigningKey) -> SignedStatement {
        SignedStatement(signing: payload.canonicalBytes, as: Payload.kind, with: key)
    }

    /// Signs and submits.
    @discardableResult
    public func submit<Payload: StatementPayload>(_ payload: Payload, by key: SigningKey) async throws -> Receipt {
        try await organization.submit(sign(payload, key))
    }

    /// Invites and joins a new member; returns their key.
    public func join(
        _ name: String, roles: [Role] = [.member], weight: Int64 = 1, invitedBy: SigningKey? = nil
    ) async throws -> SigningKey {
        let key = try SigningKey.generate()
        let secret = SecureRandom.bytes(count: 32)
        try await submit(
            MemberInvite(
                header: header(invitedBy ?? steward), code: SHA256.hash(secret), name: name, roles: roles,
                weight: weight, expires: now + 86_400_000),
            by: invitedBy ?? steward)
        try await submit(MemberJoin(header: header(key), secret: secret, name: name), by: key)
        return key
    }

    /// The current electorate (what a steward's client fetches before opening a round).
    public func electorate() throws -> Electorate {
        try organization.read { $0.currentElectorate }
    }

    /// Opens a question round (or a round on `proposal`'s current revision) and returns its id.
    public func openRound(
        method: String, options: [String], seats: Int = 1, parameters: [String: String] = [:],
        budget: RoundBudget? = nil, proposal: StatementID? = nil, closes: Int64? = nil, quorum: Fraction? = nil,
        threshold: Fraction? = nil, visibility: Visibility = .live, by key: SigningKey? = nil
    ) async throws -> StatementID {
        let electorate = try electorate()
        var revision: StatementID?
        if let proposal {
            revision = try organization.read { state throws(ServiceError) in try state.proposal(proposal).current.id }
        }
        let open = RoundOpen(
            header: header(key ?? steward), proposal: proposal, revision: revision, question: "Which?",
            method: method, options: options, seats: seats, parameters: parameters, budget: budget, closes: closes,
            quorum: quorum, threshold: threshold, visibility: visibility, electorate: electorate.commitment,
            voters: electorate.count)
        return try await submit(open, by: key ?? steward).statement
    }

    /// Casts a ballot; the revision is the round's.
    @discardableResult
    public func vote(
        _ round: StatementID, _ choice: BallotChoice, by key: SigningKey, sequence: Int64 = 1
    ) async throws -> Receipt {
        let revision = try organization.read { state throws(ServiceError) in try state.round(round).parameters.revision
        }
        return try await submit(
            BallotCast(header: header(key), round: round, revision: revision, sequence: sequence, choice: choice),
            by: key)
    }

    /// Closes a round as the steward and returns its certificate.
    @discardableResult
    public func close(_ round: StatementID, by key: SigningKey? = nil) async throws -> RoundResult {
        try await submit(RoundClose(header: header(key ?? steward), round: round), by: key ?? steward)
        return try organization.read { state throws(ServiceError) in
            guard let result = try state.round(round).result else {
                throw .conflict("round_not_closed", "no certificate")
            }
            return result
        }
    }
}

/// A clock tests move by hand.
public final class TestClock: Sendable {
    private let time = Mutex<Int64>(1_795_000_000_000)

    public init() {}

    public var now: Int64 { time.withLock { $0 } }

    public func advance(_ milliseconds: Int64) { time.withLock { $0 += milliseconds } }
}
