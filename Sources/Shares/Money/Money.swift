import Counting

/// An amount of money: an integer number of minor units of a ``Currency``
/// (`value = units / 10^decimals`), so `10.00 EUR` is 1000 units and no amount is ever rounded
/// by the type that holds it.
///
/// Text is parsed exactly (`"10.00"`, `"-3.5"`, `"7"`): a sign, digits, and at most as many
/// decimals as the currency has; `"10.005"` in euros is refused, never rounded.
public struct Money: Hashable, Sendable, CustomStringConvertible {
    /// The amount in minor units.
    public let units: Int64
    /// The unit of account.
    public let currency: Currency

    public init(units: Int64, currency: Currency) {
        self.units = units
        self.currency = currency
    }

    /// Parses decimal text: `-`? digits (`.` digits)?, with at most `currency.decimals` decimals.
    public init(parsing text: String, currency: Currency) throws(SharesError) {
        units = try Money.units(parsing: text, decimals: currency.decimals)
        self.currency = currency
    }

    /// The minor units of decimal `text` with at most `decimals` decimals.
    public static func units(parsing text: String, decimals: Int) throws(SharesError) -> Int64 {
        var bytes = Array(text.utf8)[...]
        let negative = bytes.first == UInt8(ascii: "-")
        if negative { bytes = bytes.dropFirst() }
        let point = bytes.firstIndex(of: UInt8(ascii: "."))
        let whole = point.map { bytes[..<$0] } ?? bytes
        let fraction = point.map { bytes[($0 + 1)...] } ?? []
        let isDigit = { (byte: UInt8) in (0x30...0x39).contains(byte) }
        guard !whole.isEmpty, whole.allSatisfy(isDigit), fraction.allSatisfy(isDigit),
            point == nil || !fraction.isEmpty
        else {
            throw .invalidAmount("\"\(text)\" is not a decimal amount such as 10.00")
        }
        guard fraction.count <= decimals else {
            throw .invalidAmount("\"\(text)\" has more than \(decimals) decimal\(decimals == 1 ? "" : "s")")
        }
        var value: Int64 = 0
        for digit in whole + fraction + Array(repeating: UInt8(ascii: "0"), count: decimals - fraction.count) {
            let (times10, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (next, overflow2) = times10.addingReportingOverflow(Int64(digit - 0x30))
            guard !overflow1, !overflow2 else { throw .invalidAmount("\"\(text)\" is too large") }
            value = next
        }
        return negative ? -value : value
    }

    /// `units` of a currency with `decimals` decimals as text: `1000` with 2 decimals is `"10.00"`.
    public static func text(units: Int64, decimals: Int) -> String {
        let magnitude = units.magnitude
        guard decimals > 0 else { return (units < 0 ? "-" : "") + String(magnitude) }
        var scale: UInt64 = 1
        for _ in 0..<decimals { scale *= 10 }
        var fraction = String(magnitude % scale)
        while fraction.count < decimals { fraction = "0" + fraction }
        return (units < 0 ? "-" : "") + "\(magnitude / scale).\(fraction)"
    }

    /// The amount as decimal text without the code: `"10.00"`.
    public var text: String { Money.text(units: units, decimals: currency.decimals) }

    /// The amount and its code: `"10.00 EUR"`.
    public var description: String { "\(text) \(currency.code)" }

    /// The amount in minor units as an exact number.
    public var rational: Rational { Rational(Int(units)) }
}
