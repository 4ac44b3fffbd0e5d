import Hummingbird
import Logging
import Service
import StrictJSON

/// Turns every error a route throws into the API's JSON error body with the right status, so no
/// route formats an error itself and nothing leaks a stack or a type name.
struct ErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    /// Every route's method and path segments (`{name}` matches any segment), to tell a path
    /// that exists with another method (405) from one that does not exist (404).
    let routes: [(method: HTTPRequest.Method, segments: [Substring])]

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws
        -> Response
    {
        do {
            return try await next(request, context)
        } catch let error as APIError {
            return ErrorMiddleware.response(error)
        } catch let error as ServiceError {
            return ErrorMiddleware.response(APIError(error))
        } catch let error as PayloadError {
            if case .tooLarge = error {
                return ErrorMiddleware.response(APIError(.contentTooLarge, error.code, error.description))
            }
            return ErrorMiddleware.response(APIError.malformed(error.code, error.description))
        } catch let error as HTTPError {
            switch error.status {
            case .contentTooLarge:
                return ErrorMiddleware.response(
                    APIError(.contentTooLarge, "too_large", "the request body is too large"))
            case .notFound:
                let allowed = allowedMethods(for: request.uri.path)
                guard allowed.isEmpty else {
                    let methods = allowed.joined(separator: ", ")
                    var response = ErrorMiddleware.response(
                        APIError(
                            .methodNotAllowed, "method_not_allowed",
                            "\(request.method) is not allowed on \(request.uri.path); use \(methods)"))
                    response.headers[.allow] = methods
                    return response
                }
                return ErrorMiddleware.response(
                    APIError(.notFound, "not_found", "no such resource: \(request.uri.path)"))
            default:
                return ErrorMiddleware.response(
                    APIError(error.status, "http_error", error.body ?? error.status.reasonPhrase))
            }
        } catch {
            context.logger.error("unexpected error: \(error)")
            return ErrorMiddleware.response(APIError(.internalServerError, "internal_error", "the server failed"))
        }
    }

    /// The methods of the routes whose pattern matches `path`.
    func allowedMethods(for path: String) -> [String] {
        let segments = path.split(separator: "/")
        let methods = routes.filter { route in
            route.segments.count == segments.count
                && zip(route.segments, segments).allSatisfy { pattern, segment in
                    pattern.hasPrefix("{") || pattern == segment
                }
        }.map(\.method.rawValue)
        return Array(Set(methods)).sorted()
    }

    static func response(_ error: APIError) -> Response {
        let body: JSONValue = .object([
            JSONMember(
                "error",
                .object([JSONMember("code", .string(error.code)), JSONMember("message", .string(error.message))]))
        ])
        return JSONResponse.make(body, status: error.status)
    }
}
