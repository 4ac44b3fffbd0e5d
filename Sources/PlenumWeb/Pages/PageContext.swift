import Service
import Statements

/// Who is looking and at which organization: what the layout (header, navigation, meta tags)
/// needs on every page.
struct PageContext {
    let organizationID: String
    let organizationName: String
    /// The checkpoint origin the browser checks receipts against.
    let origin: String
    /// The log key, base64url, which signs checkpoints.
    let logKey: String
    /// The caller's member id, or "" when nobody is logged in.
    let memberID: String
    let memberName: String
    let loggedIn: Bool
    let isSteward: Bool
    /// Auditors and stewards see the audit page.
    let canAudit: Bool

    /// The context for `member` (nil: nobody logged in) in `state`.
    init(organization: Organization, state: OrganizationState, member: Member?) {
        organizationID = organization.id
        organizationName = state.name
        origin = organization.origin
        logKey = organization.logKey.base64url
        memberID = member?.id.base64url ?? ""
        memberName = member?.name ?? ""
        loggedIn = member != nil
        isSteward = member?.has(.steward) ?? false
        canAudit = (member?.has(.steward) ?? false) || (member?.has(.auditor) ?? false)
    }
}

/// How pages name members and shorten identifiers.
enum Names {
    /// A member's display name, or a short form of the id for someone unknown.
    static func member(_ id: MemberID, in state: OrganizationState) -> String {
        state.members[id]?.name ?? short(id.base64url)
    }

    /// The first 10 characters of a long identifier, with an ellipsis.
    static func short(_ text: String) -> String {
        text.count > 12 ? String(text.prefix(10)) + "…" : text
    }

    /// A Unix-millisecond time as `YYYY-MM-DD HH:MM UTC`.
    static func time(_ milliseconds: Int64) -> String {
        let seconds = milliseconds / 1000
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        func two(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(year)-\(two(month))-\(two(day)) \(two(secondOfDay / 3600)):\(two(secondOfDay % 3600 / 60)) UTC"
    }
}

/// Counts with their noun.
enum Plural {
    /// `1 revision`, `3 revisions`.
    static func text(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }
}
