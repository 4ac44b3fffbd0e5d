import Counting

extension SharesMethod {
    /// Every method `plenum shares` offers, in the order docs/shares.md describes them.
    public static let all: [SharesMethod] =
        [
            SharesMethod(
                name: Proportional.name, summary: "in proportion to each member's weight (hours, points, any measure)",
                required: ["member", "weight"], optional: [], parameters: [], pot: "the amount to share",
                compute: { (context) throws(SharesError) in
                    try Proportional.distribute(try context.pot(), weights: try weights(context))
                }),
            SharesMethod(
                name: PeerAllocation.name, summary: "by points received from the other members' budgets",
                required: ["from", "to", "points"], optional: [],
                parameters: [
                    Parameter(key: "budget", summary: "the points each giver may give (required)"),
                    Parameter(key: "not-giving", summary: "members who opted out of giving, comma-separated"),
                    Parameter(key: "not-receiving", summary: "members who opted out of receiving, comma-separated"),
                ], pot: "the amount to share", compute: peer),
            SharesMethod(
                name: TimeDecayed.name, summary: "by contributions decayed geometrically per period",
                required: ["member", "period", "amount"], optional: [],
                parameters: [
                    Parameter(key: "decay", summary: "the factor per period, more than 0 and at most 1 (required)"),
                    Parameter(key: "current-period", summary: "the period decay counts from (default: the latest)"),
                ], pot: "the amount to share",
                compute: { (context) throws(SharesError) in
                    let rows = try context.rows(required: ["member", "period", "amount"])
                    var contributions: [PeriodContribution] = []
                    for row in rows {
                        contributions.append(
                            PeriodContribution(
                                row.text("member"), period: try row.integer("period"), amount: try row.number("amount"))
                        )
                    }
                    guard let decay = try context.numberParameter("decay") else {
                        throw .invalidParameter("give --param decay=... (for example 0.9 or 1/2)")
                    }
                    return try TimeDecayed.distribute(
                        try context.pot(), contributions: contributions, decay: decay,
                        currentPeriod: try context.integerParameter("current-period"))
                }),
            SharesMethod(
                name: CatchUp.name, summary: "toward lifetime pay in proportion to weight; the overpaid get nothing",
                required: ["member", "weight", "paid"], optional: [], parameters: [], pot: "the amount to share",
                compute: { (context) throws(SharesError) in
                    let currency = try context.currency()
                    var members: [CatchUp.Member] = []
                    for row in try context.rows(required: ["member", "weight", "paid"]) {
                        members.append(
                            CatchUp.Member(
                                row.text("member"), weight: try row.number("weight"),
                                paid: try row.amount("paid", currency)))
                    }
                    return try CatchUp.distribute(try context.pot(), members: members)
                }),
            SharesMethod(
                name: OrderedBuckets.name, summary: "fixed amounts and percentages in order, then the rest by a method",
                required: [], optional: [],
                parameters: [Parameter(key: "rest", summary: "the method for the rest (default proportional)")],
                pot: "the amount to share", compute: buckets),
            SharesMethod(
                name: Patronage.name, summary: "co-op patronage: by weight, with a minimum cash part rounded up",
                required: ["member", "weight"], optional: [],
                parameters: [Parameter(key: "minimum-cash-percent", summary: "the cash part, 0 to 100 (required)")],
                pot: "the surplus to allocate",
                compute: { (context) throws(SharesError) in
                    guard let percent = try context.numberParameter("minimum-cash-percent") else {
                        throw .invalidParameter("give --param minimum-cash-percent=... (for example 20)")
                    }
                    return try Patronage.distribute(
                        try context.pot(), patronage: try weights(context), minimumCashPercent: percent)
                }),
            SharesMethod(
                name: WaterFilling.name, summary: "in proportion to weight under caps and above floors",
                required: ["member", "weight"], optional: ["cap", "floor"],
                parameters: [
                    Parameter(key: "cap", summary: "the most anyone receives (a row's cap overrides it)"),
                    Parameter(key: "floor", summary: "the least anyone receives (a row's floor overrides it)"),
                ], pot: "the amount to share",
                compute: { (context) throws(SharesError) in
                    let currency = try context.currency()
                    var members: [WaterFilling.Member] = []
                    for row in try context.rows(required: ["member", "weight"], optional: ["cap", "floor"]) {
                        members.append(
                            WaterFilling.Member(
                                row.text("member"), weight: try row.number("weight"),
                                cap: try row.optionalAmount("cap", currency),
                                floor: try row.optionalAmount("floor", currency)))
                    }
                    return try WaterFilling.distribute(
                        try context.pot(), members: members, cap: try context.amountParameter("cap"),
                        floor: try context.amountParameter("floor"))
                }),
        ] + ClaimsRule.allCases.map(claimsMethod) + [
            SharesMethod(
                name: QuadraticFunding.name, summary: "matching pool by (Σ √contribution)² − Σ contribution",
                required: ["contributor", "project", "amount"], optional: [],
                parameters: [
                    Parameter(key: "cap", summary: "the most any project's match may be"),
                    Parameter(key: "precision", summary: "decimals of a minor unit kept in square roots (default 30)"),
                ], pot: "the matching pool",
                compute: { (context) throws(SharesError) in
                    let pool = try context.pot()
                    var contributions: [ProjectContribution] = []
                    for row in try context.rows(required: ["contributor", "project", "amount"]) {
                        contributions.append(
                            ProjectContribution(
                                contributor: row.text("contributor"), project: row.text("project"),
                                amount: try row.amount("amount", pool.currency)))
                    }
                    return try QuadraticFunding.distribute(
                        pool: pool, contributions: contributions, cap: try context.amountParameter("cap"),
                        precision: try context.integerParameter("precision") ?? QuadraticFunding.defaultPrecision)
                }),
            SharesMethod(
                name: ShapleyValue.name, summary: "by Shapley value of a game given for every coalition",
                required: ["coalition", "value"], optional: [], parameters: [],
                pot: "the amount to share (default: the grand coalition's value)", compute: shapley),
        ] + ApportionmentMethod.allCases.map(apportionmentMethod)

