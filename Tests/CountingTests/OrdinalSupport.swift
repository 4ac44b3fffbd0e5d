import Counting
import Foundation
import TestRandom

/// The fixed-seed generator of the ordinal-method tests (profiles and mutations).

/// The fixed-seed generator of the ordinal-method tests (profiles and mutations).
typealias OrdinalRandom = SplitMix64

/// Paths into the shared corpora (`../shared/ballots/` beside the package).
enum OrdinalCorpus {
    static let ballots: String = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return root.appendingPathComponent("../shared/ballots").standardized.path
    }()

    static func path(_ relative: String) -> String { ballots + "/" + relative }

    static func exists(_ relative: String) -> Bool { FileManager.default.fileExists(atPath: path(relative)) }

    static func bytes(_ relative: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: URL(fileURLWithPath: path(relative))))
    }

    static func files(in folder: String, suffix: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path(folder))) ?? []
        return names.filter { $0.hasSuffix(suffix) }.sorted().map { folder + "/" + $0 }
    }
}

/// Small conveniences for building profiles in tests.
enum OrdinalFixture {
    /// A profile from `(weight, ranking)` pairs of strict rankings.
    static func profile(_ candidateCount: Int, _ ballots: [(Int64, [Int])]) throws -> RankedProfile {
        try RankedProfile(
            candidateCount: candidateCount, ballots: ballots.map { (groups: $0.1.map { [$0] }, weight: $0.0) })
    }

    /// The profile with candidate `c` renamed `permutation[c]` on every ballot.
    static func relabel(_ profile: RankedProfile, _ permutation: [Int]) throws -> RankedProfile {
        let ballots = (0..<profile.ballotCount).map { ballot in
            (groups: profile.groups(of: ballot).map { $0.map { permutation[$0] } }, weight: profile.weights[ballot])
        }
        return try RankedProfile(candidateCount: profile.candidateCount, ballots: ballots)
    }

    /// The same ballots with each weighted ballot split into single voters, in a shuffled order.
    static func unmerged(_ profile: RankedProfile, random: inout OrdinalRandom) throws -> RankedProfile {
        var ballots: [(groups: [[Int]], weight: Int64)] = []
        for ballot in 0..<profile.ballotCount {
            for _ in 0..<profile.weights[ballot] { ballots.append((groups: profile.groups(of: ballot), weight: 1)) }
        }
        let order = random.shuffled(Array(ballots.indices))
        return try RankedProfile(candidateCount: profile.candidateCount, ballots: order.map { ballots[$0] })
    }

    static func names(_ count: Int) -> [String] { (0..<count).map { "C\($0 + 1)" } }
}

extension SplitMix64 {
    mutating func shuffled(_ values: [Int]) -> [Int] {
        var values = values
        if values.count > 1 {
            for i in stride(from: values.count - 1, through: 1, by: -1) { values.swapAt(i, below(i + 1)) }
        }
        return values
    }

    /// A random ballot over `candidates`: a random prefix of a random order (possibly empty
    /// when `allowBlank`), cut into groups of equal rank when `allowTies`.
    mutating func ballot(candidates: Int, allowTies: Bool, allowBlank: Bool = true) -> [[Int]] {
        let order = shuffled(Array(0..<candidates))
        let length = allowBlank ? below(candidates + 1) : 1 + below(candidates)
        var groups: [[Int]] = []
        for candidate in order.prefix(length) {
            if allowTies, !groups.isEmpty, below(4) == 0 {
                groups[groups.count - 1].append(candidate)
            } else {
                groups.append([candidate])
            }
        }
        return groups
    }
}
