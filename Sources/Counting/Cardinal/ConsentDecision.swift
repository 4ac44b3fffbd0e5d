import BigInt

/// Consent decision-making (sociocracy): every member states, for each option, agree, abstain,
/// object or block; an option passes when the configured pass rules all hold.
///
/// Encoding: a ballot is a ``RatingProfile`` row holding one ``Stance`` code per option:
/// `0` agree, `1` abstain ("stand aside"), `2` object, `3` block; a **blank counts as abstain**
/// (a member who says nothing about an option takes no position on it). Reasons given with an
/// objection are part of the deliberation, not of the count.
///
/// Pass rules (all configured rules must hold; configure none and every option passes):
/// - ``forbidsBlocks`` ("no blocks", on by default): no member blocks the option;
/// - ``maximumObjections`` ("at most N objections"): the objections, **blocks included** (a block
///   is an objection its maker declares decisive), number at most N;
/// - ``minimumAgreeShare`` ("agree share among non-abstaining at least p/q"): agree / (agree +
///   object + block) >= p/q, compared exactly; when every member abstains the share is undefined
///   and the rule does not hold.
/// Counts are weighted by ballot weight. The outcome's winners are the passing options, most
/// "agree" first (equal counts ordered by the ``TieBreakOrder``, recorded); the ranking lists the
/// passing options by agree count, then the failing ones by agree count, equal counts tied. The
/// trace gives each option's count per stance, its agree share and every rule it failed.
/// References: Endenburg, *Sociocracy: The Organization of Decision-Making* (1998); Buck &
/// Villines, *We the People: Consenting to a Deeper Democracy* (2007; 2nd ed. 2017), on consent,
/// objection and the paramount objection (block).
public struct ConsentDecision: Sendable {
    public static let name = "consent"

    /// A member's position on an option, as stored in a rating profile.
    public enum Stance: Int32, Sendable, CaseIterable {
        case agree = 0
        case abstain = 1
        case object = 2
        case block = 3

        var word: String {
            switch self {
            case .agree: return "agree"
            case .abstain: return "abstain"
            case .object: return "object"
            case .block: return "block"
            }
        }
    }

    /// "No blocks": a single block stops the option.
    public var forbidsBlocks: Bool
    /// "At most N objections" (blocks counted as objections); nil when not a rule.
    public var maximumObjections: Int64?
    /// "Agree share among non-abstaining at least p/q"; nil when not a rule.
    public var minimumAgreeShare: Rational?

    public init(forbidsBlocks: Bool = true, maximumObjections: Int64? = nil, minimumAgreeShare: Rational? = nil) {
        self.forbidsBlocks = forbidsBlocks
        self.maximumObjections = maximumObjections
        self.minimumAgreeShare = minimumAgreeShare
    }

