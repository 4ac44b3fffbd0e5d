import BigInt
import Counting
import Shares

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

/// SplitMix64 (Steele, Lea & Flood 2014): a tiny deterministic generator for property tests.
struct SplitMix64 {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0..<bound`.
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

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

/// Integer literals as exact numbers, in the tests only.
extension Rational: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int) { self.init(value) }
}
