import Counting

/// The input of `plenum shares`, read from a CSV or JSON file (docs/shares.md, "Input files"):
/// rows of named text cells, and optionally the pot, the currency and the method's parameters.
///
/// CSV: a header row naming the columns, then one row per record (RFC 4180 quoting; unquoted
/// cells are trimmed; blank lines and lines starting with `#` are skipped). JSON:
///
///     {"pot": "100.00", "currency": "EUR", "decimals": 2, "parameters": {"cap": "35.00"},
///      "rows": [{"member": "ann", "weight": 34}, {"member": "bob", "weight": "12.5"}],
///      "buckets": [{"label": "reserve", "payee": "reserve", "percent-of-pot": "10"}]}
///
/// Every member is optional but `rows`; cell and parameter values are strings or integers (and
/// `true`/`false` where a flag is meant). Unknown members are refused.
public struct SharesInput: Hashable, Sendable {
    /// One record and where it was read (`line 4`, `rows[2]`), for error messages.
    public struct Row: Hashable, Sendable {
        public var location: String
        public var cells: [String: String]

        public init(location: String, cells: [String: String]) {
            self.location = location
            self.cells = cells
        }
    }

    public var pot: String?
    public var currency: String?
    public var decimals: Int?
    public var parameters: [String: String]
    public var rows: [Row]
    /// The buckets of the `buckets` method (JSON only), in order.
    public var buckets: [Row]

    public init(
        pot: String? = nil, currency: String? = nil, decimals: Int? = nil, parameters: [String: String] = [:],
        rows: [Row], buckets: [Row] = []
    ) {
        self.pot = pot
        self.currency = currency
        self.decimals = decimals
        self.parameters = parameters
        self.rows = rows
        self.buckets = buckets
    }

    /// Reads a CSV file's bytes (UTF-8).
    public static func csv(_ bytes: [UInt8]) throws(SharesError) -> SharesInput {
        let text: String
        do {
            text = try ReaderText.utf8(bytes)
        } catch {
            throw .invalidInput(error.description)
        }
        let records = try CSVTable.records(Array(text.utf8))
        guard let header = records.first else { throw .invalidInput("the file has no header row") }
        let names = header.cells.map { $0.lowercased() }
        for (index, name) in names.enumerated() {
            guard !name.isEmpty else { throw .invalidInput("line \(header.line): column \(index + 1) has no name") }
            guard names.firstIndex(of: name) == index else {
                throw .invalidInput("line \(header.line): the column \(name) is named twice")
            }
        }
        var rows: [Row] = []
        for record in records.dropFirst() {
            guard record.cells.count == names.count else {
                throw .invalidInput(
                    "line \(record.line): \(record.cells.count) cells, but the header names \(names.count) columns")
            }
            var cells: [String: String] = [:]
            for (name, cell) in zip(names, record.cells) where !cell.isEmpty { cells[name] = cell }
            rows.append(Row(location: "line \(record.line)", cells: cells))
        }
        return SharesInput(rows: rows)
    }

    /// Reads a JSON file's bytes with the strict parser.
    public static func json(_ bytes: [UInt8]) throws(SharesError) -> SharesInput {
        let root: [JSONMember]
        do {
            root = try StrictJSONParser(maximumDepth: 8, maximumBytes: Int.max).parseObject(bytes)
        } catch {
            throw .invalidInput("not valid JSON: \(error)")
        }
        var input = SharesInput(rows: [])
        var sawRows = false
        for member in root {
            switch member.key {
            case "pot": input.pot = try text(member.value, at: "pot")
            case "currency": input.currency = try text(member.value, at: "currency")
            case "decimals":
                guard case .integer(let value) = member.value, (0...18).contains(value) else {
                    throw .invalidInput("decimals: must be a whole number from 0 to 18")
                }
                input.decimals = Int(value)
            case "parameters":
                guard case .object(let members) = member.value else {
                    throw .invalidInput("parameters: must be an object")
                }
                for parameter in members {
                    input.parameters[parameter.key] = try text(parameter.value, at: "parameters.\(parameter.key)")
                }
            case "rows":
                input.rows = try records(member.value, at: "rows")
                sawRows = true
            case "buckets": input.buckets = try records(member.value, at: "buckets")
            default:
                throw .invalidInput(
                    "\(member.key): unknown member (the members are pot, currency, decimals, parameters, rows, buckets)"
                )
            }
        }
        guard sawRows else { throw .invalidInput("rows: missing") }
        return input
    }

