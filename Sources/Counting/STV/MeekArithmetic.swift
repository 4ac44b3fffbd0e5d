import BigInt

/// The arithmetic a Meek count runs in: the Reference Meek Rule's fixed point with its stated
/// rounding directions, or exact fractions.
protocol MeekArithmetic {
    associatedtype Number: Comparable
    var zero: Number { get }
    var one: Number { get }
    /// 10^-omegaExponent: the iteration ends when the total surplus falls below it.
    var omega: Number { get }
    func sum(_ a: Number, _ b: Number) -> Number
    func difference(_ a: Number, _ b: Number) -> Number
    /// A ballot's weight times a keep value: the part the candidate keeps (rounded up in fixed point).
    func kept(_ weight: Number, _ keepValue: Number) -> Number
    /// `value × count` for `count` identical ballots (exact).
    func times(_ value: Number, _ count: Int64) -> Number
    /// The quota from the votes held by candidates and the number of seats.
    func quota(votes: Number, seats: Int) -> Number
    /// Whether `votes` reach `quota`.
    func reaches(_ votes: Number, _ quota: Number) -> Bool
    /// The next keep value of an elected candidate: `keepValue × quota / votes`.
    func nextKeepValue(_ keepValue: Number, quota: Number, votes: Number) -> Number
    func trace(_ value: Number) -> TraceNumber
    /// Throws when the numbers have outgrown what this arithmetic supports.
    func checkSize(_ value: Number, round: Int) throws(CountingError)
}

/// The Reference Meek Rule's fixed point: values are integers in units of `10^-places`; a keep
/// share `w × kf` and both steps of `kf × q / v` are rounded up; the quota is truncated and then
/// raised by one unit (so reaching it means exceeding the exact Droop quota).
struct MeekFixed: MeekArithmetic {
    let places: Int
    let scale: Int128
    let omega: Int128

    init(places: Int, omegaExponent: Int) {
        self.places = places
        scale = FixedPoint.scale(places)
        omega = FixedPoint.scale(places - omegaExponent)
    }

    var zero: Int128 { 0 }
    var one: Int128 { scale }
    func sum(_ a: Int128, _ b: Int128) -> Int128 { a + b }
    func difference(_ a: Int128, _ b: Int128) -> Int128 { a - b }

    func kept(_ weight: Int128, _ keepValue: Int128) -> Int128 {
        if keepValue == scale { return weight }
        return Self.dividedRoundingUp(weight * keepValue, scale)
    }

    func times(_ value: Int128, _ count: Int64) -> Int128 { value * Int128(count) }

    func quota(votes: Int128, seats: Int) -> Int128 { votes / Int128(seats + 1) + 1 }

    func reaches(_ votes: Int128, _ quota: Int128) -> Bool { votes >= quota }

    func nextKeepValue(_ keepValue: Int128, quota: Int128, votes: Int128) -> Int128 {
        let product = Self.dividedRoundingUp(keepValue * quota, scale)
        return Self.dividedRoundingUp(product * scale, votes)
    }

    func trace(_ value: Int128) -> TraceNumber { TraceNumber(FixedPoint(units: value, places: places)) }

    func checkSize(_ value: Int128, round: Int) throws(CountingError) {}

    static func dividedRoundingUp(_ numerator: Int128, _ denominator: Int128) -> Int128 {
        let (quotient, remainder) = numerator.quotientAndRemainder(dividingBy: denominator)
        return remainder > 0 ? quotient + 1 : quotient
    }
}

/// Exact fractions: no rounding anywhere; a candidate is elected when their votes exceed the exact
/// Droop quota `votes / (seats + 1)`. Numerators and denominators grow with every iteration, so
/// the count stops with ``CountingError/beyondLimit(_:)`` once a keep value needs more than
/// ``maximumBits`` bits.
struct MeekExact: MeekArithmetic {
    static let maximumBits = 4096
    let omega: Rational

    init(omegaExponent: Int) {
        omega = Rational(1, BigInt(10).power(omegaExponent))
    }

    var zero: Rational { .zero }
    var one: Rational { .one }
    func sum(_ a: Rational, _ b: Rational) -> Rational { a + b }
    func difference(_ a: Rational, _ b: Rational) -> Rational { a - b }

    func kept(_ weight: Rational, _ keepValue: Rational) -> Rational {
        keepValue == .one
            ? weight : Rational(weight.numerator * keepValue.numerator, weight.denominator * keepValue.denominator)
    }

    func times(_ value: Rational, _ count: Int64) -> Rational {
        Rational(value.numerator * BigInt(count), value.denominator)
    }

    func quota(votes: Rational, seats: Int) -> Rational {
        Rational(votes.numerator, votes.denominator * BigInt(seats + 1))
    }

    func reaches(_ votes: Rational, _ quota: Rational) -> Bool { votes > quota }

    func nextKeepValue(_ keepValue: Rational, quota: Rational, votes: Rational) -> Rational {
        Rational(
            keepValue.numerator * quota.numerator * votes.denominator,
            keepValue.denominator * quota.denominator * votes.numerator)
    }

    func trace(_ value: Rational) -> TraceNumber { TraceNumber(value) }

    func checkSize(_ value: Rational, round: Int) throws(CountingError) {
        if value.numerator.bitWidth > MeekExact.maximumBits || value.denominator.bitWidth > MeekExact.maximumBits {
            throw .beyondLimit(
                "exact Meek arithmetic needs keep values of more than \(MeekExact.maximumBits) bits in round \(round); "
                    + "count with fixed-point arithmetic instead")
        }
    }
}
