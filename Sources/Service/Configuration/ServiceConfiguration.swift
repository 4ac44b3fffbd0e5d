import Foundation

/// The rules' tunable limits, with the defaults a small organization wants. The HTTP edge reads
/// overrides from the environment (`ServerConfiguration`); tests set them directly.
public struct ServiceConfiguration: Sendable {
    /// How far a statement's `created` may be from the server's clock, in ms (default 5 minutes).
    public var timeWindow: Int64 = 300_000
    /// How long a login token lasts, in ms (default 15 minutes).
    public var tokenLifetime: Int64 = 900_000
    /// How long a login challenge may wait to be signed, in ms (default 2 minutes).
    public var challengeLifetime: Int64 = 120_000
    /// Statements one author may send per second on average (a token bucket refilled at this
    /// rate); 0 turns the limit off.
    public var statementsPerSecondPerAuthor: Double = 20
    /// How many statements one author may send in a burst.
    public var burstPerAuthor: Double = 100
    /// The most statements committed in one transaction (group commit).
    public var maximumBatch = 2048
    /// How long, in microseconds, the sequencer waits for more statements to join a batch while
    /// they keep arriving (0 takes them at once). Commits are pipelined, so batches grow under
    /// load without waiting; see docs/service.md.
    public var commitWindowMicroseconds = 0
    /// The largest statement payload accepted, in bytes.
    public var maximumPayload = 262_144
    /// The clock, in Unix milliseconds (tests pin it).
    public var clock: @Sendable () -> Int64 = { Int64((Date().timeIntervalSince1970 * 1000).rounded(.down)) }

    public init() {}
}
