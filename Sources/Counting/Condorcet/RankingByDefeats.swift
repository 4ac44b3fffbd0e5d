/// Turns a strict "beats" relation into a ranking with ties kept: the shared last step of the
/// Condorcet methods that end with a relation (Schulze's strongest paths, Ranked Pairs' locked
/// pairs).
public enum RankingByDefeats {
    /// The first group is every candidate no other candidate beats; each next group is every
    /// candidate no remaining candidate beats once the earlier groups are set aside. Within a
    /// group, candidates are by index. When the relation is acyclic (as both methods' relations
    /// are) every step finds at least one candidate; were it not, the remaining candidates
    /// would form one last group.
    public static func groups(candidateCount: Int, beats: (Int, Int) -> Bool) -> [[Int]] {
        var remaining = Array(0..<candidateCount)
        var groups: [[Int]] = []
        while !remaining.isEmpty {
            var group = remaining.filter { candidate in !remaining.contains { beats($0, candidate) } }
            if group.isEmpty { group = remaining }
            groups.append(group)
            remaining.removeAll { group.contains($0) }
        }
        return groups
    }
}
