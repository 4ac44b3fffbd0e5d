/// A value of an RCTab summary JSON document, before it is written out.
///
/// RCTab's summary has only objects, arrays, strings and whole numbers (vote counts are strings
/// holding decimals). Object members are kept unordered: ``RCTabJSONPrinter`` writes them sorted
/// the way RCTab's JSON library sorts map keys (``javaOrdered(_:_:)``).
public indirect enum RCTabJSONNode: Hashable, Sendable {
    /// An object; its members are written sorted by key.
    case object([String: RCTabJSONNode])
    /// An array, in order.
    case array([RCTabJSONNode])
    /// A string.
    case string(String)
    /// A whole number, written without quotes.
    case integer(Int)
    /// `null` (RCTab writes it for a contest field its configuration leaves out).
    case null

    /// Whether `lhs` sorts before `rhs` as Java's `String.compareTo` orders them: by UTF-16 code
    /// units, a prefix first (so `"B"` < `"Undeclared Write-ins"` < `"exhausted"`).
    public static func javaOrdered(_ lhs: String, _ rhs: String) -> Bool {
        lhs.utf16.lexicographicallyPrecedes(rhs.utf16)
    }
}
