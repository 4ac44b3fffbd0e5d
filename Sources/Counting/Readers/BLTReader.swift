/// Reads ballot files in the BLT layout (David Hill's format, used by OpenSTV, the Electoral
/// Reform Society, Tideman's election collection and the Scottish council election data).
///
/// The layout, line by line:
/// - `candidates seats`: two whole numbers.
/// - optionally, withdrawn candidates as negative numbers: `-2 -5`.
/// - ballots, one a line: `weight c1 c2 … 0`, the candidates (numbered from 1) most preferred
///   first and a closing `0`. Candidates ranked equal are joined by `=` (`1 2=3 1 0`); a
///   ballot may start with an identifier in parentheses (`(b17) 1 2 3 0`); `1 0` is a blank
///   ballot. Weights are whole numbers of at least 1, and their total must fit in 64 bits.
/// - a line `0` ending the ballots. (Some files omit it and start the names directly; a line
///   beginning with a quote also ends the ballots.)
/// - the candidates' names, then the election's title: quoted strings, any number a line, a
///   quote inside a name written twice (`"Jo ""JJ"" Smith"`). A line with no quotes at all is
///   taken whole as one string (several Scottish files give the title so). The title may be
///   missing. When each candidate has a line of two strings, a name and a description (a
///   party, as in some Scottish files), the candidate is named `name (description)`.
///
/// Anywhere outside quotes, `#` starts a comment running to the end of the line. Lines may end
/// in LF, CRLF or CR; a leading byte-order mark and everything from a DOS end-of-file byte
/// (0x1A) on are ignored. Names are UTF-8, or Latin-1 when they are not valid UTF-8.
///
/// Malformed input is rejected with a ``ReaderError`` naming the line and the problem; no input
/// makes the reader crash. Identical ballots are merged; the ballots keep withdrawn candidates
/// (the ``Election`` lists them as withdrawn, for the count to skip).
public struct BLTReader: Sendable {
    public static let formatName = "blt"
    /// The most candidates a file may declare.
    public static let maximumCandidates = 100_000

    public init() {}

    /// Reads a BLT file's text.
    public func read(_ text: String) throws(ReaderError) -> Election { try read(Array(text.utf8)) }

    /// Reads a BLT file's bytes.
    public func read(_ bytes: [UInt8]) throws(ReaderError) -> Election {
        var parser = BLTParser(bytes: bytes)
        return try parser.parse()
    }
}

/// One pass over a BLT file, line by line.
struct BLTParser {
    private var lines: BLTLines
    private var candidateCount = 0
    private var seats = 0
    private var withdrawn: Set<Int> = []
    /// The ballot being read: its candidates in order, and where each rank group ends.
    private var ranking: [Int] = []
    private var groupEnds: [Int] = []
    /// `seen[c] == generation` when candidate `c` is already on the ballot being read.
    private var seen: [Int32] = []
    private var generation: Int32 = 0
    /// The weight of the ballots read so far (kept within 64 bits, so every count can add it).
    private var totalWeight: Int64 = 0

    init(bytes: [UInt8]) {
        lines = BLTLines(bytes: bytes)
    }

    mutating func parse() throws(ReaderError) -> Election {
        try readHeader()
        var builder = RankedProfile.Builder(candidateCount: candidateCount)
        var pending: BLTLine? = nil
        var first = true
        var ended = false
        while let line = try lines.next() {
            if line.tokens.isEmpty { continue }
            if first, case .word(let text) = line.tokens[0], text.first == UInt8(ascii: "-") {
                try readWithdrawn(line)
                first = false
                continue
            }
            first = false
            if line.tokens.count == 1, case .word(let text) = line.tokens[0], text == [UInt8(ascii: "0")] {
                ended = true
                break
            }
            if case .quoted = line.tokens[0] {
                pending = line
                ended = true
                break
            }
            try readBallot(line, into: &builder)
        }
        guard ended else {
            throw ReaderError(
                .syntax, line: lines.lineNumber, "the file ends before the line \"0\" that closes the ballots")
        }
        let (names, title) = try readNames(after: pending)
        return Election(
            title: title, candidates: names, seats: seats, withdrawn: withdrawn, ballots: .ranked(builder.build()))
    }

