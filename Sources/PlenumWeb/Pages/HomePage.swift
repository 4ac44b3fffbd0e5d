import Service
import Statements

/// `/`: the open rounds first, then the proposals grouped by state, then the pools.
struct HomePage {
    struct RoundItem {
        let id: String
        let question: String
        let method: String
        let proposalTitle: String?
        let ballots: Int
        let voters: Int
        let closes: String?
        let voted: Bool
        let canVote: Bool
    }

    struct ProposalItem {
        let id: String
        let title: String
        let author: String
        let revisionsText: String
        let commentsText: String
    }

    struct ProposalGroup {
        let state: String
        let heading: String
        let proposals: [ProposalItem]
    }

    struct PoolItem {
        let id: String
        let name: String
        let amount: String
        let currency: String
        let state: String
    }

    let title = "Home"
    let openRounds: [RoundItem]
    let hasOpenRounds: Bool
    let closedRounds: [RoundItem]
    let hasClosedRounds: Bool
    let proposalGroups: [ProposalGroup]
    let hasProposals: Bool
    let pools: [PoolItem]
    let hasPools: Bool

    init(state: OrganizationState, viewer: WebSite.Viewer) {
        let caller = viewer.member?.id
        let rounds = state.roundOrder.compactMap { state.rounds[$0] }
        func item(_ round: Round) -> RoundItem {
            RoundItem(
                id: round.id.hex, question: round.parameters.question, method: round.parameters.method,
                proposalTitle: round.parameters.proposal.flatMap { state.proposals[$0]?.current.title },
                ballots: round.ballots.count, voters: round.electorate.entries.count,
                closes: round.parameters.closes.map(Names.time),
                voted: caller.map { round.ballots[$0] != nil } ?? false,
                canVote: caller.map { round.voters[$0] != nil } ?? false)
        }
        openRounds = rounds.filter { $0.state == .open }.map(item)
        closedRounds = rounds.filter { $0.state == .closed }.reversed().map(item)
        hasOpenRounds = !openRounds.isEmpty
        hasClosedRounds = !closedRounds.isEmpty
        let order: [(ProposalState, String)] = [
            (.discussion, "In discussion"), (.adopted, "Adopted"), (.rejected, "Rejected"), (.withdrawn, "Withdrawn"),
            (.archived, "Archived"),
        ]
        let proposals = state.proposalOrder.compactMap { state.proposals[$0] }
        proposalGroups = order.compactMap { proposalState, heading in
            let items = proposals.filter { $0.state == proposalState }.reversed().map { proposal in
                ProposalItem(
                    id: proposal.id.hex, title: proposal.current.title,
                    author: Names.member(proposal.author, in: state),
                    revisionsText: Plural.text(proposal.revisions.count, "revision"),
                    commentsText: Plural.text(state.threads[proposal.id]?.count ?? 0, "comment"))
            }
            return items.isEmpty
                ? nil : ProposalGroup(state: proposalState.rawValue, heading: heading, proposals: items)
        }
        hasProposals = !proposals.isEmpty
        pools = state.poolOrder.compactMap { state.pools[$0] }.map { pool in
            PoolItem(
                id: pool.id.hex, name: pool.create.name, amount: pool.create.amount, currency: pool.create.currency,
                state: pool.state.rawValue)
        }
        hasPools = !pools.isEmpty
    }
}
