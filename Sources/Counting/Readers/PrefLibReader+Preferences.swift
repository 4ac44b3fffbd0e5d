extension PrefLibReader {
    /// The preference lines, checked and entered into a ranked profile builder one by one (for
    /// `.cat`, category `i` is rank position `i`, so that repeated lines are found the same way).
    struct Body {
        let type: DataType
        let alternatives: Int
        let categories: Int
        var voters: Int64 = 0
        var lineCount: Int64 = 0
        /// Each line's preference as a ballot: group `i` at rank position `i`, each group sorted.
        private var builder: RankedProfile.Builder
        /// `mark[a] == lineCount + 1` when alternative `a` is on the line being read.
        private var mark: [Int64]
        /// The `{...}` group being read, sorted before it is entered.
        private var group: [Int] = []

        init(type: DataType, alternatives: Int, categories: Int) {
            self.type = type
            self.alternatives = alternatives
            self.categories = categories
            self.builder = RankedProfile.Builder(candidateCount: alternatives)
            self.mark = [Int64](repeating: 0, count: alternatives)
            self.group.reserveCapacity(alternatives)
        }

        /// Makes room for the preference lines the header announces, as far as `bytes` bytes of
        /// them can hold (a line takes at least 3 bytes, an alternative 2).
        mutating func reserve(lines declared: Int64, bytes: Int) {
            let lines = Int(min(declared, Int64(bytes / 3 + 1)))
            let (entries, overflow) = lines.multipliedReportingOverflow(by: alternatives)
            builder.reserveCapacity(
                ballots: lines, entries: type.isComplete ? min(overflow ? Int.max : entries, bytes / 2 + 1) : 0)
        }

        /// Reads one preference line into the profile; returns the index of the earlier line it
        /// repeats instead, if it does.
        mutating func add(_ line: LineScanner) throws(ReaderError) -> Int? {
            var scanner = line
            guard let count = try scanner.unsigned("the count") else {
                throw ReaderError(
                    .syntax, line: scanner.line,
                    "a preference line is \"count: preference\", not \(scanner.nextForMessage)")
            }
            guard scanner.consume(UInt8(ascii: ":")) else {
                throw ReaderError(
                    .syntax, line: scanner.line, "expected \":\" after the count, found \(scanner.nextForMessage)")
            }
            guard count >= 1 else { throw ReaderError(.invalidValue, line: scanner.line, "a count must be at least 1") }
            try readPreference(&scanner)
            let earlier: Int?
            do { earlier = try builder.endDistinctBallot(weight: count) } catch {
                throw ReaderError(error, line: scanner.line)
            }
            if let earlier { return earlier }
            let (sum, overflow) = voters.addingReportingOverflow(count)
            guard !overflow else {
                throw ReaderError(.invalidValue, line: scanner.line, "the counts add up beyond 2^63")
            }
            voters = sum
            lineCount += 1
            return nil
        }

        /// The comma-separated entries after the colon: a number, or `{...}` (possibly empty),
        /// entered into the builder as a ballot begun and not yet ended; then the line's checks.
        private mutating func readPreference(_ scanner: inout LineScanner) throws(ReaderError) {
            builder.beginBallot()
            let stamp = lineCount + 1
            var groups = 0
            var entries = 0
            var duplicate: Int?
            var emptyGroup = false
            var tie = false
            scanner.skipBlanks()
            if !scanner.atEnd {
                repeat {
                    if !scanner.consume(UInt8(ascii: "{")) {
                        // A single alternative: entered at once.
                        let alternative = try alternative(&scanner)
                        if note(alternative, stamp: stamp, entries: &entries, duplicate: &duplicate) {
                            try enter(alternative, rank: groups, line: scanner.line)
                        }
                        groups += 1
                        continue
                    }
                    // A group {...}: read whole, then entered sorted.
                    group.removeAll(keepingCapacity: true)
                    if !scanner.consume(UInt8(ascii: "}")) {
                        repeat { group.append(try alternative(&scanner)) } while scanner.consume(UInt8(ascii: ","))
                        guard scanner.consume(UInt8(ascii: "}")) else {
                            throw ReaderError(
                                .syntax, line: scanner.line, "expected \",\" or \"}\", found \(scanner.nextForMessage)")
                        }
                    }
                    emptyGroup = emptyGroup || group.isEmpty
                    tie = tie || group.count > 1
                    for alternative in group {
                        _ = note(alternative, stamp: stamp, entries: &entries, duplicate: &duplicate)
                    }
                    if duplicate == nil {
                        group.sort()
                        for alternative in group { try enter(alternative, rank: groups, line: scanner.line) }
                    }
                    groups += 1
                } while scanner.consume(UInt8(ascii: ","))
                scanner.skipBlanks()
                guard scanner.atEnd else {
                    throw ReaderError(
                        .syntax, line: scanner.line,
                        "expected \",\" or the end of the line, found \(scanner.nextForMessage)")
                }
            }
            try check(
                groups: groups, entries: entries, duplicate: duplicate, emptyGroup: emptyGroup, tie: tie,
                line: scanner.line)
        }

        /// Marks `alternative` as on the line (stamped `stamp`), counting it in `entries`, or, when
        /// it is there already, keeps it as the line's first `duplicate`. True when it is to be
        /// entered: new, and no duplicate so far (a line with one is refused once read).
        private mutating func note(_ alternative: Int, stamp: Int64, entries: inout Int, duplicate: inout Int?) -> Bool
        {
            guard mark[alternative] != stamp else {
                if duplicate == nil { duplicate = alternative }
                return false
            }
            mark[alternative] = stamp
            entries += 1
            return duplicate == nil
        }

        /// Enters `alternative` at rank position `rank` of the ballot being read.
        private mutating func enter(_ alternative: Int, rank: Int, line: Int) throws(ReaderError) {
            do { try builder.append(candidate: alternative, rank: Int32(truncatingIfNeeded: rank)) } catch {
                throw ReaderError(error, line: line)
            }
        }

        private func alternative(_ scanner: inout LineScanner) throws(ReaderError) -> Int {
            guard let number = try scanner.unsigned("an alternative number") else {
                throw ReaderError(
                    .syntax, line: scanner.line, "expected an alternative number, found \(scanner.nextForMessage)")
            }
            guard number >= 1 && number <= Int64(alternatives) else {
                throw ReaderError(
                    .unknownCandidate, line: scanner.line,
                    "there is no alternative \(number) (NUMBER ALTERNATIVES is \(alternatives))")
            }
            return Int(number) - 1
        }

        private func check(
            groups: Int, entries: Int, duplicate: Int?, emptyGroup: Bool, tie: Bool, line: Int
        ) throws(ReaderError) {
            if let duplicate {
                throw ReaderError(.duplicateCandidate, line: line, "alternative \(duplicate + 1) appears twice")
            }
            if type == .cat {
                guard groups == categories else {
                    throw ReaderError(
                        .countMismatch, line: line,
                        "a preference lists \(groups) categories; NUMBER CATEGORIES is \(categories)")
                }
                return
            }
            if emptyGroup {
                throw ReaderError(.syntax, line: line, "an empty group {} has no meaning in a .\(type.rawValue) order")
            }
            if !type.allowsTies, tie {
                throw ReaderError(
                    .syntax, line: line, "a .\(type.rawValue) file has no ties; orders with {...} belong in a .toi file"
                )
            }
            if type.isComplete, entries != alternatives {
                throw ReaderError(
                    .syntax, line: line,
                    "a .\(type.rawValue) order ranks all \(alternatives) alternatives; this one ranks \(entries)")
            }
        }

        func ballots() throws(ReaderError) -> Ballots {
            let profile = builder.build()
            guard type == .cat else { return .ranked(profile) }
            // The alternatives in the first category (rank position 0) are approved.
            var approvals: [(approved: Set<Int>, weight: Int64)] = []
            approvals.reserveCapacity(profile.ballotCount)
            for ballot in 0..<profile.ballotCount {
                var approved = Set<Int>()
                for entry in profile.range(of: ballot) where profile.ranks[entry] == 0 {
                    approved.insert(Int(profile.candidates[entry]))
                }
                approvals.append((approved, profile.weights[ballot]))
            }
            do {
                return .approval(try ApprovalProfile(candidateCount: alternatives, ballots: approvals))
            } catch {
                throw ReaderError(error)
            }
        }
    }
}
