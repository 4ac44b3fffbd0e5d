import Counting
import Ledger
import Sodium
import Statements

/// The sequential part of verifying a record: membership in leaf order, the round's open,
/// ballots, close and certificate, then the recount. Fed ``CheckedStatement``s in record order.
struct RoundAudit {
    let header: RecordHeader
    private(set) var membership = Membership()
    private var lastLeaf: UInt64?
    private var proposalStatements = Set<StatementID>()
    private(set) var open: (payload: RoundOpen, leaf: UInt64, electorate: Electorate)?
    /// The revision the open names, kept apart so that each ballot compares with it without
    /// reading ``open`` (a copy of which, its electorate included, costs reference counting).
    private var openRevision: StatementID?
    /// The frozen electorate's members, each with the ballot of theirs that counts so far.
    private var voters: [Voter] = []
    /// For each member's place in ``Membership/people`` at the open, their place in ``voters``
    /// (-1 for a member outside the electorate): a ballot's voter is found without hashing.
    private var voterPlaces: [Int32] = []
    /// A member of the frozen electorate and their ballot that counts so far.
    private struct Voter {
        let member: MemberID
        var ballot: CountedBallot?
    }
    /// The sequence of each voter's ballot that counts so far, by their place in ``voters``:
    /// read for every ballot, and kept apart so that reading it does not copy (and reference
    /// count) the ballot.
    private var sequences: [Int64?] = []
    /// A voter's ballot that counts so far.
    private struct CountedBallot {
        let sequence: Int64
        let statement: StatementID
        let choice: IndexedChoice
    }
    /// How many voters have a ballot that counts.
    private var counted = 0
    private(set) var ballotStatements = 0
    private(set) var closeLeaf: UInt64?
    private(set) var result: (payload: RoundResult, leaf: UInt64)?
    private(set) var statements = 0
    /// Every statement id seen, so a statement repeated at another leaf is caught.
    private let seen: StatementIDSet
    /// The round's rules for a ballot's choice, once its open has been applied.
    private(set) var ballotCheck: BallotCheck?
    /// For a distribution's record, the pool part.
    private var poolAudit: PoolAudit?
    /// What passed, counted here per statement and handed to the report once
    /// (``reportCounts(into:)``): a report's checks are named, and naming is not per statement.
    private var verified: Int?
    private var membershipReplayed = 0
    private var ballotsChecked = 0

    init(header: RecordHeader) {
        self.header = header
        self.poolAudit = header.pool.map { PoolAudit(pool: $0, round: header.round) }
        // A record holds at most the log's statements (less when a round's record leaves other
        // activity out): sized once rather than grown as it fills, within 4 M ids (64 MiB of
        // slots and 128 MiB of ids at most, mapped only as they are written).
        seen = StatementIDSet(capacity: Int(min(header.checkpoint.checkpoint.size, 1 << 22)))
    }