    private mutating func readHeader() throws(ReaderError) {
        var header: BLTLine? = nil
        while let line = try lines.next() {
            if !line.tokens.isEmpty {
                header = line
                break
            }
        }
        guard let header else { throw ReaderError(.empty, "the file is empty") }
        let rule = "the first line must be \"candidates seats\" (two whole numbers)"
        guard header.tokens.count == 2, case .word(let first) = header.tokens[0],
            case .word(let second) = header.tokens[1]
        else { throw ReaderError(.syntax, line: header.number, rule) }
        guard let candidates = Self.number(first), let seats = Self.number(second) else {
            throw ReaderError(.syntax, line: header.number, rule)
        }
        guard candidates >= 1 else {
            throw ReaderError(.invalidValue, line: header.number, "an election needs at least one candidate")
        }
        guard candidates <= BLTReader.maximumCandidates else {
            throw ReaderError(
                .unsupported, line: header.number,
                "\(candidates) candidates is more than this reader accepts (\(BLTReader.maximumCandidates))")
        }
        guard seats >= 1 else {
            throw ReaderError(.invalidValue, line: header.number, "the number of seats must be at least 1")
        }
        candidateCount = Int(candidates)
        self.seats = Int(seats)
        seen = [Int32](repeating: 0, count: candidateCount)
    }

    private mutating func readWithdrawn(_ line: BLTLine) throws(ReaderError) {
        for token in line.tokens {
            guard case .word(let text) = token, text.first == UInt8(ascii: "-"),
                let value = Self.number(text.dropFirst())
            else {
                throw ReaderError(
                    .syntax, line: line.number, "a withdrawn-candidates line holds only negative numbers such as -2")
            }
            try checkCandidate(value, line: line.number)
            guard withdrawn.insert(Int(value) - 1).inserted else {
                throw ReaderError(.duplicateCandidate, line: line.number, "candidate \(value) is withdrawn twice")
            }
        }
    }

