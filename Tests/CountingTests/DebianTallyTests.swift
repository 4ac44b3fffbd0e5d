import Counting
import Testing

/// Debian leader elections: the published tally sheets elect the official winners by Schulze
/// (Debian's Condorcet method, "None Of The Above" an ordinary option here).
@Suite(.enabled(if: OrdinalCorpus.exists("debian"), "shared ballots absent"))
struct DebianTallyTests {
    func election(_ year: Int, unrankedLast: Bool = true) throws -> (Election, RankedProfile) {
        let election = try DebianTallyReader(unrankedLast: unrankedLast).read(
            try OrdinalCorpus.bytes("debian/leader\(year)_tally.txt"))
        guard case .ranked(let profile) = election.ballots else { throw ReaderError(.syntax, "not ranked") }
        return (election, profile)
    }

    func winner(_ year: Int, strength: PairwiseStrength, unrankedLast: Bool = true) throws -> String? {
        let (election, profile) = try election(year, unrankedLast: unrankedLast)
        let outcome = try Schulze(strength: strength).count(
            profile, names: election.candidates, tieBreak: TieBreakOrder(candidateCount: profile.candidateCount))
        return outcome.winnerNames.first
    }

    // Official results: the Debian Project Leader elections of 2006, 2007 and 2020 as announced at
    // https://www.debian.org/vote/ (see ../shared/ballots/README.md).
    @Test func theOfficialWinnersAreElected() throws {
        for strength in PairwiseStrength.allCases {
            #expect(try winner(2006, strength: strength) == "Anthony Towns")
            #expect(try winner(2007, strength: strength) == "Sam Hocevar")
            #expect(try winner(2020, strength: strength) == "Jonathan Carter")
        }
    }

    @Test func theSheetsAreReadWhole() throws {
        let (e2006, p2006) = try election(2006)
        #expect(e2006.candidates.count == 8 && e2006.candidates.last == "None of the Above")
        #expect(p2006.totalWeight == 421)
        let (e2007, p2007) = try election(2007)
        #expect(e2007.candidates[5] == "Raphaël Hertzog")
        #expect(p2007.totalWeight == 482)
        let (e2020, p2020) = try election(2020)
        #expect(e2020.candidates == ["Jonathan Carter", "Sruthi Chandran", "Brian Gupta", "None Of The Above"])
        #expect(p2020.totalWeight == 339)
        // Each winner also beats "None Of The Above" outright (the constitution's majority
        // requirement, whose 1:1 ratio is a plain pairwise victory).
        for (election, profile) in [(e2006, p2006), (e2007, p2007), (e2020, p2020)] {
            let matrix = try PairwiseMatrix(profile)
            let outcome = try Schulze().count(
                matrix, names: election.candidates, tieBreak: TieBreakOrder(candidateCount: matrix.candidateCount))
            #expect(matrix.beats(outcome.winners[0], election.candidates.count - 1))
        }
    }

    /// The constitution ranks unranked options below ranked ones. Counting them as no
    /// preference instead (the "explicit" convention) changes the 2006 result: Steve McIntyre
    /// would win. 2007 and 2020 do not depend on it.
    @Test func unrankedOptionsMustBeRankedLastAsTheConstitutionSays() throws {
        #expect(try winner(2006, strength: .winningVotes, unrankedLast: false) == "Steve McIntyre")
        #expect(try winner(2007, strength: .winningVotes, unrankedLast: false) == "Sam Hocevar")
        #expect(try winner(2020, strength: .winningVotes, unrankedLast: false) == "Jonathan Carter")
    }

    @Test func malformedSheetsAreRejected() {
        let header = "     Option 1---->: Ann\n   /  Option 2--->: Bob\n"
        let cases: [(String, String)] = [
            (header + "V: 1 hash\n", "line 3: the vote gives 1 ranks for 2 options"),
            (header + "V: 1x hash\n", "line 3: \"x\" is not a rank (1 to 9, or - for unranked)"),
            ("V: 12 hash\n", "line 1: a vote comes before the list of options"),
            ("nothing here\n", "the file lists no options (\"Option 1--->: Name\")"),
            ("   Option 2-->: Bob\n", "line 1: option 2 is listed where option 1 was expected"),
        ]
        for (text, description) in cases {
            #expect(throws: ReaderError.self) { try DebianTallyReader().read(text) }
            do {
                _ = try DebianTallyReader().read(text)
            } catch {
                #expect(error.description == description)
            }
        }
        let ok = try? DebianTallyReader().read(header + "V: 2- a\nV: -- b\nV: 11 c\n")
        if case .ranked(let profile)? = ok?.ballots {
            #expect(profile.groups(of: 0) == [[0], [1]])
            #expect(profile.groups(of: 1) == [])
            #expect(profile.groups(of: 2) == [[0, 1]])
        } else {
            Issue.record("a valid sheet was refused")
        }
    }
}
