import Service
import Statements

/// `/proposals/{id}`: the current text, every revision with its diff to the one before, the
/// thread (replies nested under what they answer), the forms to comment and revise, and the
/// proposal's rounds.
struct ProposalPage {
    struct RevisionItem {
        let id: String
        let number: Int
        let author: String
        let created: String
        let leaf: UInt64
        let summary: String?
        let text: String
        let isFirst: Bool
        let titleChange: TitleChange?
        let diff: [DiffLine]
        let unchanged: Bool
    }

    struct TitleChange {
        let old: String
        let new: String
    }

    /// One line of a diff: exactly one of the three flags is set.
    struct DiffLine {
        let text: String
        let added: Bool
        let removed: Bool
        let same: Bool
    }

    struct CommentItem {
        let id: String
        let author: String
        let stance: String
        let stanceLabel: String
        let text: String
        let created: String
        let edited: Bool
        let hidden: Bool
        let hiddenReason: String?
        let replies: [CommentItem]
        let hasReplies: Bool
    }

    struct RoundItem {
        let id: String
        let question: String
        let method: String
        let state: String
        let isOpen: Bool
    }

    struct StanceOption {
        let value: String
        let label: String
    }

    let title: String
    let id: String
    let state: String
    let author: String
    let text: String
    let currentRevision: String
    let revisionsText: String
    let revisions: [RevisionItem]
    let comments: [CommentItem]
    let hasComments: Bool
    let commentCount: Int
    let rounds: [RoundItem]
    let hasRounds: Bool
    let canRevise: Bool
    let stances: [StanceOption]

    static let stanceLabels: [(Stance, String)] = [
        (.for, "For"), (.against, "Against"), (.question, "Question"), (.neutral, "Neutral"),
    ]

    init(id: StatementID, state: OrganizationState, viewer: WebSite.Viewer) throws(ServiceError) {
        let proposal = try state.proposal(id)
        title = proposal.current.title
        self.id = id.hex
        self.state = proposal.state.rawValue
        author = Names.member(proposal.author, in: state)
        text = proposal.current.text
        currentRevision = proposal.current.id.hex
        revisionsText = Plural.text(proposal.revisions.count, "revision")

        var items: [RevisionItem] = []
        for (index, revision) in proposal.revisions.enumerated() {
            let parent =
                revision.parent.flatMap { parentID in proposal.revisions.first { $0.id == parentID } }
                ?? (index > 0 ? proposal.revisions[index - 1] : nil)
            var lines: [DiffLine] = []
            var titleChange: TitleChange?
            if let parent {
                lines = LineDiff.diff(parent.text, revision.text).map { line in
                    switch line {
                    case .same(let text): DiffLine(text: text, added: false, removed: false, same: true)
                    case .added(let text): DiffLine(text: text, added: true, removed: false, same: false)
                    case .removed(let text): DiffLine(text: text, added: false, removed: true, same: false)
                    }
                }
                if parent.title != revision.title { titleChange = TitleChange(old: parent.title, new: revision.title) }
            }
            items.append(
                RevisionItem(
                    id: revision.id.hex, number: index + 1, author: Names.member(revision.author, in: state),
                    created: Names.time(revision.created), leaf: revision.leaf, summary: revision.summary,
                    text: revision.text,
                    isFirst: parent == nil, titleChange: titleChange, diff: lines,
                    unchanged: parent != nil && lines.allSatisfy(\.same) && titleChange == nil))
        }
        revisions = items.reversed()

        let thread = (state.threads[id] ?? []).compactMap { state.comments[$0] }
        var children: [StatementID: [Comment]] = [:]
        var roots: [Comment] = []
        let known = Set(thread.map(\.id))
        for comment in thread {
            if let parent = comment.replyTo, known.contains(parent) {
                children[parent, default: []].append(comment)
            } else {
                roots.append(comment)
            }
        }
        func item(_ comment: Comment, depth: Int) -> CommentItem {
            let replies = depth < 32 ? (children[comment.id] ?? []).map { item($0, depth: depth + 1) } : []
            let hidden = comment.hiddenReason != nil
            return CommentItem(
                id: comment.id.hex, author: Names.member(comment.author, in: state),
                stance: comment.current.stance.rawValue,
                stanceLabel: ProposalPage.stanceLabels.first { $0.0 == comment.current.stance }?.1
                    ?? comment.current.stance.rawValue,
                text: hidden ? "" : comment.current.text, created: Names.time(comment.versions[0].created),
                edited: comment.versions.count > 1, hidden: hidden, hiddenReason: comment.hiddenReason,
                replies: replies, hasReplies: !replies.isEmpty)
        }
        comments = roots.map { item($0, depth: 0) }
        hasComments = !comments.isEmpty
        commentCount = thread.count

        rounds = proposal.rounds.compactMap { state.rounds[$0] }.map { round in
            RoundItem(
                id: round.id.hex, question: round.parameters.question, method: round.parameters.method,
                state: round.state.rawValue, isOpen: round.state == .open)
        }
        hasRounds = !rounds.isEmpty
        let isAuthorOrSteward = viewer.member.map { $0.id == proposal.author || $0.has(.steward) } ?? false
        canRevise = isAuthorOrSteward && proposal.state == .discussion
        stances = ProposalPage.stanceLabels.map { StanceOption(value: $0.0.rawValue, label: $0.1) }
    }
}
