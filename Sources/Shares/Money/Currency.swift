/// A unit of account: a code (`EUR`, `USD`, `JPY`, `PTS`, `SEATS`) and how many decimals its
/// minor unit has (`EUR`: 2, so one minor unit is 0.01; `JPY`: 0).
///
/// Plenum does not keep a table of ISO 4217 currencies: an organization names its code and its
/// decimals, and every amount in that currency is an integer count of minor units
/// (`amount = units / 10^decimals`).
public struct Currency: Hashable, Sendable, CustomStringConvertible {
    /// One to twelve upper-case letters or digits.
    public let code: String
    /// The number of decimals of the minor unit, 0 to 18.
    public let decimals: Int

    /// A currency; the code must be 1 to 12 characters `A`-`Z` or `0`-`9`, the decimals 0 to 18.
    public init(code: String, decimals: Int) throws(SharesError) {
        let bytes = Array(code.utf8)
        guard (1...12).contains(bytes.count),
            bytes.allSatisfy({ (0x41...0x5A).contains($0) || (0x30...0x39).contains($0) })
        else {
            throw .invalidCurrency("a currency code is 1 to 12 upper-case letters or digits, not \"\(code)\"")
        }
        guard (0...18).contains(decimals) else {
            throw .invalidCurrency("a currency has 0 to 18 decimals, not \(decimals)")
        }
        self.code = code
        self.decimals = decimals
    }

    private init(unchecked code: String, decimals: Int) {
        self.code = code
        self.decimals = decimals
    }

    /// Whole seats (or any indivisible unit) for apportionment: code `SEATS`, no decimals.
    public static let seats = Currency(unchecked: "SEATS", decimals: 0)

    /// `10^decimals`: how many minor units make one major unit.
    public var scale: Int64 {
        var result: Int64 = 1
        for _ in 0..<decimals { result *= 10 }
        return result
    }

    public var description: String { code }
}
