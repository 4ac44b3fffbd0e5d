import Foundation
import Ledger
import PlenumCLI
import Service
import Sodium
import Statements
import Store
import Synchronization
import TestRandom
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif
#if canImport(Glibc)
    import Glibc
#endif

/// The real `plenum` binary, killed with SIGKILL at random moments while clients post signed
/// statements, and restarted each time: no acknowledged statement may be lost, and the log must
/// still match its checkpoints.
@Suite("Killing the server at random")
struct CrashTests {
    static let organization = "crash-test"
    static let kills = 5
    static let voters = 8

    @Test(
        "5 SIGKILLs under concurrent ballots and comments lose no acknowledged statement",
        .timeLimit(.minutes(2)))
    func killAndRestart() async throws {
        guard let binary = CrashServer.binary() else {
            print(
                "CrashTests: skipped: no `plenum` executable beside the test bundle "
                    + "(build it with `swift build --build-tests`, or set PLENUM_BINARY)")
            return
        }
        let started = ContinuousClock.now
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "plenum-crash-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let database = directory.appendingPathComponent("org.sqlite").path
        let stewardKey = try SigningKey.generate()
        try KeyFile(path: directory.appendingPathComponent("steward.key").path).save(stewardKey)
        let initialized = try CrashServer.runToCompletion(
            binary,
            [
                "init", "--db", database, "--org", Self.organization, "--name", "Crash Test",
                "--steward-name", "Steward", "--key-file", directory.appendingPathComponent("steward.key").path,
            ])
        try #require(initialized == 0, "plenum init failed")
        let logKey = try KeyFile(path: directory.appendingPathComponent("org-log.key").path).load()

        let server = CrashServer(binary: binary, database: database, directory: directory)
        defer {
            server.kill()
            try? FileManager.default.removeItem(at: directory)
        }
        try await server.start()
        let client = CrashClient(server: server)

        // Set-up, before any kill: members, a proposal to comment on, a question round.
        var members: [SigningKey] = []
        var acknowledged: [(statement: SignedStatement, receipt: Receipt)] = []
        for index in 0..<Self.voters {
            let key = try SigningKey.generate()
            let secret = SecureRandom.bytes(count: 32)
            let invite = MemberInvite(
                header: client.header(stewardKey), code: SHA256.hash(secret), name: "Member \(index)",
                roles: [.member], weight: 1, expires: client.now + 86_400_000)
            acknowledged.append(try await client.acknowledge(client.sign(invite, stewardKey)))
            let join = MemberJoin(header: client.header(key), secret: secret, name: "Member \(index)")
            acknowledged.append(try await client.acknowledge(client.sign(join, key)))
            members.append(key)
        }
        let proposal = client.sign(
            ProposalCreate(header: client.header(stewardKey), title: "Crash", text: "Kill it and see."), stewardKey)
        acknowledged.append(try await client.acknowledge(proposal))
        let electorate = Electorate(
            ([stewardKey] + members).map {
                Electorate.Entry(member: MemberID($0.publicKey), key: $0.publicKey, weight: 1)
            }
        )
        let open = client.sign(
            RoundOpen(
                header: client.header(stewardKey), question: "Which?", method: "plurality",
                options: ["A", "B", "C"], electorate: electorate.commitment, voters: electorate.count),
            stewardKey)
        acknowledged.append(try await client.acknowledge(open))
        let round = StatementID(open.id)
        let proposalID = StatementID(proposal.id)
        let setup = acknowledged

        // The chaos: voters alternate ballots (rising sequence) and comments; the steward keeps
        // inviting; a killer SIGKILLs the server at seeded random moments and restarts it.
        let stopFlag = StopFlag()
        var random = CrashRandom(seed: 0xC4A5_4001)
        let pauses = (0..<Self.kills).map { _ in 0.3 + Double(random.next() % 1_000) / 1_000 }
        let results = try await withThrowingTaskGroup(of: ClientLog.self) { group in
            for (index, key) in members.enumerated() {
                group.addTask {
                    var log = ClientLog()
                    var sequence: Int64 = 0
                    var step = 0
                    while !stopFlag.isSet {
                        step += 1
                        let statement: SignedStatement
                        if step % 3 == 0 {
                            statement = client.sign(
                                CommentPost(
                                    header: client.header(key), proposal: proposalID, stance: .for,
                                    text: "comment \(step) by \(index)"), key)
                        } else {
                            sequence += 1
                            statement = client.sign(
                                BallotCast(
                                    header: client.header(key), round: round, revision: nil, sequence: sequence,
                                    choice: .ranking([[["A", "B", "C"][(index + step) % 3]]])), key)
                        }
                        log.record(statement, try await client.postUntilAnswered(statement))
                    }
                    return log
                }
            }
            group.addTask {
                var log = ClientLog()
                var count = 0
                while !stopFlag.isSet {
                    count += 1
                    let invite = MemberInvite(
                        header: client.header(stewardKey), code: SHA256.hash(SecureRandom.bytes(count: 32)),
                        name: "Invitee \(count)", roles: [.member], weight: 1, expires: client.now + 86_400_000)
                    let statement = client.sign(invite, stewardKey)
                    log.record(statement, try await client.postUntilAnswered(statement))
                }
                return log
            }
            group.addTask {
                for pause in pauses {
                    try await Task.sleep(for: .seconds(pause))
                    await server.killAndRestart()
                }
                try await Task.sleep(for: .milliseconds(500))
                stopFlag.set()
                return ClientLog()
            }
            var merged = ClientLog()
            for try await log in group { merged.merge(log) }
            return merged
        }
        acknowledged = setup + results.acknowledged
        #expect(server.restarts == Self.kills)
        let refusalCount = results.refusals.count
        #expect(refusalCount == 0, "statements were refused, e.g. \(results.refusals.prefix(5))")
        print(
            "CrashTests: \(acknowledged.count) statements acknowledged (\(results.recovered) only after a restart, "
                + "answered 200 to a retry), \(results.retries) retries, \(Self.kills) kills, "
                + "\(server.restarts) restarts")

        // Every receipt checks out against the log key; the server, restarted after the last
        // kill, has every acknowledged statement at its leaf and still accepts writes.
        let origin = "plenum.local/\(Self.organization)"
        for (statement, receipt) in acknowledged {
            do {
                try receipt.verify(statement, logKey: logKey.publicKey, origin: origin)
            } catch {
                Issue.record("a receipt does not verify: \(error)")
            }
        }
        // Closing the round lets the steward read every ballot back (a ballot is secret until then),
        // and shows that the restarted server still accepts writes.
        let close = client.sign(RoundClose(header: client.header(stewardKey), round: round), stewardKey)
        let closed = try await client.postUntilAnswered(close)
        #expect(closed.status == 201, "the restarted server refused the round's close: HTTP \(closed.status)")
        if case .acknowledged(let receipt, _, _) = closed { acknowledged.append((close, receipt)) }
        let token = try await client.login(stewardKey)
        let missing = try await withThrowingTaskGroup(of: [String].self) { group in
            let chunk = (acknowledged.count + 7) / 8
            for start in stride(from: 0, to: acknowledged.count, by: chunk) {
                let slice = Array(acknowledged[start..<min(start + chunk, acknowledged.count)])
                group.addTask {
                    var missing: [String] = []
                    for (statement, receipt) in slice {
                        let response = try await client.get("statements/\(receipt.statement.hex)", token: token)
                        guard response.status == 200, case .object(let members)? = response.json,
                            case .integer(let leaf)? = members.first(where: { $0.key == "leaf" })?.value,
                            case .string(let payload)? = members.first(where: { $0.key == "payload" })?.value,
                            UInt64(leaf) == receipt.leaf, payload == Base64URL.encode(statement.payload)
                        else {
                            missing.append("\(receipt.statement.hex) (leaf \(receipt.leaf)): HTTP \(response.status)")
                            continue
                        }
                    }
                    return missing
                }
            }
            var all: [String] = []
            for try await part in group { all += part }
            return all
        }
        let missingCount = missing.count
        #expect(missingCount == 0, "acknowledged statements missing after the restarts, e.g. \(missing.prefix(5))")

        // One last kill, then the files themselves: sound, every acknowledged statement at its
        // leaf, the root recomputed from the stored leaves equal to the latest signed checkpoint,
        // and every receipt's checkpoint a prefix of the final log.
        server.kill()
        let store = try PlenumDatabase(path: database)
        #expect(try store.integrityCheck() == ["ok"])
        var leafHashes: [SHA256Digest] = []
        var leaves: [SHA256Digest: Int] = [:]
        try store.records { record in
            #expect(record.leaf == leafHashes.count, "the stored leaves are not contiguous")
            leafHashes.append(try record.statement().leafHash)
            #expect(leaves.updateValue(record.leaf, forKey: record.id) == nil, "a statement is stored twice")
        }
        let tree = MerkleTree(leafHashes: leafHashes)
        let checkpoint = try #require(try store.latestCheckpoint())
        #expect(checkpoint.size == leafHashes.count)
        #expect(checkpoint.root == tree.root)
        let signed = SignedCheckpoint(
            checkpoint: try Checkpoint(origin: origin, size: UInt64(checkpoint.size), root: checkpoint.root),
            signature: try Signature(bytes: checkpoint.signature))
        try signed.verify(logKey: logKey.publicKey, origin: origin)
        #expect(try store.treeState() == TreeState(size: leafHashes.count, root: tree.root))
        for (statement, receipt) in acknowledged {
            #expect(leaves[statement.id] == Int(receipt.leaf), "statement \(receipt.statement.hex) is not at its leaf")
            let size = receipt.checkpoint.checkpoint.size
            #expect(
                (try? tree.root(size: size)) == receipt.checkpoint.checkpoint.root,
                "the checkpoint of size \(size) in a receipt is not a prefix of the final log")
        }
        // And the service replays the files without refusing writes; the round's certificate
        // counts each voter's last acknowledged ballot.
        let reopened = try Organization(database: store, logKey: logKey)
        #expect(throws: Never.self) { _ = try reopened.latestCheckpoint() }
        var latest: [PublicKey: (sequence: Int64, id: StatementID)] = [:]
        for (statement, _) in acknowledged where statement.kind == BallotCast.kind {
            var reader = PayloadReader(try StrictJSONParser().parseObject(statement.payload))
            let ballot = try BallotCast(reading: &reader)
            if ballot.sequence > latest[ballot.header.author]?.sequence ?? 0 {
                latest[ballot.header.author] = (ballot.sequence, StatementID(statement.id))
            }
        }
        let result = try reopened.read { state throws(ServiceError) in try state.round(round).result }
        #expect(result?.ballots == latest.count)
        #expect(result?.counted == RoundResult.countedDigest(of: latest.values.map(\.id)))
        reopened.shutdown()
        try store.close()
        let elapsed = ContinuousClock.now - started
        print("CrashTests: \(leafHashes.count) leaves, done in \(elapsed)")
    }
}

