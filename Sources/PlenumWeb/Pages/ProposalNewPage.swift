/// `/proposals/new`: the form for a new proposal (signed as `proposal.create` in the browser).
struct ProposalNewPage {
    let title = "Write a proposal"
    let titleLimit = 200
}
