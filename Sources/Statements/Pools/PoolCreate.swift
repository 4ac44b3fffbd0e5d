import Ledger
import Shares

/// `pool.create`: a steward sets aside an amount to share among members, in a currency with its
/// number of decimals. The statement's id is the pool's id.
///
/// Signed by a steward.
public struct PoolCreate: StatementPayload, Hashable {
    public static let kind = try! StatementKind("pool.create")

    public var header: StatementHeader
    /// What the pool is (1 to 200 characters).
    public var name: String
    /// The amount as decimal text in the currency (`"1500.00"`); exact, never rounded.
    public var amount: String
    /// The currency code (1 to 12 of A-Z and 0-9).
    public var currency: String
    /// The currency's decimals (0 to 18).
    public var decimals: Int

    public init(header: StatementHeader, name: String, amount: String, currency: String, decimals: Int) {
        self.header = header
        self.name = name
        self.amount = amount
        self.currency = currency
        self.decimals = decimals
    }

    public init(reading reader: inout PayloadReader) throws(PayloadError) {
        header = try StatementHeader(reading: &reader)
        name = try reader.string("name", scalars: TextLimit.title)
        amount = try reader.string("amount", scalars: 1...40)
        currency = try reader.string("currency", scalars: 1...12)
        decimals = Int(try reader.integer("decimals", in: 0...18))
        do {
            _ = try money()
        } catch {
            throw .invalidValue(field: "amount", reason: "\(error)")
        }
    }

    /// The pot.
    public func money() throws(SharesError) -> Money {
        try Money(parsing: amount, currency: try Currency(code: currency, decimals: decimals))
    }

    public var members: [JSONMember] {
        header.members + [
            JSONMember("name", .string(name)), JSONMember("amount", .string(amount)),
            JSONMember("currency", .string(currency)), JSONMember("decimals", .integer(Int64(decimals))),
        ]
    }
}
