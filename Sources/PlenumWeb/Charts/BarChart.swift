/// Horizontal bars grouped by round: one group per round of a count (instant-runoff and STV
/// rounds, the single round of plurality-like methods), each bar a candidate's tally with its
/// number written beside it. The quota, when the method has one, is drawn as a dashed line.
public struct BarChart: Sendable {
    /// One bar.
    public struct Bar: Sendable, Equatable {
        public let label: String
        /// The exact value as counted (`"12"`, `"7/3"`, `"4.50000"`).
        public let text: String
        public let value: Double
        /// What happened to the candidate in this round (`elected`, `eliminated`...), if anything.
        public let event: String?

        public init(label: String, text: String, value: Double, event: String? = nil) {
            self.label = label
            self.text = text
            self.value = value
            self.event = event
        }
    }

    /// The bars of one round.
    public struct Group: Sendable, Equatable {
        public let title: String
        public let bars: [Bar]
        /// The quota or threshold of the round, if any.
        public let threshold: Double?

        public init(title: String, bars: [Bar], threshold: Double? = nil) {
            self.title = title
            self.bars = bars
            self.threshold = threshold
        }
    }

    public let title: String
    public let description: String
    public let groups: [Group]

    public init(title: String, description: String, groups: [Group]) {
        self.title = title
        self.description = description
        self.groups = groups
    }

    static let width = 640.0
    static let labelWidth = 170.0
    static let valueWidth = 110.0
    static let barHeight = 20.0
    static let gap = 6.0
    static let groupHeading = 26.0

    /// The chart as an inline `<svg>` with the id `id`.
    public func svg(id: String = "chart") -> String {
        let largest = groups.flatMap { $0.bars.map(\.value) + ($0.threshold.map { [$0] } ?? []) }.max() ?? 0
        let scale = largest > 0 ? (Self.width - Self.labelWidth - Self.valueWidth) / largest : 0
        var height = 8.0
        for group in groups { height += Self.groupHeading + Double(group.bars.count) * (Self.barHeight + Self.gap) + 8 }
        var parts = [
            SVG.open(id: id, width: Self.width, height: max(height, 40), title: title, description: description)
        ]
        var y = 8.0
        for (index, group) in groups.enumerated() {
            parts.append("<g class=\"chart-round\" data-round=\"\(index + 1)\">")
            parts.append(SVG.text(group.title, x: 0, y: y + 17, weight: "bold"))
            y += Self.groupHeading
            let top = y
            for bar in group.bars {
                let fill: String
                switch bar.event {
                case "elected"?: fill = "#1d6b3a"
                case "eliminated"?, "excluded"?, "defeated"?: fill = "#8a8f98"
                default: fill = "#2456a6"
                }
                let length = max(0, bar.value) * scale
                parts.append("<g class=\"chart-bar\">")
                parts.append(
                    "<title>\(SVG.escape(bar.label)): \(SVG.escape(bar.text))\(bar.event.map { " (\($0))" } ?? "")</title>"
                )
                parts.append(SVG.text(SVG.clip(bar.label, 24), x: Self.labelWidth - 8, y: y + 14, anchor: "end"))
                parts.append(SVG.rect(x: Self.labelWidth, y: y, width: length, height: Self.barHeight, fill: fill))
                let note = bar.event.map { " \($0)" } ?? ""
                parts.append(SVG.text(bar.text + note, x: Self.labelWidth + length + 6, y: y + 14))
                parts.append("</g>")
                y += Self.barHeight + Self.gap
            }
            if let threshold = group.threshold, scale > 0 {
                let x = Self.labelWidth + threshold * scale
                parts.append(
                    "<line class=\"chart-threshold\" x1=\"\(SVG.number(x))\" y1=\"\(SVG.number(top - 2))\" x2=\"\(SVG.number(x))\" y2=\"\(SVG.number(y - Self.gap + 2))\" stroke=\"#a33\" stroke-dasharray=\"4 3\"/>"
                )
            }
            parts.append("</g>")
            y += 8
        }
        parts.append("</svg>")
        return parts.joined(separator: "\n")
    }
}