    /// Applies one checked statement, reporting what fails.
    mutating func apply(_ checked: consuming CheckedStatement, into report: inout AuditReport) {
        statements += 1
        for failure in checked.failures { report.fail(failure) }
        let line = checked.line
        let leaf = checked.leaf
        func fail(_ code: String, _ message: String) {
            report.fail(AuditFailure(code, message, line: line, leaf: leaf))
        }
        if let lastLeaf, leaf <= lastLeaf {
            if leaf == lastLeaf {
                fail("duplicate_statement", "leaf \(leaf) appears twice")
            } else {
                fail("out_of_order", "leaf \(leaf) comes after leaf \(lastLeaf); statements must be in log order")
            }
            return
        }
        lastLeaf = leaf
        guard let kind = checked.kind else { return }
        if let id = checked.id, !seen.insert(id) {
            fail("duplicate_statement", "statement \(id.hex) appears at a second leaf")
            return
        }
        // The content is moved out of the statement and its ballot moved on to `applyBallot`:
        // a copy of a ballot (its choice) costs reference counting on a million ballots.
        var ballot: CheckedBallot?
        var statement: AnyStatementPayload?
        switch checked.content.take() {
        case .ballot(let checkedBallot)?: ballot = checkedBallot
        case .statement(let payload)?: statement = payload
        case nil: break
        }
        // A ballot counts towards `cast` unless it is legibly another round's.
        if kind == BallotCast.kind, ballot?.round == nil || ballot?.round == header.round {
            ballotStatements += 1
        }
        guard ballot != nil || statement != nil, let id = checked.id else { return }
        verified = (verified ?? 0) + (checked.failures.isEmpty ? 1 : 0)
        if let ballot = ballot.take() {
            if let (code, message) = applyBallot(ballot, id: id) {
                fail(code, message)
            } else {
                ballotsChecked += 1
            }
            return
        }
        guard let payload = statement.take() else { return }
        switch payload {
        case .organizationCreate, .memberInvite, .memberJoin, .memberSuspend, .memberReinstate, .memberRoles,
            .memberWeight, .keyRotate, .keyRevoke:
            if poolAudit == nil, let closeLeaf, leaf > closeLeaf {
                fail("unexpected_statement", "a membership statement after the round's close is not part of its record")
            }
            if let problem = membership.apply(payload, logKey: header.logKey, leaf: leaf) {
                fail(problem.code, problem.message)
            } else {
                membershipReplayed += 1
            }
        case .proposalCreate, .proposalRevise:
            proposalStatements.insert(id)
        case .roundOpen(let roundOpen):
            for (code, message) in applyOpen(roundOpen, id: id, leaf: leaf) { fail(code, message) }
        case .ballotCast(let ballot):
            // The parallel checks hand ballots over reduced; one given whole is applied the same.
            let reduced = CheckedBallot(ballot, round: ballotCheck, recordRound: header.round)
            if let (code, message) = applyBallot(reduced, id: id) {
                fail(code, message)
            } else {
                ballotsChecked += 1
            }
        case .roundClose(let close):
            guard close.round == header.round, closeLeaf == nil else {
                fail("unexpected_statement", "a round.close that is not this round's (or a second one)")
                return
            }
            guard open != nil else { return fail("missing_open", "the round closes before it opens") }
            guard close.header.author == header.logKey || membership.isSteward(close.header.author) else {
                return fail("close_signer", "the close is signed by neither a steward nor the log key")
            }
            closeLeaf = leaf
        case .roundResult(let certificate):
            guard certificate.header.author == header.logKey else {
                return fail("certificate_signer", "the result certificate is not signed by the log key")
            }
            guard certificate.round == header.round else {
                return fail(
                    "certificate_round", "a result certificate for round \(certificate.round.hex), not this one")
            }
            guard result == nil else { return fail("unexpected_statement", "a second result certificate") }
            guard let closeLeaf, leaf == closeLeaf + 1 else {
                return fail("certificate_position", "the certificate does not directly follow the round's close")
            }
            result = (certificate, leaf)
        case .poolCreate, .planCreate, .shareContribution, .shareAllocation, .distributionRun, .distributionResult:
            guard poolAudit != nil else {
                return fail("unexpected_statement", "a \(payload.kind) statement does not belong in a round's record")
            }
            if let (code, message) = poolAudit!.apply(
                payload, id: id, leaf: leaf, membership: membership, logKey: header.logKey, roundClosed: result != nil)
            {
                fail(code, message)
            }
        case .commentPost, .commentEdit, .commentHide, .proposalState, .login:
            fail("unexpected_statement", "a \(payload.kind) statement does not belong in a round's record")
        }
    }

