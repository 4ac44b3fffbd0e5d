/// Reads Plenum's JSON ballot format (`docs/ballot-formats.md`) with the strict JSON parser:
///
///     {"title": "Board 2026", "candidates": ["Ann", "Bob", "Cid"], "seats": 1,
///      "withdrawn": ["Cid"], "budget": {"total": 100, "costs": {"Ann": 60, "Bob": 40, "Cid": 30}},
///      "ballots": [{"ranking": [["Ann"], ["Bob", "Cid"]], "weight": 2},
///                  {"ranking": ["Bob", "Ann"]}]}
///
/// `candidates` and `ballots` are required; `title`, `seats` (default 1), `withdrawn` and
/// `budget` are optional. Every ballot is one of `{"ranking": [...]}` (groups of equal-ranked
/// names, best first; a lone name is a group of one), `{"approve": [names]}` or
/// `{"scores": {name: integer}}` (unnamed candidates are not rated), with an optional `"weight"`
/// (a positive integer, default 1); all ballots of a file have the same shape (a file without
/// ballots is ranked). Unknown members are refused. Errors name the JSON path (`ballots[3].weight`,
/// indexes from 0), or the line for a syntax error.
public enum JSONBallotReader {
    public static func read(_ text: String) throws(ReaderError) -> Election {
        let bytes = Array(text.utf8)
        let root: [JSONMember]
        do {
            root = try StrictJSONParser(maximumDepth: 8, maximumBytes: Int.max).parseObject(bytes)
        } catch {
            throw syntaxError(error, bytes: bytes)
        }
        let top = try Members(
            root, path: "", allowed: ["title", "candidates", "seats", "withdrawn", "budget", "ballots"])
        let title = try top.optional("title").map { (value) throws(ReaderError) in try string(value, path: "title") }
        let names = try candidateNames(try top.required("candidates"))
        var index: [String: Int] = [:]
        for (position, name) in names.enumerated() { index[name] = position }
        let lookup = Lookup(index: index)

        var seats = 1
        if let value = top.optional("seats") {
            guard case .integer(let number) = value, number >= 1, number <= Int64(names.count) else {
                throw ReaderError(.invalidValue, "seats: must be a whole number from 1 to \(names.count)")
            }
            seats = Int(number)
        }
        var withdrawn = Set<Int>()
        if let value = top.optional("withdrawn") {
            for (position, element) in try array(value, path: "withdrawn").enumerated() {
                let candidate = try lookup.candidate(element, path: "withdrawn[\(position)]")
                guard withdrawn.insert(candidate).inserted else {
                    throw ReaderError(
                        .duplicateCandidate, "withdrawn[\(position)]: \(names[candidate]) is listed twice")
                }
            }
        }
        let budget = try top.optional("budget").map { (value) throws(ReaderError) in
            try readBudget(value, lookup: lookup, names: names)
        }
        let ballots = try JSONBallots.read(try top.required("ballots"), lookup: lookup, candidateCount: names.count)
        return Election(
            title: title, candidates: names, seats: seats, withdrawn: withdrawn, ballots: ballots, budget: budget)
    }

    private static func candidateNames(_ value: JSONValue) throws(ReaderError) -> [String] {
        let elements = try array(value, path: "candidates")
        guard !elements.isEmpty else { throw ReaderError(.invalidValue, "candidates: there must be at least one") }
        var names: [String] = []
        var seen = Set<String>()
        for (position, element) in elements.enumerated() {
            let name = try string(element, path: "candidates[\(position)]")
            guard !name.isEmpty else {
                throw ReaderError(.invalidValue, "candidates[\(position)]: a name is not empty")
            }
            guard seen.insert(name).inserted else {
                throw ReaderError(.duplicateCandidate, "candidates[\(position)]: \"\(name)\" is listed twice")
            }
            names.append(name)
        }
        return names
    }

    private static func readBudget(
        _ value: JSONValue, lookup: Lookup, names: [String]
    ) throws(ReaderError) -> BudgetLimits {
        let members = try Members(try object(value, path: "budget"), path: "budget.", allowed: ["total", "costs"])
        let total = try amount(try members.required("total"), path: "budget.total")
        let costMembers = try object(try members.required("costs"), path: "budget.costs")
        var costs = [Int64?](repeating: nil, count: names.count)
        for member in costMembers {
            guard let candidate = lookup.index[member.key] else {
                throw ReaderError(.unknownCandidate, "budget.costs: \"\(member.key)\" is not a candidate")
            }
            costs[candidate] = try amount(member.value, path: "budget.costs.\(member.key)")
        }
        if let missing = costs.firstIndex(where: { $0 == nil }) {
            throw ReaderError(.metadata, "budget.costs: \(names[missing]) has no cost")
        }
        return BudgetLimits(total: total, costs: costs.map { $0! })
    }

