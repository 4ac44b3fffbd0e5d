import StrictJSON

/// Compares two RCTab summary JSON documents as values: same members, same arrays, same strings,
/// and vote counts (strings holding decimals) equal as exact decimals, so `"654"` and
/// `"654.0000"` agree in value and are reported only as a difference of notation.
public struct RCTabSummaryComparison: Sendable {
    /// Where the two documents differ in value, one line each (`results[3].tally.A: 5 ≠ 6`).
    public var differences: [String] = []
    /// Where a vote count has the same value but is written differently (`"654"` vs `"654.0000"`).
    public var notationDifferences: [String] = []

    /// Whether the two agree in every value.
    public var valuesMatch: Bool { differences.isEmpty }

    /// Compares `actual` with `expected` (both summary JSON text).
    public init(actual: [UInt8], expected: [UInt8]) throws(RCTabError) {
        let parser = StrictJSONParser(maximumDepth: 32, maximumBytes: 1 << 26)
        let left: JSONValue
        let right: JSONValue
        do {
            left = try parser.parse(actual)
        } catch {
            throw RCTabError("summary_syntax", at: "actual", "not JSON: \(error)")
        }
        do {
            right = try parser.parse(expected)
        } catch {
            throw RCTabError("summary_syntax", at: "expected", "not JSON: \(error)")
        }
        compare(left, right, path: "")
    }

    private mutating func compare(_ actual: JSONValue, _ expected: JSONValue, path: String) {
        switch (actual, expected) {
        case (.object(let left), .object(let right)):
            let leftKeys = Dictionary(left.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
            let rightKeys = Dictionary(right.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
            for key in rightKeys.keys.sorted() {
                let memberPath = path.isEmpty ? key : "\(path).\(key)"
                if let value = leftKeys[key] {
                    compare(value, rightKeys[key]!, path: memberPath)
                } else {
                    differences.append("\(memberPath): missing (expected \(Self.show(rightKeys[key]!)))")
                }
            }
            for key in leftKeys.keys.sorted() where rightKeys[key] == nil {
                let memberPath = path.isEmpty ? key : "\(path).\(key)"
                differences.append("\(memberPath): unexpected \(Self.show(leftKeys[key]!))")
            }
        case (.array(let left), .array(let right)):
            for index in 0..<min(left.count, right.count) {
                compare(left[index], right[index], path: "\(path)[\(index)]")
            }
            if left.count != right.count {
                differences.append("\(path): \(left.count) elements, expected \(right.count)")
            }
        case (.string(let left), .string(let right)):
            guard left != right else { return }
            if let leftNumber = JavaDecimalText.parse(left), let rightNumber = JavaDecimalText.parse(right),
                leftNumber == rightNumber
            {
                notationDifferences.append("\(path): \"\(left)\", expected \"\(right)\"")
            } else {
                differences.append("\(path): \"\(left)\", expected \"\(right)\"")
            }
        default:
            if actual != expected {
                differences.append("\(path): \(Self.show(actual)), expected \(Self.show(expected))")
            }
        }
    }

    private static func show(_ value: JSONValue) -> String {
        switch value {
        case .null: return "null"
        case .bool(let flag): return String(flag)
        case .integer(let number): return String(number)
        case .string(let text): return "\"\(text)\""
        case .array(let elements): return "an array of \(elements.count)"
        case .object(let members): return "an object of \(members.count) members"
        }
    }
}
