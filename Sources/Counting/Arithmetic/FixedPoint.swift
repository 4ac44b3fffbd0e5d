/// A non-negative-or-negative decimal with a fixed number of places, held as an integer count of
/// the smallest unit (`value = units / 10^places`) in 128 bits.
///
/// STV rule sets name their precision (Scottish STV: 5 decimals, truncated; Meek as published by
/// its rule set: a stated number of decimals); this type does exactly that arithmetic, no more
/// and no less, so a count can be checked against a published one digit for digit.
public struct FixedPoint: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The value in units of `10^-places`.
    public var units: Int128
    /// The number of decimal places.
    public let places: Int

    /// `units` of `10^-places`.
    public init(units: Int128, places: Int) {
        precondition((0...30).contains(places), "fixed-point precision must be 0 to 30 places")
        self.units = units
        self.places = places
    }

    /// A whole number.
    public init(integer: Int64, places: Int) {
        self.init(units: Int128(integer) * FixedPoint.scale(places), places: places)
    }

    /// `10^places`.
    public static func scale(_ places: Int) -> Int128 {
        var result: Int128 = 1
        for _ in 0..<places { result *= 10 }
        return result
    }

    public var scale: Int128 { FixedPoint.scale(places) }
    public static func zero(places: Int) -> FixedPoint { FixedPoint(units: 0, places: places) }
    public var isZero: Bool { units == 0 }

    /// `self * numerator / denominator`, truncated toward zero to this precision.
    public func multipliedTruncating(by numerator: Int128, dividedBy denominator: Int128) -> FixedPoint {
        FixedPoint(units: units * numerator / denominator, places: places)
    }

    /// `self * other`, truncated toward zero.
    public func multipliedTruncating(by other: FixedPoint) -> FixedPoint {
        precondition(places == other.places)
        return FixedPoint(units: units * other.units / scale, places: places)
    }

    /// `self / other`, truncated toward zero.
    public func dividedTruncating(by other: FixedPoint) -> FixedPoint {
        precondition(places == other.places)
        return FixedPoint(units: units * scale / other.units, places: places)
    }

    /// `self / other`, rounded up (away from zero for positive values) to this precision.
    public func dividedRoundingUp(by other: FixedPoint) -> FixedPoint {
        precondition(places == other.places)
        let product = units * scale
        let (quotient, remainder) = product.quotientAndRemainder(dividingBy: other.units)
        return FixedPoint(units: remainder > 0 ? quotient + 1 : quotient, places: places)
    }

    /// The exact value as a rational.
    public var rational: Rational { Rational(.init(units), .init(scale)) }

    /// Decimal text with all places, e.g. `"1234.56789"`.
    public var description: String {
        let negative = units < 0
        let magnitude = negative ? -units : units
        let whole = magnitude / scale
        guard places > 0 else { return (negative ? "-" : "") + String(whole) }
        var fraction = String(magnitude % scale)
        while fraction.count < places { fraction = "0" + fraction }
        return (negative ? "-" : "") + "\(whole).\(fraction)"
    }

    public static func + (lhs: FixedPoint, rhs: FixedPoint) -> FixedPoint {
        precondition(lhs.places == rhs.places)
        return FixedPoint(units: lhs.units + rhs.units, places: lhs.places)
    }

    public static func - (lhs: FixedPoint, rhs: FixedPoint) -> FixedPoint {
        precondition(lhs.places == rhs.places)
        return FixedPoint(units: lhs.units - rhs.units, places: lhs.places)
    }

    public static func += (lhs: inout FixedPoint, rhs: FixedPoint) { lhs = lhs + rhs }
    public static func -= (lhs: inout FixedPoint, rhs: FixedPoint) { lhs = lhs - rhs }

    public static func < (lhs: FixedPoint, rhs: FixedPoint) -> Bool {
        precondition(lhs.places == rhs.places)
        return lhs.units < rhs.units
    }
}
