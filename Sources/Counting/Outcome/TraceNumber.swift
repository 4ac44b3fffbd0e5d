/// An exact number shown in a trace: an integer, a fixed-point decimal with its stated places,
/// or a fraction `n/d`. It keeps the exact text, so a trace says precisely what was computed,
/// and encodes as a JSON integer only when it is one (else as a string).
public struct TraceNumber: Hashable, Sendable, CustomStringConvertible {
    /// The exact text: `"42"`, `"12.34567"` or `"7/3"`.
    public let text: String
    /// The value when it is an integer that fits 64 bits.
    public let integer: Int64?

    public init(_ value: Int64) {
        text = String(value)
        integer = value
    }

    public init(_ value: Int) { self.init(Int64(value)) }

    public init(_ value: Rational) {
        text = value.description
        integer = value.isInteger ? Int64(exactly: value.numerator) : nil
    }

    public init(_ value: FixedPoint) {
        text = value.description
        integer = nil
    }

    public var description: String { text }
}
