import BigInt
import Counting
import Shares
import TestRandom

/// Shorthands for the tests: euros, exact numbers and shares by member.
enum Fixture {
    static let euro = try! Currency(code: "EUR", decimals: 2)
    static let units = try! Currency(code: "UNIT", decimals: 0)

    /// `text` euros.
    static func eur(_ text: String) -> Money { try! Money(parsing: text, currency: euro) }

    /// An exact number from text (`"1/3"`, `"12.5"`).
    static func q(_ text: String) -> Rational { try! ExactNumber.parse(text, what: "test") }

    /// Member/weight pairs from integers.
    static func weights(_ pairs: KeyValuePairs<String, Int>) -> [MemberWeight] {
        pairs.map { MemberWeight($0.key, Rational($0.value)) }
    }

    /// Each share as text in its currency, by member.
    static func texts(_ distribution: Distribution) -> [String: String] {
        Dictionary(
            uniqueKeysWithValues: distribution.shares.map {
                ($0.member, Money.text(units: $0.amount, decimals: distribution.currency.decimals))
            })
    }

    /// Each share's amount in minor units, by member.
    static func amounts(_ distribution: Distribution) -> [String: Int64] {
        Dictionary(uniqueKeysWithValues: distribution.shares.map { ($0.member, $0.amount) })
    }
}

/// Integer literals as exact numbers, in the tests only.
extension Rational: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int) { self.init(value) }
}

extension SplitMix64 {
    /// A number in `range`.
    mutating func within(_ range: ClosedRange<Int>) -> Int { range.lowerBound + below(range.count) }

    /// The elements in a random order (Fisher–Yates).
    mutating func shuffled<T>(_ elements: [T]) -> [T] {
        var result = elements
        for index in stride(from: result.count - 1, to: 0, by: -1) {
            result.swapAt(index, below(index + 1))
        }
        return result
    }
}
