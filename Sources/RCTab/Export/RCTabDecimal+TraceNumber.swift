import Counting

extension RCTabDecimal {
    /// The exact value of a trace number as a decimal, or `nil` when no decimal holds it.
    ///
    /// An integer or fixed-point text keeps its scale (`"14866"`, `"979.89552"`, `"0.000000000"`);
    /// a fraction `n/d` whose denominator divides a power of ten takes the fewest places that hold
    /// it exactly (`"7/2"` is `3.5`, `"1/8"` is `0.125`). A fraction such as `"7/3"`, or a number
    /// too large for 128 bits or 30 places, gives `nil`.
    init?(trace number: TraceNumber) {
        let parts = number.text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2 else {
            self.init(number.text)
            return
        }
        guard let numerator = Int128(String(parts[0])), let denominator = Int128(String(parts[1])), denominator > 0
        else { return nil }
        var rest = denominator
        var twos = 0
        var fives = 0
        while rest % 2 == 0 {
            rest /= 2
            twos += 1
        }
        while rest % 5 == 0 {
            rest /= 5
            fives += 1
        }
        let scale = max(twos, fives)
        guard rest == 1, scale <= 30 else { return nil }
        let (unscaled, overflow) = numerator.multipliedReportingOverflow(
            by: RCTabDecimal.powerOfTen(scale) / denominator)
        guard !overflow else { return nil }
        self.init(unscaled: unscaled, scale: scale)
    }

    /// The text a URCVT reader accepts for this number: RCTab's `BigDecimal.toString()`
    /// (``javaText``), except that a value Java would write in scientific notation (below 10^-6
    /// with more than six places, such as `0E-9`) is written in plain notation with its scale
    /// (`0.000000000`), since the URCVT schema's numbers are plain decimals.
    var urcvtText: String {
        let java = javaText
        return java.contains("E") ? description : java
    }
}
