import CSodiumBaseline
import Foundation
import Ledger
import Logging
import PlenumServer
import Service
import Sodium
import Statements
import Store
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// The ingest bar: signed ballots accepted over HTTP, durably, against the machine's libsodium
/// verification ceiling on all its cores, measured in the same run.
///
/// The service runs in this process over a file database (WAL, `synchronous=FULL`, group commit)
/// in a temporary directory; an organization of `voters` members is built through
/// ``Organization/submit(_:)`` before anything is timed; one question round is opened; every
/// voter's ballot is signed and encoded as an HTTP request in advance; then `connections`
/// keep-alive connections over loopback post them as fast as they are answered.
enum IngestBenchmark {
    struct Options {
        var voters = 100_000
        var connections = 64
        var directory: String?
        var perfOutput: String?
        var perfSubmitOutput: String?
        var inProcess = true

        init(arguments: [String]) {
            var iterator = arguments.makeIterator()
            while let argument = iterator.next() {
                switch argument {
                case "--quick": voters = 10_000
                case "--voters": voters = iterator.next().flatMap(Int.init) ?? voters
                case "--connections": connections = iterator.next().flatMap(Int.init) ?? connections
                case "--dir": directory = iterator.next()
                case "--perf": perfOutput = iterator.next()
                case "--perf-submit": perfSubmitOutput = iterator.next()
                case "--no-in-process": inProcess = false
                default:
                    print("unknown ingest option \(argument)")
                    exit(2)
                }
            }
        }
    }

    static let organization = "ingest-bench"

    static func run(arguments: [String]) {
        let options = Options(arguments: arguments)
        let done = DispatchSemaphore(value: 0)
        Task {
            do {
                try await run(options)
            } catch {
                print("ingest benchmark failed: \(error)")
                exit(1)
            }
            done.signal()
        }
        done.wait()
    }

