import Counting
import Testing

/// Plurality: first preferences, split equally when the top rank is shared.
@Suite struct PluralityTests {
    let names = ["Ann", "Bob", "Cid"]

    @Test func theMostFirstPreferencesWin() throws {
        let profile = try RankedProfile(
            candidateCount: 3,
            ballots: [([[0], [1]], 4), ([[1], [0], [2]], 3), ([[2]], 2), ([[1]], 2), ([], 1)])
        let outcome = Plurality().count(profile, names: names, tieBreak: TieBreakOrder(candidateCount: 3))
        #expect(outcome.winners == [1])
        #expect(outcome.ranking == [[1], [0], [2]])
        #expect(outcome.rounds[0].tallies.map(\.votes.text) == ["4", "5", "2"])
        #expect(outcome.rounds[0].exhausted?.text == "1")
        #expect(outcome.ties.isEmpty)
    }

    @Test func aSharedTopRankSplitsTheBallotExactly() throws {
        let profile = try RankedProfile(candidateCount: 3, ballots: [([[0, 1, 2]], 1), ([[0, 1]], 1)])
        let outcome = Plurality().count(profile, names: names, tieBreak: TieBreakOrder(candidateCount: 3))
        #expect(outcome.rounds[0].tallies.map(\.votes.text) == ["5/6", "5/6", "1/3"])
        #expect(outcome.ranking == [[0, 1], [2]])
        #expect(outcome.winners == [0])
        #expect(
            outcome.ties == [
                TieResolution(round: 1, decision: "winner", tied: [0, 1], chosen: [0], rule: outcome.ties[0].rule)
            ])
    }

    @Test func aSeededTieBreakOrderIsReproducibleAndDecidesTheTie() throws {
        let profile = try RankedProfile(candidateCount: 3, rankings: [[0], [1], [2]])
        let order = TieBreakOrder(seed: 2026, candidateCount: 3)
        #expect(order == TieBreakOrder(seed: 2026, candidateCount: 3))
        #expect(Set(order.order) == [0, 1, 2])
        let outcome = Plurality().count(profile, names: names, tieBreak: order)
        #expect(outcome.winners == [order.order[0]])
        #expect(outcome.ranking == [[0, 1, 2]])
    }

    @Test func identicalBallotsAreMergedWithTheirWeights() throws {
        let profile = try RankedProfile(candidateCount: 3, rankings: [[0, 1], [0, 1], [1, 0], [0, 1]])
        #expect(profile.ballotCount == 2)
        #expect(profile.weights == [3, 1])
        #expect(profile.totalWeight == 4)
        #expect(throws: CountingError.self) { try RankedProfile(candidateCount: 3, rankings: [[0, 0]]) }
        #expect(throws: CountingError.self) { try RankedProfile(candidateCount: 3, rankings: [[3]]) }
    }

    @Test func theOutcomeEncodesCanonically() throws {
        let profile = try RankedProfile(candidateCount: 3, rankings: [[0], [0], [1]])
        let outcome = Plurality().count(profile, names: names, tieBreak: TieBreakOrder(candidateCount: 3))
        let text = String(decoding: outcome.canonicalBytes, as: UTF8.self)
        #expect(text.hasPrefix(#"{"candidates":["Ann","Bob","Cid"],"method":"plurality","#))
        #expect(text.contains(#""winners":[0]"#))
        #expect(try StrictJSONParser().parse(outcome.canonicalBytes) == outcome.json.canonicalized)
    }
}

extension JSONValue {
    /// The value with object members in canonical (sorted) order, for comparing with a parse.
    var canonicalized: JSONValue {
        switch self {
        case .array(let elements): return .array(elements.map(\.canonicalized))
        case .object(let members):
            return .object(
                members.map { JSONMember($0.key, $0.value.canonicalized) }
                    .sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) })
        default: return self
        }
    }
}
