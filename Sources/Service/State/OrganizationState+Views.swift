import Ledger
import Sodium
import Statements
import Store

extension OrganizationState {
    /// The view rows to rewrite for `changes`: each touched entity once, as it is now.
    func viewChanges(for changes: [StateChange]) throws(ServiceError) -> [ViewChange] {
        var seen = Set<StateChange>()
        var rows: [ViewChange] = []
        rows.reserveCapacity(changes.count)
        for change in changes {
            if case .ballot = change {
            } else {
                guard seen.insert(change).inserted else { continue }
            }
            rows += try viewRows(for: change)
        }
        return rows
    }

    private func viewRows(for change: StateChange) throws(ServiceError) -> [ViewChange] {
        switch change {
        case .member(let id):
            guard let member = members[id] else { return [] }
            return [
                .member(
                    MemberRow(
                        memberID: id.base64url, name: member.name, status: member.status.rawValue,
                        weight: Int(member.weight), roles: member.roles.map(\.rawValue).sorted().joined(separator: ","),
                        joinedLeaf: Int(member.joinedLeaf)))
            ]
        case .key(let key):
            guard let record = keys[key] else { return [] }
            return [
                .memberKey(
                    MemberKeyRow(
                        key: key.base64url, memberID: record.member.base64url,
                        status: MemberKeyRow.Status(rawValue: record.status.rawValue) ?? .active,
                        addedLeaf: Int(record.addedLeaf), endedLeaf: record.endedLeaf.map { Int($0) }))
            ]
        case .invitation(let code):
            guard let invitation = invitations[code] else { return [] }
            return [
                .invitation(
                    InvitationRow(
                        code: code.hex, name: invitation.name,
                        roles: invitation.roles.map(\.rawValue).sorted().joined(separator: ","),
                        weight: Int(invitation.weight), expires: invitation.expires, createdLeaf: Int(invitation.leaf),
                        redeemedLeaf: invitation.redeemedBy.flatMap { members[$0] }.map { Int($0.joinedLeaf) }))
            ]
        case .proposal(let id):
            guard let proposal = proposals[id] else { return [] }
            return [
                .proposal(
                    ProposalRow(
                        id: id.hex, author: proposal.author.base64url, title: proposal.current.title,
                        state: proposal.state.rawValue, currentRevision: proposal.current.id.hex,
                        createdLeaf: Int(proposal.leaf)))
            ]
        case .revision(let id):
            guard let owner = revisionOwner[id],
                let revision = proposals[owner]?.revisions.first(where: { $0.id == id })
            else { return [] }
            return [
                .revision(
                    RevisionRow(
                        id: id.hex, proposalID: owner.hex, parent: revision.parent?.hex,
                        author: revision.author.base64url, title: revision.title, text: revision.text,
                        summary: revision.summary, leaf: Int(revision.leaf)))
            ]
        case .comment(let id):
            guard let comment = comments[id] else { return [] }
            return [
                .comment(
                    CommentRow(
                        id: id.hex, proposalID: comment.proposal.hex, replyTo: comment.replyTo?.hex,
                        author: comment.author.base64url, stance: comment.current.stance.rawValue,
                        text: comment.current.text, version: comment.versions.count, hiddenReason: comment.hiddenReason,
                        leaf: Int(comment.leaf),
                        updatedLeaf: comment.versions.count > 1 ? Int(comment.current.leaf) : nil))
            ]
        case .round(let id):
            guard let round = rounds[id] else { return [] }
            return [
                .round(
                    RoundRow(
                        id: id.hex, proposalID: round.parameters.proposal?.hex,
                        revisionID: round.parameters.revision?.hex, method: round.parameters.method,
                        state: round.state == .open ? .open : .closed, openedLeaf: Int(round.openedLeaf),
                        closedLeaf: round.closedLeaf.map { Int($0) },
                        parameters: String(decoding: round.parameters.canonicalBytes, as: UTF8.self)))
            ]
        case .ballot(let roundID, let statement, let voter, let sequence, let leaf, let replacedLeaf):
            // Every ballot statement gets its row, in log order, so a ballot replaced within the
            // same batch exists before it is marked superseded.
            var rows: [ViewChange] = []
            if let replacedLeaf { rows.append(.ballotSuperseded(leaf: Int(replacedLeaf))) }
            rows.append(
                .ballot(
                    BallotRow(
                        id: statement.hex, roundID: roundID.hex, voter: voter.base64url, sequence: Int(sequence),
                        leaf: Int(leaf))))
            return rows
        case .outcome(let id):
            guard let round = rounds[id], let result = round.result, let statement = round.resultStatement else {
                return []
            }
            return [
                .outcome(
                    OutcomeRow(
                        roundID: id.hex, resultStatement: statement.hex, passed: result.passed,
                        outcome: String(decoding: CanonicalJSON.encode(result.outcome), as: UTF8.self)))
            ]
        }
    }
}