    private static func records(_ value: JSONValue, at path: String) throws(SharesError) -> [Row] {
        guard case .array(let elements) = value else { throw .invalidInput("\(path): must be an array of objects") }
        var rows: [Row] = []
        for (index, element) in elements.enumerated() {
            guard case .object(let members) = element else {
                throw .invalidInput("\(path)[\(index)]: must be an object")
            }
            var cells: [String: String] = [:]
            for member in members {
                cells[member.key.lowercased()] = try text(member.value, at: "\(path)[\(index)].\(member.key)")
            }
            rows.append(Row(location: "\(path)[\(index)]", cells: cells))
        }
        return rows
    }

    private static func text(_ value: JSONValue, at path: String) throws(SharesError) -> String {
        switch value {
        case .string(let text): return text
        case .integer(let number): return String(number)
        case .bool(let flag): return flag ? "true" : "false"
        default: throw .invalidInput("\(path): must be a string or an integer, not \(value.typeName)")
        }
    }
}

/// The records of a comma-separated file (RFC 4180) with their line numbers: quoted cells may
/// hold commas, line breaks and doubled quotes; unquoted cells are trimmed of spaces and tabs;
/// blank lines and lines whose first character is `#` are skipped.
enum CSVTable {
    static func records(_ bytes: [UInt8]) throws(SharesError) -> [(line: Int, cells: [String])] {
        var records: [(line: Int, cells: [String])] = []
        var position = 0
        var line = 1
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), newline = UInt8(ascii: "\n")
        let carriage = UInt8(ascii: "\r")
        func atLineEnd(_ index: Int) -> Bool {
            index >= bytes.count || bytes[index] == newline
                || (bytes[index] == carriage && index + 1 < bytes.count && bytes[index + 1] == newline)
        }
        while position < bytes.count {
            let start = line
            var lineEnd = position
            while !atLineEnd(lineEnd) { lineEnd += 1 }
            let blank = bytes[position..<lineEnd].allSatisfy { $0 == 0x20 || $0 == 0x09 }
            if blank || bytes[position] == UInt8(ascii: "#") {
                position = lineEnd < bytes.count && bytes[lineEnd] == carriage ? lineEnd + 2 : lineEnd + 1
                line += 1
                continue
            }
            var cells: [String] = []
            while true {
                while position < bytes.count && (bytes[position] == 0x20 || bytes[position] == 0x09) { position += 1 }
                var cell: [UInt8] = []
                if position < bytes.count && bytes[position] == quote {
                    position += 1
                    while true {
                        guard position < bytes.count else { throw .invalidInput("line \(start): a quote is left open") }
                        if bytes[position] == quote {
                            if position + 1 < bytes.count && bytes[position + 1] == quote {
                                cell.append(quote)
                                position += 2
                                continue
                            }
                            position += 1
                            break
                        }
                        if bytes[position] == newline { line += 1 }
                        cell.append(bytes[position])
                        position += 1
                    }
                    while position < bytes.count && (bytes[position] == 0x20 || bytes[position] == 0x09) {
                        position += 1
                    }
                    guard atLineEnd(position) || bytes[position] == comma else {
                        throw .invalidInput("line \(line): text after a closing quote")
                    }
                } else {
                    while !atLineEnd(position) && bytes[position] != comma {
                        guard bytes[position] != quote else {
                            throw .invalidInput("line \(line): a quote inside an unquoted cell; quote the whole cell")
                        }
                        cell.append(bytes[position])
                        position += 1
                    }
                    while let last = cell.last, last == 0x20 || last == 0x09 { cell.removeLast() }
                }
                cells.append(String(decoding: cell, as: UTF8.self))
                if position < bytes.count && bytes[position] == comma {
                    position += 1
                    continue
                }
                position = position < bytes.count && bytes[position] == carriage ? position + 2 : position + 1
                line += 1
                break
            }
            records.append((start, cells))
        }
        return records
    }
}
