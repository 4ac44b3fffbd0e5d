import Ledger
import Sodium
import Statements

/// Who could act at each leaf, replayed from the membership statements of a record: members
/// with their roles, weights and status, their keys, and the invitations that fixed them.
///
/// This is the auditor's own reading of the rules in docs/audit-record.md, independent of the
/// service's rule engine.
struct Membership {
    struct Person {
        var roles: Roles
        var weight: Int64
        var active: Bool
        var key: PublicKey?
    }

    private(set) var members: [MemberID: Person] = [:]
    private(set) var keys: [PublicKey: (member: MemberID, active: Bool)] = [:]
    private var invitations: [SHA256Digest: (roles: [Role], weight: Int64, redeemed: Bool)] = [:]
    private(set) var created = false

    /// The member whose active key `key` is, if that member is active.
    func actor(_ key: PublicKey) -> MemberID? {
        guard let entry = keys[key], entry.active, let person = members[entry.member], person.active else { return nil }
        return entry.member
    }

    /// Whether `key` is an active steward's active key.
    func isSteward(_ key: PublicKey) -> Bool {
        actor(key).flatMap { members[$0] }?.roles.contains(.steward) ?? false
    }

    /// The electorate at this point: active members with the member role and an active key.
    var electorate: Electorate {
        Electorate(
            members.compactMap { id, person -> Electorate.Entry? in
                guard person.active, person.roles.contains(.member), let key = person.key else { return nil }
                return Electorate.Entry(member: id, key: key, weight: person.weight)
            })
    }

    /// Applies a membership statement; returns why it could not count, or nil.
    mutating func apply(
        _ payload: AnyStatementPayload, logKey: PublicKey, leaf: UInt64
    ) -> (code: String, message: String)? {
        let author = payload.header.author
        switch payload {
        case .organizationCreate(let create):
            guard leaf == 0, !created else { return ("unexpected_statement", "org.create is only leaf 0") }
            guard author == logKey, create.logKey == logKey else {
                return ("invalid_author", "org.create is not signed by the record's log key")
            }
            created = true
            let founder = MemberID(create.founder)
            members[founder] = Person(
                roles: Roles([.member, .steward]), weight: 1, active: true, key: create.founder)
            keys[create.founder] = (founder, true)
        case .memberInvite(let invite):
            guard isSteward(author) else { return notSteward(author, "invite") }
            invitations[invite.code] = (invite.roles, invite.weight, false)
        case .memberJoin(let join):
            guard keys[author] == nil, author != logKey else {
                return ("invalid_author", "the joining key is already registered")
            }
            let code = SHA256.hash(join.secret)
            guard let invitation = invitations[code], !invitation.redeemed else {
                return ("invalid_author", "no unused invitation matches this join's secret")
            }
            invitations[code]?.redeemed = true
            let member = MemberID(author)
            members[member] = Person(
                roles: Roles(invitation.roles), weight: invitation.weight, active: true, key: author)
            keys[author] = (member, true)
        case .memberSuspend(let change):
            guard isSteward(author) else { return notSteward(author, "suspend") }
            guard members[change.member] != nil else { return unknown(change.member) }
            members[change.member]?.active = false
        case .memberReinstate(let change):
            guard isSteward(author) else { return notSteward(author, "reinstate") }
            guard members[change.member] != nil else { return unknown(change.member) }
            members[change.member]?.active = true
        case .memberRoles(let change):
            guard isSteward(author) else { return notSteward(author, "set roles") }
            guard members[change.member] != nil else { return unknown(change.member) }
            members[change.member]?.roles = Roles(change.roles)
        case .memberWeight(let change):
            guard isSteward(author) else { return notSteward(author, "set weights") }
            guard members[change.member] != nil else { return unknown(change.member) }
            members[change.member]?.weight = change.weight
        case .keyRotate(let rotate):
            guard let member = actor(author) else { return invalid(author) }
            guard keys[rotate.newKey] == nil else { return ("invalid_author", "the new key is already registered") }
            keys[author]?.active = false
            keys[rotate.newKey] = (member, true)
            members[member]?.key = rotate.newKey
        case .keyRevoke(let revoke):
            guard let member = actor(author) else { return invalid(author) }
            guard member == revoke.member || isSteward(author) else {
                return ("not_steward", "only the member or a steward revokes a key")
            }
            guard let entry = keys[revoke.key], entry.member == revoke.member, entry.active else {
                return ("invalid_author", "the revoked key is not an active key of the member")
            }
            keys[revoke.key]?.active = false
            members[revoke.member]?.key = nil
        default:
            return ("unexpected_statement", "\(payload.kind) is not a membership statement")
        }
        return nil
    }

    private func notSteward(_ key: PublicKey, _ action: String) -> (code: String, message: String) {
        actor(key) == nil ? invalid(key) : ("not_steward", "the author of this \(action) is not a steward at this leaf")
    }

    private func invalid(_ key: PublicKey) -> (code: String, message: String) {
        ("invalid_author", "the key \(key.base64url) is not an active key of an active member at this leaf")
    }

    private func unknown(_ member: MemberID) -> (code: String, message: String) {
        ("invalid_author", "no member \(member.base64url)")
    }
}

/// A member's roles as bits: a ``Membership/Person`` is copied out of its table on every
/// lookup, and a set of roles would be reference-counted each time.
struct Roles: Equatable {
    private var bits: UInt8 = 0

    init(_ roles: some Sequence<Role>) {
        for role in roles { bits |= Self.bit(role) }
    }

    func contains(_ role: Role) -> Bool { bits & Self.bit(role) != 0 }

    private static func bit(_ role: Role) -> UInt8 {
        switch role {
        case .member: return 1
        case .steward: return 2
        case .auditor: return 4
        }
    }
}
