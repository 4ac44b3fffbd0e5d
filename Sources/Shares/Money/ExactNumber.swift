import BigInt
import Counting

/// Exact numbers written as text, for weights, points, percentages and decay factors: an integer
/// (`"12"`), a decimal (`"12.5"`, `"-0.25"`) or a fraction (`"1/3"`), parsed to a ``Rational``
/// with no rounding. Exponents, `+`, spaces and thousands separators are refused.
public enum ExactNumber {
    /// Parses `text`; `what` names the value in the error (`"the weight of ann"`).
    public static func parse(_ text: String, what: String) throws(SharesError) -> Rational {
        if let slash = text.firstIndex(of: "/") {
            let numerator = try decimal(String(text[..<slash]), original: text, what: what)
            let denominator = try decimal(String(text[text.index(after: slash)...]), original: text, what: what)
            guard !denominator.isZero else { throw .invalidNumber("\(what): \"\(text)\" divides by zero") }
            return numerator / denominator
        }
        return try decimal(text, original: text, what: what)
    }

    /// Parses `text` and requires it to be zero or more.
    public static func nonNegative(_ text: String, what: String) throws(SharesError) -> Rational {
        let value = try parse(text, what: what)
        guard value >= .zero else { throw .invalidNumber("\(what) must not be negative, not \(text)") }
        return value
    }

    private static func decimal(_ text: String, original: String, what: String) throws(SharesError) -> Rational {
        var bytes = Array(text.utf8)[...]
        let negative = bytes.first == UInt8(ascii: "-")
        if negative { bytes = bytes.dropFirst() }
        let point = bytes.firstIndex(of: UInt8(ascii: "."))
        let whole = point.map { bytes[..<$0] } ?? bytes
        let fraction = point.map { bytes[($0 + 1)...] } ?? []
        let isDigit = { (byte: UInt8) in (0x30...0x39).contains(byte) }
        guard !whole.isEmpty, whole.allSatisfy(isDigit), fraction.allSatisfy(isDigit),
            point == nil || !fraction.isEmpty, whole.count + fraction.count <= 60
        else {
            throw .invalidNumber("\(what): \"\(original)\" is not a number such as 12, 12.5 or 1/3")
        }
        let digits = BigInt(String(decoding: whole + fraction, as: UTF8.self)) ?? 0
        let value = Rational(digits, BigInt(10).power(fraction.count))
        return negative ? -value : value
    }
}

extension Rational {
    /// The value as an integer when it is one and fits 64 bits.
    var int64: Int64? { isInteger ? Int64(exactly: numerator) : nil }
}