    static func run(_ options: Options) async throws {
        Sodium.ensureInitialized()
        let cores = ProcessInfo.processInfo.activeProcessorCount
        print(
            "libsodium \(Sodium.libraryVersion); \(cores) cores; \(options.voters) voters, "
                + "\(options.connections) connections; pid \(getpid())\n")

        let ceiling = VerificationCeiling.measure(threads: cores)
        print("| Ed25519 verification (1,024 signers, 280-byte messages), libsodium from C | verifications/s |")
        print("|---|---|")
        print("| one thread | \(Int(ceiling.single)) |")
        print("| \(cores) threads in parallel (the ceiling) | \(Int(ceiling.parallel)) |")
        print("")

        // The organization, in a file database with synchronous=FULL.
        let directory =
            options.directory
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("plenum-ingest-\(getpid())").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let path = directory + "/ingest.sqlite"
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        defer {
            if options.directory == nil { try? FileManager.default.removeItem(atPath: directory) }
        }
        let database = try PlenumDatabase(path: path)
        let logKey = try SigningKey.generate()
        let steward = try SigningKey.generate()
        try Organization.create(
            in: database, organization: organization, name: "Ingest", origin: "plenum.bench/\(organization)",
            logKey: logKey, founder: steward.publicKey, founderName: "Steward", now: now())
        // The server's defaults and its environment keys (PLENUM_COMMIT_WINDOW_US...), with the
        // per-author rate limit off: every ballot here is a different voter's, but set-up is not.
        var configuration = (try? ServiceConfiguration.fromEnvironment()) ?? ServiceConfiguration()
        configuration.statementsPerSecondPerAuthor = 0
        var logger = Logger(label: "plenum.bench")
        logger.logLevel = .error
        let service = try Organization(
            database: database, logKey: logKey, configuration: configuration, logger: logger)

        // Members: an invitation by the steward and a join by the member each, in bulk.
        let setupClock = ContinuousClock.now
        let voters = Parallel.map(count: options.voters) { _ in try! SigningKey.generate() }
        let secrets = (0..<options.voters).map { _ in SecureRandom.bytes(count: 32) }
        let invites = Parallel.map(count: options.voters) { index in
            sign(
                MemberInvite(
                    header: header(steward), code: SHA256.hash(secrets[index]), name: "Member \(index)",
                    roles: [.member], weight: 1, expires: now() + 86_400_000), steward)
        }
        let inviteRate = try await submitAll(invites, to: service, window: 4096)
        let joins = Parallel.map(count: options.voters) { index in
            sign(
                MemberJoin(header: header(voters[index]), secret: secrets[index], name: "Member \(index)"),
                voters[index])
        }
        let joinRate = try await submitAll(joins, to: service, window: 4096)
        let setupSeconds = Measure.seconds(ContinuousClock.now - setupClock)

        let round = try await openRound(service, steward)
        let first = ballot(round: round, voter: voters[0], option: 0)
        let requests = Parallel.map(count: options.voters) { index in
            httpRequest(index == 0 ? first : ballot(round: round, voter: voters[index], option: index % 4))
        }

        // The server, in this process, on a free port.
        let (portStream, portContinuation) = AsyncStream.makeStream(of: Int.self)
        let server = Task {
            // The stream ends if the server stops before it binds, so the wait below cannot hang.
            defer { portContinuation.finish() }
            try await PlenumServer.run(
                organization: service, host: "127.0.0.1", port: 0, logger: logger
            ) { port in
                portContinuation.yield(port)
                portContinuation.finish()
            }
        }
        var port = 0
        for await bound in portStream {
            port = bound
            break
        }
        guard port > 0 else { throw BenchmarkFailure("the server did not start: \(await server.result)") }

        let checkpointsBefore = try database.checkpoints().count
        let perf = options.perfOutput.flatMap { Profiler.start(output: $0) }
        let load = await LoadGenerator.drive(requests: requests, port: port, connections: options.connections)
        perf?.stop()
        let checkpointsAfter = try database.checkpoints().count
        // The ceiling again right after: a much lower figure means something else shared the cores.
        let ceilingAfter = VerificationCeiling.measure(threads: cores, repetitions: 1)
        let counted = try service.read { state throws(ServiceError) in try state.round(round).ballots.count }

        let accepted = load.statuses[201] ?? 0
        let rate = Double(accepted) / load.seconds
        let sorted = load.latencies.sorted()
        func percentile(_ fraction: Double) -> Double {
            guard !sorted.isEmpty else { return .nan }
            let index = min(sorted.count - 1, Int((Double(sorted.count) * fraction).rounded(.up)) - 1)
            return Double(sorted[max(0, index)]) / 1e6
        }
        let batches = checkpointsAfter - checkpointsBefore
        print("| ballots over HTTP (\(options.connections) keep-alive connections, loopback) | figure |")
        print("|---|---|")
        print("| ballots posted | \(load.latencies.count) |")
        print("| accepted (201) | \(accepted) |")
        let others = load.statuses.filter { $0.key != 201 }.sorted { $0.key < $1.key }
        if !others.isEmpty {
            print("| other answers | \(others.map { "\($0.value) × \($0.key)" }.joined(separator: ", ")) |")
        }
        print("| wall time | \(Measure.format(load.seconds, decimals: 2)) s |")
        print("| **accepted ballots per second** | **\(Int(rate))** |")
        print("| latency p50 | \(Measure.format(percentile(0.50), decimals: 2)) ms |")
        print("| latency p99 | \(Measure.format(percentile(0.99), decimals: 2)) ms |")
        print("| latency max | \(Measure.format(percentile(1.0), decimals: 2)) ms |")
        print("| commits (group commit batches, one checkpoint each) | \(batches) |")
        if batches > 0 {
            print(
                "| statements per commit, mean | \(Measure.format(Double(accepted) / Double(batches), decimals: 1)) |")
        }
        print("| ballots counted by the round afterwards | \(counted) |")
        guard counted == accepted else {
            throw BenchmarkFailure("the round counts \(counted) ballots, but \(accepted) were accepted")
        }
        print(
            "| accepted rate / \(cores)-core verification ceiling | "
                + "\(Measure.format(rate / ceiling.parallel * 100, decimals: 1)) % |")
        print(
            "| accepted rate / one-core verification rate | "
                + "\(Measure.format(rate / ceiling.single * 100, decimals: 1)) % |")
        print(
            "| \(cores)-thread verification ceiling measured again right after | \(Int(ceilingAfter.parallel)) |")
        if !load.failures.isEmpty { print("\nconnection failures: \(load.failures.prefix(5))") }
        print("")

        // HTTP alone, with the same requests and load generator: the bound it puts on the rate.
        let receiptLength = try CanonicalJSON.encode(service.receipt(for: StatementID(first.id)).json).count
        let floor = try await HTTPFloor.measure(
            requests: requests, connections: options.connections, responseLength: receiptLength, logger: logger)
        let floorRate = Double(floor.statuses[201] ?? 0) / floor.seconds
        let bound = 1 / (1 / floorRate + 1 / ceiling.parallel)
        print("| the same requests to a handler that only reads the body (HTTP alone) | figure |")
        print("|---|---|")
        print("| answered (201) | \(floor.statuses[201] ?? 0) of \(requests.count) |")
        print("| **requests per second (F)** | **\(Int(floorRate))** |")
        print(
            "| F / \(cores)-core verification ceiling (C) | \(Measure.format(floorRate / ceiling.parallel * 100, decimals: 1)) % |"
        )
        print("| most ballots per second F and C allow, 1 / (1/F + 1/C) | \(Int(bound)) |")
        print(
            "| that bound / C (half the ceiling needs F ≥ C) | \(Measure.format(bound / ceiling.parallel * 100, decimals: 1)) % |"
        )
        print("| accepted ballots per second / that bound | \(Measure.format(rate / bound * 100, decimals: 1)) % |")
        if !floor.failures.isEmpty { print("\nconnection failures: \(floor.failures.prefix(5))") }
        print("")
        print("| set-up, through Organization.submit (no HTTP), in windows of 4,096 | figure |")
        print("|---|---|")
        print("| \(options.voters) member.invite (one author) | \(Int(inviteRate)) statements/s |")
        print("| \(options.voters) member.join | \(Int(joinRate)) statements/s |")
        print("| whole set-up, key generation and signing included | \(Measure.format(setupSeconds, decimals: 1)) s |")

        server.cancel()
        _ = await server.result

        if options.inProcess {
            // The same ballots again, in a second round, without HTTP: what the service alone takes.
            let service = try Organization(
                database: database, logKey: logKey, configuration: configuration, logger: logger)
            let second = try await openRound(service, steward)
            let ballots = Parallel.map(count: options.voters) { index in
                ballot(round: second, voter: voters[index], option: (index + 1) % 4)
            }
            let perf = options.perfSubmitOutput.flatMap { Profiler.start(output: $0) }
            let inProcessRate = try await submitAll(ballots, to: service, window: options.connections)
            perf?.stop()
            print(
                "| the same number of ballots through Organization.submit, \(options.connections) in flight, no HTTP "
                    + "| \(Int(inProcessRate)) ballots/s |")
            service.shutdown()
        }
        print("\npeak resident memory: \(Measure.format(Measure.peakMemoryMiB(), decimals: 1)) MiB")
        try database.close()
    }

