/// The exact arithmetic that equal shares (and its add1 completion) repeats many thousands of
/// times: sums of budgets, a budget times a ballot weight, a division by a weight or a cost, and
/// comparisons. Two kinds of number do it: ``CompactFraction`` (128-bit numerator and
/// denominator, fast) and ``Rational`` (arbitrary size). A count runs with the compact kind and,
/// the moment any result would not fit in 128 bits, is run again from the start with
/// ``Rational``; both are exact, so the outcome is the same either way, only the time differs.
protocol ShareNumber: Comparable, Sendable {
    init(integer: Int64)
    init(exactly value: Rational) throws(ShareOverflow)
    func adding(_ other: Self) throws(ShareOverflow) -> Self
    func subtracting(_ other: Self) throws(ShareOverflow) -> Self
    func multiplied(by factor: Int64) throws(ShareOverflow) -> Self
    func divided(by divisor: Int64) throws(ShareOverflow) -> Self
    /// `self * b < other * a`, i.e. `self / a < other / b`, for positive `a` and `b`.
    func isLess(dividedBy a: Int64, than other: Self, dividedBy b: Int64) -> Bool
    var isZero: Bool { get }
    var rational: Rational { get }
}

/// A result did not fit the compact representation; the count is redone with ``Rational``.
struct ShareOverflow: Error {}

/// An exact fraction whose numerator and denominator fit 128 bits, always in lowest terms with a
/// positive denominator. Every operation reports overflow instead of trapping or rounding.
struct CompactFraction: ShareNumber, Hashable {
    let numerator: Int128
    let denominator: Int128

    init(integer: Int64) {
        numerator = Int128(integer)
        denominator = 1
    }

    /// `numerator / denominator` reduced; `denominator` must be positive.
    private init(reducing numerator: Int128, _ denominator: Int128) {
        let divisor = CompactFraction.gcd(numerator.magnitude, denominator.magnitude)
        if divisor > 1 {
            self.numerator = numerator / Int128(divisor)
            self.denominator = denominator / Int128(divisor)
        } else {
            self.numerator = numerator
            self.denominator = denominator
        }
    }

    init(exactly value: Rational) throws(ShareOverflow) {
        guard let numerator = Int128(exactly: value.numerator), let denominator = Int128(exactly: value.denominator)
        else { throw ShareOverflow() }
        self.numerator = numerator
        self.denominator = denominator
    }

    static func gcd(_ a: UInt128, _ b: UInt128) -> UInt128 {
        if a == 0 { return b }
        if b == 0 { return a }
        var a = a
        var b = b
        let shift = (a | b).trailingZeroBitCount
        a >>= a.trailingZeroBitCount
        while b != 0 {
            b >>= b.trailingZeroBitCount
            if a > b { swap(&a, &b) }
            b -= a
        }
        return a << shift
    }

    private static func checked(_ result: (partialValue: Int128, overflow: Bool)) throws(ShareOverflow) -> Int128 {
        if result.overflow { throw ShareOverflow() }
        return result.partialValue
    }

    private func combined(_ other: CompactFraction, negate: Bool) throws(ShareOverflow) -> CompactFraction {
        if denominator == other.denominator {
            let sum = try CompactFraction.checked(
                negate
                    ? numerator.subtractingReportingOverflow(other.numerator)
                    : numerator.addingReportingOverflow(other.numerator))
            return CompactFraction(reducing: sum, denominator)
        }
        let common = Int128(CompactFraction.gcd(denominator.magnitude, other.denominator.magnitude))
        let left = try CompactFraction.checked(numerator.multipliedReportingOverflow(by: other.denominator / common))
        let right = try CompactFraction.checked(other.numerator.multipliedReportingOverflow(by: denominator / common))
        let sum = try CompactFraction.checked(
            negate ? left.subtractingReportingOverflow(right) : left.addingReportingOverflow(right))
        let product = try CompactFraction.checked(
            (denominator / common).multipliedReportingOverflow(by: other.denominator))
        return CompactFraction(reducing: sum, product)
    }

    func adding(_ other: CompactFraction) throws(ShareOverflow) -> CompactFraction {
        try combined(other, negate: false)
    }

    func subtracting(_ other: CompactFraction) throws(ShareOverflow) -> CompactFraction {
        try combined(other, negate: true)
    }

    func multiplied(by factor: Int64) throws(ShareOverflow) -> CompactFraction {
        let divisor = Int128(CompactFraction.gcd(UInt128(factor.magnitude), denominator.magnitude))
        let product = try CompactFraction.checked(numerator.multipliedReportingOverflow(by: Int128(factor) / divisor))
        return CompactFraction(reducing: product, denominator / divisor)
    }

    func divided(by divisor: Int64) throws(ShareOverflow) -> CompactFraction {
        guard divisor != 0 else { throw ShareOverflow() }
        let common = Int128(CompactFraction.gcd(numerator.magnitude, UInt128(divisor.magnitude)))
        var top = numerator / max(common, 1)
        var bottom = try CompactFraction.checked(
            denominator.multipliedReportingOverflow(by: Int128(divisor) / max(common, 1)))
        if bottom < 0 {
            top = -top
            bottom = -bottom
        }
        return CompactFraction(reducing: top, bottom)
    }

    /// `lhs < rhs` by cross multiplication in 256 bits: never overflows.
    static func < (lhs: CompactFraction, rhs: CompactFraction) -> Bool {
        lhs.numerator.multipliedFullWidth(by: rhs.denominator) < rhs.numerator.multipliedFullWidth(by: lhs.denominator)
    }

