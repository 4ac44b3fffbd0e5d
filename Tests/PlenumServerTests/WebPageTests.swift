import Foundation
import Ledger
import PlenumTestSupport
import Service
import Sodium
import Statements
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The web pages served next to the API: each page renders for a logged-in member (the
/// `plenum_token` cookie) with the element ids the browser's script relies on, user text is
/// escaped, revisions show a line diff, closed rounds show their chart, and access is refused
/// the way the contract says (a redirect to the login page, a readable 403).
@Suite("Web pages")
struct WebPageTests {
    static let hostileTitle = "<script>alert('x')</script> & more"

    /// An organization with two members, a revised proposal with a comment, a closed
    /// instant-runoff round on it, a closed Schulze question round and an open ranked round, served
    /// over HTTP; tokens for the steward and a plain member.
    struct Fixture {
        let test: TestOrganization
        let server: TestServer
        let ann: SigningKey
        let proposal: StatementID
        let runoff: StatementID
        let schulze: StatementID
        let openRound: StatementID
        let stewardToken: String
        let annToken: String

        static func make() async throws -> Fixture {
            let test = try TestOrganization()
            let ann = try await test.join("Ann")
            let bob = try await test.join("Bob")
            let proposal = try await test.submit(
                ProposalCreate(
                    header: test.header(ann), title: WebPageTests.hostileTitle,
                    text: "First line\nSecond line\nThird line"),
                by: ann
            ).statement
            try await test.submit(
                ProposalRevise(
                    header: test.header(ann), proposal: proposal, parent: proposal, title: "A plan for the garden",
                    text: "First line\nSecond line, revised\nThird line\nA new fourth line",
                    summary: "clearer"),
                by: ann)
            try await test.submit(
                CommentPost(header: test.header(bob), proposal: proposal, stance: .for, text: "Good <b>idea</b>"),
                by: bob)
            let options = ["Oak", "Elm", "Ash"]
            let runoff = try await test.openRound(method: "instant-runoff", options: options, proposal: proposal)
            try await test.vote(runoff, .ranking([["Oak"], ["Elm"]]), by: ann)
            try await test.vote(runoff, .ranking([["Elm"], ["Oak"]]), by: bob)
            try await test.vote(runoff, .ranking([["Oak"]]), by: test.steward)
            try await test.close(runoff)
            let schulze = try await test.openRound(method: "schulze", options: options)
            try await test.vote(schulze, .ranking([["Ash"], ["Elm"], ["Oak"]]), by: ann)
            try await test.vote(schulze, .ranking([["Elm"], ["Ash"], ["Oak"]]), by: bob)
            try await test.vote(schulze, .ranking([["Ash"], ["Oak"], ["Elm"]]), by: test.steward)
            try await test.close(schulze)
            let openRound = try await test.openRound(method: "instant-runoff", options: options)
            try await test.vote(openRound, .ranking([["Elm"], ["Ash"]]), by: ann)
            let server = try await TestServer(test.organization)
            let stewardToken = try await server.login(test.steward, created: test.now)
            let annToken = try await server.login(ann, created: test.now)
            return Fixture(
                test: test, server: server, ann: ann, proposal: proposal, runoff: runoff, schulze: schulze,
                openRound: openRound, stewardToken: stewardToken, annToken: annToken)
        }
    }

    /// A page's answer: status, headers and body, with redirects not followed.
    struct Page {
        let status: Int
        let headers: [String: String]
        let body: String

        func header(_ name: String) -> String? {
            headers.first { $0.key.lowercased() == name.lowercased() }?.value
        }

        /// Whether the body has an element with `id="<id>"`.
        func hasID(_ id: String) -> Bool { body.contains("id=\"\(id)\"") }
    }

    final class NoRedirects: NSObject, URLSessionTaskDelegate, Sendable {
        func urlSession(
            _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
            newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void
        ) {
            completionHandler(nil)
        }
    }

    static let session = URLSession(configuration: .ephemeral, delegate: NoRedirects(), delegateQueue: nil)

    static func get(
        _ server: TestServer, _ path: String, token: String? = nil, method: String = "GET"
    ) async throws -> Page {
        var request = URLRequest(url: URL(string: path, relativeTo: server.baseURL)!)
        request.httpMethod = method
        request.httpShouldHandleCookies = false
        if let token { request.setValue("plenum_token=\(token)", forHTTPHeaderField: "Cookie") }
        let (data, response) = try await session.data(for: request)
        let http = response as? HTTPURLResponse
        var headers: [String: String] = [:]
        for (key, value) in http?.allHeaderFields ?? [:] {
            if let key = key as? String, let value = value as? String { headers[key] = value }
        }
        return Page(status: http?.statusCode ?? 0, headers: headers, body: String(decoding: data, as: UTF8.self))
    }

    @Test("the home page lists open rounds, proposals and pools, with user text escaped")
    func home() async throws {
        let fixture = try await Fixture.make()
        defer { Task { await fixture.server.stop() } }
        let page = try await Self.get(fixture.server, "/", token: fixture.annToken)
        #expect(page.status == 200)
        #expect(page.header("Content-Type")?.hasPrefix("text/html") == true)
        #expect(page.body.hasPrefix("<!doctype html>"))
        #expect(page.body.contains("<main id=\"main\" data-page=\"home\""))
        for id in ["open-rounds", "proposals", "pools", "new-proposal", "status", "logout"] {
            #expect(page.hasID(id), "missing #\(id)")
        }
        #expect(page.body.contains("class=\"round-link\" href=\"/rounds/\(fixture.openRound.hex)\""))
        #expect(page.body.contains("<meta name=\"plenum-org\" content=\"\(TestOrganization.id)\">"))
        #expect(page.body.contains("<meta name=\"plenum-member\" content=\"\(fixture.ann.publicKey.base64url)\">"))
        #expect(
            page.body.contains("<meta name=\"plenum-log-key\" content=\"\(fixture.test.logKey.publicKey.base64url)\">"))
        #expect(page.body.contains("href=\"/static/plenum.css\""))
        #expect(page.body.contains("<script type=\"module\" src=\"/static/plenum.js\"></script>"))
        // A plain member sees no steward or audit link.
        #expect(!page.body.contains("href=\"/steward\""))
        #expect(!page.body.contains("href=\"/audit\""))
    }

    @Test("the proposal page escapes the title, diffs revisions and carries the thread and forms")
    func proposal() async throws {
        let fixture = try await Fixture.make()
        defer { Task { await fixture.server.stop() } }
        let page = try await Self.get(fixture.server, "/proposals/\(fixture.proposal.hex)", token: fixture.annToken)
        #expect(page.status == 200)
        #expect(page.body.contains("data-page=\"proposal\""))
        for id in ["current-text", "revisions", "thread", "comment-form", "revise-form", "rounds"] {
            #expect(page.hasID(id), "missing #\(id)")
        }
        // The first revision's title, in the title change, is escaped; no script element exists.
        #expect(!page.body.contains("<script>alert"))
        #expect(page.body.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; more"))
        #expect(page.body.contains("Good &lt;b&gt;idea&lt;/b&gt;"))
        #expect(page.body.contains("<del class=\"diff-line\">Second line</del>"))
        #expect(page.body.contains("<ins class=\"diff-line\">Second line, revised</ins>"))
        #expect(page.body.contains("<ins class=\"diff-line\">A new fourth line</ins>"))
        #expect(page.body.contains("<span class=\"diff-line\">First line</span>"))
        #expect(page.body.contains("data-statement=\"comment.post\""))
        #expect(page.body.contains("data-statement=\"proposal.revise\""))
        #expect(page.body.contains("class=\"comment stance-for\""))
        #expect(page.body.contains("class=\"reply\""))
        #expect(page.body.contains("<input type=\"hidden\" name=\"proposal\" value=\"\(fixture.proposal.hex)\">"))
        #expect(page.body.contains("href=\"/rounds/\(fixture.runoff.hex)\""))
    }

    @Test("a new proposal's escaped title on the home page")
    func escapedOnHome() async throws {
        let test = try TestOrganization()
        let ann = try await test.join("Ann")
        try await test.submit(ProposalCreate(header: test.header(ann), title: Self.hostileTitle, text: "x"), by: ann)
        let server = try await TestServer(test.organization)
        defer { Task { await server.stop() } }
        let token = try await server.login(ann, created: test.now)
        let page = try await Self.get(server, "/", token: token)
        #expect(page.status == 200)
        #expect(!page.body.contains("<script>alert"))
        #expect(page.body.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; more"))
    }

    @Test("the round page of an open round carries the ballot form shaped for ranking")
    func round() async throws {
        let fixture = try await Fixture.make()
        defer { Task { await fixture.server.stop() } }
        let page = try await Self.get(fixture.server, "/rounds/\(fixture.openRound.hex)", token: fixture.annToken)
        #expect(page.status == 200)
        #expect(page.body.contains("data-page=\"round\""))
        for id in ["ballot-form", "ballot", "ranking", "my-ballot", "result-link"] {
            #expect(page.hasID(id), "missing #\(id)")
        }
        #expect(page.body.contains("data-statement=\"ballot.cast\""))
        #expect(page.body.contains("data-shape=\"ranking\""))
        #expect(page.body.contains("<input type=\"hidden\" name=\"round\" value=\"\(fixture.openRound.hex)\">"))
        #expect(page.body.contains("<input type=\"hidden\" name=\"revision\" value=\"\">"))
        // Ann voted once: her next sequence is 2, and her ranking comes first.
        #expect(page.body.contains("<input type=\"hidden\" name=\"sequence\" value=\"2\">"))
        #expect(page.body.contains("<li data-option=\"Elm\""))
        #expect(page.body.contains("class=\"rank-include\""))
        #expect(page.body.contains("class=\"up\""))
        #expect(page.body.contains("class=\"down\""))
        let elm = try #require(page.body.range(of: "data-option=\"Elm\""))
        let oak = try #require(page.body.range(of: "data-option=\"Oak\""))
        #expect(elm.lowerBound < oak.lowerBound)
        #expect(!page.hasID("close-round"))
        let steward = try await Self.get(
            fixture.server, "/rounds/\(fixture.openRound.hex)", token: fixture.stewardToken)
        #expect(steward.hasID("close-round"))
        #expect(steward.body.contains("data-statement=\"round.close\""))
    }

    @Test("the result page of a closed instant-runoff round draws bars per round")
    func runoffResult() async throws {
        let fixture = try await Fixture.make()
        defer { Task { await fixture.server.stop() } }
        let page = try await Self.get(fixture.server, "/rounds/\(fixture.runoff.hex)/result", token: fixture.annToken)
        #expect(page.status == 200)
        #expect(page.body.contains("data-page=\"result\""))
        for id in ["winners", "trace", "chart"] { #expect(page.hasID(id), "missing #\(id)") }
        #expect(page.body.contains("<svg id=\"chart\""))
        #expect(page.body.contains("<title id=\"chart-title\">"))
        #expect(page.body.contains("<desc id=\"chart-desc\">"))
        #expect(page.body.contains("class=\"chart-round\""))
        #expect(page.body.contains("<li class=\"winner\">Oak</li>"))
    }

    @Test("the result page of a closed Schulze round draws the pairwise grid")
    func schulzeResult() async throws {
        let fixture = try await Fixture.make()
        defer { Task { await fixture.server.stop() } }
        let page = try await Self.get(fixture.server, "/rounds/\(fixture.schulze.hex)/result", token: fixture.annToken)
        #expect(page.status == 200)
        #expect(page.body.contains("<svg id=\"chart\""))
        #expect(page.body.contains("class=\"chart-cell\""))
        #expect(page.body.contains("Ash over Oak: 3 to 0, wins"))
        #expect(page.body.contains("<li class=\"winner\">Ash</li>"))
        #expect(page.hasID("trace"))
    }

    @Test("pages needing a member redirect to the login page without a valid cookie")
    func redirect() async throws {
        let fixture = try await Fixture.make()
        defer { Task { await fixture.server.stop() } }
        let page = try await Self.get(fixture.server, "/proposals/\(fixture.proposal.hex)")
        #expect(page.status == 303)
        #expect(page.header("Location") == "/login?next=/proposals/\(fixture.proposal.hex)")
        let stale = try await Self.get(fixture.server, "/receipts?x=1", token: "not-a-token")
        #expect(stale.status == 303)
        #expect(stale.header("Location") == "/login?next=/receipts%3Fx%3D1")
        for path in ["/login", "/join", "/login?next=/rounds"] {
            let open = try await Self.get(fixture.server, path)
            #expect(open.status == 200, "\(path)")
        }
        let login = try await Self.get(fixture.server, "/login?next=//evil.example")
        #expect(login.body.contains("data-page=\"login\" data-next=\"/\""))
        for id in ["login-button", "import-key", "import-button"] { #expect(login.hasID(id), "missing #\(id)") }
        let join = try await Self.get(fixture.server, "/join")
        for id in ["join-form", "join-secret", "join-name"] { #expect(join.hasID(id), "missing #\(id)") }
    }

    @Test("the steward page answers 403 with a page for a plain member, and renders for a steward")
    func stewardOnly() async throws {
        let fixture = try await Fixture.make()
        defer { Task { await fixture.server.stop() } }
        let refused = try await Self.get(fixture.server, "/steward", token: fixture.annToken)
        #expect(refused.status == 403)
        #expect(refused.header("Content-Type")?.hasPrefix("text/html") == true)
        #expect(refused.body.contains("Stewards only"))
        let page = try await Self.get(fixture.server, "/steward", token: fixture.stewardToken)
        #expect(page.status == 200)
        #expect(page.body.contains("data-page=\"steward\""))
        for id in ["members", "invite-form", "open-round-form", "invite-link"] {
            #expect(page.hasID(id), "missing #\(id)")
        }
        #expect(page.body.contains("<option value=\"schulze\""))
        #expect(page.body.contains("data-statement=\"member.invite\""))
        #expect(page.body.contains("data-statement=\"round.open\""))
        let audit = try await Self.get(fixture.server, "/audit", token: fixture.annToken)
        #expect(audit.status == 403)
    }

    @Test("the audit page verifies each closed round's record in-process")
    func audit() async throws {
        let fixture = try await Fixture.make()
        defer { Task { await fixture.server.stop() } }
        let page = try await Self.get(fixture.server, "/audit", token: fixture.stewardToken)
        #expect(page.status == 200)
        #expect(page.body.contains("data-page=\"audit\""))
        #expect(page.body.contains("class=\"audit-report\""))
        #expect(page.body.contains("<strong>PASSED</strong>"))
        #expect(!page.body.contains("FAILED"))
        #expect(page.body.contains("class=\"record-download\" href=\"/api/v1/rounds/\(fixture.runoff.hex)/record\""))
        // The download link works with the page's cookie.
        let record = try await Self.get(
            fixture.server, "/api/v1/rounds/\(fixture.runoff.hex)/record", token: fixture.stewardToken)
        #expect(record.status == 200)
        #expect(record.body.hasPrefix("{"))
    }

    @Test("the receipts page lists the caller's ballots with verify buttons")
    func receipts() async throws {
        let fixture = try await Fixture.make()
        defer { Task { await fixture.server.stop() } }
        let page = try await Self.get(fixture.server, "/receipts", token: fixture.annToken)
        #expect(page.status == 200)
        #expect(page.body.contains("data-page=\"receipts\""))
        #expect(page.body.components(separatedBy: "class=\"verify-receipt\"").count - 1 == 3)
        #expect(page.body.contains("class=\"receipt-status\""))
    }

    @Test("the new proposal page, a pool-less home, and unknown ids")
    func otherPages() async throws {
        let fixture = try await Fixture.make()
        defer { Task { await fixture.server.stop() } }
        let new = try await Self.get(fixture.server, "/proposals/new", token: fixture.annToken)
        #expect(new.status == 200)
        #expect(new.body.contains("<form id=\"proposal-form\" data-statement=\"proposal.create\""))
        #expect(new.body.contains("name=\"title\""))
        #expect(new.body.contains("name=\"text\""))
        let missing = try await Self.get(
            fixture.server, "/proposals/\(String(repeating: "ab", count: 32))", token: fixture.annToken)
        #expect(missing.status == 404)
        #expect(missing.body.contains("data-page=\"error\""))
        let garbage = try await Self.get(fixture.server, "/rounds/nothing", token: fixture.annToken)
        #expect(garbage.status == 404)
    }

    @Test("the pool page previews each plan per member, and shows the shares after the run")
    func pool() async throws {
        let test = try TestOrganization()
        let ann = try await test.join("Ann")
        let bob = try await test.join("Bob")
        let pool = try await test.submit(
            PoolCreate(
                header: test.header(test.steward), name: "Surplus <2026>", amount: "10.00", currency: "EUR", decimals: 2
            ),
            by: test.steward
        ).statement
        try await test.submit(
            PlanCreate(header: test.header(test.steward), pool: pool, title: "By hours", method: "proportional"),
            by: test.steward)
        for (key, hours) in [(ann, "3"), (bob, "1")] {
            try await test.submit(
                ShareContribution(header: test.header(key), pool: pool, member: MemberID(key.publicKey), amount: hours),
                by: key)
        }
        let server = try await TestServer(test.organization)
        defer { Task { await server.stop() } }
        let token = try await server.login(ann, created: test.now)
        let open = try await Self.get(server, "/pools/\(pool.hex)", token: token)
        #expect(open.status == 200)
        #expect(open.body.contains("data-page=\"pool\""))
        #expect(open.body.contains("Surplus &lt;2026&gt;"))
        #expect(open.hasID("preview"))
        #expect(open.body.contains("<td class=\"number\">7.50</td>"))
        #expect(open.body.contains("data-statement=\"share.contribution\""))
        let home = try await Self.get(server, "/", token: token)
        #expect(home.body.contains("href=\"/pools/\(pool.hex)\""))

        let round = try await test.openRound(method: "plurality", options: ["By hours"])
        for key in [ann, bob] { try await test.vote(round, .ranking([["By hours"]]), by: key) }
        try await test.close(round)
        try await test.submit(
            DistributionRun(header: test.header(test.steward), pool: pool, round: round), by: test.steward)
        let run = try await Self.get(server, "/pools/\(pool.hex)", token: token)
        #expect(run.status == 200)
        #expect(run.hasID("shares"))
        #expect(run.body.contains("75.0%"))
        #expect(!run.hasID("contribution-form"))

        // The pool's record, and with a consistency proof from an earlier size (`?since=`).
        let steward = try await server.login(test.steward, created: test.now)
        let record = try await Self.get(server, "/api/v1/pools/\(pool.hex)/record", token: steward)
        #expect(record.status == 200)
        #expect(!record.body.contains(#""from":3,"#))
        let since = try await Self.get(server, "/api/v1/pools/\(pool.hex)/record?since=3", token: steward)
        #expect(since.status == 200)
        #expect(since.body.contains(#""from":3,"#))
        let bad = try await Self.get(server, "/api/v1/pools/\(pool.hex)/record?since=three", token: steward)
        #expect(bad.status == 400)
    }

    @Test("static files are served with their content type")
    func staticFiles() async throws {
        let fixture = try await Fixture.make()
        defer { Task { await fixture.server.stop() } }
        let css = try await Self.get(fixture.server, "/static/plenum.css")
        #expect(css.status == 200)
        #expect(css.header("Content-Type")?.hasPrefix("text/css") == true)
        #expect(css.header("ETag") != nil)
        let script = try await Self.get(fixture.server, "/static/plenum.js")
        #expect(script.status == 200)
        #expect(script.header("Content-Type")?.hasPrefix("text/javascript") == true)
        let missing = try await Self.get(fixture.server, "/static/nothing.css")
        #expect(missing.status == 404)
        // HEAD: the same status and headers, no body.
        let head = try await Self.get(fixture.server, "/static/plenum.css", method: "HEAD")
        #expect(head.status == 200)
        #expect(head.header("Content-Type") == css.header("Content-Type"))
        #expect(head.header("Content-Length") == String(css.body.utf8.count))
        #expect(head.header("ETag") == css.header("ETag"))
        #expect(head.body.isEmpty)
        #expect(try await Self.get(fixture.server, "/static/nothing.css", method: "HEAD").status == 404)
    }
}
