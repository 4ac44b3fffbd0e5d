import Counting
import PlenumWeb
import Testing

/// The pieces the pages compute themselves: the line diff between revisions and the SVG charts.
@Suite("Web rendering: line diff and charts")
struct WebRenderingTests {
    typealias Line = LineDiff.Line

    @Test("identical texts diff to unchanged lines, empty texts to nothing")
    func identical() {
        #expect(LineDiff.diff("a\nb\nc", "a\nb\nc") == [.same("a"), .same("b"), .same("c")])
        #expect(LineDiff.diff("", "") == [])
        #expect(LineDiff.diff("", "x\ny") == [.added("x"), .added("y")])
        #expect(LineDiff.diff("x\ny", "") == [.removed("x"), .removed("y")])
    }

    @Test("a changed line is a removal then an addition, between kept lines")
    func changedLine() {
        #expect(
            LineDiff.diff("one\ntwo\nthree", "one\n2\nthree") == [
                .same("one"), .removed("two"), .added("2"), .same("three"),
            ])
    }

    @Test("insertions and deletions anywhere keep the longest common subsequence")
    func longestCommonSubsequence() {
        let old = ["a", "b", "c", "d", "e", "f"]
        let new = ["x", "a", "c", "d", "y", "f", "z"]
        let diff = LineDiff.diff(lines: old, new)
        #expect(diff.filter { if case .same = $0 { true } else { false } }.map(\.text) == ["a", "c", "d", "f"])
        // Replaying the diff gives back both texts.
        #expect(diff.compactMap { if case .added = $0 { nil } else { $0.text } } == old)
        #expect(diff.compactMap { if case .removed = $0 { nil } else { $0.text } } == new)
        #expect(
            diff == [
                .added("x"), .same("a"), .removed("b"), .same("c"), .same("d"), .removed("e"), .added("y"), .same("f"),
                .added("z"),
            ])
    }

    @Test("line endings: CRLF and CR split lines, a final newline adds no empty line")
    func lineEndings() {
        #expect(LineDiff.lines(of: "a\r\nb\rc\n") == ["a", "b", "c"])
        #expect(LineDiff.lines(of: "a\n\nb") == ["a", "", "b"])
        #expect(LineDiff.diff("a\nb\n", "a\nb") == [.same("a"), .same("b")])
    }

    @Test("every diff of random texts replays to both texts")
    func randomReplay() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            let old = (0..<Int.random(in: 0...12, using: &generator)).map { _ in
                String(Int.random(in: 0...4, using: &generator))
            }
            let new = (0..<Int.random(in: 0...12, using: &generator)).map { _ in
                String(Int.random(in: 0...4, using: &generator))
            }
            let diff = LineDiff.diff(lines: old, new)
            #expect(diff.compactMap { if case .added = $0 { nil } else { $0.text } } == old)
            #expect(diff.compactMap { if case .removed = $0 { nil } else { $0.text } } == new)
            // The kept lines are a longest common subsequence: compare with a plain LCS length.
            #expect(diff.filter { if case .same = $0 { true } else { false } }.count == Self.lcsLength(old, new))
        }
    }

    static func lcsLength(_ a: [String], _ b: [String]) -> Int {
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0..<a.count {
            for j in 0..<b.count {
                table[i + 1][j + 1] = a[i] == b[j] ? table[i][j] + 1 : max(table[i][j + 1], table[i + 1][j])
            }
        }
        return table[a.count][b.count]
    }

    @Test("the bar chart is an accessible SVG with a group per round and escaped labels")
    func barChart() {
        let chart = BarChart(
            title: "Votes <by> round", description: "Two rounds & a winner",
            groups: [
                BarChart.Group(
                    title: "Round 1",
                    bars: [
                        BarChart.Bar(label: "<Ann>", text: "3", value: 3),
                        BarChart.Bar(label: "Bob", text: "1", value: 1, event: "eliminated"),
                    ], threshold: 2.5),
                BarChart.Group(
                    title: "Round 2", bars: [BarChart.Bar(label: "<Ann>", text: "4", value: 4, event: "elected")]),
            ])
        let svg = chart.svg()
        #expect(svg.hasPrefix("<svg id=\"chart\""))
        #expect(svg.contains("role=\"img\""))
        #expect(svg.contains("aria-labelledby=\"chart-title chart-desc\""))
        #expect(svg.contains("<title id=\"chart-title\">Votes &lt;by&gt; round</title>"))
        #expect(svg.contains("<desc id=\"chart-desc\">Two rounds &amp; a winner</desc>"))
        #expect(svg.components(separatedBy: "class=\"chart-round\"").count - 1 == 2)
        #expect(svg.components(separatedBy: "<rect").count - 1 == 3)
        #expect(svg.contains("&lt;Ann&gt;"))
        #expect(!svg.contains("<Ann>"))
        #expect(svg.contains("1 eliminated"))
        #expect(svg.contains("class=\"chart-threshold\""))
        #expect(svg.hasSuffix("</svg>"))
    }

    @Test("the pairwise chart colours wins and losses and names the Condorcet winner")
    func pairwiseChart() throws {
        // Ann beats Bob 2-1 and Cid 3-0; Bob beats Cid 2-1.
        let chart = PairwiseChart(
            title: "Pairwise", candidates: ["Ann", "Bob", "Cid"], counts: [0, 2, 3, 1, 0, 2, 0, 1, 0])
        let svg = chart.svg()
        #expect(svg.contains("<svg id=\"chart\""))
        #expect(svg.contains("Ann beats every other option."))
        #expect(svg.contains("Ann over Bob: 2 to 1, wins"))
        #expect(svg.contains("Bob over Ann: 1 to 2, loses"))
        #expect(svg.components(separatedBy: "class=\"chart-cell\"").count - 1 == 6)
        let matrix = try PairwiseMatrix(candidateCount: 2, counts: [0, 1, 1, 0])
        let tie = PairwiseChart(title: "Tie", candidates: ["A", "B"], matrix: matrix).svg()
        #expect(tie.contains("A over B: 1 to 1, ties"))
        #expect(tie.contains("No option beats every other one."))
    }

    @Test("score bars are sorted from the highest; trace numbers read as exact values")
    func scoresAndNumbers() {
        let chart = ScoreChart.make(
            title: "Totals", measure: "Score",
            bars: [
                BarChart.Bar(label: "A", text: "2", value: 2), BarChart.Bar(label: "B", text: "7", value: 7),
                BarChart.Bar(label: "C", text: "5", value: 5),
            ])
        #expect(chart.groups.count == 1)
        #expect(chart.groups[0].bars.map(\.label) == ["B", "C", "A"])
        #expect(chart.description.contains("B: 7; C: 5; A: 2"))
        #expect(ResultChart.value(TraceNumber(7)) == 7)
        #expect(abs(ResultChart.value(TraceNumber(Rational(7, 2))) - 3.5) < 1e-9)
    }

    @Test("the share table lists members largest first with their percentages")
    func shareTable() {
        let table = ShareTable(
            shares: [(member: "Ann", units: 2500), (member: "Bob", units: 7500)], pot: 10000,
            format: { "\($0 / 100).\(String(format: "%02d", $0 % 100))" })
        #expect(table.rows.map(\.member) == ["Bob", "Ann"])
        #expect(table.rows.map(\.percent) == ["75.0%", "25.0%"])
        #expect(table.rows.map(\.barClass) == ["bar-75", "bar-25"])
        #expect(table.rows[0].amount == "75.00")
        #expect(table.total == "100.00")
    }

    @Test("an instant-runoff outcome gives one bar group per round, with the events")
    func runoffOutcome() throws {
        let outcome = Outcome(
            method: "instant-runoff", parameters: [], candidates: ["A", "B", "C"], winners: [0],
            rounds: [
                TraceRound(
                    number: 1,
                    tallies: [
                        CandidateTally(candidate: 0, votes: TraceNumber(4)),
                        CandidateTally(candidate: 1, votes: TraceNumber(3)),
                        CandidateTally(candidate: 2, votes: TraceNumber(2)),
                    ], events: [TraceEvent(.eliminated, 2)]),
                TraceRound(
                    number: 2,
                    tallies: [
                        CandidateTally(candidate: 0, votes: TraceNumber(5)),
                        CandidateTally(candidate: 1, votes: TraceNumber(4)),
                    ], events: [TraceEvent(.elected, 0)]),
            ])
        let chart = ResultChart.roundBars(outcome)
        #expect(chart.groups.count == 2)
        #expect(chart.groups[0].bars.map(\.event) == [nil, nil, "eliminated"])
        #expect(chart.groups[1].bars.first?.event == "elected")
        #expect(chart.description.contains("elected: A"))
    }
}
