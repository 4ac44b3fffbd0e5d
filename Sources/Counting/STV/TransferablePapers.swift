/// The ballot papers of an STV count, read once from a ``RankedProfile``: which papers are valid,
/// and how far down each paper its preferences can be followed.
///
/// Both STV rule sets here read papers the same way:
/// - Withdrawn candidates are skipped wherever they appear, as if never printed on the paper.
/// - A paper whose first usable preference is shared by two or more (non-withdrawn) candidates
///   is void: no first preference can be read from it (the Scottish Order's rule 44(1)(c) rejects
///   a paper with the figure 1 against more than one name). A paper with no usable preference at
///   all is void too (rule 44(1)(b)). Void papers are not valid papers and do not count towards
///   the quota.
/// - A later rank shared by two or more candidates ends the paper there: preferences are only
///   followed "in consecutive order" (the Order's definition of next available preference), so
///   the paper is non-transferable from that point on.
struct TransferablePapers: Sendable {
    let profile: RankedProfile
    /// `isWithdrawn[c]` for every candidate.
    let isWithdrawn: [Bool]
    /// For each ballot, the end (exclusive) of the entries whose preferences can be followed.
    let limit: [Int]
    /// For each ballot, the entry of its first preference, or -1 when the paper is void.
    let first: [Int]
    /// Total weight of valid papers.
    let validWeight: Int64
    /// Weight of papers void for having no usable preference.
    let blankWeight: Int64
    /// Weight of papers void for a first preference shared by several candidates.
    let sharedFirstWeight: Int64

    init(profile: RankedProfile, withdrawn: Set<Int>) throws(CountingError) {
        for candidate in withdrawn where candidate < 0 || candidate >= profile.candidateCount {
            throw .invalidParameter(
                "withdrawn candidate \(candidate + 1) does not exist (there are \(profile.candidateCount))")
        }
        var isWithdrawn = [Bool](repeating: false, count: profile.candidateCount)
        for candidate in withdrawn { isWithdrawn[candidate] = true }
        var limit = [Int](repeating: 0, count: profile.ballotCount)
        var first = [Int](repeating: -1, count: profile.ballotCount)
        var valid: Int64 = 0
        var blank: Int64 = 0
        var sharedFirst: Int64 = 0
        let candidates = profile.candidates
        let ranks = profile.ranks
        for ballot in 0..<profile.ballotCount {
            let range = profile.range(of: ballot)
            var end = range.upperBound
            var firstEntry = -1
            var entry = range.lowerBound
            while entry < range.upperBound {
                // One rank position: count the candidates on it who are not withdrawn.
                let rank = ranks[entry]
                var groupEnd = entry
                var live = 0
                var liveEntry = -1
                while groupEnd < range.upperBound && ranks[groupEnd] == rank {
                    if !isWithdrawn[Int(candidates[groupEnd])] {
                        live += 1
                        liveEntry = groupEnd
                    }
                    groupEnd += 1
                }
                if live > 1 {
                    end = entry
                    break
                }
                if live == 1 && firstEntry < 0 { firstEntry = liveEntry }
                entry = groupEnd
            }
            limit[ballot] = end
            first[ballot] = firstEntry
            let weight = profile.weights[ballot]
            if firstEntry >= 0 {
                valid += weight
            } else if end < range.upperBound {
                sharedFirst += weight
            } else {
                blank += weight
            }
        }
        self.profile = profile
        self.isWithdrawn = isWithdrawn
        self.limit = limit
        self.first = first
        self.validWeight = valid
        self.blankWeight = blank
        self.sharedFirstWeight = sharedFirst
    }

    /// The count's facts about void papers, for the first round's details.
    var voidDetails: [JSONMember] {
        [
            JSONMember("valid_papers", .integer(validWeight)),
            JSONMember("void_no_preference", .integer(blankWeight)),
            JSONMember("void_shared_first_preference", .integer(sharedFirstWeight)),
        ]
    }
}
