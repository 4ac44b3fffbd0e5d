import Audit
import Dispatch
import Foundation
import Ledger
import PlenumCLI
import Sodium
import Statements

/// Issue 6's bar: verifying a record of one million ballots, on every core, beside the
/// machine's libsodium verification ceiling measured in the same run, with memory bounded.
///
/// The record is generated here, valid by construction and written to a file: `voters` members
/// (invited and joined), a round, `ballots` ballots (each voter replaces theirs until the last),
/// the close and the certificate from the same pure count the service uses. Then
/// `RecordVerifier` reads it back from the file a line at a time, as `plenum audit verify` does.
enum AuditBenchmark {
    static func run(arguments: [String]) {
        Sodium.ensureInitialized()
        func option(_ name: String, _ fallback: Int) -> Int {
            guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count,
                let value = Int(arguments[index + 1])
            else { return fallback }
            return value
        }
        let voters = option("--voters", 100_000)
        let ballots = option("--ballots", 1_000_000)
        let threads = option("--threads", ProcessInfo.processInfo.activeProcessorCount)
        let path =
            arguments.firstIndex(of: "--record").map { arguments[$0 + 1] }
            ?? ".build/benchmarks/audit-\(voters)-\(ballots).plenum-record"

        if !FileManager.default.fileExists(atPath: path) {
            let start = ContinuousClock.now
            let statements = RecordGenerator(voters: voters, ballots: ballots).write(to: path)
            print(
                "generated \(path): \(statements) statements in "
                    + "\(Measure.format(Measure.seconds(ContinuousClock.now - start), decimals: 1)) s")
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        print("record: \(path), \(Measure.format(Double(size) / 1_048_576, decimals: 0)) MiB\n")

        // The ceiling is measured before and after the verification, and the rate is judged
        // against the higher of the two: the machine's speed drifts by a few per cent over a
        // minute here, and a ceiling caught low would flatter the rate.
        let before = VerificationCeiling.measure(threads: threads)
        let start = ContinuousClock.now
        let cpuStart = Measure.cpuSeconds()
        var lines = RecordFile(path: path).makeIterator()
        let result = RecordVerifier(threads: threads).verify(source: &lines)
        let seconds = Measure.seconds(ContinuousClock.now - start)
        let cpu = Measure.cpuSeconds() - cpuStart
        let after = VerificationCeiling.measure(threads: threads)
        let ceiling = before.parallel >= after.parallel ? before : after
        guard result.report.passed else {
            print(result.report.text)
            fatalError("the generated record does not verify")
        }
        let verified =
            result.report.checks.first { $0.name == "statements whose inclusion proof and signature verify" }?.count
            ?? 0
        let ballotsChecked =
            result.report.checks.first { $0.name.hasPrefix("ballots checked") }?.count ?? 0
        let rate = Double(verified) / seconds
        print("| measure | value |")
        print("|---|---|")
        print("| statements in the record (signatures verified) | \(verified) |")
        print("| of which ballots | \(ballotsChecked) |")
        print("| verification time, everything included | \(Measure.format(seconds, decimals: 2)) s |")
        print("| statements verified per second | \(Int(rate)) |")
        print("| ballots per second | \(Int(Double(ballotsChecked) / seconds)) |")
        print(
            "| libsodium ceiling, 1 thread (verifications/s, 1,024 signers, 280-byte messages) | \(Int(ceiling.single)) |"
        )
        print(
            "| libsodium ceiling, \(threads) threads (verifications/s), before / after the verification | "
                + "\(Int(before.parallel)) / \(Int(after.parallel)) |")
        print(
            "| CPU per statement, all threads (µs) / per verification at the ceiling (µs) | "
                + "\(Measure.format(cpu / Double(verified) * 1e6, decimals: 1)) / "
                + "\(Measure.format(Double(threads) / ceiling.parallel * 1e6, decimals: 1)) |")
        print(
            "| rate / \(threads)-thread ceiling (the higher of the two) | \(Measure.format(rate / ceiling.parallel * 100, decimals: 1)) % |"
        )
        print("| peak resident memory | \(Measure.format(Measure.peakMemoryMiB(), decimals: 0)) MiB |")
    }
}

/// Writes a valid record of one round: org.create, invitations and joins, a proposal-less
/// plurality round, the ballots, the close and the certificate, with every inclusion proof.
struct RecordGenerator {
    let voters: Int
    let ballots: Int
    let organization = "bench"
    let origin = "plenum.bench/audit"
    let options = ["Oak", "Elm", "Ash", "Yew", "Fir"]

