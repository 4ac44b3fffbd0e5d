import Foundation

extension ServiceConfiguration {
    /// The environment keys read by ``fromEnvironment(_:)``, with what each sets.
    public static let environmentKeys: [(key: String, meaning: String)] = [
        ("PLENUM_TIME_WINDOW_MS", "how far a statement's created time may be from the server clock (default 300000)"),
        ("PLENUM_TOKEN_LIFETIME_MS", "how long a login token lasts (default 900000)"),
        (
            "PLENUM_RATE_PER_AUTHOR",
            "statements per second one key may send on average; 0 turns the limit off (default 20)"
        ),
        ("PLENUM_BURST_PER_AUTHOR", "statements one key may send in a burst (default 100)"),
        ("PLENUM_MAX_BATCH", "the most statements committed in one transaction (default 2048)"),
        (
            "PLENUM_COMMIT_WINDOW_US",
            "how long the sequencer waits for more statements to join a batch, in µs (default 0)"
        ),
    ]

    /// The defaults, overridden by the keys of ``environmentKeys`` that are set. A value that
    /// does not parse is an error rather than silently ignored.
    public static func fromEnvironment(
        _ environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(ServiceError) -> ServiceConfiguration {
        var configuration = ServiceConfiguration()
        func integer(_ key: String, in range: ClosedRange<Int64>) throws(ServiceError) -> Int64? {
            guard let text = environment[key] else { return nil }
            guard let value = Int64(text), range.contains(value) else {
                throw .malformed("invalid_configuration", "\(key) must be a whole number in \(range), not \"\(text)\"")
            }
            return value
        }
        if let value = try integer("PLENUM_TIME_WINDOW_MS", in: 1_000...86_400_000) { configuration.timeWindow = value }
        if let value = try integer("PLENUM_TOKEN_LIFETIME_MS", in: 10_000...86_400_000) {
            configuration.tokenLifetime = value
        }
        if let value = try integer("PLENUM_RATE_PER_AUTHOR", in: 0...1_000_000) {
            configuration.statementsPerSecondPerAuthor = Double(value)
        }
        if let value = try integer("PLENUM_BURST_PER_AUTHOR", in: 1...1_000_000) {
            configuration.burstPerAuthor = Double(value)
        }
        if let value = try integer("PLENUM_MAX_BATCH", in: 1...100_000) { configuration.maximumBatch = Int(value) }
        if let value = try integer("PLENUM_COMMIT_WINDOW_US", in: 0...100_000) {
            configuration.commitWindowMicroseconds = Int(value)
        }
        return configuration
    }
}
