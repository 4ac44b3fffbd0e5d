import ArgumentParser
import Foundation
import Ledger
import Statements

/// Reads `--text` or `--file` (one of them).
struct TextOptions: ParsableArguments {
    @Option(help: "The text.") var text: String?
    @Option(help: ArgumentHelp("Read the text from a file.", valueName: "path")) var file: String?

    func read() throws -> String {
        switch (text, file) {
        case (let text?, nil): return text
        case (nil, let path?):
            guard let data = FileManager.default.contents(atPath: path) else {
                throw CommandFailure("cannot read \(path)")
            }
            return String(decoding: data, as: UTF8.self)
        default: throw CommandFailure("give the text with --text or --file (one of them)")
        }
    }
}

extension Stance: ExpressibleByArgument {}

/// `plenum propose`: writes a proposal.
struct ProposeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "propose", abstract: "Write a proposal.")
    @OptionGroup var options: ClientOptions
    @Option(help: "The title.") var title: String
    @OptionGroup var body: TextOptions

    func run() async throws {
        try await clientCommand {
            let client = try options.client()
            let receipt = try await client.submit(
                ProposalCreate(header: try await client.header(), title: title, text: try body.read()))
            try options.output(receipt) { print("proposal \(try receipt.string("statement"))") }
        }
    }
}

/// `plenum revise`: writes a new revision of a proposal.
struct ReviseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "revise", abstract: "Revise a proposal (its author or a steward).")
    @OptionGroup var options: ClientOptions
    @Argument(help: "The proposal's id.") var proposal: String
    @Option(help: "The new title (default: unchanged).") var title: String?
    @Option(help: "What changed.") var summary: String?
    @OptionGroup var body: TextOptions

    func run() async throws {
        try await clientCommand {
            let client = try options.client()
            let id = try statementArgument(proposal, "the proposal")
            let current = try await client.get("proposals/\(id.hex)")
            let parent = try statementArgument(try current.string("current"), "the current revision")
            let currentTitle = try current.string("title")
            let revise = ProposalRevise(
                header: try await client.header(), proposal: id, parent: parent, title: title ?? currentTitle,
                text: try body.read(), summary: summary)
            let receipt = try await client.submit(revise)
            try options.output(receipt) { print("revision \(try receipt.string("statement"))") }
        }
    }
}

/// `plenum proposals`: lists proposals, or shows one with its revisions and thread.
struct ProposalsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "proposals", abstract: "List proposals, or show one with its revisions and thread.")
    @OptionGroup var options: ClientOptions
    @Argument(help: "A proposal's id, to show it.") var proposal: String?

    func run() async throws {
        try await clientCommand {
            let client = try options.client()
            guard let proposal else {
                let answer = try await client.get("proposals")
                options.output(answer) {
                    for item in answer["proposals"]?.arrayValue ?? [] {
                        print(
                            "\(item["id"]?.stringValue ?? "")  [\(item["state"]?.stringValue ?? "")]  "
                                + "\(item["title"]?.stringValue ?? "")")
                    }
                }
                return
            }
            let id = try statementArgument(proposal, "the proposal")
            let shown = try await client.get("proposals/\(id.hex)")
            let thread = try await client.get("proposals/\(id.hex)/thread")
            let both = JSONValue.object([JSONMember("proposal", shown), JSONMember("thread", thread)])
            options.output(both) {
                print("\(shown["title"]?.stringValue ?? "")  [\(shown["state"]?.stringValue ?? "")]")
                print(
                    "current revision \(shown["current"]?.stringValue ?? "") of \(shown["revisionCount"]?.integerValue ?? 0)"
                )
                print("")
                print(shown["text"]?.stringValue ?? "")
                print("")
                for comment in thread["comments"]?.arrayValue ?? [] {
                    let reply = comment["replyTo"]?.stringValue.map { " (reply to \($0.prefix(12)))" } ?? ""
                    let text = comment["text"]?.stringValue ?? "[hidden: \(comment["hidden"]?.stringValue ?? "")]"
                    print(
                        "- \(comment["id"]?.stringValue?.prefix(12) ?? "") \(comment["stance"]?.stringValue ?? "")\(reply): "
                            + text)
                }
            }
        }
    }
}

/// `plenum comment`: comments in a proposal's thread.
struct CommentCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "comment", abstract: "Comment in a proposal's thread, or reply to a comment.")
    @OptionGroup var options: ClientOptions
    @Argument(help: "The proposal's id.") var proposal: String
    @Option(help: "for, against, question or neutral.") var stance: Stance = .neutral
    @Option(name: .customLong("reply-to"), help: "The id of the comment you reply to.") var replyTo: String?
    @OptionGroup var body: TextOptions

    func run() async throws {
        try await clientCommand {
            let client = try options.client()
            let post = CommentPost(
                header: try await client.header(), proposal: try statementArgument(proposal, "the proposal"),
                replyTo: try replyTo.map { try statementArgument($0, "--reply-to") }, stance: stance,
                text: try body.read())
            let receipt = try await client.submit(post)
            try options.output(receipt) { print("comment \(try receipt.string("statement"))") }
        }
    }
}