    private static func weights(_ context: SharesContext) throws(SharesError) -> [MemberWeight] {
        var weights: [MemberWeight] = []
        for row in try context.rows(required: ["member", "weight"]) {
            weights.append(MemberWeight(row.text("member"), try row.number("weight")))
        }
        return weights
    }

    private static func peer(_ context: SharesContext) throws(SharesError) -> Distribution {
        var gifts: [Gift] = []
        var names = Set<String>()
        for row in try context.rows(required: ["from", "to", "points"]) {
            gifts.append(Gift(from: row.text("from"), to: row.text("to"), points: try row.number("points")))
            names.formUnion([row.text("from"), row.text("to")])
        }
        guard let budget = try context.numberParameter("budget") else {
            throw .invalidParameter("give --param budget=... (the points each giver may give)")
        }
        let notGiving = Set(context.listParameter("not-giving"))
        let notReceiving = Set(context.listParameter("not-receiving"))
        names.formUnion(notGiving)
        names.formUnion(notReceiving)
        let members = names.sorted(by: MemberOrder.precedes).map {
            PeerAllocation.Member($0, gives: !notGiving.contains($0), receives: !notReceiving.contains($0))
        }
        return try PeerAllocation.distribute(try context.pot(), gifts: gifts, budget: budget, members: members)
    }

