import Counting
import Foundation

/// The counting issue's bars: every single-winner method on one million ranked ballots over
/// 10 candidates (uniform and Mallows files), and each STV rule set on one million ballots over
/// 20 candidates for 5 seats. Reading and merging the file is timed apart from counting.
///
/// The files come from `python3 Ballots/generate.py` (fixed seed); pass their folder as the
/// argument after the suite (default `Ballots/generated`).
enum CountingBenchmark {
    static func run(folder: String, quick: Bool) {
        for file in ["uniform-10.soc", "mallows-10.soc"] {
            guard let election = load(folder + "/" + file) else { continue }
            let methods = VotingMethod.all.filter { method in
                !method.multiWinner
                    && (method.shapes.contains(.ranked) || method.conversions.contains { $0.from == .ranked })
            }
            print("| method, \(file) (\(election.totalWeight) ballots) | count time | ballots/s |")
            print("|---|---|---|")
            for method in methods {
                time(method, election, options: MethodOptions(), repetitions: quick ? 1 : 3)
            }
            print("")
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

    static func time(_ method: VotingMethod, _ election: Election, options: MethodOptions, repetitions: Int) {
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
            return
        }
        let rate = Double(election.totalWeight) / seconds
        let winners = outcome.map { $0.winnerNames.joined(separator: ", ") } ?? ""
        print(
            "| \(method.name) (winner: \(winners)) | \(Measure.format(seconds * 1000, decimals: 1)) ms "
                + "| \(Int(rate)) |")
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
