/// A distribution's shares as table rows: each member's amount and share of the pool, largest
/// first, with a bar of the share drawn by the stylesheet's width classes.
public struct ShareTable: Sendable {
    public struct Row: Sendable, Equatable {
        public let member: String
        public let amount: String
        /// The share of the pool in percent, one decimal.
        public let percent: String
        /// The share rounded to a multiple of 5 percent, for the bar's CSS class.
        public let barClass: String
    }

    public let rows: [Row]
    public let total: String

    /// Rows for `shares` (member name, minor units) of a pool of `pot` minor units, written with
    /// `format`.
    public init(shares: [(member: String, units: Int64)], pot: Int64, format: (Int64) -> String) {
        let sorted = shares.enumerated().sorted { ($0.element.units, -$0.offset) > ($1.element.units, -$1.offset) }
            .map(\.element)
        rows = sorted.map { share in
            let fraction = pot > 0 ? Double(share.units) / Double(pot) : 0
            let percent = (fraction * 1000).rounded() / 10
            let step = Int((fraction * 20).rounded()) * 5
            return Row(
                member: share.member, amount: format(share.units), percent: String(percent) + "%",
                barClass: "bar-\(min(100, max(0, step)))")
        }
        total = format(shares.reduce(0) { $0 + $1.units })
    }
}