    private static func buckets(_ context: SharesContext) throws(SharesError) -> Distribution {
        let restName = context.parameter("rest") ?? Proportional.name
        guard restMethods.contains(restName) else {
            throw .invalidParameter(
                "the rest is shared by one of \(restMethods.joined(separator: ", ")), not \(restName)")
        }
        let rest = try SharesMethod.named(restName)
        try context.checkParameters(["rest"] + rest.parameters.map(\.key))
        let pot = try context.pot()
        var buckets: [Bucket] = []
        let kinds = ["fixed", "percent-of-pot", "percent-of-remainder"]
        for row in context.input.buckets {
            for column in row.cells.keys.sorted() where !(["label", "payee"] + kinds).contains(column) {
                throw .invalidInput("\(row.location): unknown member \(column)")
            }
            let given = kinds.filter { row.cells[$0] != nil }
            guard let label = row.cells["label"], let payee = row.cells["payee"], given.count == 1 else {
                throw .invalidInput(
                    "\(row.location): a bucket has a label, a payee and one of \(kinds.joined(separator: ", "))")
            }
            let amount: BucketAmount
            switch given[0] {
            case "fixed": amount = .fixed(try row.amount("fixed", pot.currency))
            case "percent-of-pot": amount = .percentOfPot(try row.number("percent-of-pot"))
            default: amount = .percentOfRemainder(try row.number("percent-of-remainder"))
            }
            buckets.append(Bucket(label, payee: payee, amount: amount))
        }
        guard !buckets.isEmpty else { throw .invalidInput("buckets: give them in a JSON input's \"buckets\" array") }
        return try OrderedBuckets.distribute(pot, buckets: buckets, restName: restName) {
            (remaining: Money) throws(SharesError) in try rest.compute(context.with(pot: remaining))
        }
    }

    private static func claimsMethod(_ rule: ClaimsRule) -> SharesMethod {
        SharesMethod(
            name: rule.rawValue,
            summary: [
                .proportional: "claims exceeding the estate, in proportion to the claims",
                .constrainedEqualAwards: "claims exceeding the estate, equal awards capped at each claim",
                .constrainedEqualLosses: "claims exceeding the estate, equal losses floored at zero",
                .talmud: "claims exceeding the estate, by the Talmud rule (Aumann and Maschler 1985)",
            ][rule] ?? "",
            required: ["member", "claim"], optional: [], parameters: [], pot: "the estate",
            compute: { (context) throws(SharesError) in
                let estate = try context.pot()
                var claims: [Claim] = []
                for row in try context.rows(required: ["member", "claim"]) {
                    claims.append(Claim(row.text("member"), try row.amount("claim", estate.currency)))
                }
                return try ClaimsRules.distribute(estate, claims: claims, rule: rule)
            })
    }

    private static func shapley(_ context: SharesContext) throws(SharesError) -> Distribution {
        let currency = try context.currency()
        var names = Set<String>()
        var values: [(coalition: [String], value: Int64)] = []
        for row in try context.rows(required: ["coalition", "value"]) {
            let coalition =
                row.text("coalition") == "{}" ? [] : row.text("coalition").split(separator: "+").map(\.trimmingSpaces)
            names.formUnion(coalition)
            values.append((coalition, try row.amount("value", currency)))
        }
        let game = try CharacteristicFunction(members: Array(names), values: values)
        let pot = try context.optionalPot() ?? Money(units: game.grandValue, currency: currency)
        return try ShapleyValue.distribute(game, pot: pot)
    }

    private static func apportionmentMethod(_ method: ApportionmentMethod) -> SharesMethod {
        let names: [ApportionmentMethod: String] = [
            .hamilton: "Hamilton (largest remainder)", .dhondt: "D'Hondt (Jefferson)",
            .sainteLague: "Sainte-Laguë (Webster)",
        ]
        return SharesMethod(
            name: method.rawValue, summary: "whole seats by votes, \(names[method] ?? "")",
            required: ["member", "votes"], optional: [], parameters: [], pot: "the number of seats",
            compute: { (context) throws(SharesError) in
                guard let text = context.potText, let seats = Int(text), seats >= 0 else {
                    throw .invalidParameter("give the number of seats as the pot (--pot N)")
                }
                var votes: [MemberWeight] = []
                for row in try context.rows(required: ["member", "votes"]) {
                    votes.append(MemberWeight(row.text("member"), try row.number("votes")))
                }
                return try Apportionment.apportion(seats: seats, votes: votes, method: method)
            })
    }
}
