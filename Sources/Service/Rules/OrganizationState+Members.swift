import Ledger
import Sodium
import Statements

extension OrganizationState {
    /// `org.create`: the first statement of the log, signed by the log key, naming the founder,
    /// who becomes the first member and steward.
    mutating func createOrganization(_ create: OrganizationCreate, leaf: UInt64) throws(ServiceError) -> [StateChange] {
        guard leaf == 0, logKey == nil else {
            throw .conflict("organization_exists", "the organization \(organization) already exists")
        }
        guard create.header.author == create.logKey else {
            throw .forbidden("log_only", "org.create must be signed by the log key it names")
        }
        guard create.founder != create.logKey else {
            throw .malformed("invalid_value", "the founder's key must differ from the log key")
        }
        name = create.name
        origin = create.origin
        logKey = create.logKey
        let founder = MemberID(create.founder)
        members[founder] = Member(
            id: founder, name: create.founderName, roles: [.member, .steward], weight: 1, status: .active,
            currentKey: create.founder, joinedLeaf: leaf)
        keys[create.founder] = MemberKey(key: create.founder, member: founder, status: .active, addedLeaf: leaf)
        return [.member(founder), .key(create.founder)]
    }

    /// `member.invite`: a steward invites someone, with their roles and weight fixed now.
    mutating func inviteMember(
        _ invite: MemberInvite, by author: Member, leaf: UInt64, now: Int64
    ) throws(ServiceError)
        -> [StateChange]
    {
        try requireSteward(author, to: "invite members")
        guard invitations[invite.code] == nil else {
            throw .conflict("invitation_exists", "an invitation with this code already exists")
        }
        guard invite.expires > now else {
            throw .malformed("invalid_value", "the invitation expires before it was received")
        }
        invitations[invite.code] = Invitation(
            code: invite.code, name: invite.name, roles: Set(invite.roles), weight: invite.weight,
            expires: invite.expires, invitedBy: author.id, leaf: leaf)
        return [.invitation(invite.code)]
    }

    /// `member.join`: a new key redeems an invitation by revealing its secret.
    mutating func joinMember(
        _ join: MemberJoin, id: StatementID, leaf: UInt64, now: Int64
    ) throws(ServiceError)
        -> ([StateChange], MemberID)
    {
        let key = join.header.author
        if key == logKey || keys[key] != nil {
            throw .conflict("key_registered", "the key \(key.base64url) is already registered")
        }
        let code = SHA256.hash(join.secret)
        guard var invitation = invitations[code] else {
            throw .notFound("unknown_invitation", "no invitation matches this secret")
        }
        guard invitation.redeemedBy == nil else {
            throw .conflict("invitation_used", "this invitation was already redeemed")
        }
        guard invitation.expires > now else {
            throw .conflict("invitation_expired", "this invitation expired")
        }
        let member = MemberID(key)
        invitation.redeemedBy = member
        invitations[code] = invitation
        members[member] = Member(
            id: member, name: join.name, roles: invitation.roles, weight: invitation.weight, status: .active,
            currentKey: key, joinedLeaf: leaf)
        keys[key] = MemberKey(key: key, member: member, status: .active, addedLeaf: leaf)
        return ([.member(member), .key(key), .invitation(code)], member)
    }

    /// `member.suspend`: a steward suspends a member, who can then sign nothing.
    mutating func suspendMember(_ suspend: MemberSuspend, by author: Member) throws(ServiceError) -> [StateChange] {
        try requireSteward(author, to: "suspend members")
        var target = try member(suspend.member)
        guard target.status == .active else {
            throw .conflict("already_suspended", "\(target.name) is already suspended")
        }
        if target.has(.steward) { try requireAnotherSteward(besides: target.id) }
        target.status = .suspended
        members[target.id] = target
        return [.member(target.id)]
    }

    /// `member.reinstate`: a steward lifts a suspension.
    mutating func reinstateMember(_ reinstate: MemberReinstate, by author: Member) throws(ServiceError) -> [StateChange]
    {
        try requireSteward(author, to: "reinstate members")
        var target = try member(reinstate.member)
        guard target.status == .suspended else {
            throw .conflict("not_suspended", "\(target.name) is not suspended")
        }
        target.status = .active
        members[target.id] = target
        return [.member(target.id)]
    }

    /// `member.roles`: a steward sets a member's complete set of roles.
    mutating func setRoles(_ change: MemberRoles, by author: Member) throws(ServiceError) -> [StateChange] {
        try requireSteward(author, to: "grant roles")
        var target = try member(change.member)
        let roles = Set(change.roles)
        if target.has(.steward), !roles.contains(.steward) { try requireAnotherSteward(besides: target.id) }
        target.roles = roles
        members[target.id] = target
        return [.member(target.id)]
    }

    /// `member.weight`: a steward sets a member's vote weight (for rounds opened afterwards).
    mutating func setWeight(_ change: MemberWeight, by author: Member) throws(ServiceError) -> [StateChange] {
        try requireSteward(author, to: "set vote weights")
        var target = try member(change.member)
        target.weight = change.weight
        members[target.id] = target
        return [.member(target.id)]
    }

    /// `key.rotate`: a member replaces their key with a new one, signing with the old.
    mutating func rotateKey(_ rotate: KeyRotate, by author: Member, leaf: UInt64) throws(ServiceError) -> [StateChange]
    {
        let newKey = rotate.newKey
        if newKey == logKey || keys[newKey] != nil {
            throw .conflict("key_registered", "the key \(newKey.base64url) is already registered")
        }
        let old = rotate.header.author
        keys[old]?.status = .rotated
        keys[old]?.endedLeaf = leaf
        keys[newKey] = MemberKey(key: newKey, member: author.id, status: .active, addedLeaf: leaf)
        members[author.id]?.currentKey = newKey
        return [.key(old), .key(newKey), .member(author.id)]
    }

    /// `key.revoke`: a member (or a steward, for a lost or stolen key) revokes a member's active key.
    mutating func revokeKey(_ revoke: KeyRevoke, by author: Member, leaf: UInt64) throws(ServiceError) -> [StateChange]
    {
        guard author.id == revoke.member || author.has(.steward) else {
            throw .forbidden("not_allowed", "only the member or a steward can revoke a member's key")
        }
        let target = try member(revoke.member)
        guard let key = keys[revoke.key], key.member == target.id, key.status == .active else {
            throw .conflict("key_not_active", "\(revoke.key.base64url) is not an active key of \(target.name)")
        }
        if target.has(.steward), target.status == .active { try requireAnotherSteward(besides: target.id) }
        keys[revoke.key]?.status = .revoked
        keys[revoke.key]?.endedLeaf = leaf
        members[target.id]?.currentKey = nil
        return [.key(revoke.key), .member(target.id)]
    }

    /// Refuses a change that would leave no active steward with a key.
    private func requireAnotherSteward(besides id: MemberID) throws(ServiceError) {
        let others = members.values.contains {
            $0.id != id && $0.has(.steward) && $0.status == .active && $0.currentKey != nil
        }
        guard others else {
            throw .conflict("last_steward", "the organization would be left without an active steward")
        }
    }
}
