import BigInt
import Counting

/// A contribution to a project, in minor units.
public struct ProjectContribution: Hashable, Sendable {
    public let contributor: String
    public let project: String
    public let amount: Int64

    public init(contributor: String, project: String, amount: Int64) {
        self.contributor = contributor
        self.project = project
        self.amount = amount
    }
}

/// Quadratic funding (Buterin, Hitzig & Weyl, "A Flexible Design for Funding Public Goods",
/// Management Science 65(11), 2019; arXiv:1809.06421, 2018): a matching pool tops up projects so
/// that a project's funding is the square of the sum of the square roots of its contributions.
///
///     ideal_p = (Σ_i √c_ip)² − Σ_i c_ip          (the CLR subsidy)
///     match_p = min(cap, λ · ideal_p)
///
/// Contributions of one contributor to one project are added first. If the ideal matches (each
/// at most the per-project cap) fit the pool, the pool is *unsaturated*: `λ = 1`, every project
/// receives its ideal match, and the rest of the pool stays ``Distribution/unallocated``.
/// Otherwise it is *saturated*: `λ < 1` is the level at which the matches (water-filled under the
/// cap) use the whole pool — the budget-constrained "α-CLR" of the paper. Matches are rounded by
/// ``LargestRemainder`` with the ideal matches as weights (unsaturated: the floor of their sum is
/// paid).
///
/// Square roots are irrational, so they are computed to a stated precision: each `√c` is
/// truncated to `precision` decimals of a minor unit (30 by default), and that truncation is part
/// of the method's definition, so every computation gives the same cents. A project funded by one
/// contributor gets no match; four contributions of 1.00 earn a match of (4·1)² − 4 = 12.00, and
/// one contribution of 4.00 earns none. The mechanism is vulnerable to collusion and to one person
/// contributing under several identities; it assumes contributors are distinct people.
public enum QuadraticFunding {
    /// The method's name.
    public static let name = "quadratic-funding"

    /// The default number of decimals of a minor unit kept in each square root.
    public static let defaultPrecision = 30

    /// Matches `contributions` from `pool` (zero or more) with an optional `cap` per project (in
    /// minor units), square roots truncated to `precision` (1 to 60) decimals of a minor unit.
    public static func distribute(
        pool: Money, contributions: [ProjectContribution], cap: Int64? = nil, precision: Int = defaultPrecision
    ) throws(SharesError) -> Distribution {
        try pool.requireNonNegative(name)
        guard (1...60).contains(precision) else {
            throw .invalidParameter("the precision is 1 to 60 decimals, not \(precision)")
        }
        if let cap, cap < 0 { throw .invalidAmount("the cap per project must not be negative") }
        var byProject: [String: [String: Int64]] = [:]
        for contribution in contributions {
            try MemberOrder.validate(contribution.project, what: "project")
            try MemberOrder.validate(contribution.contributor, what: "contributor")
            guard contribution.amount >= 0 else {
                throw .invalidAmount("\(contribution.contributor) gives \(contribution.project) a negative amount")
            }
            let (sum, overflow) = byProject[contribution.project, default: [:]][contribution.contributor, default: 0]
                .addingReportingOverflow(contribution.amount)
            guard !overflow else { throw .invalidAmount("the contributions to \(contribution.project) are too large") }
            byProject[contribution.project, default: [:]][contribution.contributor] = sum
        }
        guard !byProject.isEmpty else { throw .noEligibleWeight("there are no contributions") }
        let projects = byProject.keys.sorted(by: MemberOrder.precedes)
        let scale = BigInt(10).power(precision)
        let scaleSquared = scale * scale
        var ideals: [Rational] = []
        var projectDetails: [JSONMember] = []
        for project in projects {
            let amounts = Array((byProject[project] ?? [:]).values)
            let total = amounts.reduce(BigInt(0)) { $0 + BigInt($1) }
            let roots = amounts.reduce(BigInt(0)) { $0 + integerSquareRoot(BigInt($1) * scaleSquared) }
            let excess = roots * roots - total * scaleSquared
            let ideal = excess.sign == .minus ? Rational.zero : Rational(excess, scaleSquared)
            ideals.append(ideal)
            projectDetails.append(
                JSONMember(
                    project,
                    .object([
                        JSONMember("contributors", .integer(Int64(amounts.count))),
                        JSONMember("contributed", .string(String(total))),
                        JSONMember("ideal_match", ideal.json),
                    ])))
        }
        let upper = cap.map { Rational(BigInt($0)) }
        let cappedIdeals = ideals.map { ideal in upper.map { ideal < $0 ? ideal : $0 } ?? ideal }
        let cappedSum = cappedIdeals.reduce(Rational.zero, +)
        let saturated = cappedSum > pool.rational
        let quotas: [Rational]
        let paid: Int64
        var level = Rational.one
        if saturated {
            let terms = zip(projects, ideals).map { LevelTerm(member: $0, weight: $1, upper: upper) }
            let solution = try WaterLevel.solve(terms, total: pool.rational, what: "the projects")
            quotas = solution.amounts
            level = solution.level ?? .one
            paid = pool.units
        } else {
            quotas = cappedIdeals
            paid = Int64(exactly: cappedSum.floor) ?? 0
        }
        let entitlements = (0..<projects.count).map { Entitlement(projects[$0], quota: quotas[$0], weight: ideals[$0]) }
        let rounding = try LargestRemainder.round(paid, entitlements: entitlements, label: "match")
        var parameters = [JSONMember("precision", .integer(Int64(precision)))]
        if let cap { parameters.append(JSONMember("cap", .integer(cap))) }
        return Distribution(
            method: name, parameters: parameters, currency: pool.currency, pot: pool.units, roundings: [rounding],
            details: [
                JSONMember("saturated", .bool(saturated)),
                JSONMember("level", level.json),
                JSONMember("projects", .object(projectDetails)),
            ])
    }

    /// `⌊√n⌋` for `n ≥ 0`, checked.
    static func integerSquareRoot(_ value: BigInt) -> BigInt {
        var root = value.squareRoot()
        while root * root > value { root -= 1 }
        while (root + 1) * (root + 1) <= value { root += 1 }
        return root
    }
}
