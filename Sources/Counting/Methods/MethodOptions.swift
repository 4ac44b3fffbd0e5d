/// What a user may set for a count besides the ballots: the number of seats, the tie-break
/// order, and method parameters as `key=value` text that each method reads, validates and
/// documents (see ``VotingMethod/parameters``).
public struct MethodOptions: Sendable, Equatable {
    /// How the ``TieBreakOrder`` is made.
    public enum TieBreak: Sendable, Equatable, CustomStringConvertible {
        /// The candidates' listed order (`--tie-break order`, the default).
        case candidateOrder
        /// The listed order shuffled from a published seed (`--tie-break seed:N`).
        case seed(UInt64)
        /// An explicit order of candidate names, most favoured first (`--tie-break list:A,B,C`).
        case list([String])

        /// Parses `order`, `seed:N` (N a 64-bit unsigned integer) or `list:A,B,C` (names
        /// separated by commas, spaces around them ignored).
        public init(parsing text: String) throws(CountingError) {
            if text == "order" {
                self = .candidateOrder
            } else if text.hasPrefix("seed:") {
                let digits = text.dropFirst(5)
                guard !digits.isEmpty, digits.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let seed = UInt64(digits)
                else {
                    throw .invalidParameter("--tie-break seed:N needs N a whole number below 2^64, not \"\(digits)\"")
                }
                self = .seed(seed)
            } else if text.hasPrefix("list:") {
                let names = text.dropFirst(5).split(separator: ",", omittingEmptySubsequences: false).map {
                    String($0.trimmingBlanks)
                }
                guard !names.contains(where: \.isEmpty) else {
                    throw .invalidParameter("--tie-break list: names candidates separated by commas; one is empty")
                }
                self = .list(names)
            } else {
                throw .invalidParameter("--tie-break is order, seed:N or list:A,B,C, not \"\(text)\"")
            }
        }

        public var description: String {
            switch self {
            case .candidateOrder: return "order"
            case .seed(let seed): return "seed:\(seed)"
            case .list(let names): return "list:" + names.joined(separator: ",")
            }
        }
    }

    /// The number of seats, overriding the election's when set.
    public var seats: Int?
    public var tieBreak: TieBreak
    /// Method parameters by key, as given (`--param key=value`).
    public var parameters: [String: String]

    public init(seats: Int? = nil, tieBreak: TieBreak = .candidateOrder, parameters: [String: String] = [:]) {
        self.seats = seats
        self.tieBreak = tieBreak
        self.parameters = parameters
    }

    /// Options from command-line text: `tieBreak` as ``TieBreak/init(parsing:)`` reads it, each
    /// parameter as `key=value` (a key at most once).
    public init(seats: Int?, tieBreak: String?, parameters: [String]) throws(CountingError) {
        self.seats = seats
        self.tieBreak =
            try tieBreak.map { (text) throws(CountingError) in try TieBreak(parsing: text) } ?? .candidateOrder
        self.parameters = [:]
        for item in parameters {
            guard let equals = item.firstIndex(of: "="), equals != item.startIndex else {
                throw .invalidParameter("--param takes key=value, not \"\(item)\"")
            }
            let key = String(item[..<equals])
            guard self.parameters[key] == nil else { throw .invalidParameter("parameter \"\(key)\" is given twice") }
            self.parameters[key] = String(item[item.index(after: equals)...])
        }
    }

    /// The tie-break order over `election`'s candidates. A list must name each candidate once.
    public func tieBreakOrder(for election: Election) throws(CountingError) -> TieBreakOrder {
        let count = election.candidates.count
        switch tieBreak {
        case .candidateOrder: return TieBreakOrder(candidateCount: count)
        case .seed(let seed): return TieBreakOrder(seed: seed, candidateCount: count)
        case .list(let names):
            var index: [String: Int] = [:]
            for (position, name) in election.candidates.enumerated() { index[name] = position }
            var order: [Int] = []
            for name in names {
                guard let candidate = index[name] else {
                    throw .invalidParameter("the tie-break list names \"\(name)\", who is not a candidate")
                }
                order.append(candidate)
            }
            return try TieBreakOrder(order: order, candidateCount: count)
        }
    }

    // MARK: Typed parameter values, for methods

    /// The integer parameter `key`, or `defaultValue` when it is not given; it must lie in `range`.
    public func integer(
        _ key: String, default defaultValue: Int, in range: ClosedRange<Int>
    ) throws(CountingError)
        -> Int
    {
        guard let text = parameters[key] else { return defaultValue }
        guard let value = Int(text), range.contains(value) else {
            throw .invalidParameter(
                "\(key) must be a whole number from \(range.lowerBound) to \(range.upperBound), not \"\(text)\"")
        }
        return value
    }

    /// The parameter `key`, which must be one of `choices`, or `defaultValue` when it is not given.
    public func choice(
        _ key: String, default defaultValue: String, from choices: [String]
    ) throws(CountingError)
        -> String
    {
        guard let text = parameters[key] else { return defaultValue }
        guard choices.contains(text) else {
            throw .invalidParameter("\(key) is one of \(choices.joined(separator: ", ")), not \"\(text)\"")
        }
        return text
    }

    /// The yes/no parameter `key` (`true`/`false`, `yes`/`no`, `1`/`0`), or `defaultValue`.
    public func flag(_ key: String, default defaultValue: Bool) throws(CountingError) -> Bool {
        guard let text = parameters[key] else { return defaultValue }
        switch text.lowercased() {
        case "true", "yes", "1": return true
        case "false", "no", "0": return false
        default: throw .invalidParameter("\(key) is true or false, not \"\(text)\"")
        }
    }

    /// The parameter `key` as given, for methods that parse it themselves.
    public func text(_ key: String) -> String? { parameters[key] }
}