/// What one client saw: acknowledged statements with their receipts, refusals, and how many
/// answers needed a retry.
private struct ClientLog: Sendable {
    var acknowledged: [(statement: SignedStatement, receipt: Receipt)] = []
    var refusals: [String] = []
    var recovered = 0
    var retries = 0

    mutating func record(_ statement: SignedStatement, _ answer: CrashClient.Answer) {
        retries += answer.retries
        switch answer {
        case .acknowledged(let receipt, let status, _):
            acknowledged.append((statement, receipt))
            if status == 200 { recovered += 1 }
        case .refused(let status, let code, _):
            refusals.append("\(statement.kind.name): HTTP \(status) \(code)")
        }
    }

    mutating func merge(_ other: ClientLog) {
        acknowledged += other.acknowledged
        refusals += other.refusals
        recovered += other.recovered
        retries += other.retries
    }
}

/// Set once, read by every client.
private final class StopFlag: Sendable {
    private let flag = Atomic<Bool>(false)
    var isSet: Bool { flag.load(ordering: .acquiring) }
    func set() { flag.store(true, ordering: .releasing) }
}

/// The `plenum serve` subprocess: started, SIGKILLed and restarted; the port it serves on now.
private final class CrashServer: @unchecked Sendable {
    let binary: URL
    let database: String
    let directory: URL
    private let lock = NSLock()
    private var process: Process?
    private var currentPort: Int?
    private var starts = 0

