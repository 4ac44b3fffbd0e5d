import Counting
import Foundation
import Testing

/// The project's own hand-checked elections: every case of `Ballots/examples/cases.json` is read
/// with the reader its file needs and counted through the registry, as `plenum tally` counts it,
/// and must give exactly the stated winners, ranking, ties and round figures. Every method in
/// ``VotingMethod/all`` must have a case, and so must every convention difference that the
/// differential test (`Tests/Differential/differential.py`, `CONVENTIONS`) allows.
@Suite struct ExampleBallotsTests {
    /// The package root: three levels up from this file.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let folder = root.appendingPathComponent("Ballots/examples")

    /// A round figure the case states: tallies by candidate name, threshold and exhausted as text.
    struct RoundFigures: Sendable, Equatable {
        var round: Int
        var votes: [String: String]
        var threshold: String?
        var exhausted: String?
    }

    /// A tie the count must record: the decision, the tied (in any order) and the chosen (in order).
    struct ExpectedTie: Sendable, Equatable {
        var decision: String
        var tied: Set<String>
        var chosen: [String]
    }

    /// One case of the manifest.
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var file: String
        var format: String?
        var ballotShape: String?
        var method: String
        var seats: Int?
        var tieBreak: String?
        var parameters: [String: String]
        var winners: [String]
        var winnersInOrder: Bool
        var ranking: [[String]]?
        var ties: [ExpectedTie]?
        var rounds: [RoundFigures]
        var convention: String?
        var otherImplementations: Int
        var source: String

