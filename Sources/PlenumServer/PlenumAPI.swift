import Hummingbird
import Service

/// The JSON API under `/api/v1`, described by docs/openapi.yaml: writes are signed statements;
/// reads of members-only data take a bearer token obtained by signing a login challenge.
public struct PlenumAPI: Sendable {
    /// The path every route lives under.
    public static let prefix = "/api/v1"
    let organization: Organization

    public init(organization: Organization) {
        self.organization = organization
    }

    /// A router with every route and the error middleware.
    public func router() -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        router.add(middleware: ErrorMiddleware())
        let group = router.group(RouterPath(PlenumAPI.prefix))
        addAccessRoutes(to: group)
        addLogRoutes(to: group)
        addMemberRoutes(to: group)
        addProposalRoutes(to: group)
        addRoundRoutes(to: group)
        group.get("health") { _, _ in JSONResponse.object([.init("status", .string("ok"))]) }
        return router
    }
}
