import Ledger

/// What a ballot says, as written in its payload: exactly one of four fields, naming options.
///
/// - `ranking`: groups of options, most preferred first; a group is a name or an array of
///   names (equal rank); unranked options rank below every ranked one.
/// - `approve`: the approved options.
/// - `scores`: a number per option (options left out are blank).
/// - `stances`: a ``ConsentStance`` per option (options left out count as abstain).
///
/// Names are checked against a round's options by ``validated(options:)``, which gives the
/// ``IndexedChoice`` that is counted.
public enum BallotChoice: Hashable, Sendable {
    case ranking([[String]])
    case approve([String])
    case scores([String: Int64])
    case stances([String: ConsentStance])

    /// The four shapes, named by their payload field.
    public enum Shape: String, CaseIterable, Hashable, Sendable {
        case ranking
        case approve
        case scores
        case stances
    }

    /// This choice's shape.
    public var shape: Shape {
        switch self {
        case .ranking: return .ranking
        case .approve: return .approve
        case .scores: return .scores
        case .stances: return .stances
        }
    }

    /// Reads the one choice field of a ballot payload; none or several is `invalid_value`.
    public init(reading reader: inout PayloadReader) throws(PayloadError) {
        var present: [(Shape, JSONValue)] = []
        for shape in Shape.allCases {
            if let value = reader.optionalValue(shape.rawValue) { present.append((shape, value)) }
        }
        guard present.count == 1, let (shape, value) = present.first.map({ ($0.0, $0.1) }) else {
            let found = present.isEmpty ? "none" : present.map(\.0.rawValue).joined(separator: " and ")
            throw .invalidValue(
                field: reader.fieldName(present.first?.0.rawValue ?? "ranking"),
                reason: "a ballot has exactly one of ranking, approve, scores or stances (found \(found))")
        }
        let field = reader.fieldName(shape.rawValue)
        switch shape {
        case .ranking: self = .ranking(try BallotChoice.groups(value, field: field))
        case .approve: self = .approve(try BallotChoice.names(value, field: field))
        case .scores:
            var scores: [String: Int64] = [:]
            for member in try BallotChoice.members(value, field: field) {
                guard case .integer(let score) = member.value else {
                    throw .wrongType(
                        field: "\(field).\(member.key)", expected: "an integer", actual: member.value.typeName)
                }
                scores[member.key] = score
            }
            self = .scores(scores)
        case .stances:
            var stances: [String: ConsentStance] = [:]
            for member in try BallotChoice.members(value, field: field) {
                guard case .string(let word) = member.value else {
                    throw .wrongType(
                        field: "\(field).\(member.key)", expected: "a string", actual: member.value.typeName)
                }
                guard let stance = ConsentStance(rawValue: word) else {
                    throw .invalidValue(
                        field: "\(field).\(member.key)",
                        reason: "must be \"agree\", \"abstain\", \"object\" or \"block\"")
                }
                stances[member.key] = stance
            }
            self = .stances(stances)
        }
    }

    /// The choice's payload member.
    public var member: JSONMember {
        switch self {
        case .ranking(let groups):
            return JSONMember(
                "ranking",
                .array(groups.map { $0.count == 1 ? .string($0[0]) : .array($0.map(JSONValue.string)) }))
        case .approve(let names): return JSONMember("approve", .array(names.map(JSONValue.string)))
        case .scores(let scores):
            return JSONMember(
                "scores", .object(scores.sorted { $0.key < $1.key }.map { JSONMember($0.key, .integer($0.value)) }))
        case .stances(let stances):
            return JSONMember(
                "stances",
                .object(stances.sorted { $0.key < $1.key }.map { JSONMember($0.key, .string($0.value.rawValue)) }))
        }
    }

    private static func groups(_ value: JSONValue, field: String) throws(PayloadError) -> [[String]] {
        guard case .array(let elements) = value else {
            throw .wrongType(field: field, expected: "an array", actual: value.typeName)
        }
        var groups: [[String]] = []
        for (index, element) in elements.enumerated() {
            switch element {
            case .string(let name): groups.append([name])
            case .array:
                let names = try BallotChoice.names(element, field: "\(field)[\(index)]")
                guard !names.isEmpty else {
                    throw .invalidValue(field: "\(field)[\(index)]", reason: "is an empty group")
                }
                groups.append(names)
            default:
                throw .wrongType(
                    field: "\(field)[\(index)]", expected: "a name or an array of names", actual: element.typeName)
            }
        }
        return groups
    }

    private static func names(_ value: JSONValue, field: String) throws(PayloadError) -> [String] {
        guard case .array(let elements) = value else {
            throw .wrongType(field: field, expected: "an array", actual: value.typeName)
        }
        var names: [String] = []
        for (index, element) in elements.enumerated() {
            guard case .string(let name) = element else {
                throw .wrongType(field: "\(field)[\(index)]", expected: "a string", actual: element.typeName)
            }
            names.append(name)
        }
        return names
    }

    private static func members(_ value: JSONValue, field: String) throws(PayloadError) -> [JSONMember] {
        guard case .object(let members) = value else {
            throw .wrongType(field: field, expected: "an object", actual: value.typeName)
        }
        return members
    }
}
