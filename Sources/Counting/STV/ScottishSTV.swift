/// Scottish STV: the single transferable vote exactly as the Scottish Local Government Elections
/// Order 2011 (SSI 2011/399), Schedule 1, rules 44 and 46 to 53, counts a council ward.
///
/// Definition (rule numbers are the 2011 Order's; its counting rules repeat rules 45 to 52 of the
/// 2007 Order, SSI 2007/42, renumbered by one):
/// - **First stage** (rule 46): each valid paper is credited, at value 1, to its first preference.
/// - **Quota** (rule 47): the number of valid papers divided by one more than the number of seats,
///   ignoring any decimal places, plus one: `floor(valid / (seats + 1)) + 1`, in whole votes.
/// - **Election** (rule 48): a candidate whose votes equal or exceed the quota at the end of any
///   stage is deemed elected. Candidates elected at the same stage are listed by votes, highest
///   first.
/// - **Surplus transfer** (rules 49 and 50), one stage per surplus, the largest surplus first:
///   every paper the elected candidate holds (weighted inclusive Gregory) passes to its next
///   available preference (the next continuing candidate in consecutive order) with the transfer
///   value `surplus × value of the paper / total votes of the candidate`, calculated to five
///   decimal places with any remainder ignored (truncated, rule 49(3)). The paper's value is 1
///   for a first-preference paper and its transfer value when received otherwise (rule 49(4)).
///   A candidate's votes are the exact sum of their papers' values, so every tally is a whole
///   number of 0.00001 and no other rounding happens. Papers with no next available preference
///   are non-transferable; the part of the surplus not credited to anyone (non-transferable
///   papers and the remainders dropped by truncation) is reported as non-transferable. The
///   elected candidate keeps the quota.
/// - **Exclusion** (rules 51 and 52): when no surplus remains to transfer, the continuing candidate
///   with fewest votes is excluded and all their papers pass on at the value they have, in one
///   stage.
/// - **Ties** (rules 50(2)-(3) and 52(2)): candidates with equal surpluses (equal votes) are
///   ordered by their votes at the most recent preceding stage where they differed, the highest
///   transferred first; candidates tied for exclusion likewise, the lowest excluded. When three or
///   more are tied and an earlier stage separates only some of them, the look-back continues
///   among those still tied at that stage (Droop, by contrast, keeps looking for a stage where the
///   extreme is unique among all of them). Candidates equal at every stage are separated "by lot":
///   here by the ``TieBreakOrder`` (the earliest is transferred first; the latest is excluded), and
///   every such decision is recorded in ``Outcome/ties``.
/// - **Last vacancies** (rule 53): as soon as the continuing candidates are no more than the
///   vacancies, they are all deemed elected and no further transfer is made. (The exclusion that
///   leads there still transfers the excluded candidate's papers, as part of its own stage.)
///
/// Ballots (rule 44): a paper whose first usable preference is shared by two or more candidates,
/// or that has none (blank, or only withdrawn candidates), is void and not counted (it is not a
/// valid paper for the quota); a shared later rank ends the paper there. Withdrawn candidates are
/// skipped wherever they appear (see ``TransferablePapers``).
///
/// Trace: one round per stage (first stage, each surplus transfer, each exclusion) with every
/// non-withdrawn candidate's votes (to five places), the quota, the non-transferable total so far,
/// the transfers (`to: nil` is non-transferable), and in `details` the surplus, each transfer
/// value applied (per distinct paper value) and the split of the non-transferable part.
///
/// Reference: The Scottish Local Government Elections Order 2011, SSI 2011/399, Schedule 1;
/// amended by SSI 2021/437 (rule 53(2)). `ranking` is empty: the rule set only elects.
public struct ScottishSTV: Sendable {
    public static let name = "scottish-stv"
    /// The Order's precision: five decimal places, remainders ignored.
    public static let places = 5

    /// The number of councillors to elect.
    public var seats: Int
    /// Candidates withdrawn before the count (skipped on every paper).
    public var withdrawn: Set<Int>

    public init(seats: Int, withdrawn: Set<Int> = []) {
        self.seats = seats
        self.withdrawn = withdrawn
    }

    /// Counts `profile`; `tieBreak` stands in for the Order's "by lot".
    public func count(
        _ profile: RankedProfile, names: [String], tieBreak: TieBreakOrder
    ) throws(CountingError)
        -> Outcome
    {
        try STVInput.check(profile: profile, names: names, tieBreak: tieBreak, seats: seats)
        let papers = try TransferablePapers(profile: profile, withdrawn: withdrawn)
        guard papers.validWeight <= Int64.max / ScottishCount.unit else {
            throw .beyondLimit("Scottish STV counts at most \(Int64.max / ScottishCount.unit) valid papers")
        }
        var count = ScottishCount(papers: papers, seats: seats, names: names, tieBreak: tieBreak)
        count.run()
        return Outcome(
            method: ScottishSTV.name,
            parameters: [
                JSONMember("seats", .integer(Int64(seats))),
                JSONMember("withdrawn", .array(withdrawn.sorted().map { .integer(Int64($0)) })),
                JSONMember("places", .integer(Int64(ScottishSTV.places))),
                JSONMember("quota", .integer(count.quota)),
                tieBreak.parameter,
            ],
            candidates: names, winners: count.winners, ranking: [], rounds: count.rounds, ties: count.ties)
    }
}

/// Checks shared by both STV rule sets.
enum STVInput {
    static func check(
        profile: RankedProfile, names: [String], tieBreak: TieBreakOrder, seats: Int
    )
        throws(CountingError)
    {
        guard seats >= 1 else { throw .invalidParameter("seats must be at least 1, got \(seats)") }
        guard names.count == profile.candidateCount else {
            throw .invalidParameter("\(names.count) names given for \(profile.candidateCount) candidates")
        }
        guard tieBreak.order.count == profile.candidateCount else {
            throw .invalidParameter(
                "the tie-break order lists \(tieBreak.order.count) candidates, the ballots have \(profile.candidateCount)"
            )
        }
    }
}