    init(binary: URL, database: String, directory: URL) {
        self.binary = binary
        self.database = database
        self.directory = directory
    }

    /// The `plenum` executable beside the test bundle, or named by PLENUM_BINARY.
    static func binary() -> URL? {
        let environment = ProcessInfo.processInfo.environment
        var candidates: [URL] = []
        if let path = environment["PLENUM_BINARY"] { candidates.append(URL(fileURLWithPath: path)) }
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        candidates.append(executable.deletingLastPathComponent().appendingPathComponent("plenum"))
        candidates.append(Bundle.main.bundleURL.appendingPathComponent("plenum"))
        candidates.append(Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("plenum"))
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// Runs `binary arguments` and returns its exit status.
    static func runToCompletion(_ binary: URL, _ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    var port: Int? { lock.withLock { currentPort } }
    /// How many times the server was started again after a kill.
    var restarts: Int { lock.withLock { max(0, starts - 1) } }

    /// Starts `plenum serve` on a free port and waits until it says it is serving.
    func start() async throws {
        try await onThread { try self.startBlocking() }
    }

    private func startBlocking() throws {
        let generation = lock.withLock {
            starts += 1
            return starts
        }
        let output = directory.appendingPathComponent("serve-\(generation).out")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        let process = Process()
        process.executableURL = binary
        process.arguments = ["serve", "--db", database, "--host", "127.0.0.1", "--port", "0"]
        var environment = ProcessInfo.processInfo.environment
        environment["PLENUM_RATE_PER_AUTHOR"] = "0"
        process.environment = environment
        let handle = try FileHandle(forWritingTo: output)
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        try? handle.close()
        lock.withLock { self.process = process }
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            let text = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
            if let range = text.range(of: "at http://127.0.0.1:") {
                let digits = text[range.upperBound...].prefix { $0.isNumber }
                if let port = Int(digits) {
                    lock.withLock { currentPort = port }
                    return
                }
            }
            if !process.isRunning {
                throw CrashTestError("plenum serve exited with \(process.terminationStatus): \(text)")
            }
            Thread.sleep(forTimeInterval: 0.01)
        }
        throw CrashTestError("plenum serve did not start within 30 s")
    }

    /// SIGKILLs the server (if running) and waits until it is gone.
    func kill() {
        let process = lock.withLock {
            currentPort = nil
            return self.process
        }
        guard let process, process.isRunning else { return }
        Glibc.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    func killAndRestart() async {
        do {
            try await onThread {
                self.kill()
                try self.startBlocking()
            }
        } catch {
            Issue.record("the server did not restart: \(error)")
        }
    }
}

/// Runs blocking work (process control) off the cooperative pool, which has only as many
/// threads as cores.
private func onThread(_ body: @escaping @Sendable () throws -> Void) async throws {
    try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
        Thread.detachNewThread {
            do {
                try body()
                continuation.resume()
            } catch {
                continuation.resume(throwing: error)
            }
        }
    }
}

private struct CrashTestError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// An HTTP client of the API that keeps retrying the same statement until it gets an answer:
/// a connection refused or reset while the server is down is not an answer.
private final class CrashClient: Sendable {
    let server: CrashServer
    let session: URLSession

