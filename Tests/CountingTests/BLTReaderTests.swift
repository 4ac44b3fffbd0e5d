import Counting
import Testing

/// The BLT reader: the layouts really used (Tideman's collection, Scottish council wards),
/// the documented extras, malformed input, and a fixed-seed mutation run.
@Suite struct BLTReaderTests {
    func read(_ text: String) throws(ReaderError) -> Election { try BLTReader().read(text) }

    func ranked(_ election: Election) -> RankedProfile? {
        if case .ranked(let profile) = election.ballots { return profile }
        return nil
    }

    @Test func theBasicLayoutWithEqualRanksIdsCommentsAndWithdrawals() throws {
        let election = try read(
            """
            4 2   # four candidates, two seats
            -3
            (a1) 2 1 2=4 3 0
            1 4 0
            (x) 1 1 2=4 3 0
            1 0
            0
            "Ann" "Bob"
            "Cid" "Dee ""D"" Doe" # a comment after names
            "The ""big"" vote"
            """)
        #expect(election.candidates == ["Ann", "Bob", "Cid", "Dee \"D\" Doe"])
        #expect(election.title == "The \"big\" vote")
        #expect(election.seats == 2 && election.withdrawn == [2])
        let profile = try #require(ranked(election))
        #expect(profile.ballotCount == 3)
        #expect(profile.weights == [3, 1, 1])
        #expect(profile.groups(of: 0) == [[0], [1, 3], [2]])
        #expect(profile.groups(of: 2) == [])
    }

    @Test func lineEndingsByteOrderMarkAndEndOfFileByte() throws {
        let text = "\u{FEFF}2 1\r\n1 1 2 0\r\n1 2 0\r0\r\n\"A\" \"B\"\r\n\"T\"\r\n"
        let election = try read(text)
        #expect(election.candidates == ["A", "B"] && election.title == "T")
        var bytes = Array("2 1\n1 1 0\n0\n\"A\" \"B\" \"T\"\n".utf8)
        bytes += [0x1A, 0xFF, 0x00]
        let withEOF = try BLTReader().read(bytes)
        #expect(withEOF.title == "T")
        // Latin-1 names (not valid UTF-8) are read as Latin-1.
        let latin = try BLTReader().read(Array("1 1\n1 1 0\n0\n\"Rapha".utf8) + [0xEB] + Array("l\"\n".utf8))
        #expect(latin.candidates == ["Raphaël"])
        #expect(latin.title == nil)
    }

    @Test func malformedInputIsRejectedWithItsLine() {
        let cases: [(String, ReaderError.Code, Int?, String)] = [
            ("", .empty, nil, "the file is empty"),
            ("7 1\n1 2 9 0\n0\n", .unknownCandidate, 2, "line 2: candidate 9 does not exist (there are 7)"),
            ("3 1\n1 2 2 0\n0\n", .duplicateCandidate, 2, "line 2: candidate 2 appears twice on one ballot"),
            ("3 1\n1 2 3\n0\n", .syntax, 2, "line 2: a ballot line must end with 0"),
            ("3 1\n0 2 3 0\n0\n", .invalidValue, 2, "line 2: a ballot's weight must be at least 1"),
            ("3\n", .syntax, 1, "line 1: the first line must be \"candidates seats\" (two whole numbers)"),
            ("3 0\n", .invalidValue, 1, "line 1: the number of seats must be at least 1"),
            ("2 1\n1 1 0 2\n0\n", .syntax, 2, "line 2: nothing may follow the 0 that closes a ballot"),
            ("2 1\n1 1=x 0\n0\n", .syntax, 2, "line 2: \"1=x\" is not a candidate number (or numbers joined by =)"),
            ("2 1\n-1 -1\n0\n", .duplicateCandidate, 2, "line 2: candidate 1 is withdrawn twice"),
            ("2 1\n1 1 0\n", .syntax, 2, "line 2: the file ends before the line \"0\" that closes the ballots"),
            ("2 1\n1 1 0\n0\n\"A\"\n", .countMismatch, 4, "line 4: the file names 1 candidates, its first line says 2"),
            ("2 1\n0\n\"A\" \"A\"\n", .duplicateCandidate, 3, "line 3: two candidates are named \"A\""),
            ("2 1\n0\n\"A\" \"B\" \"T\" \"U\"\n", .syntax, 3, "line 3: unexpected text after the title: \"U\""),
            ("2 1\n0\n\"A\" \"B\n", .syntax, 3, "line 3: a quoted string is not closed on its line"),
            ("2 1\n0\n\"A\" B \"C\"\n", .syntax, 3, "line 3: text outside quotes beside a quoted name"),
            (
                "2 1\n(x 1 1 0\n0\n", .syntax, 2,
                "line 2: a ballot identifier must be written (like-this), with no spaces"
            ),
            ("200000 1\n", .unsupported, 1, "line 1: 200000 candidates is more than this reader accepts (100000)"),
            (
                "2 1\n1 99999999999999999999 0\n0\n", .syntax, 2,
                "line 2: \"99999999999999999999\" is not a candidate number (or numbers joined by =)"
            ),
            (
                "2 1\n9223372036854775807 1 0\n9223372036854775807 1 0\n0\n", .invalidValue, 3,
                "line 3: the ballots' total weight exceeds 2^63 - 1"
            ),
        ]
        for (text, code, line, description) in cases {
            do {
                _ = try read(text)
                Issue.record("accepted: \(text.debugDescription)")
            } catch {
                #expect(error.code == code, "\(text.debugDescription)")
                #expect(error.line == line, "\(text.debugDescription)")
                #expect(error.description == description)
            }
        }
    }

