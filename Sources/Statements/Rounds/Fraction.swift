import Ledger

/// A share as a fraction `num/den` with `0 < num <= den`: a round's quorum (share of the
/// electorate's weight that must cast a counted ballot) or threshold (share of the counted
/// weight that must support the first winner). Written `{"num": 1, "den": 2}`.
public struct Fraction: Hashable, Sendable, CustomStringConvertible {
    /// The numerator, at least 1.
    public var num: Int64
    /// The denominator, at least ``num``.
    public var den: Int64

    public init(num: Int64, den: Int64) {
        self.num = num
        self.den = den
    }

    /// Reads `{"num": n, "den": d}` with `0 < n <= d`; no other member.
    public init(reading reader: inout PayloadReader) throws(PayloadError) {
        num = try reader.integer("num")
        den = try reader.integer("den")
        try reader.finish()
        guard num > 0, num <= den else {
            throw .invalidValue(field: reader.path, reason: "must be a fraction num/den with 0 < num <= den")
        }
    }

    /// Whether `part / whole >= num / den`, compared exactly (no overflow, no rounding). False
    /// when `whole` is 0 or less: a share of nothing reaches no fraction.
    public func isReached(by part: Int64, of whole: Int64) -> Bool {
        guard whole > 0 else { return false }
        let left = part.multipliedFullWidth(by: den)
        let right = num.multipliedFullWidth(by: whole)
        return left.high != right.high ? left.high > right.high : left.low >= right.low
    }

    /// The fraction as a payload object.
    public var json: JSONValue { .object([JSONMember("num", .integer(num)), JSONMember("den", .integer(den))]) }

    public var description: String { "\(num)/\(den)" }
}