    init(server: CrashServer) {
        self.server = server
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = 10
        configuration.httpMaximumConnectionsPerHost = 16
        session = URLSession(configuration: configuration)
    }

    /// The final answer to a statement.
    enum Answer: Sendable {
        case acknowledged(Receipt, status: Int, retries: Int)
        case refused(status: Int, code: String, retries: Int)

        var retries: Int {
            switch self {
            case .acknowledged(_, _, let retries), .refused(_, _, let retries): return retries
            }
        }

        var status: Int {
            switch self {
            case .acknowledged(_, let status, _), .refused(let status, _, _): return status
            }
        }
    }

    struct Response: Sendable {
        let status: Int
        let body: [UInt8]
        var json: JSONValue? { try? StrictJSONParser(maximumDepth: 64, maximumBytes: 1 << 26).parse(body) }
    }

    var now: Int64 { Int64((Date().timeIntervalSince1970 * 1000).rounded(.down)) }

    func header(_ key: SigningKey) -> StatementHeader {
        StatementHeader(organization: CrashTests.organization, author: key.publicKey, created: now)
    }

    func sign<Payload: StatementPayload>(_ payload: Payload, _ key: SigningKey) -> SignedStatement {
        SignedStatement(signing: payload.canonicalBytes, as: Payload.kind, with: key)
    }

