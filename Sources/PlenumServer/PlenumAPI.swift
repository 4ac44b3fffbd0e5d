import Hummingbird
import PlenumWeb
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

    /// A router with every route (the API and the web pages) and the error middleware.
    public func router() -> Router<BasicRequestContext> {
        // The routes are added to a router first only to learn them, so the error middleware of
        // the real router can answer 405 for a known path with another method.
        let routes = PlenumAPI.addRoutes(to: Router(context: BasicRequestContext.self), organization).routes.map {
            (method: $0.method, segments: $0.path.description.split(separator: "/"))
        }
        let router = Router(context: BasicRequestContext.self)
        router.add(middleware: ErrorMiddleware(routes: routes))
        return PlenumAPI.addRoutes(to: router, organization)
    }

    private static func addRoutes(
        to router: Router<BasicRequestContext>, _ organization: Organization
    ) -> Router<
        BasicRequestContext
    > {
        let api = PlenumAPI(organization: organization)
        let group = router.group(RouterPath(PlenumAPI.prefix))
        api.addAccessRoutes(to: group)
        api.addLogRoutes(to: group)
        api.addMemberRoutes(to: group)
        api.addProposalRoutes(to: group)
        api.addRoundRoutes(to: group)
        api.addPoolRoutes(to: group)
        group.get("health") { _, _ in JSONResponse.object([.init("status", .string("ok"))]) }
        PlenumWeb.addRoutes(to: router, organization: organization)
        return router
    }
}
