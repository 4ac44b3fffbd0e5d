/// Why an RCTab contest could not be read or tabulated: a stable ``code``, the file and line (or
/// JSON path) when there is one, and a sentence for people.
public struct RCTabError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A stable, machine-readable identifier of the kind of failure.
    public let code: String
    /// The file, line or JSON path the failure is about, if any (`config.json: rules.tiebreakMode`).
    public let location: String?
    /// What went wrong, as a sentence.
    public let message: String

    public init(_ code: String, at location: String? = nil, _ message: String) {
        self.code = code
        self.location = location
        self.message = message
    }

    public var description: String { location.map { "\($0): \(message)" } ?? message }
}
