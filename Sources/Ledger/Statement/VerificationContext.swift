/// What a verifier knows besides the statement: which organization it serves, what time it is,
/// and how far from that time a statement's creation time may be.
///
/// The clock is a plain value passed in, so verification stays a pure function.
public struct VerificationContext: Sendable {
    /// The organization statements must name.
    public var organization: String
    /// The verifier's current time, in Unix milliseconds.
    public var now: Int64
    /// How far (either way) a statement's `created` may be from ``now``; nil accepts any time
    /// (an auditor re-checking an old record).
    public var window: Int64?
    /// The strict parser with its size and depth limits.
    public var parser: StrictJSONParser

    public init(
        organization: String, now: Int64, window: Int64? = 300_000,
        parser: StrictJSONParser = StrictJSONParser()
    ) {
        self.organization = organization
        self.now = now
        self.window = window
        self.parser = parser
    }

    func check(_ header: StatementHeader) throws(StatementError) {
        guard header.organization == organization else {
            throw .wrongOrganization(expected: organization, actual: header.organization)
        }
        let (distance, overflow) = header.created.subtractingReportingOverflow(now)
        if let window, overflow || distance.magnitude > UInt64(max(window, 0)) {
            throw .outsideTimeWindow(created: header.created, now: now, windowMilliseconds: window)
        }
    }
}
