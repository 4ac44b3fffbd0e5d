/// A ballot's choice checked against its round's options, with options as indexes into the
/// round's option list: the form that is counted.
public enum IndexedChoice: Hashable, Sendable {
    /// Groups of equally ranked options, most preferred first; each group ascending.
    case ranking([[Int]])
    /// The approved options, ascending.
    case approve([Int])
    /// One entry per option: its score, or nil when left blank.
    case scores([Int32?])
    /// One entry per option: its stance, or nil when not given (counted as abstain).
    case stances([ConsentStance?])

    /// The shape of the choice.
    public var shape: BallotChoice.Shape {
        switch self {
        case .ranking: return .ranking
        case .approve: return .approve
        case .scores: return .scores
        case .stances: return .stances
        }
    }

    /// Whether this choice supports `option`, in the sense of a round's threshold: the option
    /// is in the ranking's first group, is approved, has the ballot's highest score (a ballot
    /// with no score supports nothing), or is agreed to.
    public func supports(_ option: Int) -> Bool {
        switch self {
        case .ranking(let groups): return groups.first?.contains(option) ?? false
        case .approve(let approved): return approved.contains(option)
        case .scores(let scores):
            guard option >= 0, option < scores.count, let score = scores[option] else { return false }
            return scores.allSatisfy { ($0 ?? .min) <= score }
        case .stances(let stances):
            guard option >= 0, option < stances.count else { return false }
            return stances[option] == .agree
        }
    }
}

extension BallotChoice {
    /// The choice checked against a round's `options`: every name must be offered
    /// (`not_offered`) and appear at most once (`duplicate_choice`); a score must fit in 32 bits
    /// and not be -2^31, the blank marker (`out_of_range`). It does not check the method's own
    /// limits; ``RoundParameters/check(ballot:)`` does.
    public func validated(options: [String]) throws(BallotError) -> IndexedChoice {
        try validated(positions: OptionPositions(options))
    }

    /// The same, with the options' positions prepared once (``BallotCheck`` keeps them for a
    /// round, so that checking each of many ballots costs no table and no allocation for it).
    func validated(positions: OptionPositions) throws(BallotError) -> IndexedChoice {
        func lookup(_ name: String) throws(BallotError) -> Int {
            guard let position = positions.position(of: name) else { throw .notOffered(option: name) }
            return position
        }
        let options = positions.options
        var seen = SeenOptions(count: options.count)
        switch self {
        case .ranking(let groups):
            var indexed: [[Int]] = []
            indexed.reserveCapacity(groups.count)
            for group in groups {
                var positions: [Int] = []
                positions.reserveCapacity(group.count)
                for name in group {
                    let position = try lookup(name)
                    guard seen.insert(position) else { throw .duplicateChoice(option: name) }
                    positions.append(position)
                }
                positions.sort()
                indexed.append(positions)
            }
            return .ranking(indexed)
        case .approve(let names):
            var approved: [Int] = []
            approved.reserveCapacity(names.count)
            for name in names {
                let position = try lookup(name)
                guard seen.insert(position) else { throw .duplicateChoice(option: name) }
                approved.append(position)
            }
            approved.sort()
            return .approve(approved)
        case .scores(let scores):
            var row = [Int32?](repeating: nil, count: options.count)
            for (name, score) in scores.sorted(by: { $0.key < $1.key }) {
                let position = try lookup(name)
                guard let value = Int32(exactly: score), value != Int32.min else {
                    throw .outOfRange(option: name, reason: "must be from -2147483647 to 2147483647, not \(score)")
                }
                row[position] = value
            }
            return .scores(row)
        case .stances(let stances):
            var row = [ConsentStance?](repeating: nil, count: options.count)
            for (name, stance) in stances.sorted(by: { $0.key < $1.key }) {
                row[try lookup(name)] = stance
            }
            return .stances(row)
        }
    }
}

/// Where each of a round's options is in its list: a scan up to 16 options, a table beyond. A
/// name listed twice is found at its last place, either way.
struct OptionPositions: Sendable {
    let options: [String]
    private let table: [String: Int]?

    init(_ options: [String]) {
        self.options = options
        self.table =
            options.count > 16
            ? Dictionary(options.enumerated().map { ($1, $0) }, uniquingKeysWith: { _, last in last }) : nil
    }

    /// The position of `name` in the options, if it is one.
    func position(of name: String) -> Int? {
        if let table { return table[name] }
        return options.lastIndex(of: name)
    }
}

/// The options a ballot has named so far: a bit mask up to 64 options, a set beyond.
private struct SeenOptions {
    private var mask: UInt64 = 0
    private var set: Set<Int>?

    init(count: Int) {
        set = count > 64 ? [] : nil
    }

    /// Adds `position`; false if it was there already.
    mutating func insert(_ position: Int) -> Bool {
        if set != nil { return set!.insert(position).inserted }
        let bit: UInt64 = 1 << UInt64(position)
        defer { mask |= bit }
        return mask & bit == 0
    }
}
