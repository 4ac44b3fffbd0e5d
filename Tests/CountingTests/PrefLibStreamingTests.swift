import Counting
import TestRandom
import Testing

/// The streaming readers and what they build on: ballots entered into `RankedProfile.Builder`
/// entry by entry give the same profile as whole ballots; PrefLib and CSV files read line by
/// line give the profile of their rows; repeats, trimming and encoding errors are found where
/// the line-array readers found them.
@Suite struct PrefLibStreamingTests {

    /// A random ballot over `candidates` as groups of tied candidates, each group sorted.
    static func randomGroups(_ candidates: Int, _ random: inout SplitMix64) -> [[Int]] {
        var pool = Array(0..<candidates)
        var groups: [[Int]] = []
        while !pool.isEmpty && random.below(5) != 0 {
            var group: [Int] = []
            for _ in 0..<(1 + random.below(min(2, pool.count))) {
                group.append(pool.remove(at: random.below(pool.count)))
            }
            groups.append(group.sorted())
        }
        return groups
    }

    @Test func entryByEntryBallotsMatchWholeBallots() throws {
        var random = SplitMix64(seed: 0x5EED_0101)
        for _ in 0..<20 {
            let candidates = 1 + random.below(5)
            var whole = RankedProfile.Builder(candidateCount: candidates)
            var entries = RankedProfile.Builder(candidateCount: candidates)
            if random.below(2) == 0 { entries.reserveCapacity(ballots: 100, entries: 300) }
            var added: Set<[[Int]]> = []
            for _ in 0..<(1 + random.below(400)) {
                let groups = Self.randomGroups(candidates, &random)
                let weight = Int64(1 + random.below(4))
                try whole.add(groups: groups, weight: weight)
                entries.beginBallot()
                for (position, group) in groups.enumerated() {
                    for candidate in group { try entries.append(candidate: candidate, rank: Int32(position)) }
                }
                let merged = try entries.endBallot(weight: weight)
                #expect(merged == !added.insert(groups).inserted)
            }
            #expect(whole.build() == entries.build())
            #expect(entries.ballotCount == added.count)
        }
    }

    @Test func aDistinctBallotReportsTheBallotItRepeats() throws {
        var builder = RankedProfile.Builder(candidateCount: 3)
        try builder.add(ranking: [2, 0], weight: 5)
        try builder.add(groups: [[0, 1]], weight: 2)
        builder.beginBallot()
        try builder.append(candidate: 0, rank: 0)
        try builder.append(candidate: 1, rank: 0)
        #expect(try builder.endDistinctBallot(weight: 7) == 1)
        builder.beginBallot()
        try builder.append(candidate: 1, rank: 0)
        #expect(try builder.endDistinctBallot(weight: 7) == nil)
        let profile = builder.build()
        // The repeat was dropped, not merged: ballot 1 keeps its weight.
        #expect(profile.weights == [5, 2, 7])
        #expect((0..<3).map(profile.groups(of:)) == [[[2], [0]], [[0, 1]], [[1]]])
        #expect(profile.hasTies)
    }

