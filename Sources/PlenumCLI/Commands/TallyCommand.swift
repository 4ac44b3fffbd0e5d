import ArgumentParser
import Counting
import Foundation
import RCTab

/// `plenum tally`: count a ballot file with any method, with no server.
public struct TallyCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "tally",
        abstract: "Count a ballot file with a voting method and print the result round by round.",
        discussion: """
            Reads BLT, PrefLib (.soc .soi .toc .toi .cat), pabulib (.pb), Debian tally sheets and \
            Plenum's own CSV and JSON (docs/ballot-formats.md), counts with exact arithmetic, and \
            prints a report with a table per round, or the outcome's canonical JSON with --json. \
            Withdrawn candidates (BLT, JSON) are removed from every ballot before the count. \
            `plenum tally --list-methods` lists the methods and their parameters. \
            `plenum tally --rctab CONFIG.json` instead runs an RCTab (Universal RCV Tabulator) contest \
            configuration with its cast-vote-record files and prints RCTab's summary JSON; \
            `--rctab-summary` writes an instant-runoff, scottish-stv or meek-stv count in that format.
            """)

    public init() {}

    @Argument(help: ArgumentHelp("The ballot file.", valueName: "file"))
    var file: String?

    @Option(help: ArgumentHelp("The voting method (see --list-methods).", valueName: "name"))
    var method: String?

    @Option(
        help: ArgumentHelp(
            "The file's format: blt, preflib, pabulib, debian, csv or json.",
            discussion: "Defaults to the one the extension names (.blt .hil .soc .soi .toc .toi .cat .pb "
                + "_tally.txt .csv .json).",
            valueName: "format"))
    var format: String?

    @Option(
        name: .customLong("ballot-shape"),
        help: ArgumentHelp(
            "What a CSV file holds: ranked, approval or rating.",
            discussion: "Defaults to the shape the method counts first.", valueName: "shape"))
    var ballotShape: String?

    @Option(help: ArgumentHelp("The number of seats (overrides the file's).", valueName: "n"))
    var seats: Int?

    @Option(
        name: .customLong("tie-break"),
        help: ArgumentHelp(
            "The tie-break order: order, seed:N or list:A,B,C.",
            discussion: """
                order: the candidates' listed order, earliest favoured (the default); seed:N: that order \
                shuffled from seed N (reproducible); list:A,B,C: the given order, naming every candidate.
                """,
            valueName: "rule"))
    var tieBreak: String?

    @Option(
        name: .customLong("param"),
        help: ArgumentHelp("A method parameter, key=value (repeatable; see --list-methods).", valueName: "key=value"))
    var parameters: [String] = []

    @Flag(help: "Print the outcome's canonical JSON instead of the report.")
    var json = false

    @Flag(name: .customLong("list-methods"), help: "List the voting methods, their ballots and parameters.")
    var listMethods = false

    @Option(
        help: ArgumentHelp(
            "Run an RCTab contest configuration and print its summary JSON (no ballot file or method).",
            discussion: "ES&S sources naming an .xlsx are read from the .csv export beside it.",
            valueName: "config.json"))
    var rctab: String?

    @Flag(
        name: .customLong("rctab-summary"),
        help: ArgumentHelp(
            "Write the count as RCTab's summary JSON (URCVT) instead of the report.",
            discussion: "For instant-runoff, scottish-stv and meek-stv; see docs/rctab.md."))
    var rctabSummary = false

    @Option(
        name: .customLong("output"),
        help: ArgumentHelp(
            "With --rctab or --rctab-summary: write the summary to this file (a multiPassIrv contest's pass n "
                + "to file_n.json).",
            valueName: "file"))
    var outputFile: String?

    @Option(
        name: .customLong("generated-by"),
        help: ArgumentHelp(
            "With --rctab or --rctab-summary: the summary's generatedBy text (\"RCTab 2.0.0\" to compare with "
                + "RCTab's files).",
            valueName: "text"))
    var generatedBy: String?

    @Option(
        help: ArgumentHelp(
            "With --rctab-summary: the contest's name (default: the file's title, else its name).", valueName: "name"))
    var contest: String?

    @Option(
        name: .customLong("contest-date"),
        help: ArgumentHelp("With --rctab-summary: the contest's date (default empty).", valueName: "date"))
    var contestDate: String?

    @Option(help: ArgumentHelp("With --rctab-summary: the jurisdiction (default empty).", valueName: "text"))
    var jurisdiction: String?

    @Option(help: ArgumentHelp("With --rctab-summary: the office (default empty).", valueName: "text"))
    var office: String?

    public func run() async throws {
        print(try output(), terminator: "")
    }

    /// What the command prints, or the failure it reports.
    func output() throws(CommandFailure) -> String {
        if listMethods { return Self.methodList() }
        if let rctab {
            guard file == nil, method == nil else {
                throw CommandFailure(
                    "--rctab takes its ballots and rules from the configuration: give no file or --method")
            }
            return try RCTabTally.run(
                configPath: rctab, output: outputFile, generatedBy: generatedBy ?? RCTabTally.defaultGeneratedBy,
                note: { FileHandle.standardError.write(Data("note: \($0)\n".utf8)) })
        }
        guard rctabSummary || (outputFile == nil && generatedBy == nil) else {
            throw CommandFailure("--output and --generated-by go with --rctab or --rctab-summary")
        }
        guard rctabSummary || (contest == nil && contestDate == nil && jurisdiction == nil && office == nil) else {
            throw CommandFailure("--contest, --contest-date, --jurisdiction and --office go with --rctab-summary")
        }
        guard let file else { throw CommandFailure("give a ballot file to count (or --list-methods)") }
        guard let methodName = method else {
            throw CommandFailure("give a method with --method NAME (plenum tally --list-methods lists them)")
        }
        if rctabSummary {
            try OutcomeSummaryTally.check(method: methodName, json: json)
        }
        let votingMethod: VotingMethod
        do {
            votingMethod = try VotingMethod.named(methodName)
        } catch {
            let known = VotingMethod.all.map(\.name).joined(separator: ", ")
            throw CommandFailure("\(error); known methods: \(known)")
        }
        let fileFormat = try resolvedFormat(file)
        let shape = try resolvedShape(votingMethod)
        let options: MethodOptions
        do {
            options = try MethodOptions(seats: seats, tieBreak: tieBreak, parameters: parameters)
        } catch {
            throw CommandFailure(String(describing: error))
        }
        let election: Election
        do {
            election = try ElectionFile.read(path: file, format: fileFormat, ballotShape: shape)
        } catch {
            throw CommandFailure("\(file): \(error)")
        }
        let outcome: Outcome
        do {
            outcome = try votingMethod.count(election, options: options)
        } catch {
            throw CommandFailure(String(describing: error))
        }
        if json { return String(decoding: outcome.canonicalBytes, as: UTF8.self) + "\n" }
        if rctabSummary {
            let settings = RCTabOutputSettings(
                contestName: contest ?? OutcomeSummaryTally.contestName(file: file, election: election),
                contestDate: contestDate ?? "", contestJurisdiction: jurisdiction ?? "", contestOffice: office ?? "")
            return try OutcomeSummaryTally.write(
                outcome, settings: settings, output: outputFile, generatedBy: generatedBy)
        }
        return TallyReport.text(outcome, source: .init(path: file, format: fileFormat, election: election))
    }

    private func resolvedFormat(_ file: String) throws(CommandFailure) -> BallotFileFormat {
        if let format {
            guard let chosen = BallotFileFormat(rawValue: format.lowercased()) else {
                let known = BallotFileFormat.allCases.map(\.rawValue).joined(separator: ", ")
                throw CommandFailure("unknown format \"\(format)\"; the formats are \(known)")
            }
            return chosen
        }
        guard let inferred = BallotFileFormat(path: file) else {
            throw CommandFailure("cannot tell the format of \(file) from its name; give --format")
        }
        return inferred
    }

    private func resolvedShape(_ method: VotingMethod) throws(CommandFailure) -> BallotShape {
        guard let ballotShape else { return method.shapes.first ?? .ranked }
        guard let shape = BallotShape(rawValue: ballotShape.lowercased()) else {
            throw CommandFailure("--ballot-shape is ranked, approval or rating, not \"\(ballotShape)\"")
        }
        return shape
    }

    /// `--list-methods`: every method with its ballots, seats and parameters.
    static func methodList() -> String {
        var lines: [String] = []
        for method in VotingMethod.all {
            lines.append("\(method.name): \(method.summary)")
            var ballots = method.shapes.map(\.rawValue).joined(separator: " or ")
            for conversion in method.conversions {
                ballots += "; \(conversion.from.rawValue) ballots are read as \(conversion.to.rawValue)"
            }
            lines.append("    ballots: \(ballots)")
            lines.append("    seats: \(method.multiWinner ? "one or more (--seats)" : "one")")
            for parameter in method.parameters {
                lines.append("    --param \(parameter.key)=...: \(parameter.summary)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
