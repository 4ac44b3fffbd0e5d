import Ledger
import Sodium
import Statements

extension Organization {
    /// A login challenge for a member to sign as an `auth.login` statement.
    public func loginChallenge() -> (challenge: String, expires: Int64) {
        let (challenge, expires) = access.challenge(now: configuration.clock())
        return (Base64URL.encode(challenge), expires)
    }

    /// Exchanges a signed `auth.login` statement for a token: the challenge must be outstanding,
    /// the signature good and the key an active member's.
    public func login(
        _ statement: SignedStatement
    ) throws(ServiceError) -> (token: String, member: MemberID, expires: Int64) {
        let now = configuration.clock()
        guard case .login(let login) = try open(statement, now: now) else {
            throw .malformed("kind_mismatch", "logging in takes an auth.login statement")
        }
        try access.redeem(login.challenge, now: now)
        let member = try read { state throws(ServiceError) in try state.activeAuthor(login.header) }
        let (token, expires) = access.issueToken(for: member.id, now: now)
        return (token, member.id, expires)
    }

    /// The active member a token was issued to.
    public func member(forToken token: String?) throws(ServiceError) -> Member {
        guard let token else {
            throw .init(.unauthenticated, "missing_token", "this needs a token: log in by signing a challenge")
        }
        let id = try access.member(forToken: token, now: configuration.clock())
        return try read { state throws(ServiceError) in
            guard let member = state.members[id], member.status == .active, member.currentKey != nil else {
                throw .forbidden("member_suspended", "the member this token was issued to can no longer act")
            }
            return member
        }
    }
}
