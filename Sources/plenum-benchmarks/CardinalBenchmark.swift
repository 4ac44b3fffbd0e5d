import Counting

/// The cardinal methods on one million ballots over ten candidates, nearly all distinct
/// (uniform random values; approval ballots can only take 1,024 shapes). The profiles are made in
/// memory from a fixed seed; building them is not timed.
enum CardinalBenchmark {
    static let ballots = 1_000_000
    static let candidates = 10

    static func run(quick: Bool) {
        let count = quick ? ballots / 10 : ballots
        let names = (1...candidates).map { "Candidate \($0)" }
        print("| method, \(count) random rating ballots × \(candidates) candidates | count time | ballots/s |")
        print("|---|---|---|")
        let stars = profile(count: count, seed: 1) { Int32($0.next() % 6) }
        let stances = profile(count: count, seed: 2) { $0.next() % 9 == 0 ? nil : Int32($0.next() % 4) }
        let credits = profile(count: count, seed: 3) { Int32($0.next() % 11) }
        let runs: [(String, RatingProfile, MethodOptions)] = [
            ("score", stars, MethodOptions()),
            ("star", stars, MethodOptions()),
            ("majority-judgment", stars, MethodOptions(parameters: ["grades": "0,1,2,3,4,5"])),
            ("consent", stances, MethodOptions()),
            ("quadratic", credits, MethodOptions()),
            ("cumulative", stars, MethodOptions(parameters: ["points": "50"])),
        ]
        for (name, profile, options) in runs {
            let election = Election(candidates: names, ballots: .ratings(profile))
            CountingBenchmark.time(
                try! VotingMethod.named(name), election, options: options, repetitions: quick ? 1 : 3)
        }
        var random = SplitMix64(seed: 5)
        var approvals: [(approved: Set<Int>, weight: Int64)] = []
        approvals.reserveCapacity(count)
        for _ in 0..<count {
            approvals.append((Set((0..<candidates).filter { _ in random.next() % 2 == 0 }), 1))
        }
        let approval = Election(
            candidates: names, ballots: .approval(try! ApprovalProfile(candidateCount: candidates, ballots: approvals)))
        CountingBenchmark.time(try! VotingMethod.named("approval"), approval, options: MethodOptions(), repetitions: 3)
        print("")
    }

    static func profile(count: Int, seed: UInt64, _ value: (inout SplitMix64) -> Int32?) -> RatingProfile {
        var random = SplitMix64(seed: seed)
        var rows: [(ratings: [Int32?], weight: Int64)] = []
        rows.reserveCapacity(count)
        for _ in 0..<count { rows.append(((0..<candidates).map { _ in value(&random) }, 1)) }
        return try! RatingProfile(candidateCount: candidates, range: 0...100, ballots: rows)
    }
}

/// A small, fast, seedable generator (Steele, Lea and Flood 2014) for benchmark data.
struct SplitMix64 {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