    /// Submits every statement with at most `window` in flight; returns statements per second.
    /// Any refusal is fatal: the set-up must go through whole.
    static func submitAll(
        _ statements: [SignedStatement], to service: Organization, window: Int
    ) async throws
        -> Double
    {
        let clock = ContinuousClock.now
        try await withThrowingTaskGroup(of: Void.self) { group in
            var inFlight = 0
            for statement in statements {
                if inFlight == window {
                    try await group.next()
                    inFlight -= 1
                }
                group.addTask { _ = try await service.submit(statement) }
                inFlight += 1
            }
            try await group.waitForAll()
        }
        return Double(statements.count) / Measure.seconds(ContinuousClock.now - clock)
    }

    static func openRound(_ service: Organization, _ steward: SigningKey) async throws -> StatementID {
        let electorate = try service.read { $0.currentElectorate }
        let open = sign(
            RoundOpen(
                header: header(steward), question: "Ingest?", method: "plurality", options: ["A", "B", "C", "D"],
                electorate: electorate.commitment, voters: electorate.count), steward)
        return try await service.submit(open).statement
    }

    static func ballot(round: StatementID, voter: SigningKey, option: Int) -> SignedStatement {
        sign(
            BallotCast(
                header: header(voter), round: round, revision: nil, sequence: 1,
                choice: .ranking([[["A", "B", "C", "D"][option]]])), voter)
    }

