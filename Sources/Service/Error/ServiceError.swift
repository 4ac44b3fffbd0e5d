/// Why the service refused a request: a stable machine-readable ``code``, a sentence for people,
/// the ``Category`` that decides the HTTP status (mapped in one place, by the HTTP edge), and the
/// underlying cause when there is one.
///
/// A refused statement changes nothing: every rule is checked before any state is touched.
public struct ServiceError: Error, Sendable, CustomStringConvertible {
    /// What kind of refusal this is; each maps to one HTTP status.
    public enum Category: String, Sendable {
        /// The request or statement is malformed (400).
        case malformed
        /// A signature, token or challenge is missing or wrong (401).
        case unauthenticated
        /// The author may not do this (403).
        case forbidden
        /// The thing named does not exist (404).
        case notFound
        /// The request conflicts with the current state: wrong state, replay of a stale value (409).
        case conflict
        /// The request is larger than allowed (413).
        case tooLarge
        /// A ballot's choice is not acceptable for the round (422).
        case invalidChoice
        /// Too many requests from one author in a short time (429).
        case rateLimited
        /// The service cannot accept writes now (503).
        case unavailable
    }

    public let category: Category
    /// A stable identifier, `snake_case`, documented in docs/openapi.yaml.
    public let code: String
    /// One sentence saying what was wrong, for the person who sent it.
    public let message: String
    /// The lower-level error this one explains, if any.
    public let cause: (any Error & Sendable)?

    public init(_ category: Category, _ code: String, _ message: String, cause: (any Error & Sendable)? = nil) {
        self.category = category
        self.code = code
        self.message = message
        self.cause = cause
    }

    public var description: String { "\(code): \(message)" }
}

extension ServiceError {
    public static func malformed(_ code: String, _ message: String) -> ServiceError { .init(.malformed, code, message) }
    public static func forbidden(_ code: String, _ message: String) -> ServiceError { .init(.forbidden, code, message) }
    public static func notFound(_ code: String, _ message: String) -> ServiceError { .init(.notFound, code, message) }
    public static func conflict(_ code: String, _ message: String) -> ServiceError { .init(.conflict, code, message) }
    public static func invalidChoice(_ code: String, _ message: String) -> ServiceError {
        .init(.invalidChoice, code, message)
    }
}
