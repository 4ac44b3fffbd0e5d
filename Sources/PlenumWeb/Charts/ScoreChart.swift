/// The totals of a cardinal count (score, STAR, approval, cumulative, quadratic, majority
/// judgment, consent) as one group of bars, best first.
public enum ScoreChart {
    /// A bar chart of `bars` titled `title`, sorted from the highest value.
    public static func make(title: String, measure: String, bars: [BarChart.Bar]) -> BarChart {
        let sorted = bars.enumerated().sorted { ($0.element.value, -$0.offset) > ($1.element.value, -$1.offset) }.map(
            \.element)
        let summary = sorted.map { "\($0.label): \($0.text)" }.joined(separator: "; ")
        return BarChart(
            title: title, description: "\(measure) for each option, highest first. \(summary)",
            groups: [BarChart.Group(title: measure, bars: sorted)])
    }
}
