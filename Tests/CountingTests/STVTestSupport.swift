import Counting
import Foundation
import TestRandom

/// The fixed-seed generator of the STV tests (random profiles).

/// The fixed-seed generator of the STV tests (random profiles).
typealias STVRandom = SplitMix64

extension Array where Element == Int {
    /// This ranking with a random neighbour swap and a random cut, for realistic variation.
    func shuffledPrefix(_ random: inout STVRandom) -> [Int] {
        var copy = self
        if copy.count > 1 {
            let i = random.below(copy.count - 1)
            copy.swapAt(i, i + 1)
        }
        return Array(copy.prefix(1 + random.below(copy.count)))
    }
}

enum STVFixtures {
    /// The shared ballots folder (`../shared/ballots/<folder>` from the package root).
    static func sharedBallots(_ folder: String, filePath: String = #filePath) -> String {
        URL(fileURLWithPath: filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("shared/ballots/\(folder)").path
    }

    /// Ballots given as rankings of 1-based candidate numbers, with a weight each.
    static func profile(candidateCount: Int, _ ballots: [(Int64, [Int])]) throws -> RankedProfile {
        try RankedProfile(
            candidateCount: candidateCount, ballots: ballots.map { (groups: $0.1.map { [$0 - 1] }, weight: $0.0) })
    }

    /// The candidates' tallies of a round as text, in candidate order.
    static func tallies(_ round: TraceRound) -> [String] { round.tallies.map(\.votes.text) }
}

extension SplitMix64 {
    /// A random partial ranking of `candidateCount` candidates (at least one ranked).
    mutating func ranking(candidateCount: Int) -> [Int] {
        var order = Array(0..<candidateCount)
        for i in stride(from: candidateCount - 1, through: 1, by: -1) { order.swapAt(i, below(i + 1)) }
        return Array(order.prefix(1 + below(candidateCount)))
    }

    /// A profile where a few "parties" attract most voters, so counts have surpluses, transfers
    /// and exhaustion.
    mutating func profile(candidateCount: Int, voters: Int) -> [(groups: [[Int]], weight: Int64)] {
        let favourites = (0..<3).map { _ in ranking(candidateCount: candidateCount) }
        return (0..<voters).map { _ in
            let ranking =
                below(3) == 0 ? ranking(candidateCount: candidateCount) : favourites[below(3)].shuffledPrefix(&self)
            return (ranking.map { [$0] }, Int64(1 + below(3)))
        }
    }
}
