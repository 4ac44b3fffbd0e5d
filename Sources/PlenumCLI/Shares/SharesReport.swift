import Counting
import Shares

/// The readable report of a distribution: method, pot, what was paid, parameters, then one row
/// per recipient with the share, the exact quota (decimals, `…` when cut), the parts and any
/// leftover unit with its reason; then the method's simple details.
enum SharesReport {
    static func text(_ distribution: Distribution, source: String) -> String {
        let decimals = distribution.currency.decimals
        let code = distribution.currency.code
        func money(_ units: Int64) -> String { Money.text(units: units, decimals: decimals) }
        var lines = ["\(distribution.method): \(money(distribution.pot)) \(code) from \(source)"]
        lines.append("Paid:         \(money(distribution.paid)) \(code)")
        if distribution.unallocated != 0 {
            lines.append("Unallocated:  \(money(distribution.unallocated)) \(code)")
        }
        for member in distribution.parameters {
            lines.append("Parameter:    \(member.key) = \(compact(member.value))")
        }
        var reasons: [String: [String]] = [:]
        for rounding in distribution.roundings {
            for unit in rounding.leftovers {
                let place = distribution.roundings.count > 1 ? " (\(rounding.label))" : ""
                reasons[unit.member, default: []].append("+1\(place): \(unit.reason.rawValue)")
            }
        }
        let showParts = distribution.shares.contains { !$0.parts.isEmpty }
        var rows: [[String]] = [["Member", "Share", "Exact quota"] + (showParts ? ["Parts"] : []) + ["Leftover unit"]]
        for share in distribution.shares {
            var row = [share.member, money(share.amount), quotaText(share.quota, decimals: decimals)]
            if showParts { row.append(share.parts.map { "\($0.label) \(money($0.amount))" }.joined(separator: "; ")) }
            row.append((reasons[share.member] ?? []).joined(separator: "; "))
            rows.append(row)
        }
        lines.append("")
        lines.append(contentsOf: table(rows, rightAligned: [1]))
        let simple = distribution.details.filter {
            switch $0.value {
            case .string, .integer, .bool: return true
            default: return false
            }
        }
        if !simple.isEmpty { lines.append("") }
        for member in simple { lines.append("\(member.key): \(compact(member.value))") }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The quota (in minor units) in major units with four more decimals, `…` when cut.
    static func quotaText(_ quota: Rational, decimals: Int) -> String {
        var scale = Rational.one
        for _ in 0..<decimals { scale = scale * Rational(10) }
        let value = quota / scale
        let places = decimals + 4
        let text = value.decimalText(places: places)
        var shifted = value
        for _ in 0..<places { shifted = shifted * Rational(10) }
        return shifted.isInteger ? value.decimalText(places: decimals) : text + "…"
    }

    /// Columns padded to their widths, with a rule under the header; trailing spaces dropped.
    static func table(_ rows: [[String]], rightAligned: Set<Int>) -> [String] {
        let widths = rows[0].indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            let padded = cells.enumerated().map { index, cell in
                let padding = String(repeating: " ", count: widths[index] - cell.count)
                return rightAligned.contains(index) ? padding + cell : cell + padding
            }
            let text = "  " + padded.joined(separator: "  ")
            return String(text.reversed().drop(while: { $0 == " " }).reversed())
        }
        var lines = [line(rows[0]), line(widths.map { String(repeating: "-", count: $0) })]
        for row in rows.dropFirst() { lines.append(line(row)) }
        return lines
    }

    static func compact(_ value: JSONValue) -> String {
        switch value {
        case .string(let text): return text
        case .integer(let number): return String(number)
        case .bool(let flag): return flag ? "true" : "false"
        case .null: return "none"
        default: return String(decoding: CanonicalJSON.encode(value), as: UTF8.self)
        }
    }
}
