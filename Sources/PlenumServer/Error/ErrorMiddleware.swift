import Hummingbird
import Logging
import Service
import StrictJSON

/// Turns every error a route throws into the API's JSON error body with the right status, so no
/// route formats an error itself and nothing leaks a stack or a type name.
struct ErrorMiddleware<Context: RequestContext>: RouterMiddleware {
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
                return ErrorMiddleware.response(
                    APIError(.notFound, "not_found", "no such resource: \(request.uri.path)"))
            case .methodNotAllowed:
                return ErrorMiddleware.response(
                    APIError(.methodNotAllowed, "method_not_allowed", "\(request.method) is not allowed here"))
            default:
                return ErrorMiddleware.response(
                    APIError(error.status, "http_error", error.body ?? error.status.reasonPhrase))
            }
        } catch {
            context.logger.error("unexpected error: \(error)")
            return ErrorMiddleware.response(APIError(.internalServerError, "internal_error", "the server failed"))
        }
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
