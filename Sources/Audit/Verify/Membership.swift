import Ledger
import Sodium
import Statements

/// Who could act at each leaf, replayed from the membership statements of a record: members
/// with their roles, weights and status, their keys, and the invitations that fixed them.
///
/// This is the auditor's own reading of the rules in docs/audit-record.md, independent of the
/// service's rule engine.
///
/// Members are kept in one array in the order they joined, and keys point at their member's
/// place in it: finding who a ballot's key belongs to, and whether both are active, is one table
/// lookup (a round's audit keeps its voters by the same places).
struct Membership {
    struct Person {
        let id: MemberID
        var roles: Roles
        var weight: Int64
        var active: Bool
        var key: PublicKey?
    }

    /// Every member, in the order they joined.
    private(set) var people: [Person] = []
    /// Each member's place in ``people``.
    private var places: [MemberID: Int] = [:]
    /// Every key ever registered: its member's place in ``people``, and whether it is active.
    private var keys: [PublicKey: (person: Int, active: Bool)] = [:]
    private var invitations: [SHA256Digest: (roles: [Role], weight: Int64, redeemed: Bool)] = [:]
    private(set) var created = false

    /// The place in ``people`` of the member whose active key `key` is, if that member is active.
    func actorPlace(_ key: PublicKey) -> Int? {
        guard let entry = keys[key], entry.active, people[entry.person].active else { return nil }
        return entry.person
    }

    /// The member whose active key `key` is, if that member is active.
    func actor(_ key: PublicKey) -> MemberID? {
        actorPlace(key).map { people[$0].id }
    }

    /// The place of `member` in ``people``, if it is a member.
    func place(of member: MemberID) -> Int? { places[member] }

    /// Whether `key` is an active steward's active key.
    func isSteward(_ key: PublicKey) -> Bool {
        actorPlace(key).map { people[$0].roles.contains(.steward) } ?? false
    }

    /// The electorate at this point: active members with the member role and an active key.
    var electorate: Electorate {
        Electorate(
            people.compactMap { person -> Electorate.Entry? in
                guard person.active, person.roles.contains(.member), let key = person.key else { return nil }
                return Electorate.Entry(member: person.id, key: key, weight: person.weight)
            })
    }

    /// Adds a member with its first key.
    private mutating func add(_ member: MemberID, roles: Roles, weight: Int64, key: PublicKey) {
        places[member] = people.count
        keys[key] = (people.count, true)
        people.append(Person(id: member, roles: roles, weight: weight, active: true, key: key))
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
            add(MemberID(create.founder), roles: Roles([.member, .steward]), weight: 1, key: create.founder)
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
            add(MemberID(author), roles: Roles(invitation.roles), weight: invitation.weight, key: author)
        case .memberSuspend(let change):
            guard isSteward(author) else { return notSteward(author, "suspend") }
            guard let place = places[change.member] else { return unknown(change.member) }
            people[place].active = false
        case .memberReinstate(let change):
            guard isSteward(author) else { return notSteward(author, "reinstate") }
            guard let place = places[change.member] else { return unknown(change.member) }
            people[place].active = true
        case .memberRoles(let change):
            guard isSteward(author) else { return notSteward(author, "set roles") }
            guard let place = places[change.member] else { return unknown(change.member) }
            people[place].roles = Roles(change.roles)
        case .memberWeight(let change):
            guard isSteward(author) else { return notSteward(author, "set weights") }
            guard let place = places[change.member] else { return unknown(change.member) }
            people[place].weight = change.weight
        case .keyRotate(let rotate):
            guard let place = actorPlace(author) else { return invalid(author) }
            guard keys[rotate.newKey] == nil else { return ("invalid_author", "the new key is already registered") }
            keys[author]?.active = false
            keys[rotate.newKey] = (place, true)
            people[place].key = rotate.newKey
        case .keyRevoke(let revoke):
            guard let member = actor(author) else { return invalid(author) }
            guard member == revoke.member || isSteward(author) else {
                return ("not_steward", "only the member or a steward revokes a key")
            }
            guard let entry = keys[revoke.key], people[entry.person].id == revoke.member, entry.active else {
                return ("invalid_author", "the revoked key is not an active key of the member")
            }
            keys[revoke.key]?.active = false
            people[entry.person].key = nil
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
