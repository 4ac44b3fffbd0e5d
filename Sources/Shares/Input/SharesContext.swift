import Counting

/// What a method computes from: the input file's rows and settings, with the command line's
/// pot, currency, decimals and parameters taking precedence. It reads typed values out of text
/// cells and names the row and column of anything wrong.
public struct SharesContext: Sendable {
    public let input: SharesInput
    /// The pot as text, if any (the command line's, else the file's).
    public let potText: String?
    let currencyCode: String?
    let decimals: Int

    /// The input with `overrides` (any of pot, currency, decimals; parameters added or replaced).
    public init(
        _ input: SharesInput, pot: String? = nil, currency: String? = nil, decimals: Int? = nil,
        parameters: [String: String] = [:]
    ) {
        var merged = input
        merged.parameters.merge(parameters) { _, new in new }
        self.input = merged
        potText = pot ?? input.pot
        currencyCode = currency ?? input.currency
        self.decimals = decimals ?? input.decimals ?? 2
    }

    private init(copy: SharesContext, pot: String?) {
        input = copy.input
        potText = pot
        currencyCode = copy.currencyCode
        decimals = copy.decimals
    }

    /// The same context with another pot (the rest of ordered buckets).
    func with(pot: Money) -> SharesContext { SharesContext(copy: self, pot: pot.text) }

    /// The currency named by the input (decimals default to 2).
    public func currency() throws(SharesError) -> Currency {
        guard let currencyCode else {
            throw .invalidParameter("give the currency (--currency CODE, and --decimals N if it does not have 2)")
        }
        return try Currency(code: currencyCode, decimals: decimals)
    }

    /// The pot, which must be given.
    public func pot() throws(SharesError) -> Money {
        guard let potText else { throw .invalidParameter("give the pot to share (--pot AMOUNT)") }
        return try Money(parsing: potText, currency: try currency())
    }

    /// The pot if one is given.
    func optionalPot() throws(SharesError) -> Money? { potText == nil ? nil : try pot() }

    /// The rows, after checking that each has the `required` columns and no others than those and
    /// `optional`.
    func rows(required: [String], optional: [String] = []) throws(SharesError) -> [SharesInput.Row] {
        let allowed = Set(required + optional)
        for row in input.rows {
            for column in row.cells.keys.sorted() where !allowed.contains(column) {
                let known = (required + optional).joined(separator: ", ")
                throw .invalidInput("\(row.location): unknown column \(column) (the columns are \(known))")
            }
            for column in required where row.cells[column] == nil {
                throw .invalidInput("\(row.location): the \(column) column is missing or empty")
            }
        }
        return input.rows
    }

    /// Refuses parameters other than `keys`.
    func checkParameters(_ keys: [String]) throws(SharesError) {
        for key in input.parameters.keys.sorted() where !keys.contains(key) {
            let known = keys.isEmpty ? "this method has none" : "they are " + keys.joined(separator: ", ")
            throw .invalidParameter("unknown parameter \(key) (\(known))")
        }
    }

    /// A parameter's text.
    func parameter(_ key: String) -> String? { input.parameters[key] }

    /// A parameter that must be given.
    func required(_ key: String) throws(SharesError) -> String {
        guard let value = parameter(key) else { throw .invalidParameter("give --param \(key)=...") }
        return value
    }

    /// An amount parameter in minor units.
    func amountParameter(_ key: String) throws(SharesError) -> Int64? {
        guard let text = parameter(key) else { return nil }
        return try located("parameter \(key)") { () throws(SharesError) in
            try Money(parsing: text, currency: try currency()).units
        }
    }

    /// An exact-number parameter.
    func numberParameter(_ key: String) throws(SharesError) -> Rational? {
        guard let text = parameter(key) else { return nil }
        return try ExactNumber.parse(text, what: "parameter \(key)")
    }

    /// A whole-number parameter.
    func integerParameter(_ key: String) throws(SharesError) -> Int? {
        guard let text = parameter(key) else { return nil }
        guard let value = Int(text) else { throw .invalidParameter("\(key) must be a whole number, not \"\(text)\"") }
        return value
    }

    /// A comma-separated list parameter (trimmed, empty entries dropped).
    func listParameter(_ key: String) -> [String] {
        (parameter(key) ?? "").split(separator: ",").map { $0.trimmingSpaces }.filter { !$0.isEmpty }
    }
}

extension SharesInput.Row {
    /// A cell's text, which the column check has made sure is present when required.
    func text(_ column: String) -> String { cells[column] ?? "" }

    /// An exact non-negative number.
    func number(_ column: String) throws(SharesError) -> Rational {
        try ExactNumber.nonNegative(text(column), what: "\(location): \(column)")
    }

    /// An amount in minor units of `currency`.
    func amount(_ column: String, _ currency: Currency) throws(SharesError) -> Int64 {
        try located("\(location): \(column)") { () throws(SharesError) in
            try Money(parsing: text(column), currency: currency).units
        }
    }

    /// An optional amount.
    func optionalAmount(_ column: String, _ currency: Currency) throws(SharesError) -> Int64? {
        cells[column] == nil ? nil : try amount(column, currency)
    }

    /// A whole number.
    func integer(_ column: String) throws(SharesError) -> Int {
        guard let value = Int(text(column)) else {
            throw .invalidInput("\(location): \(column) must be a whole number, not \"\(text(column))\"")
        }
        return value
    }
}

/// Runs `body`, prefixing the message of any error with `place`.
func located<T>(_ place: String, _ body: () throws(SharesError) -> T) throws(SharesError) -> T {
    do {
        return try body()
    } catch {
        switch error {
        case .invalidAmount(let reason): throw .invalidAmount("\(place): \(reason)")
        case .invalidNumber(let reason): throw .invalidNumber("\(place): \(reason)")
        case .invalidCurrency(let reason): throw .invalidCurrency("\(place): \(reason)")
        default: throw error
        }
    }
}

extension Substring {
    /// Without leading and trailing spaces and tabs.
    var trimmingSpaces: String {
        var slice = self[...]
        while let first = slice.first, first == " " || first == "\t" { slice = slice.dropFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice = slice.dropLast() }
        return String(slice)
    }
}
