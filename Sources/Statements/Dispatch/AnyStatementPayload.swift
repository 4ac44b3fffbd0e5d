import Ledger

/// The payload of any statement kind the service knows, opened from a ``SignedStatement`` by its
/// kind: one case per kind.
public enum AnyStatementPayload: Equatable, Sendable {
    case organizationCreate(OrganizationCreate)
    case memberInvite(MemberInvite)
    case memberJoin(MemberJoin)
    case memberSuspend(MemberSuspend)
    case memberReinstate(MemberReinstate)
    case memberRoles(MemberRoles)
    case memberWeight(MemberWeight)
    case keyRotate(KeyRotate)
    case keyRevoke(KeyRevoke)
    case proposalCreate(ProposalCreate)
    case proposalRevise(ProposalRevise)
    case proposalState(ProposalStateChange)
    case commentPost(CommentPost)
    case commentEdit(CommentEdit)
    case commentHide(CommentHide)
    case roundOpen(RoundOpen)
    case roundClose(RoundClose)
    case roundResult(RoundResult)
    case ballotCast(BallotCast)
    case login(LoginChallenge)
    case poolCreate(PoolCreate)
    case planCreate(PlanCreate)
    case shareContribution(ShareContribution)
    case shareAllocation(ShareAllocation)
    case distributionRun(DistributionRun)
    case distributionResult(DistributionResult)

    /// Every payload type, one per kind.
    public static let types: [any StatementPayload.Type] = [
        OrganizationCreate.self, MemberInvite.self, MemberJoin.self, MemberSuspend.self, MemberReinstate.self,
        MemberRoles.self, MemberWeight.self, KeyRotate.self, KeyRevoke.self, ProposalCreate.self,
        ProposalRevise.self, ProposalStateChange.self, CommentPost.self, CommentEdit.self, CommentHide.self,
        RoundOpen.self, RoundClose.self, RoundResult.self, BallotCast.self, LoginChallenge.self, PoolCreate.self,
        PlanCreate.self, ShareContribution.self, ShareAllocation.self, DistributionRun.self, DistributionResult.self,
    ]

    /// Every kind, in the order of ``types``.
    public static let kinds: [StatementKind] = types.map { $0.kind }

    /// Opens `statement` as the payload type of its kind (see `SignedStatement.open(as:context:)`
    /// for every check); a kind with no payload type is ``StatementError/unknownKind(_:)``.
    public static func open(
        _ statement: SignedStatement, context: VerificationContext
    ) throws(StatementError) -> AnyStatementPayload {
        let (payload, header) = try parse(statement, parser: context.parser)
        try statement.finishOpening(header, context: context)
        return payload
    }

