/// What `plenum audit verify` found: each check with how many items passed it, and every
/// failure (the first ``maximumListed`` listed, all counted).
public struct AuditReport: Sendable {
    /// A check and how many items it covered.
    public struct Check: Sendable, Equatable {
        public let name: String
        public var count: Int
    }

    /// How many failures are kept with their details.
    public static let maximumListed = 200

    public private(set) var checks: [Check] = []
    public private(set) var failures: [AuditFailure] = []
    public private(set) var failureCount = 0
    /// Free-form facts for the reader (the round, the winners...).
    public private(set) var facts: [(String, String)] = []

    public init() {}

    /// Whether nothing failed.
    public var passed: Bool { failureCount == 0 }

    /// The codes of every listed failure.
    public var failureCodes: Set<String> { Set(failures.map(\.code)) }

    mutating func count(_ name: String, _ amount: Int = 1) {
        if let index = checks.firstIndex(where: { $0.name == name }) {
            checks[index].count += amount
        } else {
            checks.append(Check(name: name, count: amount))
        }
    }

    mutating func fail(_ failure: AuditFailure) {
        failureCount += 1
        if failures.count < AuditReport.maximumListed { failures.append(failure) }
    }

    mutating func note(_ name: String, _ value: String) { facts.append((name, value)) }

    /// The report as text for people.
    public var text: String {
        var lines: [String] = []
        for (name, value) in facts { lines.append("\(name): \(value)") }
        lines.append("")
        lines.append("checked:")
        for check in checks { lines.append("  \(check.name): \(check.count)") }
        lines.append("")
        if passed {
            lines.append("PASSED: every check holds")
        } else {
            lines.append("FAILED: \(failureCount) failure\(failureCount == 1 ? "" : "s")")
            for failure in failures { lines.append("  \(failure)") }
            if failureCount > failures.count { lines.append("  ... and \(failureCount - failures.count) more") }
        }
        return lines.joined(separator: "\n")
    }
}
