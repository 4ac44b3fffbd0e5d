import ArgumentParser
import Audit
import Foundation
import Ledger
import Statements

/// `plenum audit`: export a round's record from a server, and verify records offline.
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "Export a round's record, and verify records offline.",
        discussion: "The record format is described in docs/audit-record.md.",
        subcommands: [Export.self, Verify.self])

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Download a closed round's record (stewards and auditors).")
        @OptionGroup var options: ClientOptions
        @Argument(help: "The round's id (or, with --pool, the pool's).") var round: String
        @Flag(help: "Export a distributed pool's record (the round that chose its plan, and the pool).")
        var pool = false
        @Option(help: ArgumentHelp("Where to write the record (default: standard output).", valueName: "path"))
        var output: String?
        @Option(help: "Add a consistency proof from this earlier log size (for verify --against).") var since: UInt64?

        func run() async throws {
            try await clientCommand {
                let client = try options.client()
                let id = try statementArgument(round, "the round")
                let query = since.map { "?since=\($0)" } ?? ""
                let bytes = try await client.download("\(pool ? "pools" : "rounds")/\(id.hex)/record\(query)")
                if let output {
                    guard FileManager.default.createFile(atPath: output, contents: Data(bytes)) else {
                        throw CommandFailure("cannot write \(output)")
                    }
                    FileHandle.standardError.write(Data("wrote the record of round \(id.hex) to \(output)\n".utf8))
                } else {
                    FileHandle.standardOutput.write(Data(bytes))
                }
            }
        }
    }

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Verify a round's record offline: signatures, keys, electorate, ballots, proofs and the count.",
            discussion: """
                Needs no server. Prints what was checked and every failure with its line and leaf, and \
                exits with status 1 if anything fails. With --against, also checks that an older record \
                of the same log is a prefix of this one (nothing removed or rewritten).
                """)
        @Argument(help: ArgumentHelp("The record file.", valueName: "record")) var record: String
        @Option(help: ArgumentHelp("An older record of the same log.", valueName: "path")) var against: String?
        @Option(help: "Threads checking signatures (default: every core).") var threads: Int?
        @Flag(help: "Print the failures as JSON lines.") var json = false

        func run() async throws {
            let file = RecordFile(path: record)
            guard file.isReadable else { throw CommandFailure("cannot read \(record)") }
            let verifier = RecordVerifier(threads: threads ?? ProcessInfo.processInfo.activeProcessorCount)
            var lines = file.makeIterator()
            let result = verifier.verify(source: &lines)
            if let error = file.readError { throw CommandFailure("cannot read \(record): \(error)") }
            var report = result.report
            print(report.text)
            if let against {
                let older = RecordFile(path: against)
                guard older.isReadable else { throw CommandFailure("cannot read \(against)") }
                var olderLines = older.makeIterator()
                let olderResult = verifier.verify(source: &olderLines)
                if let error = older.readError { throw CommandFailure("cannot read \(against): \(error)") }
                if !olderResult.report.passed {
                    print("\nthe older record \(against) does not verify on its own:")
                    print(olderResult.report.text)
                }
                let comparison = RecordComparison.compare(
                    newer: result, newerLines: file, older: olderResult, olderLines: older)
                for (path, read) in [(record, file), (against, older)] {
                    if let error = read.readError { throw CommandFailure("cannot read \(path): \(error)") }
                }
                print("\nagainst \(against):")
                print(comparison.text)
                if !comparison.passed || !olderResult.report.passed { report = comparison }
                if !olderResult.report.passed { throw ExitCode(1) }
            }
            if json {
                for failure in report.failures {
                    let value = JSONValue.object([
                        JSONMember("code", .string(failure.code)), JSONMember("message", .string(failure.message)),
                        JSONMember("line", failure.line.map { .integer(Int64($0)) } ?? .null),
                        JSONMember("leaf", failure.leaf.map { .integer(Int64($0)) } ?? .null),
                    ])
                    print(String(decoding: CanonicalJSON.encode(value), as: UTF8.self))
                }
            }
            if !report.passed { throw ExitCode(1) }
        }
    }
}
