import Hummingbird
import Service

/// A refusal as the API sends it: an HTTP status and the body
/// `{"error":{"code":"...","message":"..."}}`.
///
/// Every error a route throws becomes one of these in ``ErrorMiddleware``, and this file is the
/// one place where a ``ServiceError/Category`` becomes a status.
public struct APIError: Error, Sendable {
    public let status: HTTPResponse.Status
    public let code: String
    public let message: String

    public init(_ status: HTTPResponse.Status, _ code: String, _ message: String) {
        self.status = status
        self.code = code
        self.message = message
    }

    /// The response for a service refusal.
    public init(_ error: ServiceError) {
        self.init(APIError.status(for: error.category), error.code, error.message)
    }

    /// The status of each category of service refusal.
    public static func status(for category: ServiceError.Category) -> HTTPResponse.Status {
        switch category {
        case .malformed: return .badRequest
        case .unauthenticated: return .unauthorized
        case .forbidden: return .forbidden
        case .notFound: return .notFound
        case .conflict: return .conflict
        case .tooLarge: return .contentTooLarge
        case .invalidChoice: return .unprocessableContent
        case .rateLimited: return .tooManyRequests
        case .unavailable: return .serviceUnavailable
        }
    }

    static func malformed(_ code: String, _ message: String) -> APIError { APIError(.badRequest, code, message) }
    static func notFound(_ code: String, _ message: String) -> APIError { APIError(.notFound, code, message) }
    static func forbidden(_ code: String, _ message: String) -> APIError { APIError(.forbidden, code, message) }
}
