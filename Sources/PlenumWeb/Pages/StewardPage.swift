import Counting
import Service
import Statements

/// `/steward`: members (suspend, reinstate), invitations, the invite form, the form that opens a
/// round with every parameter, and the open rounds with their close buttons.
struct StewardPage {
    struct MemberRow {
        let id: String
        let shortID: String
        let name: String
        let roles: String
        let weight: Int64
        let status: String
        let active: Bool
    }

    struct InvitationItem {
        let name: String
        let roles: String
        let weight: Int64
        let expires: String
        let state: String
        let code: String
    }

    struct ProposalOption {
        let id: String
        let title: String
        let revision: String
    }

    struct MethodOption {
        let name: String
        let summary: String
        let parameters: String
        let selected: Bool
    }

    struct RoundItem {
        let id: String
        let question: String
        let method: String
        let ballots: Int
        let voters: Int
    }

    let title = "Steward"
    let members: [MemberRow]
    let invitations: [InvitationItem]
    let hasInvitations: Bool
    let proposals: [ProposalOption]
    let methods: [MethodOption]
    let openRounds: [RoundItem]
    let hasOpenRounds: Bool
    let electorateVoters: Int

    init(state: OrganizationState, now: Int64) {
        members = state.membersInOrder.map { member in
            MemberRow(
                id: member.id.base64url, shortID: Names.short(member.id.base64url), name: member.name,
                roles: member.roles.map(\.rawValue).sorted().joined(separator: ", "), weight: member.weight,
                status: member.status.rawValue, active: member.status == .active)
        }
        invitations = state.invitations.values.sorted { $0.leaf > $1.leaf }.map { invitation in
            let status =
                invitation.redeemedBy != nil ? "joined" : invitation.expires <= now ? "expired" : "waiting"
            return InvitationItem(
                name: invitation.name, roles: invitation.roles.map(\.rawValue).sorted().joined(separator: ", "),
                weight: invitation.weight, expires: Names.time(invitation.expires), state: status,
                code: Names.short(invitation.code.hex))
        }
        hasInvitations = !invitations.isEmpty
        proposals = state.proposalOrder.compactMap { state.proposals[$0] }.filter { $0.state == .discussion }.map {
            ProposalOption(id: $0.id.hex, title: $0.current.title, revision: $0.current.id.hex)
        }
        methods = VotingMethod.all.map { method in
            MethodOption(
                name: method.name, summary: method.summary,
                parameters: method.parameters.map { "\($0.key): \($0.summary)" }.joined(separator: "; "),
                selected: method.name == InstantRunoff.name)
        }
        openRounds = state.roundOrder.compactMap { state.rounds[$0] }.filter { $0.state == .open }.map { round in
            RoundItem(
                id: round.id.hex, question: round.parameters.question, method: round.parameters.method,
                ballots: round.ballots.count, voters: round.electorate.entries.count)
        }
        hasOpenRounds = !openRounds.isEmpty
        electorateVoters = state.currentElectorate.entries.count
    }
}
