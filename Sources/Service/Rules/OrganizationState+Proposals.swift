import Ledger
import Sodium
import Statements

extension OrganizationState {
    /// `proposal.create`: any active member writes a proposal; the statement is its first revision.
    mutating func createProposal(
        _ create: ProposalCreate, by author: Member, id: StatementID, leaf: UInt64
    )
        -> [StateChange]
    {
        let revision = Revision(
            id: id, parent: nil, author: author.id, title: create.title, text: create.text, summary: nil,
            created: create.header.created, leaf: leaf)
        proposals[id] = Proposal(id: id, author: author.id, state: .discussion, revisions: [revision], leaf: leaf)
        proposalOrder.append(id)
        revisionOwner[id] = id
        threads[id] = []
        return [.proposal(id), .revision(id)]
    }

    /// `proposal.revise`: the author or a steward writes a new revision of the current one.
    mutating func reviseProposal(
        _ revise: ProposalRevise, by author: Member, id: StatementID, leaf: UInt64
    )
        throws(ServiceError) -> [StateChange]
    {
        var proposal = try proposal(revise.proposal)
        guard proposal.author == author.id || author.has(.steward) else {
            throw .forbidden("not_author", "only the proposal's author or a steward can revise it")
        }
        guard proposal.state == .discussion else {
            throw .conflict(
                "proposal_closed", "the proposal is \(proposal.state.rawValue); it can no longer be revised")
        }
        guard proposal.current.id == revise.parent else {
            throw .conflict(
                "stale_revision",
                "the revision \(revise.parent.hex) is not the current one (\(proposal.current.id.hex)); revise the current text"
            )
        }
        proposal.revisions.append(
            Revision(
                id: id, parent: revise.parent, author: author.id, title: revise.title, text: revise.text,
                summary: revise.summary, created: revise.header.created, leaf: leaf))
        proposals[proposal.id] = proposal
        revisionOwner[id] = proposal.id
        return [.proposal(proposal.id), .revision(id)]
    }

    /// `proposal.state`: a steward moves a proposal through its lifecycle; its author may withdraw it.
    mutating func changeProposalState(
        _ change: ProposalStateChange, by author: Member
    ) throws(ServiceError)
        -> [StateChange]
    {
        var proposal = try proposal(change.proposal)
        let authorWithdraws = proposal.author == author.id && change.state == .withdrawn
        guard author.has(.steward) || authorWithdraws else {
            throw .forbidden("not_steward", "only a steward can move a proposal to \(change.state.rawValue)")
        }
        guard proposal.state != change.state else {
            throw .conflict("proposal_state", "the proposal is already \(change.state.rawValue)")
        }
        proposal.state = change.state
        proposals[proposal.id] = proposal
        return [.proposal(proposal.id)]
    }

    /// `comment.post`: a member comments in a proposal's thread, or replies to a comment there.
    mutating func postComment(
        _ post: CommentPost, by author: Member, id: StatementID, leaf: UInt64
    )
        throws(ServiceError) -> [StateChange]
    {
        _ = try proposal(post.proposal)
        if let parent = post.replyTo {
            guard let replied = comments[parent], replied.proposal == post.proposal else {
                throw .notFound("unknown_comment", "no comment \(parent.hex) in this proposal's thread")
            }
        }
        let version = Comment.Version(
            statement: id, stance: post.stance, text: post.text, created: post.header.created, leaf: leaf)
        comments[id] = Comment(
            id: id, proposal: post.proposal, replyTo: post.replyTo, author: author.id, versions: [version],
            leaf: leaf)
        threads[post.proposal, default: []].append(id)
        return [.comment(id)]
    }

    /// `comment.edit`: the author writes a new version of their comment.
    mutating func editComment(
        _ edit: CommentEdit, by author: Member, id: StatementID, leaf: UInt64
    )
        throws(ServiceError) -> [StateChange]
    {
        guard var comment = comments[edit.comment] else {
            throw .notFound("unknown_comment", "no comment \(edit.comment.hex)")
        }
        guard comment.author == author.id else {
            throw .forbidden("not_author", "only the comment's author can edit it")
        }
        comment.versions.append(
            Comment.Version(
                statement: id, stance: edit.stance, text: edit.text, created: edit.header.created, leaf: leaf))
        comments[comment.id] = comment
        return [.comment(comment.id)]
    }

    /// `comment.hide`: a steward hides a comment with a reason; its versions stay in the log.
    mutating func hideComment(_ hide: CommentHide, by author: Member) throws(ServiceError) -> [StateChange] {
        try requireSteward(author, to: "hide comments")
        guard var comment = comments[hide.comment] else {
            throw .notFound("unknown_comment", "no comment \(hide.comment.hex)")
        }
        guard comment.hiddenReason == nil else {
            throw .conflict("already_hidden", "the comment is already hidden")
        }
        comment.hiddenReason = hide.reason
        comment.hiddenBy = author.id
        comments[comment.id] = comment
        return [.comment(comment.id)]
    }

    /// The proposal `id`, or a not-found refusal.
    public func proposal(_ id: StatementID) throws(ServiceError) -> Proposal {
        guard let proposal = proposals[id] else {
            throw .notFound("unknown_proposal", "no proposal \(id.hex)")
        }
        return proposal
    }
}