    /// Applies the round's open; returns what failed.
    private mutating func applyOpen(_ roundOpen: RoundOpen, id: StatementID, leaf: UInt64) -> [(String, String)] {
        guard id == header.round, open == nil else {
            return [("unexpected_statement", "a round.open that is not the record's round")]
        }
        guard membership.isSteward(roundOpen.header.author) else {
            return [("not_steward", "the round is opened by a key that is not a steward's at this leaf")]
        }
        var failures: [(String, String)] = []
        if let revision = roundOpen.revision, !proposalStatements.contains(revision) {
            failures.append(
                ("missing_revision", "the revision voted on, \(revision.hex), is not in the record before the open"))
        }
        let electorate = membership.electorate
        if electorate.commitment != roundOpen.electorate || electorate.count != roundOpen.voters {
            failures.append(
                (
                    "electorate_mismatch",
                    "the members at the open give \(electorate.count) voters with commitment \(electorate.commitment.hex); "
                        + "the open commits to \(roundOpen.voters) with \(roundOpen.electorate.hex)"
                ))
        }
        voters.reserveCapacity(electorate.entries.count)
        voterPlaces = [Int32](repeating: -1, count: membership.people.count)
        for entry in electorate.entries {
            // Every entry is built from a member in `membership.people`, so it has a place.
            guard let place = membership.place(of: entry.member) else {
                preconditionFailure("an electorate entry for \(entry.member.base64url), who is not a member")
            }
            voterPlaces[place] = Int32(voters.count)
            voters.append(Voter(member: entry.member, ballot: nil))
            sequences.append(nil)
        }
        open = (roundOpen, leaf, electorate)
        openRevision = roundOpen.revision
        ballotCheck = BallotCheck(roundOpen.counting)
        return failures
    }

    /// Applies a ballot; returns why it does not count, or nil.
    private mutating func applyBallot(_ ballot: consuming CheckedBallot, id: StatementID) -> (String, String)? {
        guard ballot.round == header.round else {
            return ("ballot_other_round", "a ballot for round \(ballot.round.hex), not this record's round")
        }
        // `open` is read in place, not bound: a copy of it (the electorate of every voter
        // included) for every ballot costs reference counting that shows in a million ballots.
        guard open != nil else { return ("ballot_before_open", "a ballot before the round opened") }
        if closeLeaf != nil { return ("ballot_after_close", "a ballot after the round's close") }
        guard ballot.revision == openRevision else {
            return ("wrong_revision", "the ballot names another revision than the round's")
        }
        guard let place = membership.actorPlace(ballot.author) else {
            return ("invalid_key", "the ballot's key is not an active key of an active member at this leaf")
        }
        guard place < voterPlaces.count, voterPlaces[place] >= 0 else {
            let voter = membership.people[place].id
            return ("outside_electorate", "the voter \(voter.base64url) is not in the round's frozen electorate")
        }
        let index = Int(voterPlaces[place])
        let previous = sequences[index]
        if let previous, ballot.sequence <= previous {
            return ("stale_sequence", "sequence \(ballot.sequence) does not follow the voter's \(previous)")
        }
        let sequence = ballot.sequence
        let choice: IndexedChoice
        do {
            // Checked in the parallel stage when the round's parameters were known by then.
            choice = try (consume ballot).choice.checked(against: ballotCheck!).get()
        } catch {
            return ("invalid_choice", "the ballot's choice does not fit the round: \(error.message)")
        }
        if previous == nil { counted += 1 }
        voters[index].ballot = CountedBallot(sequence: sequence, statement: id, choice: choice)
        sequences[index] = sequence
        return nil
    }

    /// Adds what the statements passed to `report`, once they have all been applied.
    func reportCounts(into report: inout AuditReport) {
        if let verified { report.count("statements whose inclusion proof and signature verify", verified) }
        if membershipReplayed > 0 { report.count("membership statements replayed", membershipReplayed) }
        if ballotsChecked > 0 {
            report.count("ballots checked (round, revision, key, electorate, sequence, choice)", ballotsChecked)
        }
    }

