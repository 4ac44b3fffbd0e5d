import Service
import Statements

/// `/receipts`: every ballot the caller cast, replaced ones included, each with a button the
/// browser uses to check the receipt against the log (inclusion and consistency proofs, the
/// checkpoint signature).
struct ReceiptsPage {
    struct Item {
        let statement: String
        let round: String
        let question: String
        let leaf: UInt64
        let counted: Bool
        let roundOpen: Bool
    }

    let title = "Receipts"
    let receipts: [Item]
    let hasReceipts: Bool

    init(state: OrganizationState, viewer: WebSite.Viewer) {
        guard let caller = viewer.member?.id else {
            receipts = []
            hasReceipts = false
            return
        }
        var items: [Item] = []
        for (statement, roundID) in state.ballotRounds {
            guard let leaf = state.leaves[statement], Int(leaf) < state.authors.count,
                state.authors[Int(leaf)] == caller,
                let round = state.rounds[roundID]
            else { continue }
            items.append(
                Item(
                    statement: statement.hex, round: roundID.hex, question: round.parameters.question, leaf: leaf,
                    counted: round.ballots[caller]?.statement == statement, roundOpen: round.state == .open))
        }
        receipts = items.sorted { $0.leaf > $1.leaf }
        hasReceipts = !receipts.isEmpty
    }
}
