import BigInt

/// An exact fraction of arbitrary size, always in lowest terms with a positive denominator.
///
/// Methods whose definitions divide (proportional approval, Phragmén's loads, equal shares'
/// budgets, Meek's keep values when counted exactly) use it so that no rounding ever decides a
/// winner. Equality is structural because the form is canonical.
public struct Rational: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let numerator: BigInt
    public let denominator: BigInt

    public static let zero = Rational(0)
    public static let one = Rational(1)

    /// `numerator / denominator`, reduced; the denominator must not be zero.
    public init(_ numerator: BigInt, _ denominator: BigInt) {
        precondition(!denominator.isZero, "a rational number cannot have a zero denominator")
        var n = numerator
        var d = denominator
        if d.sign == .minus {
            n = -n
            d = -d
        }
        let divisor = n.greatestCommonDivisor(with: d)
        if divisor > 1 {
            n /= divisor
            d /= divisor
        }
        self.numerator = n
        self.denominator = d
    }

    /// An integer as a rational.
    public init(_ integer: Int) {
        numerator = BigInt(integer)
        denominator = 1
    }

    /// An integer as a rational.
    public init(_ integer: BigInt) {
        numerator = integer
        denominator = 1
    }

    public var isZero: Bool { numerator.isZero }
    public var isInteger: Bool { denominator == 1 }

    /// The largest integer not above the value.
    public var floor: BigInt {
        let (quotient, remainder) = numerator.quotientAndRemainder(dividingBy: denominator)
        return remainder.sign == .minus && !remainder.isZero ? quotient - 1 : quotient
    }

    /// The smallest integer not below the value.
    public var ceiling: BigInt {
        let (quotient, remainder) = numerator.quotientAndRemainder(dividingBy: denominator)
        return remainder.sign == .plus && !remainder.isZero ? quotient + 1 : quotient
    }

    /// `"n"` for integers, `"n/d"` otherwise: the exact text used in traces and canonical JSON.
    public var description: String { isInteger ? String(numerator) : "\(numerator)/\(denominator)" }

    /// The value rounded toward zero to `places` decimals, as text (`"12.34500"`), for people.
    public func decimalText(places: Int) -> String {
        let negative = numerator.sign == .minus && !numerator.isZero
        let scale = BigInt(10).power(places)
        let scaled = (negative ? -numerator : numerator) * scale / denominator
        let whole = scaled / scale
        var fraction = String(scaled % scale)
        if places == 0 { return (negative ? "-" : "") + String(whole) }
        while fraction.count < places { fraction = "0" + fraction }
        return (negative ? "-" : "") + "\(whole).\(fraction)"
    }

    public static func + (lhs: Rational, rhs: Rational) -> Rational {
        if lhs.denominator == rhs.denominator { return Rational(lhs.numerator + rhs.numerator, lhs.denominator) }
        return Rational(
            lhs.numerator * rhs.denominator + rhs.numerator * lhs.denominator, lhs.denominator * rhs.denominator)
    }

    public static func - (lhs: Rational, rhs: Rational) -> Rational {
        if lhs.denominator == rhs.denominator { return Rational(lhs.numerator - rhs.numerator, lhs.denominator) }
        return Rational(
            lhs.numerator * rhs.denominator - rhs.numerator * lhs.denominator, lhs.denominator * rhs.denominator)
    }

    public static func * (lhs: Rational, rhs: Rational) -> Rational {
        Rational(lhs.numerator * rhs.numerator, lhs.denominator * rhs.denominator)
    }

    public static func / (lhs: Rational, rhs: Rational) -> Rational {
        Rational(lhs.numerator * rhs.denominator, lhs.denominator * rhs.numerator)
    }

    public static prefix func - (value: Rational) -> Rational { Rational(-value.numerator, value.denominator) }

    public static func += (lhs: inout Rational, rhs: Rational) { lhs = lhs + rhs }
    public static func -= (lhs: inout Rational, rhs: Rational) { lhs = lhs - rhs }

    public static func < (lhs: Rational, rhs: Rational) -> Bool {
        lhs.numerator * rhs.denominator < rhs.numerator * lhs.denominator
    }
}
