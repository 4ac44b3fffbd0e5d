import Counting
import Foundation
import RCTab

/// `plenum tally FILE --method M --rctab-summary [--output FILE]`: a count of Plenum's own
/// instant-runoff, scottish-stv or meek-stv written as RCTab's summary JSON (``OutcomeSummary``).
enum OutcomeSummaryTally {
    /// Refuses, before counting, a method the summary cannot hold and a second output format.
    static func check(method: String, json: Bool) throws(CommandFailure) {
        guard OutcomeSummary.methods.contains(method) else {
            throw CommandFailure(
                "--rctab-summary writes \(OutcomeSummary.methods.joined(separator: ", ")) counts, not \(method)")
        }
        guard !json else { throw CommandFailure("give --json or --rctab-summary, not both") }
    }

    /// The contest name when `--contest` gives none: the file's title, else its name without the
    /// extension.
    static func contestName(file: String, election: Election) -> String {
        if let title = election.title, !title.isEmpty { return title }
        return URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
    }

    /// The summary, to be printed, or written to `output` (then the line naming the file).
    static func write(
        _ outcome: Outcome, settings: RCTabOutputSettings, output: String?, generatedBy: String?
    ) throws(CommandFailure) -> String {
        let summary: String
        do {
            summary = try OutcomeSummary.text(outcome, settings: settings, generatedBy: generatedBy)
        } catch {
            throw CommandFailure(String(describing: error))
        }
        guard let output else { return summary + "\n" }
        guard FileManager.default.createFile(atPath: output, contents: Data(summary.utf8)) else {
            throw CommandFailure("\(output): the summary cannot be written")
        }
        return "wrote \(output)\n"
    }
}
