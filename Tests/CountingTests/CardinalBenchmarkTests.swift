import Counting
import Foundation
import Testing

/// The speed bar for the cardinal methods: one million ballots over ten candidates, nearly all
/// distinct (uniform random ratings; approval ballots can only take 1,024 shapes), each
/// method's count under one second in a release build. Run with
/// `PLENUM_BENCH_CARDINAL=1 swift test -c release --filter CardinalBenchmarkTests`; it is skipped
/// otherwise (a debug build is far slower and the profile takes a while to build).
@Suite(.enabled(if: ProcessInfo.processInfo.environment["PLENUM_BENCH_CARDINAL"] != nil, "benchmark not requested"))
struct CardinalBenchmarkTests {
    static let ballots = 1_000_000
    static let candidates = 10

    /// A million rows of ratings drawn from `value`, as a merged profile.
    static func profile(seed: UInt64, _ value: (inout CardinalRandom) -> Int32?) throws -> RatingProfile {
        var random = CardinalRandom(seed: seed)
        var rows: [(ratings: [Int32?], weight: Int64)] = []
        rows.reserveCapacity(ballots)
        for _ in 0..<ballots {
            rows.append(((0..<candidates).map { _ in value(&random) }, 1))
        }
        return try RatingProfile(candidateCount: candidates, range: 0...100, ballots: rows)
    }

    static func time(_ label: String, _ body: () throws -> Outcome) rethrows -> Duration {
        let clock = ContinuousClock()
        var outcome: Outcome?
        let elapsed = try clock.measure { outcome = try body() }
        print("cardinal benchmark: \(label): \(elapsed) (winners \(outcome?.winners ?? []))")
        return elapsed
    }

    @Test func everyMethodCountsAMillionBallotsInUnderASecond() throws {
        let names = CardinalFixture.names(Self.candidates)
        let order = CardinalFixture.order(Self.candidates)
        let stars = try Self.profile(seed: 1) { Int32($0.below(6)) }
        #expect(stars.ballotCount > 990_000)
        var times: [Duration] = []
        times.append(try Self.time("score") { try ScoreVoting().count(stars, names: names, tieBreak: order) })
        times.append(try Self.time("star") { try STARVoting().count(stars, names: names, tieBreak: order) })
        times.append(
            try Self.time("majority judgment") { try MajorityJudgment().count(stars, names: names, tieBreak: order) })
        let stances = try Self.profile(seed: 2) { random in random.below(9) == 0 ? nil : Int32(random.below(4)) }
        times.append(try Self.time("consent") { try ConsentDecision().count(stances, names: names, tieBreak: order) })
        let credits = try Self.profile(seed: 3) { Int32($0.below(11)) }
        times.append(try Self.time("quadratic") { try QuadraticVoting().count(credits, names: names, tieBreak: order) })
        let points = try Self.profile(seed: 4) { Int32($0.below(6)) }
        times.append(
            try Self.time("cumulative") {
                try CumulativeVoting(points: 50).count(points, names: names, tieBreak: order)
            })
        var random = CardinalRandom(seed: 5)
        var approvals: [(approved: Set<Int>, weight: Int64)] = []
        for _ in 0..<Self.ballots {
            approvals.append((Set((0..<Self.candidates).filter { _ in random.below(2) == 0 }), 1))
        }
        let approvalProfile = try ApprovalProfile(candidateCount: Self.candidates, ballots: approvals)
        times.append(
            try Self.time("approval") { try ApprovalVoting().count(approvalProfile, names: names, tieBreak: order) })
        for elapsed in times { #expect(elapsed < .seconds(1)) }
    }
}