        var testDescription: String { name }
    }

    struct ManifestError: Error, CustomStringConvertible {
        var description: String
    }

    /// Reads the manifest with Foundation's JSONSerialization (test data, not signed).
    static func loadCases() throws -> [Case] {
        let data = try Data(contentsOf: folder.appendingPathComponent("cases.json"))
        guard let document = try JSONSerialization.jsonObject(with: data) as? [String: Any],
            let list = document["cases"] as? [[String: Any]]
        else { throw ManifestError(description: "cases.json is not an object with a \"cases\" array") }
        return try list.enumerated().map { index, entry in try parse(entry, index: index) }
    }

    static func parse(_ entry: [String: Any], index: Int) throws -> Case {
        func fail(_ problem: String) -> ManifestError {
            ManifestError(description: "cases[\(index)] (\(entry["name"] as? String ?? "unnamed")): \(problem)")
        }
        let known: Set = [
            "name", "file", "format", "ballot_shape", "method", "options", "expected", "source", "notes", "convention",
            "other_implementations",
        ]
        if let unknown = entry.keys.sorted().first(where: { !known.contains($0) }) {
            throw fail("unknown member \"\(unknown)\"")
        }
        guard let name = entry["name"] as? String, let file = entry["file"] as? String,
            let method = entry["method"] as? String, let source = entry["source"] as? String, !source.isEmpty,
            let expected = entry["expected"] as? [String: Any], let winners = expected["winners"] as? [String]
        else { throw fail("name, file, method, source and expected.winners are required") }
        let options = entry["options"] as? [String: Any] ?? [:]
        let ranking: [[String]]?
        if let value = expected["ranking"] {
            guard let groups = value as? [[String]] else { throw fail("expected.ranking is an array of name arrays") }
            ranking = groups
        } else {
            ranking = nil
        }
        var ties: [ExpectedTie]?
        if let value = expected["ties"] {
            guard let list = value as? [[String: Any]] else { throw fail("expected.ties is an array of objects") }
            ties = try list.map { tie in
                guard let decision = tie["decision"] as? String, let tied = tie["tied"] as? [String],
                    let chosen = tie["chosen"] as? [String]
                else { throw fail("a tie has decision, tied and chosen") }
                return ExpectedTie(decision: decision, tied: Set(tied), chosen: chosen)
            }
        }
        let rounds = try (expected["rounds"] as? [[String: Any]] ?? []).map { round in
            guard let number = round["round"] as? Int, number >= 1 else { throw fail("a round needs its number") }
            return RoundFigures(
                round: number, votes: round["votes"] as? [String: String] ?? [:],
                threshold: round["threshold"] as? String, exhausted: round["exhausted"] as? String)
        }
        return Case(
            name: name, file: file, format: entry["format"] as? String, ballotShape: entry["ballot_shape"] as? String,
            method: method, seats: options["seats"] as? Int, tieBreak: options["tie_break"] as? String,
            parameters: options["params"] as? [String: String] ?? [:], winners: winners,
            winnersInOrder: expected["winners_in_order"] as? Bool ?? true, ranking: ranking, ties: ties,
            rounds: rounds, convention: entry["convention"] as? String,
            otherImplementations: (entry["other_implementations"] as? [String: Any])?.count ?? 0, source: source)
    }

    static let cases: [Case] = (try? loadCases()) ?? []

    /// Counts a case as the tabulator would: the reader from the file name (or the stated
    /// format), a CSV file read in the stated shape or the method's first, then the registry.
    static func count(_ item: Case) throws -> Outcome {
        let method = try VotingMethod.named(item.method)
        let format = item.format.flatMap(BallotFileFormat.init(rawValue:)) ?? BallotFileFormat(path: item.file)
        guard let format else { throw ManifestError(description: "no format for \(item.file)") }
        let shape = item.ballotShape.flatMap(BallotShape.init(rawValue:)) ?? method.shapes.first ?? .ranked
        let bytes = [UInt8](try Data(contentsOf: folder.appendingPathComponent(item.file)))
        let election = try ElectionFile.read(bytes, format: format, path: item.file, ballotShape: shape)
        let tieBreak = try item.tieBreak.map { try MethodOptions.TieBreak(parsing: $0) } ?? .candidateOrder
        return try method.count(
            election, options: MethodOptions(seats: item.seats, tieBreak: tieBreak, parameters: item.parameters))
    }

    @Test func theManifestIsReadableAndItsCasesAreDistinct() throws {
        let cases = try Self.loadCases()
        #expect(cases.count == Self.cases.count)
        #expect(cases.count >= VotingMethod.all.count)
        let names = cases.map(\.name)
        #expect(Set(names).count == names.count, "case names repeat")
    }

    @Test(arguments: cases)
    func theCaseGivesItsExpectedResult(_ item: Case) throws {
        let outcome = try Self.count(item)
        if item.winnersInOrder {
            #expect(outcome.winnerNames == item.winners)
        } else {
            #expect(outcome.winnerNames.sorted() == item.winners.sorted())
        }
        if let ranking = item.ranking {
            #expect(outcome.rankingNames.map { Set($0) } == ranking.map { Set($0) })
        } else {
            #expect(outcome.ranking.isEmpty, "the method gives a ranking; the case must state it")
        }
        if let ties = item.ties {
            let recorded = outcome.ties.map { tie in
                ExpectedTie(
                    decision: tie.decision, tied: Set(tie.tied.map { outcome.candidates[$0] }),
                    chosen: tie.chosen.map { outcome.candidates[$0] })
            }
            #expect(recorded == ties)
        }
        for figures in item.rounds {
            guard figures.round <= outcome.rounds.count else {
                Issue.record("round \(figures.round) does not exist (\(outcome.rounds.count) rounds)")
                continue
            }
            let round = outcome.rounds[figures.round - 1]
            var tallies: [String: String] = [:]
            for tally in round.tallies { tallies[outcome.candidates[tally.candidate]] = tally.votes.text }
            for (name, votes) in figures.votes.sorted(by: { $0.key < $1.key }) {
                #expect(tallies[name] == votes, "round \(figures.round), \(name)")
            }
            if let threshold = figures.threshold {
                #expect(round.threshold?.text == threshold, "round \(figures.round) threshold")
            }
            if let exhausted = figures.exhausted {
                #expect(round.exhausted?.text == exhausted, "round \(figures.round) exhausted")
            }
        }
    }

    /// A method added to the registry without a hand-checked example fails here.
    @Test func everyRegisteredMethodHasAnExample() throws {
        let covered = Set(try Self.loadCases().map(\.method))
        let missing = VotingMethod.all.map(\.name).filter { !covered.contains($0) }
        #expect(missing.isEmpty, "no example in Ballots/examples/cases.json for \(missing)")
        let unknown = covered.subtracting(VotingMethod.all.map(\.name))
        #expect(unknown.isEmpty, "cases name methods that are not registered: \(unknown.sorted())")
    }

    /// The convention differences the differential test tolerates, read from its `CONVENTIONS`
    /// dictionary (one `"method": reason` entry a line).
    static func differentialConventions() throws -> [String] {
        let path = root.appendingPathComponent("Tests/Differential/differential.py")
        let lines = try String(contentsOf: path, encoding: .utf8).components(separatedBy: "\n")
        guard let start = lines.firstIndex(where: { $0.hasPrefix("CONVENTIONS = {") }) else {
            throw ManifestError(description: "differential.py has no CONVENTIONS dictionary")
        }
        var keys: [String] = []
        for line in lines[(start + 1)...] {
            if line.hasPrefix("}") { break }
            guard line.hasPrefix("    \""), let close = line.dropFirst(5).firstIndex(of: "\"") else { continue }
            let key = line[line.index(line.startIndex, offsetBy: 5)..<close]
            if line[close...].hasPrefix("\":") { keys.append(String(key)) }
        }
        return keys
    }

    /// Each tolerated difference must be shown by a case that states what the other
    /// implementation returns for it.
    @Test func everyDifferentialConventionIsShownByAnExample() throws {
        let conventions = try Self.differentialConventions()
        #expect(!conventions.isEmpty)
        let cases = try Self.loadCases()
        for convention in conventions {
            let shown = cases.filter { $0.convention == convention }
            #expect(!shown.isEmpty, "no example case shows the \(convention) convention")
            for item in shown {
                #expect(item.method == convention, "\(item.name)")
                #expect(item.otherImplementations > 0, "\(item.name) must record the other implementation's answer")
            }
        }
    }

    /// Every ballot file in the folder is used by a case, and every case's file exists.
    @Test func everyFileIsUsedAndEveryCaseHasItsFile() throws {
        let cases = try Self.loadCases()
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).filter { $0 != "cases.json" }
        let used = Set(cases.map(\.file))
        #expect(used.subtracting(files).isEmpty, "missing files: \(used.subtracting(files).sorted())")
        #expect(Set(files).subtracting(used).isEmpty, "unused files: \(Set(files).subtracting(used).sorted())")
    }
}
