/// Reads the tally sheets Debian publishes for its votes (leader elections and general
/// resolutions, as produced by `devotee`).
///
/// The layout: free text, then one line per option, `Option N---->: Name` (with `|`, `/` and
/// spaces before it, N from 1), then one line per voter, `V: <block> <hash>`, where the block
/// has one character per option: the rank the voter gave it (`1` most preferred, equal digits
/// for equal ranks) or `-` for an option left unranked. The hash identifies the voter and is
/// not kept. Other lines are ignored. Ranks are the digits 1 to 9, so at most 9 options are
/// read (the sheets this reader was made for have 4 to 9). Names are UTF-8, or Latin-1 when
/// they are not valid UTF-8 (the 2007 sheet spells "Raphaël" in Latin-1).
///
/// Unranked options: the Debian constitution (appendix A.6, point 1, in the versions in force
/// from 2003 to 2022) rules that ranked options are preferred to all unranked ones, and that
/// unranked options are ranked equally with one another. With ``unrankedLast`` (the default)
/// each ballot therefore gets its unranked options as one last, tied group, so that pairwise
/// counts follow the constitution. Without it, an unranked option takes part in no pairwise
/// contest on that ballot (the "explicit" convention of ``PairwiseMatrix``). A ballot ranking
/// no option is blank either way.
public struct DebianTallyReader: Sendable {
    public static let formatName = "debian-tally"

    /// Whether unranked options are ranked below all ranked ones, as the constitution rules.
    public var unrankedLast: Bool

    public init(unrankedLast: Bool = true) {
        self.unrankedLast = unrankedLast
    }

    /// Reads a tally sheet's text.
    public func read(_ text: String) throws(ReaderError) -> Election { try read(Array(text.utf8)) }

    /// Reads a tally sheet's bytes.
    public func read(_ bytes: [UInt8]) throws(ReaderError) -> Election {
        var names: [String] = []
        var builder: RankedProfile.Builder? = nil
        var groups: [[Int]] = []
        var lineNumber = 0
        for rawLine in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            var line = rawLine
            if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
            guard !line.contains(0) else {
                throw ReaderError(.encoding, line: lineNumber, "the file holds a NUL byte: it is not a text file")
            }
            if let (number, name) = Self.option(line) {
                guard builder == nil else {
                    throw ReaderError(.syntax, line: lineNumber, "an option is listed after the first vote")
                }
                guard number == names.count + 1 else {
                    throw ReaderError(
                        .syntax, line: lineNumber,
                        "option \(number) is listed where option \(names.count + 1) was expected")
                }
                guard !name.isEmpty else {
                    throw ReaderError(.invalidValue, line: lineNumber, "option \(number) has no name")
                }
                guard !names.contains(name) else {
                    throw ReaderError(.duplicateCandidate, line: lineNumber, "two options are named \"\(name)\"")
                }
                names.append(name)
                continue
            }
            guard line.starts(with: Array("V:".utf8)) else { continue }
            guard !names.isEmpty else {
                throw ReaderError(.syntax, line: lineNumber, "a vote comes before the list of options")
            }
            guard names.count <= 9 else {
                throw ReaderError(
                    .unsupported, line: lineNumber, "ranks are single digits, so at most 9 options can be read")
            }
            let fields = line.dropFirst(2).split(whereSeparator: { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
            )
            guard let block = fields.first, fields.count <= 2 else {
                throw ReaderError(.syntax, line: lineNumber, "a vote line is \"V: <ranks> <hash>\"")
            }
            guard block.count == names.count else {
                throw ReaderError(
                    .countMismatch, line: lineNumber, "the vote gives \(block.count) ranks for \(names.count) options")
            }
            groups = Array(repeating: [], count: 10)
            for (option, character) in block.enumerated() {
                if character == UInt8(ascii: "-") {
                    groups[0].append(option)
                } else if character >= UInt8(ascii: "1") && character <= UInt8(ascii: "9") {
                    groups[Int(character - UInt8(ascii: "0"))].append(option)
                } else {
                    throw ReaderError(
                        .invalidValue, line: lineNumber,
                        "\"\(Character(Unicode.Scalar(character)))\" is not a rank (1 to 9, or - for unranked)")
                }
            }
            var ballot = Array(groups[1...].filter { !$0.isEmpty })
            if unrankedLast && !ballot.isEmpty && !groups[0].isEmpty { ballot.append(groups[0]) }
            if builder == nil { builder = RankedProfile.Builder(candidateCount: names.count) }
            do {
                try builder!.add(groups: ballot, weight: 1)
            } catch {
                throw ReaderError(error, line: lineNumber)
            }
        }
        guard !names.isEmpty else { throw ReaderError(.metadata, "the file lists no options (\"Option 1--->: Name\")") }
        let profile = (builder ?? RankedProfile.Builder(candidateCount: names.count)).build()
        return Election(candidates: names, seats: 1, ballots: .ranked(profile))
    }

    /// `(N, name)` when `line` is an option line such as `   |/  Option 2---->: Ari Pollak`.
    static func option(_ line: ArraySlice<UInt8>) -> (Int, String)? {
        var rest = line.drop {
            $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "|") || $0 == UInt8(ascii: "/")
        }
        guard rest.starts(with: Array("Option ".utf8)) else { return nil }
        rest = rest.dropFirst(7)
        let digits = rest.prefix { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
        guard !digits.isEmpty, digits.count <= 4, let number = Int(String(decoding: digits, as: UTF8.self)) else {
            return nil
        }
        rest = rest.dropFirst(digits.count)
        let dashes = rest.prefix { $0 == UInt8(ascii: "-") }
        rest = rest.dropFirst(dashes.count)
        guard rest.starts(with: Array(">:".utf8)) else { return nil }
        var name = rest.dropFirst(2)
        while let first = name.first, first == UInt8(ascii: " ") || first == UInt8(ascii: "\t") {
            name = name.dropFirst()
        }
        while let last = name.last, last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") { name = name.dropLast() }
        return (number, BLTParser.text(name))
    }
}
