extension VotingMethod {
    /// The cardinal and point-based methods (a number or a set per ballot), as registry entries.
    static let cardinal: [VotingMethod] = [
        VotingMethod(
            name: ApprovalVoting.name, summary: "Each voter approves any number of candidates; the most approvals win.",
            shapes: [.approval], conversions: [.approvalFromRanked], multiWinner: true
        ) { election, options throws(CountingError) in
            try ApprovalVoting(seats: election.seats).count(
                try election.approvalBallots(for: ApprovalVoting.name), names: election.candidates,
                tieBreak: try options.tieBreakOrder(for: election))
        },
        VotingMethod(
            name: ScoreVoting.name, summary: "Each voter scores every candidate; the highest total wins.",
            shapes: [.rating], multiWinner: true,
            parameters: [
                MethodParameter("min", "the lowest score (default 0)"),
                MethodParameter("max", "the highest score (default 5)"),
                MethodParameter("blank", "minimum (a blank scores the minimum, default) or excluded (no opinion)"),
            ]
        ) { election, options throws(CountingError) in
            let minimum = try options.integer("min", default: 0, in: -1_000_000...1_000_000)
            let maximum = try options.integer("max", default: 5, in: -1_000_000...1_000_000)
            guard minimum < maximum else { throw .invalidParameter("min must be below max") }
            let blank = try options.choice("blank", default: "minimum", from: ["minimum", "excluded"])
            return try ScoreVoting(
                minimumScore: Int32(minimum), maximumScore: Int32(maximum),
                blank: blank == "minimum" ? .minimum : .excluded, seats: election.seats
            ).count(
                try election.ratingBallots(for: ScoreVoting.name), names: election.candidates,
                tieBreak: try options.tieBreakOrder(for: election))
        },
        VotingMethod(
            name: STARVoting.name,
            summary: "Score then automatic runoff: the two highest-scoring candidates meet in a runoff "
                + "decided by which one more voters scored higher.",
            shapes: [.rating], parameters: [MethodParameter("max", "the highest score (default 5)")]
        ) { election, options throws(CountingError) in
            try STARVoting(maximumScore: Int32(try options.integer("max", default: 5, in: 1...1_000_000))).count(
                try election.ratingBallots(for: STARVoting.name), names: election.candidates,
                tieBreak: try options.tieBreakOrder(for: election))
        },
        VotingMethod(
            name: MajorityJudgment.name,
            summary: "Each voter grades every candidate; the highest median grade wins (Balinski and Laraki).",
            shapes: [.rating],
            parameters: [
                MethodParameter(
                    "grades", "the grade names, worst first, comma-separated (default: Balinski and Laraki's six)")
            ]
        ) { election, options throws(CountingError) in
            var grades = MajorityJudgment.balinskiLarakiGrades
            if let text = options.text("grades") {
                grades = text.split(separator: ",").map { String($0) }
                guard grades.count >= 2 else { throw .invalidParameter("grades needs at least two names") }
            }
            return try MajorityJudgment(grades: grades).count(
                try election.ratingBallots(for: MajorityJudgment.name), names: election.candidates,
                tieBreak: try options.tieBreakOrder(for: election))
        },
        VotingMethod(
            name: ConsentDecision.name,
            summary: "Each member agrees, abstains, objects or blocks (0 to 3) on each option; an option "
                + "passes when the pass rules all hold.",
            shapes: [.rating],
            parameters: [
                MethodParameter("no-blocks", "true (default): a single block fails the option"),
                MethodParameter("max-objections", "at most this many objections (blocks included); default no limit"),
                MethodParameter("agree-share", "agree / (agree + object + block) must reach p/q, e.g. 2/3"),
            ]
        ) { election, options throws(CountingError) in
            let objections = try options.text("max-objections").map { _ throws(CountingError) in
                Int64(try options.integer("max-objections", default: 0, in: 0...Int(Int32.max)))
            }
            var share: Rational?
            if let text = options.text("agree-share") {
                let parts = text.split(separator: "/").compactMap { Int($0) }
                guard parts.count == 2, parts[1] > 0, (0...parts[1]).contains(parts[0]) else {
                    throw .invalidParameter("agree-share is p/q with 0 <= p <= q, not \"\(text)\"")
                }
                share = Rational(.init(parts[0]), .init(parts[1]))
            }
            return try ConsentDecision(
                forbidsBlocks: try options.flag("no-blocks", default: true), maximumObjections: objections,
                minimumAgreeShare: share
            ).count(
                try election.ratingBallots(for: ConsentDecision.name), names: election.candidates,
                tieBreak: try options.tieBreakOrder(for: election))
        },
        VotingMethod(
            name: QuadraticVoting.name,
            summary: "Each voter spends credits on options; an option's votes are the integer square root "
                + "of the credits spent on it.",
            shapes: [.rating],
            parameters: [
                MethodParameter("credits", "each voter's credit budget (default 100)"),
                MethodParameter("negative", "false (default): true allows votes against an option"),
            ]
        ) { election, options throws(CountingError) in
            try QuadraticVoting(
                creditBudget: Int64(try options.integer("credits", default: 100, in: 1...Int(Int32.max))),
                allowsNegativeVotes: try options.flag("negative", default: false)
            ).count(
                try election.ratingBallots(for: QuadraticVoting.name), names: election.candidates,
                tieBreak: try options.tieBreakOrder(for: election))
        },
        VotingMethod(
            name: CumulativeVoting.name,
            summary: "Each voter distributes a fixed number of points (dots) among the options; the most "
                + "points win.",
            shapes: [.rating], multiWinner: true,
            parameters: [
                MethodParameter("points", "the points each voter may give (default 5)"),
                MethodParameter(
                    "max-per-option", "at most this many points on one option (dot voting); no limit by default"),
            ]
        ) { election, options throws(CountingError) in
            let cap = try options.text("max-per-option").map { _ throws(CountingError) in
                Int64(try options.integer("max-per-option", default: 1, in: 1...Int(Int32.max)))
            }
            return try CumulativeVoting(
                points: Int64(try options.integer("points", default: 5, in: 1...Int(Int32.max))),
                maximumPerOption: cap, seats: election.seats
            ).count(
                try election.ratingBallots(for: CumulativeVoting.name), names: election.candidates,
                tieBreak: try options.tieBreakOrder(for: election))
        },
    ]
}
