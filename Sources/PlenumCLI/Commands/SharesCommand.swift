import ArgumentParser
import Foundation
import Shares

/// `plenum shares METHOD --input FILE`: share a pot with a method, offline, exact to the minor unit.
public struct SharesCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "shares",
        abstract: "Share a pot among members with a sharing method, exact to the minor unit.",
        discussion: """
            Reads the rows of a CSV or JSON file (docs/shares.md, "Input files"), computes every \
            share with exact arithmetic and largest-remainder rounding, and prints a table with \
            each exact quota and who received a leftover unit and why, or the canonical JSON with \
            --json. `plenum shares --list-methods` lists the methods, their columns and parameters. \
            This is the offline computation only: pools, plans decided by a round and signed \
            distribution records are not built yet.
            """)

    public init() {}

    @Argument(help: ArgumentHelp("The sharing method (see --list-methods).", valueName: "method"))
    var method: String?

    @Option(help: ArgumentHelp("The input file, CSV or JSON.", valueName: "file"))
    var input: String?

    @Option(
        help: ArgumentHelp(
            "The input's format: csv or json.", discussion: "Defaults to the one the extension names.",
            valueName: "format"))
    var format: String?

    @Option(
        help: ArgumentHelp(
            "The pot to share, e.g. 100.00 (overrides the file's).",
            discussion: "For hamilton, dhondt and sainte-lague: the number of seats.", valueName: "amount"))
    var pot: String?

    @Option(help: ArgumentHelp("The currency code, e.g. EUR (overrides the file's).", valueName: "code"))
    var currency: String?

    @Option(help: ArgumentHelp("The currency's decimals (default 2).", valueName: "n"))
    var decimals: Int?

    @Option(
        name: .customLong("param"),
        help: ArgumentHelp("A method parameter, key=value (repeatable; see --list-methods).", valueName: "key=value"))
    var parameters: [String] = []

    @Flag(help: "Print the distribution's canonical JSON instead of the table.")
    var json = false

    @Flag(name: .customLong("list-methods"), help: "List the sharing methods, their columns and parameters.")
    var listMethods = false

    public func run() async throws {
        print(try output(), terminator: "")
    }

    /// What the command prints, or the failure it reports.
    func output() throws(CommandFailure) -> String {
        if listMethods { return Self.methodList() }
        guard let method else {
            throw CommandFailure("give a sharing method (plenum shares --list-methods lists them)")
        }
        let sharing: SharesMethod
        do {
            sharing = try SharesMethod.named(method)
        } catch {
            let known = SharesMethod.all.map(\.name).joined(separator: ", ")
            throw CommandFailure("\(error); the methods are \(known)")
        }
        guard let input else { throw CommandFailure("give the input file with --input FILE") }
        let file = try read(input)
        var overrides: [String: String] = [:]
        for parameter in parameters {
            guard let equals = parameter.firstIndex(of: "="), equals != parameter.startIndex else {
                throw CommandFailure("--param takes key=value, not \"\(parameter)\"")
            }
            overrides[String(parameter[..<equals])] = String(parameter[parameter.index(after: equals)...])
        }
        let context = SharesContext(file, pot: pot, currency: currency, decimals: decimals, parameters: overrides)
        let distribution: Distribution
        do {
            distribution = try sharing.distribute(context)
        } catch {
            if case .invalidInput = error { throw CommandFailure("\(input): \(error)") }
            throw CommandFailure(String(describing: error))
        }
        if json { return String(decoding: distribution.canonicalBytes, as: UTF8.self) + "\n" }
        return SharesReport.text(distribution, source: input)
    }

    private func read(_ path: String) throws(CommandFailure) -> SharesInput {
        let kind: String
        if let format {
            kind = format.lowercased()
            guard kind == "csv" || kind == "json" else {
                throw CommandFailure("--format is csv or json, not \"\(format)\"")
            }
        } else if path.lowercased().hasSuffix(".csv") {
            kind = "csv"
        } else if path.lowercased().hasSuffix(".json") {
            kind = "json"
        } else {
            throw CommandFailure("cannot tell the format of \(path) from its name; give --format csv or json")
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
            let data = FileManager.default.contents(atPath: path)
        else {
            throw CommandFailure("\(path): no such file, or it cannot be read")
        }
        do {
            return kind == "csv" ? try SharesInput.csv([UInt8](data)) : try SharesInput.json([UInt8](data))
        } catch {
            throw CommandFailure("\(path): \(error)")
        }
    }

    /// `--list-methods`: every method with its columns, pot and parameters.
    static func methodList() -> String {
        var lines: [String] = []
        for method in SharesMethod.all {
            lines.append("\(method.name): \(method.summary)")
            if method.name == "buckets" {
                lines.append("    rows: those of the rest method; buckets: a JSON input's \"buckets\" array")
            } else {
                lines.append("    rows: \(method.columnsText)")
            }
            lines.append("    pot: \(method.pot)")
            for parameter in method.parameters {
                lines.append("    --param \(parameter.key)=...: \(parameter.summary)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