    /// Counts `profile` (one stance code per option); `tieBreak` orders passing options with
    /// equal agree counts.
    public func count(
        _ profile: RatingProfile, names: [String], tieBreak: TieBreakOrder
    ) throws(CountingError)
        -> Outcome
    {
        let optionCount = profile.candidateCount
        try CardinalInput.check(names: names, tieBreak: tieBreak, candidateCount: optionCount)
        _ = try CardinalInput.totalWeight(profile.weights)
        if let maximumObjections, maximumObjections < 0 {
            throw .invalidParameter("the most objections allowed must be 0 or more, got \(maximumObjections)")
        }
        if let share = minimumAgreeShare, share < .zero || Rational.one < share {
            throw .invalidParameter("the agree share must be between 0 and 1, got \(share)")
        }
        // stances[o * 4 + s]: the weight of ballots taking stance s on option o.
        var stances = [Int64](repeating: 0, count: optionCount * 4)
        let ratings = profile.ratings
        let weights = profile.weights
        for ballot in 0..<profile.ballotCount {
            let weight = weights[ballot]
            let base = ballot * optionCount
            for option in 0..<optionCount {
                var code = ratings[base + option]
                if code == RatingProfile.blank {
                    code = Stance.abstain.rawValue
                } else if code < 0 || code > 3 {
                    throw .invalidBallot(
                        "\(CardinalInput.name(profile, ballot: ballot)) gives option \(option + 1) the stance code "
                            + "\(code); the codes are 0 agree, 1 abstain, 2 object, 3 block")
                }
                stances[option * 4 + Int(code)] += weight
            }
        }
        var passing: [Bool] = []
        var agreeCounts: [Int64] = []
        var details: [JSONValue] = []
        var events: [TraceEvent] = []
        for option in 0..<optionCount {
            let agree = stances[option * 4]
            let object = stances[option * 4 + 2]
            let block = stances[option * 4 + 3]
            let taking = agree + object + block
            var failed: [String] = []
            var why: [String] = []
            if forbidsBlocks && block > 0 {
                failed.append("no blocks")
                why.append("blocked by \(block)")
            }
            if let maximumObjections, object + block > maximumObjections {
                failed.append("at most \(maximumObjections) objections")
                why.append("\(object + block) objections, blocks included, above \(maximumObjections)")
            }
            if let share = minimumAgreeShare,
                taking == 0 || Rational(BigInt(agree), BigInt(taking)) < share
            {
                failed.append("agree share among non-abstaining at least \(share)")
                why.append(
                    taking == 0
                        ? "no member took a position"
                        : "agree share \(Rational(BigInt(agree), BigInt(taking))) below \(share)")
            }
            passing.append(failed.isEmpty)
            agreeCounts.append(agree)
            var members = [JSONMember("option", .integer(Int64(option)))]
            for stance in Stance.allCases {
                members.append(JSONMember(stance.word, .integer(stances[option * 4 + Int(stance.rawValue)])))
            }
            members.append(
                JSONMember(
                    "agree_share", taking == 0 ? .null : .string(Rational(BigInt(agree), BigInt(taking)).description)))
            members.append(JSONMember("passes", .bool(failed.isEmpty)))
            members.append(JSONMember("failed_rules", .array(failed.map(JSONValue.string))))
            details.append(.object(members))
            events.append(
                failed.isEmpty
                    ? TraceEvent(.elected, option, reason: "passes every rule")
                    : TraceEvent(.defeated, option, reason: why.joined(separator: "; ")))
        }
        // Passing options first, each part by agree count.
        let agreeGroups = RankingByScore.groups(agreeCounts, higherIsBetter: true)
        let ranking =
            agreeGroups.map { $0.filter { passing[$0] } }.filter { !$0.isEmpty }
            + agreeGroups.map { $0.filter { !passing[$0] } }.filter { !$0.isEmpty }
        let passingGroups = ranking.filter { passing[$0[0]] }
        var ties: [TieResolution] = []
        var winners: [Int] = []
        for group in passingGroups {
            let ordered = tieBreak.sorted(group)
            if group.count > 1 {
                ties.append(
                    TieResolution(round: 1, decision: "order", tied: group, chosen: ordered, rule: tieBreak.rule))
            }
            winners.append(contentsOf: ordered)
        }
        let round = TraceRound(
            number: 1, label: "stances",
            tallies: (0..<optionCount).map { CandidateTally(candidate: $0, votes: TraceNumber(agreeCounts[$0])) },
            events: events, details: [JSONMember("options", .array(details))])
        return Outcome(
            method: ConsentDecision.name,
            parameters: [
                JSONMember("forbids_blocks", .bool(forbidsBlocks)),
                JSONMember("maximum_objections", maximumObjections.map(JSONValue.integer) ?? .null),
                JSONMember("minimum_agree_share", minimumAgreeShare.map { .string($0.description) } ?? .null),
                JSONMember("stance_codes", .string("0 agree, 1 abstain, 2 object, 3 block; blank = abstain")),
                tieBreak.parameter,
            ],
            candidates: names, winners: winners, ranking: ranking, rounds: [round], ties: ties)
    }
}