    /// The checks that need the whole record: completeness and the recount.
    func finish(consistency: ConsistencyProof?, into report: inout AuditReport) {
        func fail(_ code: String, _ message: String, leaf: UInt64? = nil) {
            report.fail(AuditFailure(code, message, leaf: leaf))
        }
        if !membership.created { fail("missing_statement", "the record does not start with the org.create at leaf 0") }
        guard let open else { return fail("missing_open", "the record holds no round.open for its round") }
        guard closeLeaf != nil else { return fail("missing_close", "the record holds no round.close for its round") }
        guard let (certificate, certificateLeaf) = result else {
            return fail("missing_certificate", "the record holds no result certificate")
        }
        report.note("round", header.round.hex)
        report.note("method", open.payload.method)
        report.note("electorate", "\(open.electorate.count) voters, weight \(open.electorate.totalWeight)")
        report.note("ballots", "\(ballotStatements) statements, \(counted) counted")

        // The certificate's log state, and that it is a prefix of the record checkpoint.
        if certificate.checkpoint.size != Int64(certificateLeaf) {
            fail(
                "certificate_checkpoint",
                "the certificate names log size \(certificate.checkpoint.size); the close is leaf \(certificateLeaf - 1)",
                leaf: certificateLeaf)
        }
        if let consistency {
            let recordCheckpoint = header.checkpoint.checkpoint
            if consistency.oldSize != UInt64(certificate.checkpoint.size)
                || consistency.newSize != recordCheckpoint.size
            {
                fail(
                    "inconsistent_checkpoints",
                    "the consistency proof is from \(consistency.oldSize) to \(consistency.newSize), not from the "
                        + "certificate's \(certificate.checkpoint.size) to the record's \(recordCheckpoint.size)")
            } else {
                do {
                    try consistency.verify(oldRoot: certificate.checkpoint.root, newRoot: recordCheckpoint.root)
                    report.count("consistency proofs (certificate's log state to the record checkpoint)")
                } catch {
                    fail(
                        "inconsistent_checkpoints",
                        "the certificate's log state is not a prefix of the record checkpoint: \(error)")
                }
            }
        } else {
            fail("missing_consistency", "the record has no consistency proof from the certificate's log state")
        }

        // Completeness and the recount.
        if certificate.electorate != open.payload.electorate {
            fail("certificate_electorate", "the certificate names another electorate than the open")
        }
        if certificate.cast != ballotStatements {
            fail(
                "cast_mismatch",
                "the certificate says \(certificate.cast) ballots were cast; the record holds \(ballotStatements)")
        }
        let count = RoundCount(
            open: open.payload, electorate: open.electorate,
            ballots: voters.compactMap { voter in
                voter.ballot.map { RoundCount.Ballot(voter: voter.member, statement: $0.statement, choice: $0.choice) }
            })
        if RoundResult.countedDigest(of: count.counted) != certificate.counted {
            fail("counted_mismatch", "the ballots counted here are not the ones the certificate commits to")
        }
        if CanonicalJSON.encode(count.outcomeJSON) != CanonicalJSON.encode(certificate.outcome) {
            fail("recount_mismatch", "the recount's outcome differs from the certificate's")
        } else {
            report.count("recounts matching the certificate's outcome")
        }
        var differences: [String] = []
        if count.counted.count != certificate.ballots {
            differences.append("ballots \(count.counted.count) ≠ \(certificate.ballots)")
        }
        if count.weight != certificate.weight { differences.append("weight \(count.weight) ≠ \(certificate.weight)") }
        if count.eligibleWeight != certificate.eligibleWeight {
            differences.append("eligible weight \(count.eligibleWeight) ≠ \(certificate.eligibleWeight)")
        }
        if count.quorumMet != certificate.quorumMet {
            differences.append("quorum met \(count.quorumMet) ≠ \(certificate.quorumMet)")
        }
        if count.passed != certificate.passed { differences.append("passed \(count.passed) ≠ \(certificate.passed)") }
        if certificate.method != open.payload.method { differences.append("method \(certificate.method)") }
        if !differences.isEmpty {
            fail(
                "certificate_mismatch",
                "the certificate's figures differ from the recount: " + differences.joined(separator: ", "))
        }
        if case .success(let outcome) = count.outcome {
            report.note("winners", outcome.winnerNames.joined(separator: ", "))
        }
        if let poolAudit {
            poolAudit.finish(options: open.payload.options, outcome: try? count.outcome.get(), into: &report)
        }
        report.note("passed", certificate.passed ? "yes" : "no")
    }
}
