import Counting
import Foundation

/// The counting issue's bars: every single-winner method on one million ranked ballots over
/// 10 candidates (uniform and Mallows files), and each STV rule set on one million ballots over
/// 20 candidates for 5 seats. Reading and merging the file is timed apart from counting.
///
/// The files come from `python3 Ballots/generate.py` (fixed seed); pass their folder as the
/// argument after the suite (default `Ballots/generated`).
enum CountingBenchmark {
    static func run(folder: String, quick: Bool, python: String?) {
        for file in ["uniform-10.soc", "mallows-10.soc"] {
            let clock = ContinuousClock()
            let start = clock.now
            guard let election = load(folder + "/" + file) else { continue }
            let readSeconds = Measure.seconds(clock.now - start)
            let methods = VotingMethod.all.filter { method in
                !method.multiWinner
                    && (method.shapes.contains(.ranked) || method.conversions.contains { $0.from == .ranked })
            }
            print("| method, \(file) (\(election.totalWeight) ballots) | count time | ballots/s |")
            print("|---|---|---|")
            var counted: [String: Double] = [:]
            for method in methods {
                counted[method.name] = time(method, election, options: MethodOptions(), repetitions: quick ? 1 : 3)
            }
            print("")
            if let python {
                compare(with: python, file: folder + "/" + file, readSeconds: readSeconds, counted: counted)
            }
        }
        CardinalBenchmark.run(quick: quick)
        if let election = load(folder + "/stv-20.blt") {
            let methods = VotingMethod.all.filter { $0.multiWinner && $0.shapes == [.ranked] }
            print("| method, stv-20.blt (\(election.totalWeight) ballots, 5 seats) | count time | ballots/s |")
            print("|---|---|---|")
            for method in methods {
                time(method, election, options: MethodOptions(seats: 5), repetitions: 1)
            }
            print("")
        }
        print("peak resident memory: \(Measure.format(Measure.peakMemoryMiB(), decimals: 1)) MiB")
    }

    static func load(_ path: String) -> Election? {
        guard let data = FileManager.default.contents(atPath: path), let format = BallotFileFormat(path: path) else {
            print("(\(path) is missing: run `python3 Ballots/generate.py` first)\n")
            return nil
        }
        var election: Election?
        let seconds = Measure.best(repetitions: 1) {
            election = try? ElectionFile.read(Array(data), format: format, path: path)
        }
        guard let election else {
            print("(\(path) could not be read)\n")
            return nil
        }
        print(
            "read and merged \(path): \(Measure.format(seconds * 1000, decimals: 0)) ms, "
                + "\(election.distinctBallots) distinct ballots\n")
        return election
    }

    /// Runs Benchmarks/pref_voting_times.py on the same file and prints both sides' read + count
    /// times and their ratio.
    static func compare(with python: String, file: String, readSeconds: Double, counted: [String: Double]) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["Benchmarks/pref_voting_times.py", file]
        let pipe = Pipe()
        process.standardOutput = pipe
        do {
            try process.run()
        } catch {
            print("(could not run \(python): \(error))\n")
            return
        }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let load = object["load"] as? Double, let methods = object["methods"] as? [String: Any]
        else {
            print("(pref_voting_times.py gave no result)\n")
            return
        }
        print("| \(file): read + count | Plenum | pref_voting | pref_voting / Plenum |")
        print("|---|---|---|---|")
        for name in counted.keys.sorted() {
            guard let ours = counted[name] else { continue }
            let plenum = readSeconds + ours
            guard let theirs = methods[name] as? Double else {
                print("| \(name) | \(Measure.format(plenum, decimals: 2)) s | (not run, or timed out) | |")
                continue
            }
            let python = load + theirs
            print(
                "| \(name) | \(Measure.format(plenum, decimals: 2)) s | \(Measure.format(python, decimals: 2)) s "
                    + "| \(Measure.format(python / plenum, decimals: 1))× |")
        }
        print("(pref_voting's load builds its profile and pairwise margins: \(Measure.format(load, decimals: 2)) s)\n")
    }

    @discardableResult
    static func time(_ method: VotingMethod, _ election: Election, options: MethodOptions, repetitions: Int) -> Double {
        var outcome: Outcome?
        var failure: String?
        let seconds = Measure.best(repetitions: repetitions) {
            do {
                outcome = try method.count(election, options: options)
            } catch {
                failure = String(describing: error)
            }
        }
        if let failure {
            print("| \(method.name) | failed: \(failure) | |")
            return seconds
        }
        let rate = Double(election.totalWeight) / seconds
        let winners = outcome.map { $0.winnerNames.joined(separator: ", ") } ?? ""
        print(
            "| \(method.name) (winner: \(winners)) | \(Measure.format(seconds * 1000, decimals: 1)) ms "
                + "| \(Int(rate)) |")
        return seconds
    }
}

extension Election {
    /// The number of voters (total ballot weight).
    var totalWeight: Int64 {
        switch ballots {
        case .ranked(let profile): return profile.totalWeight
        case .approval(let profile): return profile.totalWeight
        case .ratings(let profile): return profile.totalWeight
        }
    }

    /// The number of distinct (merged) ballots.
    var distinctBallots: Int {
        switch ballots {
        case .ranked(let profile): return profile.ballotCount
        case .approval(let profile): return profile.ballotCount
        case .ratings(let profile): return profile.ballotCount
        }
    }
}
