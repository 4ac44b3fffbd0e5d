import Foundation
import RCTab

/// `plenum tally --rctab CONFIG.json [--output FILE]`: runs an RCTab contest configuration (its
/// rules and cast-vote-record files) and writes RCTab's summary JSON.
enum RCTabTally {
    /// The summary's `generatedBy` unless `--generated-by` says otherwise.
    static let defaultGeneratedBy = "Plenum (RCTab 2.0.0 summary format)"

    /// Counts the contest at `configPath`. Without `output` the summary is returned to be printed
    /// (a `multiPassIrv` contest's passes one after another); with it, the summary is written to
    /// that file (pass `n` of a `multiPassIrv` contest to the file with `_n` before its
    /// extension) and the lines naming the files are returned. Outputs the configuration asks
    /// for that Plenum does not write are reported through `note`.
    static func run(
        configPath: String, output: String?, generatedBy: String, note: (String) -> Void
    ) throws(CommandFailure) -> String {
        let summaries: [(pass: Int?, json: String)]
        do {
            let session = try RCTabSession(configPath: configPath, readFile: readFile)
            for sentence in session.config.notWritten { note(sentence) }
            summaries = try session.summaries(generatedBy: generatedBy)
        } catch {
            throw CommandFailure(String(describing: error))
        }
        guard let output else { return summaries.map { $0.json + "\n" }.joined() }
        var written: [String] = []
        for summary in summaries {
            let path = summary.pass.map { passPath(output, pass: $0) } ?? output
            guard FileManager.default.createFile(atPath: path, contents: Data(summary.json.utf8)) else {
                throw CommandFailure("\(path): the summary cannot be written")
            }
            written.append("wrote \(path)\n")
        }
        return written.joined()
    }

    /// `summary.json` → `summary_2.json` for pass 2.
    static func passPath(_ path: String, pass: Int) -> String {
        let url = URL(fileURLWithPath: path)
        let ext = url.pathExtension
        guard !ext.isEmpty else { return "\(path)_\(pass)" }
        return String(path.dropLast(ext.count + 1)) + "_\(pass).\(ext)"
    }

    private static func readFile(_ path: String) throws -> [UInt8]? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return nil }
        guard !isDirectory.boolValue, let data = FileManager.default.contents(atPath: path) else {
            throw RCTabError("unreadable", at: path, "not a readable file")
        }
        return [UInt8](data)
    }
}