    /// Writes the record to `path`; returns how many statements it holds.
    func write(to path: String) -> Int {
        let logKey = try! SigningKey(seed: seed("log"))
        let steward = try! SigningKey(seed: seed("steward"))
        let created: Int64 = 1_795_000_000_000
        func header(_ key: SigningKey, _ index: Int) -> StatementHeader {
            StatementHeader(
                organization: organization, author: key.publicKey, created: created + Int64(index),
                nonce: Array(seed("nonce \(index)").prefix(16)))
        }
        func sign<P: StatementPayload>(_ payload: P, _ key: SigningKey) -> SignedStatement {
            SignedStatement(signing: payload.canonicalBytes, as: P.kind, with: key)
        }
        var statements: [SignedStatement] = [
            sign(
                OrganizationCreate(
                    header: header(logKey, 0), name: "Bench", origin: origin, logKey: logKey.publicKey,
                    founder: steward.publicKey, founderName: "Steward"), logKey)
        ]
        let keys = Parallel.map(count: voters) { try! SigningKey(seed: seed("voter \($0)")) }
        let membership = Parallel.map(count: voters) { index -> [SignedStatement] in
            let secret = seed("secret \(index)")
            return [
                sign(
                    MemberInvite(
                        header: header(steward, 1 + 2 * index), code: SHA256.hash(secret), name: "Voter \(index)",
                        roles: [.member], weight: 1, expires: created + 86_400_000), steward),
                sign(
                    MemberJoin(header: header(keys[index], 2 + 2 * index), secret: secret, name: "Voter \(index)"),
                    keys[index]),
            ]
        }
        statements += membership.flatMap { $0 }
        var electorate = Electorate(
            keys.map { Electorate.Entry(member: MemberID($0.publicKey), key: $0.publicKey, weight: 1) })
        electorate = Electorate(
            electorate.entries + [
                Electorate.Entry(member: MemberID(steward.publicKey), key: steward.publicKey, weight: 1)
            ])
        let open = RoundOpen(
            header: header(steward, statements.count), question: "Which tree?", method: "plurality",
            options: options, electorate: electorate.commitment, voters: electorate.count)
        let openStatement = sign(open, steward)
        let round = StatementID(openStatement.id)
        statements.append(openStatement)
        let base = statements.count
        let cast = Parallel.map(count: ballots) { index -> (SignedStatement, RoundCount.Ballot) in
            let voter = index % voters
            let choice = BallotChoice.ranking([[options[(index / 7 + voter) % options.count]]])
            let ballot = BallotCast(
                header: header(keys[voter], base + index), round: round, revision: nil,
                sequence: Int64(index / voters + 1), choice: choice)
            let statement = sign(ballot, keys[voter])
            let indexed = try! open.counting.check(ballot: choice)
            return (
                statement,
                RoundCount.Ballot(
                    voter: MemberID(keys[voter].publicKey), statement: StatementID(statement.id), choice: indexed)
            )
        }
        statements += cast.map(\.0)
        var latest: [MemberID: RoundCount.Ballot] = [:]
        for (_, ballot) in cast { latest[ballot.voter] = ballot }
        statements.append(sign(RoundClose(header: header(steward, statements.count), round: round), steward))

        var tree = MerkleTree()
        for statement in statements { _ = tree.append(leafHash: statement.leafHash) }
        let count = RoundCount(open: open, electorate: electorate, ballots: Array(latest.values))
        let certificate = count.certificate(
            header: header(logKey, statements.count), round: round, electorate: electorate.commitment,
            checkpoint: RoundResult.LogState(size: Int64(tree.size), root: tree.root), method: open.method,
            cast: ballots)
        let certificateSize = tree.size
        statements.append(sign(certificate, logKey))
        _ = tree.append(leafHash: statements[statements.count - 1].leafHash)
        let checkpoint = try! Checkpoint(origin: origin, size: tree.size, root: tree.root).signed(with: logKey)

        try? FileManager.default.createDirectory(
            atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path, withIntermediateDirectories: true)
        guard FileManager.default.createFile(atPath: path, contents: nil),
            let file = FileHandle(forWritingAtPath: path)
        else { fatalError("cannot create \(path)") }
        file.write(
            Data(
                RecordLine.header(
                    RecordHeader(
                        organization: organization, origin: origin, logKey: logKey.publicKey, round: round,
                        checkpoint: checkpoint)
                ).bytes))
        var buffer: [UInt8] = []
        for (leaf, statement) in statements.enumerated() {
            let proof = try! tree.inclusionProof(index: UInt64(leaf), size: tree.size)
            buffer += RecordLine.statement(leaf: UInt64(leaf), statement: statement, proof: proof.path).bytes
            if buffer.count > 1 << 22 {
                file.write(Data(buffer))
                buffer.removeAll(keepingCapacity: true)
            }
        }
        buffer += RecordLine.consistency(try! tree.consistencyProof(oldSize: certificateSize, newSize: tree.size)).bytes
        buffer += RecordLine.end(statements: statements.count).bytes
        file.write(Data(buffer))
        try? file.close()
        return statements.count
    }

    private func seed(_ label: String) -> [UInt8] { SHA256.hash(Array("plenum bench \(label)".utf8)).bytes }
}
