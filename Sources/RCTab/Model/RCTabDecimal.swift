/// A decimal number as Java's `BigDecimal` holds it: an integer `unscaled` and a `scale`, the
/// value being `unscaled × 10^-scale`. RCTab counts votes in `BigDecimal` and its summary prints
/// them with their scale (`"654"` and `"654.0000"` are the same value printed differently), so the
/// scale is kept as RCTab would have it.
///
/// Equality and ordering compare values (`654 == 654.0000`); ``isIdentical(to:)`` also compares
/// scales. ``description`` is `BigDecimal.toPlainString()`.
public struct RCTabDecimal: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The integer whose value, times `10^-scale`, is this number.
    public var unscaled: Int128
    /// The number of decimal places (never negative here).
    public var scale: Int

    public init(unscaled: Int128, scale: Int) {
        precondition(scale >= 0 && scale <= 30, "RCTabDecimal scale must be 0 to 30")
        self.unscaled = unscaled
        self.scale = scale
    }

    /// A whole number with scale 0.
    public init(_ integer: Int) { self.init(unscaled: Int128(integer), scale: 0) }

    public static let zero = RCTabDecimal(0)

    /// `10^places`.
    public static func powerOfTen(_ places: Int) -> Int128 {
        var result: Int128 = 1
        for _ in 0..<places { result *= 10 }
        return result
    }

    /// Parses plain decimal text (`"12"`, `"-0.5"`, `"654.0000"`), keeping its scale.
    public init?(_ text: String) {
        var digits = Substring(text)
        var negative = false
        if let first = digits.first, first == "-" || first == "+" {
            negative = first == "-"
            digits = digits.dropFirst()
        }
        let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), !digits.isEmpty else { return nil }
        let whole = parts[0]
        let fraction = parts.count == 2 ? parts[1] : ""
        guard !(whole.isEmpty && fraction.isEmpty), fraction.count <= 30,
            (whole + fraction).allSatisfy({ $0.isASCII && $0.isNumber })
        else { return nil }
        guard let value = Int128(String(whole.isEmpty ? "0" : whole) + String(fraction)) else { return nil }
        self.init(unscaled: negative ? -value : value, scale: fraction.count)
    }

    /// This value with `newScale` places, exact (only to a larger scale, or dropping zeros).
    public func withScale(_ newScale: Int) -> RCTabDecimal {
        if newScale >= scale {
            return RCTabDecimal(unscaled: unscaled * RCTabDecimal.powerOfTen(newScale - scale), scale: newScale)
        }
        return rounded(toScale: newScale, .down)
    }

    /// How `rounded(toScale:_:)` treats the dropped digits (the `RoundingMode`s RCTab uses).
    public enum Rounding: Sendable {
        /// Toward zero (`ROUND_DOWN`).
        case down
        /// Toward negative infinity (`ROUND_FLOOR`).
        case floor
        /// Away from zero (`ROUND_UP`).
        case up
        /// To nearest, ties away from zero (`ROUND_HALF_UP`).
        case halfUp
    }

    /// `setScale(newScale, rounding)`.
    public func rounded(toScale newScale: Int, _ rounding: Rounding) -> RCTabDecimal {
        if newScale >= scale { return withScale(newScale) }
        let divisor = RCTabDecimal.powerOfTen(scale - newScale)
        let (quotient, remainder) = unscaled.quotientAndRemainder(dividingBy: divisor)
        var result = quotient
        if remainder != 0 {
            let sign: Int128 = unscaled < 0 ? -1 : 1
            switch rounding {
            case .down: break
            case .floor: if unscaled < 0 { result -= 1 }
            case .up: result += sign
            case .halfUp: if (remainder < 0 ? -remainder : remainder) * 2 >= divisor { result += sign }
            }
        }
        return RCTabDecimal(unscaled: result, scale: newScale)
    }

    /// `divide(divisor, scale, rounding)`: the quotient with `scale` places.
    public func divided(by divisor: RCTabDecimal, scale newScale: Int, _ rounding: Rounding) -> RCTabDecimal {
        precondition(divisor.unscaled != 0, "division by zero")
        // value = (u1 / 10^s1) / (u2 / 10^s2); scaled by 10^newScale, plus guard digits for rounding.
        let guardDigits = 1
        let exponent = newScale + divisor.scale - scale + guardDigits
        var numerator = unscaled
        var denominator = divisor.unscaled
        if exponent >= 0 {
            numerator *= RCTabDecimal.powerOfTen(exponent)
        } else {
            denominator *= RCTabDecimal.powerOfTen(-exponent)
        }
        let (quotient, remainder) = numerator.quotientAndRemainder(dividingBy: denominator)
        // Fold an inexact remainder into the guard digit so `halfUp` sees "more than half".
        var guarded = quotient
        if remainder != 0 && quotient % 10 == 0 { guarded += (numerator < 0) != (denominator < 0) ? -1 : 1 }
        return RCTabDecimal(unscaled: guarded, scale: newScale + guardDigits).rounded(toScale: newScale, rounding)
    }

    /// The value as an exact fraction `numerator / denominator`.
    public var fraction: (numerator: Int128, denominator: Int128) { (unscaled, RCTabDecimal.powerOfTen(scale)) }

    /// `BigDecimal.signum()`.
    public var signum: Int { unscaled == 0 ? 0 : (unscaled < 0 ? -1 : 1) }

    /// Whether the two have the same value and the same scale (`BigDecimal.equals`).
    public func isIdentical(to other: RCTabDecimal) -> Bool { unscaled == other.unscaled && scale == other.scale }

    /// `stripTrailingZeros()` (down to scale 0; never a negative scale).
    public var strippingTrailingZeros: RCTabDecimal {
        var result = self
        while result.scale > 0 && result.unscaled % 10 == 0 {
            result = RCTabDecimal(unscaled: result.unscaled / 10, scale: result.scale - 1)
        }
        return result
    }

    /// `toPlainString()`.
    public var description: String {
        let negative = unscaled < 0
        let magnitude = negative ? -unscaled : unscaled
        let divisor = RCTabDecimal.powerOfTen(scale)
        let whole = String(magnitude / divisor)
        guard scale > 0 else { return (negative ? "-" : "") + whole }
        var fractionText = String(magnitude % divisor)
        fractionText = String(repeating: "0", count: scale - fractionText.count) + fractionText
        return (negative ? "-" : "") + whole + "." + fractionText
    }

    private static func aligned(_ lhs: RCTabDecimal, _ rhs: RCTabDecimal) -> (Int128, Int128, Int) {
        if lhs.scale == rhs.scale { return (lhs.unscaled, rhs.unscaled, lhs.scale) }
        let scale = max(lhs.scale, rhs.scale)
        return (lhs.withScale(scale).unscaled, rhs.withScale(scale).unscaled, scale)
    }

    /// `add`: the larger of the two scales.
    public static func + (lhs: RCTabDecimal, rhs: RCTabDecimal) -> RCTabDecimal {
        let (a, b, scale) = aligned(lhs, rhs)
        return RCTabDecimal(unscaled: a + b, scale: scale)
    }

    /// `subtract`: the larger of the two scales.
    public static func - (lhs: RCTabDecimal, rhs: RCTabDecimal) -> RCTabDecimal {
        let (a, b, scale) = aligned(lhs, rhs)
        return RCTabDecimal(unscaled: a - b, scale: scale)
    }

    /// `multiply(BigDecimal.valueOf(count))`: the same scale.
    public func times(_ count: Int) -> RCTabDecimal {
        RCTabDecimal(unscaled: unscaled * Int128(count), scale: scale)
    }

    /// `multiply`: the sum of the two scales.
    public static func * (lhs: RCTabDecimal, rhs: RCTabDecimal) -> RCTabDecimal {
        RCTabDecimal(unscaled: lhs.unscaled * rhs.unscaled, scale: lhs.scale + rhs.scale)
    }

    public static func += (lhs: inout RCTabDecimal, rhs: RCTabDecimal) { lhs = lhs + rhs }
    public static func -= (lhs: inout RCTabDecimal, rhs: RCTabDecimal) { lhs = lhs - rhs }

    public static func == (lhs: RCTabDecimal, rhs: RCTabDecimal) -> Bool {
        let (a, b, _) = aligned(lhs, rhs)
        return a == b
    }

    public static func < (lhs: RCTabDecimal, rhs: RCTabDecimal) -> Bool {
        let (a, b, _) = aligned(lhs, rhs)
        return a < b
    }

    public func hash(into hasher: inout Hasher) {
        let normal = strippingTrailingZeros
        hasher.combine(normal.unscaled)
        hasher.combine(normal.scale)
    }
}