    /// `POST /api/v1/statements` with the statement in its wire form, as bytes ready to send.
    static func httpRequest(_ statement: SignedStatement) -> [UInt8] {
        let body = CanonicalJSON.encode(
            JSONValue.object([
                JSONMember("kind", .string(statement.kind.name)),
                JSONMember("payload", .string(Base64URL.encode(statement.payload))),
                JSONMember("signature", .string(statement.signature.base64url)),
            ]))
        let head =
            "POST /api/v1/statements HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            + "Content-Length: \(body.count)\r\n\r\n"
        return Array(head.utf8) + body
    }

    static func now() -> Int64 { Int64((Date().timeIntervalSince1970 * 1000).rounded(.down)) }

    static func header(_ key: SigningKey) -> StatementHeader {
        StatementHeader(organization: organization, author: key.publicKey, created: now())
    }

    static func sign<Payload: StatementPayload>(_ payload: Payload, _ key: SigningKey) -> SignedStatement {
        SignedStatement(signing: payload.canonicalBytes, as: Payload.kind, with: key)
    }
}

/// libsodium's verification rate called straight from C (`CSodiumBaseline`), on one thread and
/// on `threads` threads at once. Each thread cycles through the same 1,024 different signers,
/// each with its own 280-byte message (the size of a ballot statement's signed bytes), so the
/// ceiling is met with inputs like a verifier's rather than one signature repeated (which
/// measures 2-5 % faster here: the branch predictor learns it).
enum VerificationCeiling {
    static let signers = 1_024
    static let messageLength = 280

    static func measure(threads: Int, count: Int = 20_000, repetitions: Int = 3) -> (single: Double, parallel: Double) {
        var signatures: [UInt8] = []
        var messages: [UInt8] = []
        var publicKeys: [UInt8] = []
        for signer in 0..<signers {
            let key = try! SigningKey(seed: (0..<32).map { UInt8(truncatingIfNeeded: signer &* 131 &+ $0) })
            let message = (0..<messageLength).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ signer) }
            signatures += key.sign(message).bytes
            messages += message
            publicKeys += key.publicKey.bytes
        }
        let (allSignatures, allMessages, allKeys) = (signatures, messages, publicKeys)
        @Sendable func verify() {
            let verified = plenum_baseline_verify_distinct(
                count, signers, allSignatures, allMessages, UInt64(messageLength), allKeys)
            precondition(verified == count)
        }
        var single = Double.infinity
        var parallel = Double.infinity
        for _ in 0..<repetitions {
            single = min(single, Measure.best(repetitions: 1) { verify() })
            parallel = min(
                parallel,
                Measure.best(repetitions: 1) {
                    DispatchQueue.concurrentPerform(iterations: threads) { _ in verify() }
                })
        }
        return (Double(count) / single, Double(count * threads) / parallel)
    }
}

/// Work split over every core, for the set-up (key generation and signing).
enum Parallel {
    static func map<T>(count: Int, _ body: (Int) -> T) -> [T] {
        let chunks = max(1, ProcessInfo.processInfo.activeProcessorCount * 4)
        let size = (count + chunks - 1) / chunks
        var results = [T?](repeating: nil, count: count)
        results.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let output = buffer
            withoutActuallyEscaping(body) { body in
                nonisolated(unsafe) let work = body
                DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                    for index in (chunk * size)..<min(count, (chunk + 1) * size) { output[index] = work(index) }
                }
            }
        }
        return results.map { $0! }
    }
}

/// `perf record -g` of this process during the timed phase. perf is spawned with an empty
/// signal mask (a child of this process would otherwise inherit one that blocks SIGINT and
/// SIGCHLD, and perf would never stop), and stopped with SIGINT when the phase ends.
final class Profiler {
    private let pid: pid_t

    private init(pid: pid_t) { self.pid = pid }

    static func start(output: String) -> Profiler? {
        let arguments = ["perf", "record", "-F", "499", "-g", "-p", "\(getpid())", "-o", output]
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK))
        var pid: pid_t = 0
        let argv = arguments.map { strdup($0) } + [nil]
        defer { for argument in argv { free(argument) } }
        let status = posix_spawn(&pid, "/usr/bin/perf", nil, &attributes, argv, environ)
        guard status == 0 else {
            print("perf did not start: error \(status)")
            return nil
        }
        Thread.sleep(forTimeInterval: 0.5)
        return Profiler(pid: pid)
    }

    /// Stops the recording and waits for perf to write its file.
    func stop() {
        kill(pid, SIGINT)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
    }
}
