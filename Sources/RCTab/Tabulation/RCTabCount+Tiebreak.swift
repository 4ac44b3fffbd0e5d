extension RCTabCount {
    /// RCTab's `Tiebreak.selectCandidate`: the winner (or loser) among tied candidates by the
    /// contest's tie-break mode.
    mutating func breakTie(among tied: [Int], selectingWinner: Bool) throws -> Int {
        let sorted = tied.sorted { javaLess(contest.names[$0], contest.names[$1]) }
        switch rules.tiebreakMode {
        case .random:
            return try draw(from: sorted)
        case .useCandidateOrder, .generatePermutation:
            let search = selectingWinner ? permutation : permutation.reversed()
            guard let choice = search.first(where: { sorted.contains($0) }) else {
                throw RCTabError("tabulation_failed", "round \(round): no tied candidate is in the tie-break order")
            }
            return choice
        case .previousRoundCountsThenRandom:
            var contenders = sorted
            var earlier = round - 1
            while earlier > 0 {
                let setOrder = JavaHashOrder.iterationOrder(
                    contenders, name: { contest.names[$0] },
                    initialCapacity: JavaHashOrder.copyConstructorCapacity(forCount: contenders.count))
                let groups = tallyGroups(tallies[earlier - 1], among: setOrder)
                guard let pick = selectingWinner ? groups.last : groups.first else { break }
                contenders = pick.candidates
                if contenders.count == 1 { return contenders[0] }
                earlier -= 1
            }
            return try draw(from: contenders)
        case .stopCountingAndAsk, .previousRoundCountsThenAsk:
            throw RCTabError(
                "unsupported_option", at: "rules.tiebreakMode",
                "tie-break mode \(rules.tiebreakMode.rawValue) asks an operator; Plenum counts unattended")
        }
    }

    /// `tied[floor(random.nextDouble() · count)]`.
    private mutating func draw(from tied: [Int]) throws -> Int {
        guard var generator = random else {
            throw RCTabError("invalid_option", at: "rules.randomSeed", "a random tie-break needs randomSeed")
        }
        let index = Int((generator.nextDouble() * Double(tied.count)).rounded(.down))
        random = generator
        return tied[min(index, tied.count - 1)]
    }

    /// Java's `String.compareTo`: lexicographic over UTF-16 code units.
    func javaLess(_ a: String, _ b: String) -> Bool {
        a.utf16.lexicographicallyPrecedes(b.utf16)
    }
}
