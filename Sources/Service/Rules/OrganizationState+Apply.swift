import Ledger
import Sodium
import Statements

extension OrganizationState {
    /// Checks `payload` against every rule and, only if all hold, applies it as the statement at
    /// `leaf`, accepted at `now` (Unix ms); `id` is the statement's id if already computed. Returns
    /// what changed. On a refusal nothing changes.
    public mutating func apply(
        _ payload: AnyStatementPayload, statement: SignedStatement, id: StatementID? = nil, leaf: UInt64, now: Int64
    ) throws(ServiceError) -> [StateChange] {
        let id = id ?? StatementID(statement.id)
        if leaves[id] != nil {
            throw .conflict("replayed_statement", "statement \(id.hex) is already in the log")
        }
        let changes: [StateChange]
        var author: MemberID?
        switch payload {
        case .organizationCreate(let create):
            changes = try createOrganization(create, leaf: leaf)
        case .memberJoin(let join):
            (changes, author) = try joinMember(join, id: id, leaf: leaf, now: now)
        case .roundClose(let close) where close.header.author == logKey:
            changes = try closeRound(close, by: nil, leaf: leaf)
        case .roundResult(let result):
            guard result.header.author == logKey else {
                throw .forbidden("log_only", "only the log key signs result certificates")
            }
            changes = try recordResult(result, id: id)
        case .distributionResult(let result):
            guard result.header.author == logKey else {
                throw .forbidden("log_only", "only the log key signs distribution results")
            }
            changes = try recordDistribution(result, id: id)
        case .login:
            throw .malformed("not_a_statement", "auth.login statements are for logging in, not for the log")
        default:
            let member = try activeAuthor(payload.header)
            author = member.id
            changes = try applyMemberStatement(payload, by: member, id: id, leaf: leaf, now: now)
        }
        leaves[id] = leaf
        authors.append(author)
        switch payload {
        case .organizationCreate, .memberInvite, .memberJoin, .memberSuspend, .memberReinstate, .memberRoles,
            .memberWeight, .keyRotate, .keyRevoke:
            membershipLeaves.append(leaf)
        default: break
        }
        return changes
    }

    /// The member whose active key signed `header`, refusing unknown, rotated, revoked and
    /// suspended authors.
    public func activeAuthor(_ header: StatementHeader) throws(ServiceError) -> Member {
        if header.author == logKey {
            throw .forbidden("log_only", "the log key signs only checkpoints, scheduled closes and results")
        }
        guard let key = keys[header.author] else {
            throw .forbidden("unknown_key", "the key \(header.author.base64url) belongs to no member")
        }
        switch key.status {
        case .active: break
        case .rotated: throw .forbidden("key_rotated", "the key \(header.author.base64url) was replaced by a newer key")
        case .revoked: throw .forbidden("key_revoked", "the key \(header.author.base64url) was revoked")
        }
        guard let member = members[key.member] else {
            throw .forbidden("unknown_key", "the key \(header.author.base64url) belongs to no member")
        }
        guard member.status == .active else {
            throw .forbidden("member_suspended", "\(member.name) is suspended and cannot act")
        }
        return member
    }

    private mutating func applyMemberStatement(
        _ payload: AnyStatementPayload, by author: Member, id: StatementID, leaf: UInt64, now: Int64
    ) throws(ServiceError) -> [StateChange] {
        switch payload {
        case .memberInvite(let invite): return try inviteMember(invite, by: author, leaf: leaf, now: now)
        case .memberSuspend(let suspend): return try suspendMember(suspend, by: author)
        case .memberReinstate(let reinstate): return try reinstateMember(reinstate, by: author)
        case .memberRoles(let change): return try setRoles(change, by: author)
        case .memberWeight(let change): return try setWeight(change, by: author)
        case .keyRotate(let rotate): return try rotateKey(rotate, by: author, leaf: leaf)
        case .keyRevoke(let revoke): return try revokeKey(revoke, by: author, leaf: leaf)
        case .proposalCreate(let create): return createProposal(create, by: author, id: id, leaf: leaf)
        case .proposalRevise(let revise): return try reviseProposal(revise, by: author, id: id, leaf: leaf)
        case .proposalState(let change): return try changeProposalState(change, by: author)
        case .commentPost(let post): return try postComment(post, by: author, id: id, leaf: leaf)
        case .commentEdit(let edit): return try editComment(edit, by: author, id: id, leaf: leaf)
        case .commentHide(let hide): return try hideComment(hide, by: author)
        case .roundOpen(let open): return try openRound(open, by: author, id: id, leaf: leaf, now: now)
        case .roundClose(let close): return try closeRound(close, by: author, leaf: leaf)
        case .ballotCast(let ballot): return try castBallot(ballot, by: author, id: id, leaf: leaf, now: now)
        case .poolCreate(let create): return try createPool(create, by: author, id: id, leaf: leaf)
        case .planCreate(let plan): return try createPlan(plan, by: author, id: id)
        case .shareContribution(let contribution): return try contribute(contribution, by: author, id: id)
        case .shareAllocation(let allocation): return try allocate(allocation, by: author, id: id)
        case .distributionRun(let run): return try runDistribution(run, by: author, id: id)
        case .organizationCreate, .memberJoin, .roundResult, .distributionResult, .login:
            throw .malformed("not_a_statement", "this statement cannot be applied here")
        }
    }

    /// Refuses an author who is not a steward.
    func requireSteward(_ author: Member, to action: String) throws(ServiceError) {
        guard author.has(.steward) else {
            throw .forbidden("not_steward", "only a steward can \(action); \(author.name) is not a steward")
        }
    }

    /// The member `id`, or a not-found refusal.
    public func member(_ id: MemberID) throws(ServiceError) -> Member {
        guard let member = members[id] else {
            throw .notFound("unknown_member", "no member has the id \(id)")
        }
        return member
    }
}