    func isLess(dividedBy a: Int64, than other: CompactFraction, dividedBy b: Int64) -> Bool {
        // self/a < other/b  <=>  self.n * other.d * b < other.n * self.d * a (all denominators positive).
        let left = WideProduct(numerator, other.denominator, Int128(b))
        let right = WideProduct(other.numerator, denominator, Int128(a))
        return left < right
    }

    var isZero: Bool { numerator == 0 }

    var rational: Rational { Rational(.init(numerator), .init(denominator)) }
}

/// The exact product of three 128-bit integers, as a sign and a 384-bit magnitude, for
/// comparisons only.
private struct WideProduct: Comparable {
    let negative: Bool
    let high: UInt128
    let middle: UInt128
    let low: UInt128

    init(_ a: Int128, _ b: Int128, _ c: Int128) {
        let first = a.magnitude.multipliedFullWidth(by: b.magnitude)
        let lowProduct = first.low.multipliedFullWidth(by: c.magnitude)
        let highProduct = first.high.multipliedFullWidth(by: c.magnitude)
        let (middle, carry) = lowProduct.high.addingReportingOverflow(highProduct.low)
        high = highProduct.high &+ (carry ? 1 : 0)
        self.middle = middle
        low = lowProduct.low
        let isZero = high == 0 && middle == 0 && low == 0
        negative = !isZero && ((a < 0) != (b < 0)) != (c < 0)
    }

    private static func magnitudeLess(_ lhs: WideProduct, _ rhs: WideProduct) -> Bool {
        if lhs.high != rhs.high { return lhs.high < rhs.high }
        if lhs.middle != rhs.middle { return lhs.middle < rhs.middle }
        return lhs.low < rhs.low
    }

    static func < (lhs: WideProduct, rhs: WideProduct) -> Bool {
        if lhs.negative != rhs.negative { return lhs.negative }
        return lhs.negative ? magnitudeLess(rhs, lhs) : magnitudeLess(lhs, rhs)
    }
}

extension Rational: ShareNumber {
    init(integer: Int64) { self.init(Int(integer)) }

    init(exactly value: Rational) throws(ShareOverflow) { self = value }

    func adding(_ other: Rational) throws(ShareOverflow) -> Rational { self + other }
    func subtracting(_ other: Rational) throws(ShareOverflow) -> Rational { self - other }
    func multiplied(by factor: Int64) throws(ShareOverflow) -> Rational { self * Rational(Int(factor)) }

    func divided(by divisor: Int64) throws(ShareOverflow) -> Rational {
        guard divisor != 0 else { throw ShareOverflow() }
        return self / Rational(Int(divisor))
    }

    func isLess(dividedBy a: Int64, than other: Rational, dividedBy b: Int64) -> Bool {
        self * Rational(Int(b)) < other * Rational(Int(a))
    }

    var rational: Rational { self }
}

/// A fraction held compactly while it fits 128 bits and as a ``Rational`` otherwise, converted
/// back when a result fits again: the fallback when a run's compact fractions overflow, so that
/// only the few large values pay for arbitrary-size arithmetic.
enum HybridFraction: ShareNumber {
    case compact(CompactFraction)
    case large(Rational)

    init(integer: Int64) { self = .compact(CompactFraction(integer: integer)) }

    init(exactly value: Rational) throws(ShareOverflow) { self.init(value) }

    init(_ value: Rational) {
        if let compact = try? CompactFraction(exactly: value) {
            self = .compact(compact)
        } else {
            self = .large(value)
        }
    }

    var rational: Rational {
        switch self {
        case .compact(let value): return value.rational
        case .large(let value): return value
        }
    }

    var isZero: Bool {
        switch self {
        case .compact(let value): return value.isZero
        case .large(let value): return value.isZero
        }
    }

    func adding(_ other: HybridFraction) throws(ShareOverflow) -> HybridFraction {
        if case .compact(let a) = self, case .compact(let b) = other, let sum = try? a.adding(b) {
            return .compact(sum)
        }
        return HybridFraction(rational + other.rational)
    }

    func subtracting(_ other: HybridFraction) throws(ShareOverflow) -> HybridFraction {
        if case .compact(let a) = self, case .compact(let b) = other, let difference = try? a.subtracting(b) {
            return .compact(difference)
        }
        return HybridFraction(rational - other.rational)
    }

    func multiplied(by factor: Int64) throws(ShareOverflow) -> HybridFraction {
        if case .compact(let a) = self, let product = try? a.multiplied(by: factor) { return .compact(product) }
        return HybridFraction(rational * Rational(Int(factor)))
    }

    func divided(by divisor: Int64) throws(ShareOverflow) -> HybridFraction {
        guard divisor != 0 else { throw ShareOverflow() }
        if case .compact(let a) = self, let quotient = try? a.divided(by: divisor) { return .compact(quotient) }
        return HybridFraction(rational / Rational(Int(divisor)))
    }

    func isLess(dividedBy a: Int64, than other: HybridFraction, dividedBy b: Int64) -> Bool {
        if case .compact(let x) = self, case .compact(let y) = other {
            return x.isLess(dividedBy: a, than: y, dividedBy: b)
        }
        return rational.isLess(dividedBy: a, than: other.rational, dividedBy: b)
    }

    static func < (lhs: HybridFraction, rhs: HybridFraction) -> Bool {
        if case .compact(let x) = lhs, case .compact(let y) = rhs { return x < y }
        return lhs.rational < rhs.rational
    }

    static func == (lhs: HybridFraction, rhs: HybridFraction) -> Bool {
        if case .compact(let x) = lhs, case .compact(let y) = rhs { return x == y }
        return lhs.rational == rhs.rational
    }
}
