import Counting
import Foundation
import Ledger
import PlenumTestSupport
import Service
import Sodium
import Statements
import Testing

/// Every voting method end to end through the HTTP API: for each registered method, the first
/// hand-checked case of Ballots/examples/cases.json is replayed as an organization (one member
/// per distinct ballot, invited with the ballot's weight), a round is opened with the case's
/// options, each member posts their signed ballot, the steward closes the round, and the
/// certificate read back over HTTP must name the case's published winners.
@Suite("Every voting method through the API")
struct MethodRoundTripTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let file: String
        let method: String
        let shape: String?
        let seats: Int?
        let tieBreak: String?
        let parameters: [String: String]
        let winners: [String]

        var testDescription: String { "\(method) (\(name))" }
    }

    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Ballots/examples")

    /// The first case of each method.
    static let cases: [Case] = {
        guard let data = try? Data(contentsOf: folder.appendingPathComponent("cases.json")),
            let document = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let list = document["cases"] as? [[String: Any]]
        else { return [] }
        var seen = Set<String>()
        var cases: [Case] = []
        for entry in list {
            guard let method = entry["method"] as? String, !seen.contains(method), let name = entry["name"] as? String,
                let file = entry["file"] as? String, let expected = entry["expected"] as? [String: Any],
                let winners = expected["winners"] as? [String]
            else { continue }
            seen.insert(method)
            let options = entry["options"] as? [String: Any] ?? [:]
            cases.append(
                Case(
                    name: name, file: file, method: method, shape: entry["ballot_shape"] as? String,
                    seats: options["seats"] as? Int, tieBreak: options["tie_break"] as? String,
                    parameters: options["params"] as? [String: String] ?? [:], winners: winners))
        }
        return cases
    }()

    @Test("a case for every registered method")
    func everyMethodHasACase() {
        #expect(Set(Self.cases.map(\.method)) == Set(VotingMethod.all.map(\.name)))
    }

    @Test("the certificate names the published winners", arguments: cases)
    func roundTrip(_ item: Case) async throws {
        let method = try VotingMethod.named(item.method)
        let shape = item.shape.flatMap(BallotShape.init(rawValue:)) ?? method.shapes.first ?? .ranked
        let format = try #require(BallotFileFormat(path: item.file))
        let bytes = [UInt8](try Data(contentsOf: Self.folder.appendingPathComponent(item.file)))
        let election = try ElectionFile.read(bytes, format: format, path: item.file, ballotShape: shape)
        let choices = Self.choices(election, consent: item.method == "consent")

        var configuration = ServiceConfiguration()
        configuration.statementsPerSecondPerAuthor = 0
        let test = try TestOrganization(configuration: configuration)
        let server = try await TestServer(test.organization)
        defer { Task { await server.stop() } }

        // One member per distinct ballot, invited with its weight, joining over HTTP.
        var voters: [(SigningKey, BallotChoice)] = []
        for (index, (choice, weight)) in choices.enumerated() {
            let key = try SigningKey.generate()
            let secret = SecureRandom.bytes(count: 32)
            let invite = MemberInvite(
                header: test.header(test.steward), code: SHA256.hash(secret), name: "Voter \(index + 1)",
                roles: [.member], weight: weight, expires: test.now + 86_400_000)
            #expect(try await server.post(test.sign(invite, test.steward)).status == 201)
            let join = MemberJoin(header: test.header(key), secret: secret, name: "Voter \(index + 1)")
            #expect(try await server.post(test.sign(join, key)).status == 201)
            voters.append((key, choice))
        }

        let electorate = try test.electorate()
        let open = RoundOpen(
            header: test.header(test.steward), question: item.name, method: item.method, options: election.candidates,
            seats: item.seats ?? election.seats, parameters: item.parameters,
            tieBreak: try item.tieBreak.map { try MethodOptions.TieBreak(parsing: $0) } ?? .candidateOrder,
            budget: election.budget.map { budget in
                RoundBudget(
                    total: budget.total,
                    costs: Dictionary(uniqueKeysWithValues: zip(election.candidates, budget.costs)))
            }, electorate: electorate.commitment, voters: electorate.count)
        let opened = try await server.post(test.sign(open, test.steward))
        #expect(opened.status == 201, "round.open: \(String(decoding: opened.body, as: UTF8.self))")
        let round = StatementID(test.sign(open, test.steward).id)

        for (key, choice) in voters {
            let ballot = BallotCast(header: test.header(key), round: round, revision: nil, sequence: 1, choice: choice)
            let answer = try await server.post(test.sign(ballot, key))
            #expect(answer.status == 201, "ballot: \(String(decoding: answer.body, as: UTF8.self))")
        }
        let close = RoundClose(header: test.header(test.steward), round: round)
        #expect(try await server.post(test.sign(close, test.steward)).status == 201)

        let token = try await server.login(voters[0].0, created: test.now)
        let result = try await server.request("GET", "rounds/\(round.hex)/result", token: token)
        #expect(result.status == 200)
        let certificate = try #require(result.json?["certificate"])
        let outcome = try #require(certificate["outcome"])
        let candidates = (outcome["candidates"]?.arrayValue ?? []).compactMap(\.stringValue)
        let winners = (outcome["winners"]?.arrayValue ?? []).compactMap(\.integerValue).map { candidates[Int($0)] }
        #expect(Set(winners) == Set(item.winners), "\(item.name): \(winners) instead of \(item.winners)")
        #expect(certificate["ballots"]?.integerValue == Int64(voters.count))
        #expect(certificate["weight"]?.integerValue == choices.reduce(0) { $0 + $1.1 })
    }

    /// The election's distinct ballots as ballot choices with their weights.
    static func choices(_ election: Election, consent: Bool) -> [(BallotChoice, Int64)] {
        let names = election.candidates
        switch election.ballots {
        case .ranked(let profile):
            return (0..<profile.ballotCount).map { index in
                (.ranking(profile.groups(of: index).map { $0.map { names[$0] } }), profile.weights[index])
            }
        case .approval(let profile):
            return (0..<profile.ballotCount).map { index in
                (.approve(profile.approvals(of: index).map { names[$0] }), profile.weights[index])
            }
        case .ratings(let profile):
            return (0..<profile.ballotCount).map { index in
                var scores: [String: Int64] = [:]
                var stances: [String: ConsentStance] = [:]
                for candidate in 0..<profile.candidateCount {
                    let rating = profile.rating(ballot: index, candidate: candidate)
                    guard rating != RatingProfile.blank else { continue }
                    scores[names[candidate]] = Int64(rating)
                    stances[names[candidate]] = ConsentStance.allCases.first { $0.code == rating }
                }
                return (consent ? .stances(stances) : .scores(scores), profile.weights[index])
            }
        }
    }
}

extension JSONValue {
    subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }

    var arrayValue: [JSONValue]? {
        if case .array(let elements) = self { return elements }
        return nil
    }

    var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    var integerValue: Int64? {
        if case .integer(let number) = self { return number }
        return nil
    }
}
