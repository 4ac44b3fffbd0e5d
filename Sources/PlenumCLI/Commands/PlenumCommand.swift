import ArgumentParser

/// The `plenum` command: the root of every subcommand.
public struct PlenumCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "plenum",
        abstract: "Decide together with signed statements, and check every count.",
        discussion: """
            Plenum keeps an organization's proposals, decision rounds and signed ballots in an \
            append-only Merkle log that anyone entitled to can audit.

            This build has key management, the offline tabulator (`plenum tally`, which also \
            runs RCTab contest configurations) and offline value distribution (`plenum shares`); \
            the server and the audit commands arrive with later releases.
            """,
        subcommands: [KeyCommand.self, TallyCommand.self, SharesCommand.self]
    )

    public init() {}
}