    @Test(.enabled(if: OrdinalCorpus.exists("tideman"), "shared ballots absent"))
    func everyTidemanFileIsRead() throws {
        let files = OrdinalCorpus.files(in: "tideman", suffix: ".HIL")
        #expect(files.count == 88)
        for file in files {
            let election = try BLTReader().read(try OrdinalCorpus.bytes(file))
            #expect(election.candidates.count == ranked(election)?.candidateCount, "\(file)")
            #expect(election.title != nil, "\(file)")
        }
        // A02: 371 ballots over 9 candidates named "1"…"9", title "a2".
        let a02 = try BLTReader().read(try OrdinalCorpus.bytes("tideman/A02.HIL"))
        #expect(a02.candidates == (1...9).map(String.init) && a02.title == "a2" && a02.seats == 2)
        #expect(ranked(a02)?.totalWeight == 371)
        // A01 ends with a DOS end-of-file byte; its names have two spaces ("Candidate  1").
        let a01 = try BLTReader().read(try OrdinalCorpus.bytes("tideman/A01.HIL"))
        #expect(a01.candidates.first == "Candidate  1" && a01.title == "a1")
        // D01 has no "0" line between its ballots and its names.
        let d01 = try BLTReader().read(try OrdinalCorpus.bytes("tideman/D01.HIL"))
        #expect(d01.candidates.last == "None Of The Above" && d01.title == "Debian01")
        #expect(ranked(d01)?.totalWeight == 311)
    }

    @Test(.enabled(if: OrdinalCorpus.exists("scottish"), "shared ballots absent"))
    func everyScottishWardIsRead() throws {
        let files = OrdinalCorpus.files(in: "scottish", suffix: ".blt")
        #expect(files.count == 30)
        for file in files {
            let election = try BLTReader().read(try OrdinalCorpus.bytes(file))
            #expect(election.title?.isEmpty == false, "\(file)")
            #expect((ranked(election)?.totalWeight ?? 0) > 0, "\(file)")
        }
        // Unquoted title, names with doubled quotes.
        let bearsden = try BLTReader().read(try OrdinalCorpus.bytes("scottish/east_dunbartonshire_2022_ward2.blt"))
        #expect(bearsden.title == "Ward 2 - Bearsden North")
        #expect(bearsden.candidates.first == "Duncan CUMMING \"Independent\"")
        // A quoted title and names that are themselves quoted pairs.
        let newton = try BLTReader().read(try OrdinalCorpus.bytes("scottish/east_renfrewshire_2022_ward5.blt"))
        #expect(newton.candidates.first == "\"Andrew ANDERSON\" \"Scottish Labour Party\"")
        #expect(newton.title?.hasPrefix("\"Ward 5") == true)
        // One line per candidate with a name and a party: "name (party)".
        let banchory = try BLTReader().read(try OrdinalCorpus.bytes("scottish/aberdeenshire_2022_ward16.blt"))
        #expect(banchory.candidates.first == "Andy BROWN (Scottish Labour Party)")
        #expect(banchory.title == "Ward 16 - Banchory and Mid Deeside")
    }

    /// 5,000 mutations of real files (byte changes, insertions of format characters, deletions,
    /// duplicated and truncated lines): each read either succeeds or throws a ReaderError with a
    /// line inside the file and a message; none crashes.
    @Test(.enabled(if: OrdinalCorpus.exists("tideman") && OrdinalCorpus.exists("scottish"), "shared ballots absent"))
    func mutatedFilesNeverCrashTheReader() throws {
        let sources = [
            "tideman/A08.HIL", "tideman/A01.HIL", "tideman/D01.HIL", "tideman/A04.HIL",
            "scottish/eilean_siar_2022_ward4.blt", "scottish/east_renfrewshire_2022_ward5.blt",
        ]
        let originals = try sources.map { try OrdinalCorpus.bytes($0) }
        let alphabet = Array("0123456789 -=()#\"\n\r\t".utf8) + [0x00, 0x1A, 0xFF, 0xC3, 0xEF]
        var random = OrdinalRandom(seed: 0xB17)
        var accepted = 0
        var rejected: [ReaderError.Code: Int] = [:]
        for _ in 0..<5_000 {
            var bytes = originals[random.below(originals.count)]
            for _ in 0..<(1 + random.below(4)) {
                guard !bytes.isEmpty else { break }
                let at = random.below(bytes.count)
                switch random.below(6) {
                case 0: bytes[at] = UInt8(truncatingIfNeeded: random.next())
                case 1: bytes.insert(alphabet[random.below(alphabet.count)], at: at)
                case 2: bytes.removeSubrange(at..<min(bytes.count, at + 1 + random.below(8)))
                case 3: bytes[at] = alphabet[random.below(alphabet.count)]
                case 4:
                    let start = bytes[..<at].lastIndex(of: 10).map { $0 + 1 } ?? 0
                    let end = bytes[at...].firstIndex(of: 10).map { $0 + 1 } ?? bytes.count
                    bytes.insert(contentsOf: bytes[start..<end], at: start)
                default: bytes.removeSubrange(at...)
                }
            }
            do {
                let election = try BLTReader().read(bytes)
                accepted += 1
                #expect(election.candidates.count == ranked(election)?.candidateCount)
            } catch {
                rejected[error.code, default: 0] += 1
                #expect(!error.message.isEmpty)
                if let line = error.line {
                    // Lines as the reader counts them: LF, CRLF or a lone CR ends one.
                    var lines = 1
                    for index in bytes.indices
                    where bytes[index] == 10 || (bytes[index] == 13 && bytes.dropFirst(index + 1).first != 10) {
                        lines += 1
                    }
                    #expect(line >= 1 && line <= lines, "line \(line) of \(lines)")
                }
            }
        }
        #expect(accepted > 100 && rejected.values.reduce(0, +) > 1_000)
        #expect(rejected.count >= 5)
    }
}
