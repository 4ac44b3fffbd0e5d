extension JSONBallotReader {
    /// The `ballots` array: every element the same shape, read into one profile.
    enum JSONBallots {
        static func read(_ value: JSONValue, lookup: Lookup, candidateCount: Int) throws(ReaderError) -> Ballots {
            let elements = try array(value, path: "ballots")
            var shape: (key: String, firstIndex: Int)?
            var totalWeight: Int64 = 0
            var ranked = RankedProfile.Builder(candidateCount: candidateCount)
            var approvals: [(approved: Set<Int>, weight: Int64)] = []
            var ratings: [(ratings: [Int32?], weight: Int64)] = []
            for (position, element) in elements.enumerated() {
                let path = "ballots[\(position)]"
                let members = try Members(
                    try object(element, path: path), path: path + ".",
                    allowed: ["ranking", "approve", "scores", "weight"])
                let weight = try readWeight(members.optional("weight"), path: path + ".weight")
                let (sum, overflow) = totalWeight.addingReportingOverflow(weight)
                guard !overflow else {
                    throw ReaderError(.invalidValue, "\(path).weight: the weights add up beyond 2^63")
                }
                totalWeight = sum
                let present = ["ranking", "approve", "scores"].filter { members.optional($0) != nil }
                guard present.count == 1, let key = present.first else {
                    throw ReaderError(
                        .syntax, "\(path): a ballot has exactly one of \"ranking\", \"approve\" or \"scores\"")
                }
                if let shape, shape.key != key {
                    throw ReaderError(
                        .syntax,
                        "\(path): has \"\(key)\" but ballots[\(shape.firstIndex)] has \"\(shape.key)\"; "
                            + "all ballots of a file have the same shape")
                }
                shape = shape ?? (key, position)
                let content = try members.required(key)
                switch key {
                case "ranking":
                    let groups = try rankingGroups(content, path: path + ".ranking", lookup: lookup)
                    do { try ranked.add(groups: groups, weight: weight) } catch {
                        throw ReaderError(.duplicateCandidate, "\(path).ranking: \(ReaderError(error).message)")
                    }
                case "approve":
                    var approved = Set<Int>()
                    for (index, name) in try array(content, path: path + ".approve").enumerated() {
                        let candidate = try lookup.candidate(name, path: "\(path).approve[\(index)]")
                        guard approved.insert(candidate).inserted else {
                            throw ReaderError(.duplicateCandidate, "\(path).approve[\(index)]: approved twice")
                        }
                    }
                    approvals.append((approved, weight))
                default:
                    var row = [Int32?](repeating: nil, count: candidateCount)
                    for member in try object(content, path: path + ".scores") {
                        let memberPath = "\(path).scores.\(member.key)"
                        guard let candidate = lookup.index[member.key] else {
                            throw ReaderError(.unknownCandidate, "\(memberPath): \"\(member.key)\" is not a candidate")
                        }
                        guard case .integer(let number) = member.value, let value = Int32(exactly: number),
                            value != RatingProfile.blank
                        else {
                            throw ReaderError(
                                .invalidValue,
                                "\(memberPath): a score is a whole number (32 bits), not \(describe(member.value))")
                        }
                        row[candidate] = value
                    }
                    ratings.append((row, weight))
                }
            }
            do {
                switch shape?.key {
                case "approve":
                    return .approval(try ApprovalProfile(candidateCount: candidateCount, ballots: approvals))
                case "scores":
                    return .ratings(
                        try RatingProfile(
                            candidateCount: candidateCount, range: (Int32.min + 1)...Int32.max, ballots: ratings))
                default: return .ranked(ranked.build())
                }
            } catch {
                throw ReaderError(error)
            }
        }

        private static func readWeight(_ value: JSONValue?, path: String) throws(ReaderError) -> Int64 {
            guard let value else { return 1 }
            guard case .integer(let number) = value, number >= 1 else {
                throw ReaderError(.invalidValue, "\(path): a weight is a whole number from 1, not \(describe(value))")
            }
            return number
        }

        /// `[["A"], ["B", "C"], "D"]`: groups of names, a lone name being a group of one. Each group
        /// is sorted by candidate index, so equal ballots merge however their ties are written.
        private static func rankingGroups(
            _ value: JSONValue, path: String, lookup: Lookup
        ) throws(ReaderError) -> [[Int]] {
            var groups: [[Int]] = []
            for (index, element) in try array(value, path: path).enumerated() {
                if case .array(let names) = element {
                    guard !names.isEmpty else { throw ReaderError(.syntax, "\(path)[\(index)]: an empty group") }
                    var group: [Int] = []
                    for (inner, name) in names.enumerated() {
                        group.append(try lookup.candidate(name, path: "\(path)[\(index)][\(inner)]"))
                    }
                    groups.append(group.sorted())
                } else {
                    groups.append([try lookup.candidate(element, path: "\(path)[\(index)]")])
                }
            }
            var seen = Set<Int>()
            for (index, group) in groups.enumerated() {
                for candidate in group where !seen.insert(candidate).inserted {
                    throw ReaderError(.duplicateCandidate, "\(path)[\(index)]: a candidate is ranked twice")
                }
            }
            return groups
        }
    }
}
