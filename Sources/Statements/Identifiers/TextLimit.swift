/// The length limits of the texts statements carry. Lengths of short texts are counted in
/// Unicode scalar values (code points), the count every language's JSON library agrees on;
/// long texts (``text``) are counted in UTF-8 bytes.
public enum TextLimit {
    /// A person's or an organization's display name: 1 to 100 code points.
    public static let name = 1...100
    /// A proposal title: 1 to 200 code points.
    public static let title = 1...200
    /// A proposal's or a comment's text: 1 to 100,000 UTF-8 bytes.
    public static let textBytes = 1...100_000
    /// A reason (suspension, revocation, state change, hiding) or a revision summary: 1 to 1000
    /// code points.
    public static let reason = 1...1000
    /// A round's question: 1 to 1000 code points.
    public static let question = 1...1000
    /// An option's name in a round: 1 to 200 code points.
    public static let option = 1...200
    /// A checkpoint origin: 1 to 200 printable ASCII characters without spaces.
    public static let origin = 1...200
}