    private mutating func readBallot(_ line: BLTLine, into builder: inout RankedProfile.Builder) throws(ReaderError) {
        let tokens = line.tokens
        var index = 0
        if case .word(let text) = tokens[0], text.first == UInt8(ascii: "(") {
            guard text.count >= 2, text.last == UInt8(ascii: ")") else {
                throw ReaderError(
                    .syntax, line: line.number, "a ballot identifier must be written (like-this), with no spaces")
            }
            index = 1
        }
        guard index < tokens.count, case .word(let weightText) = tokens[index], let weight = Self.number(weightText)
        else {
            throw ReaderError(.syntax, line: line.number, "a ballot line must start with its weight, a whole number")
        }
        guard weight >= 1 else {
            throw ReaderError(.invalidValue, line: line.number, "a ballot's weight must be at least 1")
        }
        let (total, overflow) = totalWeight.addingReportingOverflow(weight)
        guard !overflow else {
            throw ReaderError(.invalidValue, line: line.number, "the ballots' total weight exceeds 2^63 - 1")
        }
        totalWeight = total
        index += 1
        ranking.removeAll(keepingCapacity: true)
        groupEnds.removeAll(keepingCapacity: true)
        generation &+= 1
        if generation == Int32.max {
            for candidate in seen.indices { seen[candidate] = 0 }
            generation = 1
        }
        var closed = false
        while index < tokens.count {
            guard !closed else {
                throw ReaderError(.syntax, line: line.number, "nothing may follow the 0 that closes a ballot")
            }
            guard case .word(let text) = tokens[index] else {
                throw ReaderError(.syntax, line: line.number, "a ballot holds candidate numbers, not quoted text")
            }
            index += 1
            if text.count == 1 && text.first == UInt8(ascii: "0") {
                closed = true
                continue
            }
            func notANumber() -> ReaderError {
                ReaderError(
                    .syntax, line: line.number,
                    "\"\(Self.text(text))\" is not a candidate number (or numbers joined by =)")
            }
            var value: Int64 = 0
            var digits = 0
            var position = text.startIndex
            while true {
                let atEnd = position == text.endIndex
                let byte = atEnd ? UInt8(ascii: "=") : text[position]
                if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                    guard digits < 18 else { throw notANumber() }
                    value = value * 10 + Int64(byte - UInt8(ascii: "0"))
                    digits += 1
                } else if byte == UInt8(ascii: "=") {
                    guard digits > 0 else { throw notANumber() }
                    try checkCandidate(value, line: line.number)
                    let candidate = Int(value) - 1
                    guard seen[candidate] != generation else {
                        throw ReaderError(
                            .duplicateCandidate, line: line.number, "candidate \(value) appears twice on one ballot")
                    }
                    seen[candidate] = generation
                    ranking.append(candidate)
                    value = 0
                    digits = 0
                    if atEnd { break }
                } else {
                    throw notANumber()
                }
                position = text.index(after: position)
            }
            groupEnds.append(ranking.count)
        }
        guard closed else { throw ReaderError(.syntax, line: line.number, "a ballot line must end with 0") }
        do {
            if groupEnds.count == ranking.count {
                try builder.add(ranking: ranking, weight: weight)
            } else {
                var groups: [[Int]] = []
                var start = 0
                for end in groupEnds {
                    groups.append(Array(ranking[start..<end]))
                    start = end
                }
                try builder.add(groups: groups, weight: weight)
            }
        } catch {
            throw ReaderError(error, line: line.number)
        }
    }

    private func checkCandidate(_ value: Int64, line: Int) throws(ReaderError) {
        guard value >= 1 && value <= Int64(candidateCount) else {
            throw ReaderError(
                .unknownCandidate, line: line, "candidate \(value) does not exist (there are \(candidateCount))")
        }
    }

    /// The names and the title, from the strings after the ballots.
    private mutating func readNames(after pending: BLTLine?) throws(ReaderError) -> ([String], String?) {
        // The strings of each line that has any, with the line's number.
        var lineStrings: [(strings: [String], number: Int)] = []
        var line = pending
        if line == nil { line = try lines.next() }
        while let current = line {
            if current.tokens.isEmpty {
                // blank or comment-only
            } else if current.tokens.allSatisfy({ if case .quoted = $0 { return true } else { return false } }) {
                let strings = current.tokens.map { token in
                    if case .quoted(let bytes) = token { return Self.text(bytes) }
                    return ""
                }
                lineStrings.append((strings, current.number))
            } else if current.tokens.allSatisfy({ if case .word = $0 { return true } else { return false } }) {
                lineStrings.append(([Self.text(current.bare)], current.number))
            } else {
                throw ReaderError(.syntax, line: current.number, "text outside quotes beside a quoted name")
            }
            line = try lines.next()
        }
        var strings = lineStrings.flatMap { entry in entry.strings.map { ($0, entry.number) } }
        // Some files give each candidate a line of two strings, the name and a description
        // (a party); they are read as "name (description)".
        if strings.count > candidateCount + 1, lineStrings.count >= candidateCount,
            lineStrings.prefix(candidateCount).allSatisfy({ $0.strings.count == 2 }),
            lineStrings.dropFirst(candidateCount).map(\.strings.count).reduce(0, +) <= 1
        {
            strings = lineStrings.prefix(candidateCount).map { ("\($0.strings[0]) (\($0.strings[1]))", $0.number) }
            strings += lineStrings.dropFirst(candidateCount).flatMap { entry in entry.strings.map { ($0, entry.number) }
            }
        }
        guard strings.count >= candidateCount else {
            throw ReaderError(
                .countMismatch, line: lines.lineNumber,
                "the file names \(strings.count) candidates, its first line says \(candidateCount)")
        }
        guard strings.count <= candidateCount + 1 else {
            let extra = strings[candidateCount + 1]
            throw ReaderError(.syntax, line: extra.1, "unexpected text after the title: \"\(extra.0)\"")
        }
        var names: [String] = []
        var known = Set<String>()
        for (name, number) in strings.prefix(candidateCount) {
            guard !name.isEmpty else { throw ReaderError(.invalidValue, line: number, "a candidate's name is empty") }
            guard known.insert(name).inserted else {
                throw ReaderError(.duplicateCandidate, line: number, "two candidates are named \"\(name)\"")
            }
            names.append(name)
        }
        return (names, strings.count > candidateCount ? strings[candidateCount].0 : nil)
    }

    /// A whole number of decimal digits (no sign), or nil; nil too when it exceeds 2^63 - 1.
    static func number(_ digits: some Collection<UInt8>) -> Int64? {
        guard !digits.isEmpty else { return nil }
        var value: Int64 = 0
        for byte in digits {
            guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") else { return nil }
            let (times, overflow) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times.addingReportingOverflow(Int64(byte - UInt8(ascii: "0")))
            guard !overflow && !overflow2 else { return nil }
            value = sum
        }
        return value
    }

    /// Bytes as text: UTF-8, or Latin-1 when they are not valid UTF-8.
    static func text(_ bytes: some Collection<UInt8>) -> String {
        if let text = String(validating: Array(bytes), as: UTF8.self) { return text }
        return String(String.UnicodeScalarView(bytes.map { Unicode.Scalar($0) }))
    }
}
