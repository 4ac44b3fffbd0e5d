import Counting

/// The pairwise matrix of a Condorcet count as a grid: row `a`, column `b` holds the weight of the
/// ballots ranking `a` above `b`, green where `a` beats `b`, red where it loses, grey for a tie.
/// Columns are numbered; the rows name the candidates with the same numbers.
public struct PairwiseChart: Sendable {
    public let title: String
    public let candidates: [String]
    /// Row-major: `counts[a * n + b]` is the weight ranking `a` above `b`.
    public let counts: [Int64]

    public init(title: String, candidates: [String], counts: [Int64]) {
        precondition(counts.count == candidates.count * candidates.count)
        self.title = title
        self.candidates = candidates
        self.counts = counts
    }

    /// The chart of `matrix`, whose indexes are `candidates`'.
    public init(title: String, candidates: [String], matrix: PairwiseMatrix) {
        self.init(title: title, candidates: candidates, counts: matrix.counts)
    }

    static let labelWidth = 190.0
    static let cell = 46.0
    static let header = 30.0

    func votes(_ a: Int, over b: Int) -> Int64 { counts[a * candidates.count + b] }

    /// Which candidates beat every other one.
    var condorcetWinner: Int? {
        let n = candidates.count
        return (0..<n).first { a in (0..<n).allSatisfy { b in a == b || votes(a, over: b) > votes(b, over: a) } }
    }

    /// The chart as an inline `<svg>` with the id `id`.
    public func svg(id: String = "chart") -> String {
        let n = candidates.count
        let width = Self.labelWidth + Double(n) * Self.cell + 4
        let height = Self.header + Double(n) * Self.cell + 30
        var description =
            "Each cell gives the weight of the ballots that rank the row's option above the column's option. "
            + "Green: the row's option wins that contest; red: it loses; grey: a tie."
        if let winner = condorcetWinner {
            description += " \(candidates[winner]) beats every other option."
        } else if n > 1 {
            description += " No option beats every other one."
        }
        var parts = [SVG.open(id: id, width: max(width, 320), height: height, title: title, description: description)]
        for b in 0..<n {
            let x = Self.labelWidth + Double(b) * Self.cell + Self.cell / 2
            parts.append("<g class=\"chart-column\"><title>\(SVG.escape("\(b + 1). \(candidates[b])"))</title>")
            parts.append(SVG.text(String(b + 1), x: x, y: Self.header - 10, anchor: "middle", weight: "bold"))
            parts.append("</g>")
        }
        for a in 0..<n {
            let y = Self.header + Double(a) * Self.cell
            parts.append("<g class=\"chart-row\">")
            parts.append(
                SVG.text(
                    "\(a + 1). " + SVG.clip(candidates[a], 22), x: Self.labelWidth - 8, y: y + Self.cell / 2 + 5,
                    anchor: "end"))
            for b in 0..<n {
                let x = Self.labelWidth + Double(b) * Self.cell
                if a == b {
                    parts.append(
                        SVG.rect(x: x, y: y, width: Self.cell, height: Self.cell, fill: "#e4e6ea", stroke: "#ffffff"))
                    parts.append(
                        SVG.text("—", x: x + Self.cell / 2, y: y + Self.cell / 2 + 5, anchor: "middle", fill: "#555"))
                    continue
                }
                let mine = votes(a, over: b)
                let theirs = votes(b, over: a)
                let (fill, verdict) =
                    mine > theirs ? ("#cdebd6", "wins") : mine < theirs ? ("#f6d4d4", "loses") : ("#eceef1", "ties")
                parts.append("<g class=\"chart-cell\">")
                parts.append(
                    "<title>\(SVG.escape("\(candidates[a]) over \(candidates[b]): \(mine) to \(theirs), \(verdict)"))</title>"
                )
                parts.append(SVG.rect(x: x, y: y, width: Self.cell, height: Self.cell, fill: fill, stroke: "#ffffff"))
                parts.append(
                    SVG.text(
                        String(mine), x: x + Self.cell / 2, y: y + Self.cell / 2 + 5, anchor: "middle",
                        weight: mine > theirs ? "bold" : nil))
                parts.append("</g>")
            }
            parts.append("</g>")
        }
        parts.append(
            SVG.text(
                "Row over column; green = the row's option wins.", x: 0, y: height - 8, fill: "#444",
                className: "chart-legend"))
        parts.append("</svg>")
        return parts.joined(separator: "\n")
    }
}
