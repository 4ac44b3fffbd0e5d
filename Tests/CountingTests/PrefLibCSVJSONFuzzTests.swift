import Counting
import TestRandom
import Testing

/// Mutation fuzzing of the PrefLib, CSV and JSON readers: 5,000 mutations of a valid file each
/// (fixed seed), read from bytes as the tabulator reads them. A reader may only throw a
/// ``ReaderError`` or succeed (a crash fails the whole run); what it accepts must be a consistent
/// election that a count accepts or refuses cleanly.
@Suite struct PrefLibCSVJSONFuzzTests {

    /// Bytes worth inserting: the formats' punctuation, digits, large numbers, odd bytes.
    static let insertions: [String] = [
        "#", ":", ",", "{", "}", "[", "]", "\"", "\n", "\r", " ", "0", "1", "9", "-", "=", "x", "\\",
        "99999999999999999999", "9223372036854775807", "-9223372036854775808", "2147483648", "{}", "[]",
        "null", "# NUMBER VOTERS: 1", "weight", "\"ranking\"", "\u{00e9}",
    ]
    static let alphabet: [[UInt8]] =
        insertions.map { Array($0.utf8) } + [[0x00], [0xFF], [0xC3], [0xED, 0xA0, 0x80], [0xEF, 0xBB, 0xBF]]

    /// One to three random edits of `bytes`: replace, insert, delete, duplicate a span, or truncate.
    static func mutate(_ bytes: [UInt8], _ random: inout SplitMix64) -> [UInt8] {
        var result = bytes
        for _ in 0..<(1 + random.below(3)) {
            let position = random.below(result.count + 1)
            switch random.below(6) {
            case 0 where position < result.count:
                result[position] = UInt8(truncatingIfNeeded: random.next())
            case 1:
                result.insert(contentsOf: alphabet[random.below(alphabet.count)], at: position)
            case 2 where position < result.count:
                result.removeSubrange(position..<min(result.count, position + 1 + random.below(8)))
            case 3 where position < result.count:
                let end = min(result.count, position + 1 + random.below(40))
                result.insert(contentsOf: result[position..<end], at: end)
            case 4:
                result.removeSubrange(position...)
            default:
                if position < result.count { result[position] = alphabet[random.below(alphabet.count)][0] }
            }
        }
        return result
    }

    /// Reads 5,000 mutations of `valid`; returns (accepted, refused) and checks what was accepted.
    func fuzz(
        _ valid: String, format: BallotFileFormat, path: String, shape: BallotShape = .ranked, seed: UInt64
    )
        -> (accepted: Int, refused: Int)
    {
        var random = SplitMix64(seed: seed)
        let original = Array(valid.utf8)
        var accepted = 0
        var refused = 0
        for _ in 0..<5_000 {
            let bytes = Self.mutate(original, &random)
            do {
                let election = try ElectionFile.read(bytes, format: format, path: path, ballotShape: shape)
                accepted += 1
                check(election)
            } catch {
                refused += 1
                #expect(!error.message.isEmpty)
            }
        }
        return (accepted, refused)
    }

    /// An accepted election is consistent, and the registry either counts it or refuses it.
    func check(_ election: Election) {
        let count: Int
        switch election.ballots {
        case .ranked(let profile): count = profile.candidateCount
        case .approval(let profile): count = profile.candidateCount
        case .ratings(let profile): count = profile.candidateCount
        }
        #expect(count == election.candidates.count)
        #expect(election.withdrawn.allSatisfy { $0 >= 0 && $0 < count })
        if case .ranked = election.ballots {
            _ = try? VotingMethod.named("plurality").count(election)
        }
    }

    @Test func prefLibMutationsOnlyThrowOrSucceed() {
        let valid = """
            # FILE NAME: fuzz.toi
            # TITLE: Fuzz
            # DATA TYPE: toi
            # NUMBER ALTERNATIVES: 4
            # ALTERNATIVE NAME 1: Ann
            # ALTERNATIVE NAME 2: Bob
            # ALTERNATIVE NAME 3: Cid
            # ALTERNATIVE NAME 4: Dee
            # NUMBER VOTERS: 21
            # NUMBER UNIQUE ORDERS: 5
            7: 1,{2,3},4
            5: 2,1
            4: {3,4}
            3: 4,3,2,1
            2: 1

            """
        let result = fuzz(valid, format: .preflib, path: "fuzz.toi", seed: 0x5EED_0001)
        #expect(result.accepted + result.refused == 5_000)
        #expect(result.accepted > 0 && result.refused > 0, "\(result)")
    }

    @Test func csvMutationsOnlyThrowOrSucceed() {
        let valid = "Ann,\"Bob, Jr\",Cid,weight\n1,2,3,4\n2,1,,1\n1,1,2,2\n,,,1\n3,,1,7\n"
        for (offset, shape) in BallotShape.allCases.enumerated() {
            let result = fuzz(valid, format: .csv, path: "fuzz.csv", shape: shape, seed: 0x5EED_0002 + UInt64(offset))
            #expect(result.accepted + result.refused == 5_000)
            #expect(result.refused > 0, "\(shape) \(result)")
        }
        let ranked = fuzz(valid, format: .csv, path: "fuzz.csv", seed: 0x5EED_0005)
        #expect(ranked.accepted > 0, "\(ranked)")
    }

    @Test func jsonMutationsOnlyThrowOrSucceed() {
        let valid = """
            {"title": "Fuzz", "candidates": ["Ann", "Bob", "Cid"], "seats": 2, "withdrawn": ["Cid"],
             "budget": {"total": 10, "costs": {"Ann": 4, "Bob": 5, "Cid": 6}},
             "ballots": [{"ranking": [["Ann"], ["Bob", "Cid"]], "weight": 2}, {"ranking": ["Bob"]},
                         {"ranking": []}, {"weight": 9, "ranking": ["Cid", "Ann", "Bob"]}]}
            """
        let result = fuzz(valid, format: .json, path: "fuzz.json", seed: 0x5EED_0006)
        #expect(result.accepted + result.refused == 5_000)
        #expect(result.accepted > 0 && result.refused > 0, "\(result)")
        let approval =
            #"{"candidates": ["A", "B"], "ballots": [{"approve": ["A"]}, {"approve": ["A", "B"], "weight": 3}]}"#
        let scores =
            #"{"candidates": ["A", "B"], "ballots": [{"scores": {"A": 5, "B": -2}}, {"scores": {}, "weight": 2}]}"#
        for (offset, text) in [approval, scores].enumerated() {
            let other = fuzz(text, format: .json, path: "fuzz.json", seed: 0x5EED_0007 + UInt64(offset))
            #expect(other.accepted > 0 && other.refused > 0, "\(other)")
        }
    }
}