    /// Sends `method path` once; nil when there was no HTTP answer (server down, reset).
    func send(_ method: String, _ path: String, body: [UInt8]? = nil, token: String? = nil) async -> Response? {
        guard let port = server.port else { return nil }
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)/api/v1/\(path)")!)
        request.httpMethod = method
        if let body {
            request.httpBody = Data(body)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        guard let (data, response) = try? await session.data(for: request),
            let status = (response as? HTTPURLResponse)?.statusCode
        else { return nil }
        return Response(status: status, body: Array(data))
    }

    /// Sends until there is an HTTP answer (at most 60 s).
    func get(_ path: String, token: String? = nil) async throws -> Response {
        try await untilAnswered { await self.send("GET", path, token: token) }.0
    }

    private func untilAnswered(_ attempt: () async -> Response?) async throws -> (Response, Int) {
        let deadline = ContinuousClock.now + .seconds(60)
        var retries = 0
        while ContinuousClock.now < deadline {
            if let response = await attempt() { return (response, retries) }
            retries += 1
            try await Task.sleep(for: .milliseconds(20))
        }
        throw CrashTestError("no answer from the server within 60 s")
    }

    /// Posts `statement` until the server answers, then returns the receipt or the refusal.
    func postUntilAnswered(_ statement: SignedStatement) async throws -> Answer {
        let body = CanonicalJSON.encode(
            JSONValue.object([
                JSONMember("kind", .string(statement.kind.name)),
                JSONMember("payload", .string(Base64URL.encode(statement.payload))),
                JSONMember("signature", .string(statement.signature.base64url)),
            ]))
        let (response, retries) = try await untilAnswered { await self.send("POST", "statements", body: body) }
        if response.status == 200 || response.status == 201, case .object(let members)? = response.json {
            return .acknowledged(try Receipt(json: members), status: response.status, retries: retries)
        }
        var code = "unknown"
        if case .object(let members)? = response.json,
            case .object(let error)? = members.first(where: { $0.key == "error" })?.value,
            case .string(let text)? = error.first(where: { $0.key == "code" })?.value
        {
            code = text
        }
        return .refused(status: response.status, code: code, retries: retries)
    }

    /// Posts `statement` until answered; anything but a receipt is an error.
    func acknowledge(_ statement: SignedStatement) async throws -> (statement: SignedStatement, receipt: Receipt) {
        switch try await postUntilAnswered(statement) {
        case .acknowledged(let receipt, _, _): return (statement, receipt)
        case .refused(let status, let code, _):
            throw CrashTestError("\(statement.kind.name) refused: HTTP \(status) \(code)")
        }
    }

    /// Logs `key` in through the challenge and returns the token.
    func login(_ key: SigningKey) async throws -> String {
        let challenge = try await untilAnswered { await self.send("POST", "auth/challenge", body: Array("{}".utf8)) }.0
        guard case .object(let members)? = challenge.json,
            case .string(let text)? = members.first(where: { $0.key == "challenge" })?.value
        else { throw CrashTestError("no login challenge: HTTP \(challenge.status)") }
        let statement = sign(LoginChallenge(header: header(key), challenge: try Base64URL.decode(text)), key)
        let body = CanonicalJSON.encode(
            JSONValue.object([
                JSONMember("kind", .string(statement.kind.name)),
                JSONMember("payload", .string(Base64URL.encode(statement.payload))),
                JSONMember("signature", .string(statement.signature.base64url)),
            ]))
        let answer = try await untilAnswered { await self.send("POST", "auth/login", body: body) }.0
        guard case .object(let result)? = answer.json,
            case .string(let token)? = result.first(where: { $0.key == "token" })?.value
        else { throw CrashTestError("login refused: HTTP \(answer.status)") }
        return token
    }
}

/// The seeded generator of the kill schedule, so that it repeats.

/// The seeded generator of the kill schedule, so that it repeats.
private typealias CrashRandom = SplitMix64
