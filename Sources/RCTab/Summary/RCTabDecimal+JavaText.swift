extension RCTabDecimal {
    /// The text RCTab's summary writes for this number: Java's `BigDecimal.toString()`, which
    /// keeps the scale (`"654.0000"`) and turns to scientific notation for tiny scaled values
    /// (`"0E-8"`).
    public var javaText: String { JavaDecimalText.string(unscaled: unscaled, scale: scale) }
}