    /// The payload of `statement` parsed strictly by its kind, and its header, with its signature
    /// **not** yet checked: only for a verifier that calls
    /// `SignedStatement.finishOpening(_:context:)` with the header next.
    package static func parse(
        _ statement: SignedStatement, parser: StrictJSONParser
    ) throws(StatementError) -> (AnyStatementPayload, StatementHeader) {
        var header: StatementHeader?
        func open<Payload: StatementPayload>(_ type: Payload.Type) throws(StatementError) -> Payload {
            let payload = try statement.parse(as: type, parser: parser)
            header = payload.header
            return payload
        }
        /// The payload read by a canonical reader (nil when it is not in canonical form), within
        /// the parser's limits: its size, and `depth` levels of objects and arrays.
        func canonical<Payload: StatementPayload>(
            _ read: (UnsafeBufferPointer<UInt8>) -> Payload?, depth: Int
        ) -> Payload? {
            guard parser.maximumDepth >= depth, statement.payload.count <= parser.maximumBytes,
                let payload = statement.payload.withUnsafeBufferPointer(read)
            else { return nil }
            header = payload.header
            return payload
        }
        func dispatch() throws(StatementError) -> AnyStatementPayload {
            switch statement.kind {
            // Ballots first: most statements are ballots. One in canonical form is read straight
            // from its bytes, and so are a member's invitation and join (the rest of a round's
            // record); anything else goes through the strict parser.
            case BallotCast.kind:
                if let ballot = canonical(BallotCast.init(canonical:), depth: 4) { return .ballotCast(ballot) }
                return .ballotCast(try open(BallotCast.self))
            case OrganizationCreate.kind: return .organizationCreate(try open(OrganizationCreate.self))
            case MemberInvite.kind:
                if let invite = canonical(MemberInvite.init(canonical:), depth: 2) { return .memberInvite(invite) }
                return .memberInvite(try open(MemberInvite.self))
            case MemberJoin.kind:
                if let join = canonical(MemberJoin.init(canonical:), depth: 1) { return .memberJoin(join) }
                return .memberJoin(try open(MemberJoin.self))
            case MemberSuspend.kind: return .memberSuspend(try open(MemberSuspend.self))
            case MemberReinstate.kind: return .memberReinstate(try open(MemberReinstate.self))
            case MemberRoles.kind: return .memberRoles(try open(MemberRoles.self))
            case MemberWeight.kind: return .memberWeight(try open(MemberWeight.self))
            case KeyRotate.kind: return .keyRotate(try open(KeyRotate.self))
            case KeyRevoke.kind: return .keyRevoke(try open(KeyRevoke.self))
            case ProposalCreate.kind: return .proposalCreate(try open(ProposalCreate.self))
            case ProposalRevise.kind: return .proposalRevise(try open(ProposalRevise.self))
            case ProposalStateChange.kind: return .proposalState(try open(ProposalStateChange.self))
            case CommentPost.kind: return .commentPost(try open(CommentPost.self))
            case CommentEdit.kind: return .commentEdit(try open(CommentEdit.self))
            case CommentHide.kind: return .commentHide(try open(CommentHide.self))
            case RoundOpen.kind: return .roundOpen(try open(RoundOpen.self))
            case RoundClose.kind: return .roundClose(try open(RoundClose.self))
            case RoundResult.kind: return .roundResult(try open(RoundResult.self))
            case LoginChallenge.kind: return .login(try open(LoginChallenge.self))
            case PoolCreate.kind: return .poolCreate(try open(PoolCreate.self))
            case PlanCreate.kind: return .planCreate(try open(PlanCreate.self))
            case ShareContribution.kind: return .shareContribution(try open(ShareContribution.self))
            case ShareAllocation.kind: return .shareAllocation(try open(ShareAllocation.self))
            case DistributionRun.kind: return .distributionRun(try open(DistributionRun.self))
            case DistributionResult.kind: return .distributionResult(try open(DistributionResult.self))
            default: throw .unknownKind(statement.kind)
            }
        }
        let payload = try dispatch()
        return (payload, header!)
    }

    /// The payload as its own type.
    public var payload: any StatementPayload {
        switch self {
        case .organizationCreate(let payload): return payload
        case .memberInvite(let payload): return payload
        case .memberJoin(let payload): return payload
        case .memberSuspend(let payload): return payload
        case .memberReinstate(let payload): return payload
        case .memberRoles(let payload): return payload
        case .memberWeight(let payload): return payload
        case .keyRotate(let payload): return payload
        case .keyRevoke(let payload): return payload
        case .proposalCreate(let payload): return payload
        case .proposalRevise(let payload): return payload
        case .proposalState(let payload): return payload
        case .commentPost(let payload): return payload
        case .commentEdit(let payload): return payload
        case .commentHide(let payload): return payload
        case .roundOpen(let payload): return payload
        case .roundClose(let payload): return payload
        case .roundResult(let payload): return payload
        case .ballotCast(let payload): return payload
        case .login(let payload): return payload
        case .poolCreate(let payload): return payload
        case .planCreate(let payload): return payload
        case .shareContribution(let payload): return payload
        case .shareAllocation(let payload): return payload
        case .distributionRun(let payload): return payload
        case .distributionResult(let payload): return payload
        }
    }

    /// The statement's kind.
    public var kind: StatementKind { type(of: payload).kind }

    /// The common header.
    public var header: StatementHeader { payload.header }

    /// The canonical payload bytes.
    public var canonicalBytes: [UInt8] { payload.canonicalBytes }
}
