import ArgumentParser

/// The `plenum` command: the root of every subcommand.
public struct PlenumCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "plenum",
        abstract: "Decide together with signed statements, and check every count.",
        discussion: """
            Plenum keeps an organization's proposals, decision rounds and signed ballots in an \
            append-only Merkle log that anyone entitled to can audit.

            Server: `plenum init` creates an organization, `plenum serve` serves it, `plenum demo` \
            creates and serves a demo. Client commands act on a running server, signing with your \
            key. Offline: `plenum tally` counts ballot files (and RCTab contests), `plenum shares` \
            divides a pot.
            """,
        subcommands: [
            KeyCommand.self, InitCommand.self, ServeCommand.self, DemoCommand.self, InviteCommand.self,
            JoinCommand.self, MembersCommand.self, ProposeCommand.self, ReviseCommand.self, ProposalsCommand.self,
            CommentCommand.self, RoundCommand.self, VoteCommand.self, ReceiptCommand.self, PoolCommand.self,
            AuditCommand.self,
            TallyCommand.self,
            SharesCommand.self,
        ]
    )

    public init() {}
}