    @Test func aRefusedEntryDropsOnlyTheBallotBeingEntered() throws {
        var builder = RankedProfile.Builder(candidateCount: 3)
        try builder.add(ranking: [0, 1, 2], weight: 1)
        builder.beginBallot()
        try builder.append(candidate: 1, rank: 0)
        #expect(throws: CountingError.invalidBallot("candidate 2 appears twice on one ballot")) {
            try builder.append(candidate: 1, rank: 1)
        }
        builder.beginBallot()
        try builder.append(candidate: 1, rank: 1)
        #expect(throws: CountingError.self) { try builder.append(candidate: 2, rank: 0) }
        #expect(throws: CountingError.self) { try builder.append(candidate: 3, rank: 0) }
        #expect(throws: CountingError.self) { try builder.append(candidate: 0, rank: -1) }
        builder.beginBallot()
        try builder.append(candidate: 2, rank: 0)
        #expect(throws: CountingError.invalidBallot("a ballot's weight must be positive, got 0")) {
            try builder.endBallot(weight: 0)
        }
        // A ballot begun and not ended is not in the profile.
        builder.beginBallot()
        try builder.append(candidate: 2, rank: 0)
        let profile = builder.build()
        #expect(profile.ballotCount == 1)
        #expect(profile.candidates == [0, 1, 2])
        #expect(profile.hasTies == false)
        try builder.endBallot(weight: 3)
        #expect(builder.build().weights == [1, 3])
    }

    /// A `.soc` header over `alternatives` for `voters` voters on `unique` lines.
    static func socHeader(alternatives: Int, voters: Int64, unique: Int) -> String {
        var text = "# FILE NAME: big.soc\n# TITLE: Streaming\n# DATA TYPE: soc\n"
        text +=
            "# NUMBER ALTERNATIVES: \(alternatives)\n# NUMBER VOTERS: \(voters)\n# NUMBER UNIQUE ORDERS: \(unique)\n"
        for alternative in 1...alternatives { text += "# ALTERNATIVE NAME \(alternative): A\(alternative)\n" }
        return text
    }

    @Test func aLargeFileReadsAsItsRankings() throws {
        var random = SplitMix64(seed: 0x5EED_0102)
        var rankings: [(groups: [[Int]], weight: Int64)] = []
        var seen: Set<[Int]> = []
        while rankings.count < 3_000 {
            var ranking = Array(0..<7)
            for index in stride(from: 6, to: 0, by: -1) { ranking.swapAt(index, random.below(index + 1)) }
            guard seen.insert(ranking).inserted else { continue }
            rankings.append((ranking.map { [$0] }, Int64(1 + random.below(9))))
        }
        let voters = rankings.reduce(0) { $0 + $1.weight }
        var text = Self.socHeader(alternatives: 7, voters: voters, unique: rankings.count)
        for (index, ranking) in rankings.enumerated() {
            // Windows line ends and blank lines here and there change nothing.
            let end = index % 7 == 0 ? "\r\n" : (index % 11 == 0 ? "\n\n" : "\n")
            text += "\(ranking.weight): " + ranking.groups.map { "\($0[0] + 1)" }.joined(separator: ",") + end
        }
        let expected = try RankedProfile(candidateCount: 7, ballots: rankings)
        let election = try PrefLibReader.read(text, expected: .soc)
        #expect(election.ballots == .ranked(expected))
        // From bytes, with a byte order mark, as the tabulator reads a file.
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array(text.utf8)
        #expect(try ElectionFile.read(bytes, format: .preflib, path: "big.soc").ballots == .ranked(expected))
    }

    @Test func aRepeatedPreferenceNamesTheLineWhereItFirstAppears() {
        // Lines 1-9 are the header; the preferences are on lines 10, 12, 13 and 15.
        let text =
            Self.socHeader(alternatives: 3, voters: 4, unique: 4)
            + "1: 1,2,3\n\n1: 2,1,3\r\n1: 3,2,1\n  \t\n 1 : 2 , 1 , 3 \n"
        do {
            _ = try PrefLibReader.read(text)
            Issue.record("a repeated preference was accepted")
        } catch {
            #expect(error.code == .syntax)
            #expect(error.line == 15)
            #expect(error.message.contains("already appears on line 12"), "\(error)")
        }
    }

    @Test func blanksAreTrimmedAsWholeCharacters() throws {
        // A space followed by a combining accent is one character: it is trimmed whole, as the
        // Substring-based trimming did.
        let text = Self.socHeader(alternatives: 2, voters: 2, unique: 1) + " \u{301}2: 2,1\n"
        let election = try PrefLibReader.read(text)
        guard case .ranked(let profile) = election.ballots else {
            Issue.record("expected ranked ballots")
            return
        }
        #expect(profile.groups(of: 0) == [[1], [0]])
    }

    @Test func badBytesAreFoundWhereverTheyAre() {
        // The checks go eight bytes at a time; every position in a word is found.
        let base = Array(String(repeating: "abcdefg\n", count: 6).utf8)
        for offset in 0..<base.count {
            for (bad, fragment) in [(UInt8(0xFF), "byte \(offset) is 0xff"), (UInt8(0), "NUL")] {
                var bytes = base
                bytes[offset] = bad
                do {
                    _ = try ElectionFile.read(bytes, format: .preflib, path: "x.soc")
                    Issue.record("byte \(offset) = \(bad) was accepted")
                } catch {
                    #expect(error.code == .encoding)
                    #expect(error.line == offset / 8 + 1, "\(error)")
                    #expect(error.message.contains(fragment), "\(error)")
                }
            }
        }
    }

    @Test func csvRowsGoStraightIntoTheProfile() throws {
        var random = SplitMix64(seed: 0x5EED_0103)
        var text = "A,B,weight,C,D\n"
        var ballots: [(groups: [[Int]], weight: Int64)] = []
        for _ in 0..<2_000 {
            let groups = Self.randomGroups(4, &random)
            let weight = Int64(1 + random.below(3))
            var cells = [String](repeating: "", count: 4)
            var rank = 0
            for group in groups {
                rank += 1 + random.below(2)  // gaps between rank numbers change nothing
                for candidate in group { cells[candidate] = String(rank) }
            }
            text += "\(cells[0]),\(cells[1]),\(weight),\(cells[2]),\(cells[3])\n"
            ballots.append((groups, weight))
        }
        let expected = try RankedProfile(candidateCount: 4, ballots: ballots)
        #expect(try CSVBallotReader.read(text, shape: .ranked).ballots == .ranked(expected))
        #expect(try ElectionFile.read(Array(text.utf8), format: .csv).ballots == .ranked(expected))
    }

    @Test func csvRatingsAreReadAsSignedIntegers() throws {
        let election = try CSVBallotReader.read("A,B,C\n-0,+0,007\n-2147483647,2147483647,\n", shape: .rating)
        guard case .ratings(let profile) = election.ballots else {
            Issue.record("expected rating ballots")
            return
        }
        #expect(profile.ratings == [0, 0, 7, -2_147_483_647, 2_147_483_647, RatingProfile.blank])
        for cell in ["+", "-", "1-", "--1", "1 2", "0x1"] {
            #expect(throws: ReaderError.self, "\(cell)") {
                try CSVBallotReader.read("A\n\"\(cell)\"\n", shape: .rating)
            }
        }
    }
}
