/// A line diff between two texts by the longest common subsequence of their lines: what a
/// revision removed, added and kept, in reading order.
public enum LineDiff {
    /// One line of a diff.
    public enum Line: Equatable, Sendable {
        /// In both texts.
        case same(String)
        /// Only in the old text.
        case removed(String)
        /// Only in the new text.
        case added(String)

        /// The line's text.
        public var text: String {
            switch self {
            case .same(let text), .removed(let text), .added(let text): return text
            }
        }
    }

    /// The most lines compared by the quadratic table; longer texts are diffed after their
    /// common head and tail are set aside, and past that as one removal and one addition.
    public static let maximumCells = 4_000_000

    /// The diff turning `old` into `new`, line by line. Within a changed stretch removals come
    /// before additions.
    public static func diff(_ old: String, _ new: String) -> [Line] {
        diff(lines: lines(of: old), lines(of: new))
    }

    /// The diff of two lists of lines.
    public static func diff(lines old: [String], _ new: [String]) -> [Line] {
        // The common head and tail need no table.
        var head = 0
        while head < old.count, head < new.count, old[head] == new[head] { head += 1 }
        var tail = 0
        while tail < old.count - head, tail < new.count - head, old[old.count - 1 - tail] == new[new.count - 1 - tail] {
            tail += 1
        }
        let a = Array(old[head..<(old.count - tail)])
        let b = Array(new[head..<(new.count - tail)])
        var result = old[..<head].map { Line.same($0) }
        if a.count * b.count > maximumCells {
            result += a.map { Line.removed($0) } + b.map { Line.added($0) }
        } else {
            result += middle(a, b)
        }
        result += old[(old.count - tail)...].map { Line.same($0) }
        return result
    }

    /// The LCS table walked from the front: `length[i][j]` is the LCS of `a[i...]` and `b[j...]`.
    private static func middle(_ a: [String], _ b: [String]) -> [Line] {
        let n = a.count
        let m = b.count
        guard n > 0, m > 0 else { return a.map { .removed($0) } + b.map { .added($0) } }
        var length = [Int](repeating: 0, count: (n + 1) * (m + 1))
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                length[i * (m + 1) + j] =
                    a[i] == b[j]
                    ? length[(i + 1) * (m + 1) + j + 1] + 1
                    : max(length[(i + 1) * (m + 1) + j], length[i * (m + 1) + j + 1])
            }
        }
        var result: [Line] = []
        var removed: [Line] = []
        var added: [Line] = []
        func flush() {
            result += removed + added
            removed.removeAll()
            added.removeAll()
        }
        var i = 0
        var j = 0
        while i < n, j < m {
            if a[i] == b[j] {
                flush()
                result.append(.same(a[i]))
                i += 1
                j += 1
            } else if length[(i + 1) * (m + 1) + j] >= length[i * (m + 1) + j + 1] {
                removed.append(.removed(a[i]))
                i += 1
            } else {
                added.append(.added(b[j]))
                j += 1
            }
        }
        removed += a[i...].map { .removed($0) }
        added += b[j...].map { .added($0) }
        flush()
        return result
    }

    /// The lines of `text` (`\n`, `\r\n` or `\r` ends a line; a final line ending adds no empty line).
    public static func lines(of text: String) -> [String] {
        guard !text.isEmpty else { return [] }
        var lines = text.split(
            omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
        )
        .map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines
    }
}
