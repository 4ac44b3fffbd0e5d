/// The text Java's `BigDecimal.toString()` gives a decimal `unscaled × 10^-scale`, which is how
/// RCTab's summary writes every vote count.
///
/// The digits of `unscaled` are kept as they are, so the scale shows (`654` and `654.0000` are
/// the same value written differently). With scale 0 it is the integer; with a positive scale
/// and an adjusted exponent (`digits - 1 - scale`) of -6 or more, plain decimal notation
/// (`0.0002`, `177.5192`); otherwise scientific notation with one digit before the point
/// (`0E-8`, `1.5E-7`, `1.2E+3` for a negative scale).
public enum JavaDecimalText {
    /// `BigDecimal.toString()` of `unscaled × 10^-scale`.
    public static func string(unscaled: Int128, scale: Int) -> String {
        let negative = unscaled < 0
        let digits = String(unscaled.magnitude)
        let sign = negative ? "-" : ""
        if scale == 0 { return sign + digits }
        let adjusted = digits.count - 1 - scale
        if scale > 0 && adjusted >= -6 {
            if digits.count > scale {
                let point = digits.index(digits.endIndex, offsetBy: -scale)
                return sign + digits[..<point] + "." + digits[point...]
            }
            return sign + "0." + String(repeating: "0", count: scale - digits.count) + digits
        }
        var text = sign + String(digits.first!)
        if digits.count > 1 { text += "." + digits.dropFirst() }
        text += "E" + (adjusted > 0 ? "+" : "") + String(adjusted)
        return text
    }

    /// Reads a decimal written as `BigDecimal.toString()` writes it (plain or scientific, such as
    /// `"177.5192"`, `"0E-8"`, `"1.2E+3"`), keeping its scale where it is 0 to 30; `nil` for other
    /// text.
    public static func parse(_ text: String) -> RCTabDecimal? {
        var mantissa = Substring(text)
        var exponent = 0
        if let mark = mantissa.firstIndex(where: { $0 == "E" || $0 == "e" }) {
            let power = mantissa[mantissa.index(after: mark)...]
            guard let value = Int(power.hasPrefix("+") ? power.dropFirst() : power), abs(value) <= 60 else {
                return nil
            }
            exponent = value
            mantissa = mantissa[..<mark]
        }
        guard let plain = RCTabDecimal(String(mantissa)) else { return nil }
        let scale = plain.scale - exponent
        if scale < 0 {
            return RCTabDecimal(unscaled: plain.unscaled * RCTabDecimal.powerOfTen(-scale), scale: 0)
        }
        guard scale <= 30 else { return nil }
        return RCTabDecimal(unscaled: plain.unscaled, scale: scale)
    }
}