    private static func amount(_ value: JSONValue, path: String) throws(ReaderError) -> Int64 {
        guard case .integer(let number) = value, number >= 0 else {
            throw ReaderError(.invalidValue, "\(path): must be a whole number from 0, not \(describe(value))")
        }
        return number
    }

    /// The parser's error, with the line of its byte offset.
    private static func syntaxError(_ error: PayloadError, bytes: [UInt8]) -> ReaderError {
        let offset: Int?
        switch error {
        case .invalidUTF8(let at), .controlCharacter(let at), .duplicateKey(_, let at), .nonIntegerNumber(let at),
            .leadingZero(let at), .negativeZero(let at), .integerOutOfRange(let at), .invalidEscape(let at),
            .unexpectedCharacter(let at), .trailingData(let at):
            offset = at
        default: offset = nil
        }
        let line = offset.map { ReaderText.line(ofOffset: $0, in: bytes) }
        switch error {
        case .notAnObject: return ReaderError(.syntax, line: line, "the file must be one JSON object")
        case .unexpectedEnd: return ReaderError(.syntax, line: line, "the JSON ends in the middle of a value")
        case .tooDeep: return ReaderError(.syntax, line: line, "the JSON nests deeper than this format ever does")
        case .duplicateKey(let key, _): return ReaderError(.syntax, line: line, "member \"\(key)\" appears twice")
        case .nonIntegerNumber: return ReaderError(.syntax, line: line, "numbers in this format are whole numbers")
        case .invalidUTF8: return ReaderError(.encoding, line: line, "the file is not valid UTF-8")
        default: return ReaderError(.syntax, line: line, "invalid JSON: \(error)")
        }
    }
}

extension JSONBallotReader {
    /// Name to index, for ballots that name candidates.
    struct Lookup {
        let index: [String: Int]

        func candidate(_ value: JSONValue, path: String) throws(ReaderError) -> Int {
            let name = try string(value, path: path)
            guard let candidate = index[name] else {
                throw ReaderError(.unknownCandidate, "\(path): \"\(name)\" is not one of the candidates")
            }
            return candidate
        }
    }

    /// An object's members, checked against the keys its place allows.
    struct Members {
        private var byKey: [String: JSONValue] = [:]
        let path: String

        init(_ members: [JSONMember], path: String, allowed: Set<String>) throws(ReaderError) {
            self.path = path
            for member in members {
                guard allowed.contains(member.key) else {
                    let list = allowed.sorted().map { "\"\($0)\"" }.joined(separator: ", ")
                    throw ReaderError(.syntax, "\(path)\(member.key): unknown member (allowed here: \(list))")
                }
                byKey[member.key] = member.value
            }
        }

        func optional(_ key: String) -> JSONValue? { byKey[key] }

        func required(_ key: String) throws(ReaderError) -> JSONValue {
            guard let value = byKey[key] else {
                throw ReaderError(
                    .metadata, "\(path.isEmpty ? "" : String(path.dropLast()) + ": ")\"\(key)\" is missing")
            }
            return value
        }

    }
}

extension JSONBallotReader {
    static func describe(_ value: JSONValue) -> String {
        switch value {
        case .integer(let number): return String(number)
        case .string(let text): return "\"\(text)\""
        default: return "a \(value.typeName)"
        }
    }

    static func string(_ value: JSONValue, path: String) throws(ReaderError) -> String {
        guard case .string(let text) = value else {
            throw ReaderError(.syntax, "\(path): must be a string, not \(describe(value))")
        }
        return text
    }

    static func array(_ value: JSONValue, path: String) throws(ReaderError) -> [JSONValue] {
        guard case .array(let elements) = value else {
            throw ReaderError(.syntax, "\(path): must be an array, not \(describe(value))")
        }
        return elements
    }

    static func object(_ value: JSONValue, path: String) throws(ReaderError) -> [JSONMember] {
        guard case .object(let members) = value else {
            throw ReaderError(.syntax, "\(path): must be an object, not \(describe(value))")
        }
        return members
    }
}
