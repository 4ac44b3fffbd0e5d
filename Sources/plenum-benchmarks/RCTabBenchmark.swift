import Foundation
import RCTab

/// The RCTab compatibility bar: the 2013 Minneapolis mayor race (80,101 cast-vote records,
/// 36 candidates, 33 rounds) counted end to end from its contest configuration, and RCTab's own
/// scale test, the same race thirteen times over (1,041,313 records), read from a CSV of that size.
enum RCTabBenchmark {
    static func run(corpus: String) {
        let folder = corpus + "/2013_minneapolis_mayor"
        let config = folder + "/2013_minneapolis_mayor_config.json"
        guard FileManager.default.fileExists(atPath: config) else {
            print("(\(config) is missing: the RCTab corpus is in ../shared/ballots/rctab)")
            return
        }
        let readFile: RCTabCVRReader.FileReader = { path in FileManager.default.contents(atPath: path).map(Array.init) }
        print("| 2013 Minneapolis mayor (RCTab corpus) | time |")
        print("|---|---|")
        var session: RCTabSession?
        let read = Measure.best(repetitions: 5) { session = try? RCTabSession(configPath: config, readFile: readFile) }
        guard let session else {
            print("| could not read the contest | |")
            return
        }
        var winners: [String] = []
        let count = Measure.best(repetitions: 5) { winners = (try? session.tabulate())?.first?.winners ?? [] }
        let endToEnd = Measure.best(repetitions: 5) {
            _ = try? RCTabSession(configPath: config, readFile: readFile).summaries()
        }
        print(
            "| read the configuration and 80,101 records, merge (\(session.ballots.count) distinct) "
                + "| \(Measure.format(read * 1000, decimals: 1)) ms |")
        print("| tabulate 33 rounds (winner: \(winners.joined())) | \(Measure.format(count * 1000, decimals: 1)) ms |")
        print(
            "| end to end: read, tabulate, write the summary JSON | \(Measure.format(endToEnd * 1000, decimals: 1)) ms |"
        )

        // RCTab's scale test: the CVR file's data rows thirteen times over, read as one file.
        let thirteenfold: RCTabCVRReader.FileReader = { path in
            guard let bytes = try readFile(path) else { return nil }
            guard path.hasSuffix(".csv") else { return bytes }
            let text = String(decoding: bytes, as: UTF8.self)
            guard let newline = text.firstIndex(of: "\n") else { return bytes }
            let header = text[...newline]
            var body = String(text[text.index(after: newline)...])
            if !body.hasSuffix("\n") { body += "\n" }
            return Array((header + String(repeating: body, count: 13)).utf8)
        }
        var scaleWinners: [String] = []
        var records = ""
        let scale = Measure.best(repetitions: 1) {
            guard let big = try? RCTabSession(configPath: config, readFile: thirteenfold),
                let result = (try? big.tabulate())?.first
            else { return }
            scaleWinners = result.winners
            records = "\(result.totalNumBallots)"
        }
        print(
            "| RCTab's scale test: \(records) records (the race ×13) read, merged and tabulated "
                + "(winner: \(scaleWinners.joined())) | \(Measure.format(scale * 1000, decimals: 1)) ms |")
        print("\npeak resident memory: \(Measure.format(Measure.peakMemoryMiB(), decimals: 1)) MiB")
    }
}
