import Foundation
import Ledger
import Service
import Sodium
import Statements
import Store

/// The demo organization `plenum demo` serves: five members (a steward, an auditor and three
/// members, whose keys are saved so you can act as them), two proposals with a revision and a
/// thread, a closed round with its certificate and an open one. Everything goes through the
/// service as signed statements, exactly as a client would send them.
struct DemoOrganization {
    /// A demo person: display name, roles, and key file name.
    struct Person {
        let name: String
        let file: String
        let roles: [Role]
    }

    static let people = [
        Person(name: "Ada Steward", file: "ada.key", roles: [.member, .steward]),
        Person(name: "Ben Baker", file: "ben.key", roles: [.member]),
        Person(name: "Chloé Carpenter", file: "chloe.key", roles: [.member]),
        Person(name: "Dev Driver", file: "dev.key", roles: [.member]),
        Person(name: "Eve Auditor", file: "eve.key", roles: [.member, .auditor]),
    ]

    let database: String
    let keys: String

    /// Creates the database, the keys and every statement.
    func create() async throws -> Organization {
        try FileManager.default.createDirectory(atPath: keys, withIntermediateDirectories: true)
        var signers: [SigningKey] = []
        for person in DemoOrganization.people {
            let key = try SigningKey.generate()
            try KeyFile(path: "\(keys)/\(person.file)").save(key, replacing: true)
            signers.append(key)
        }
        let logKey = try SigningKey.generate()
        try KeyFile(path: "\(keys)/log.key").save(logKey, replacing: true)
        let store = try PlenumDatabase(path: database)
        try Organization.create(
            in: store, organization: "demo-coop", name: "Demo Co-op", origin: "plenum.local/demo-coop",
            logKey: logKey, founder: signers[0].publicKey, founderName: DemoOrganization.people[0].name,
            now: Clock.milliseconds())
        let organization = try Organization(database: store, logKey: logKey)
        let ada = signers[0]
        let (ben, chloe, dev, eve) = (signers[1], signers[2], signers[3], signers[4])

        for (person, key) in zip(DemoOrganization.people.dropFirst(), signers.dropFirst()) {
            let secret = SecureRandom.bytes(count: 32)
            let invite = MemberInvite(
                header: header(ada), code: SHA256.hash(secret), name: person.name, roles: person.roles, weight: 1,
                expires: Clock.milliseconds() + 7 * 86_400_000)
            try await submit(organization, invite, ada)
            try await submit(organization, MemberJoin(header: header(key), secret: secret, name: person.name), key)
        }

        let week = try await submit(
            organization,
            ProposalCreate(
                header: header(ben), title: "Pilot a four-day week",
                text: "From March to May, everyone works four days at full pay.\nWe review output in June."),
            ben)
        let revised = try await submit(
            organization,
            ProposalRevise(
                header: header(ben), proposal: week, parent: week, title: "Pilot a four-day week",
                text: "From March to May, everyone works four days at full pay.\nCustomer hours stay the same: "
                    + "we stagger the days off.\nWe review output and hours in June.",
                summary: "Customer hours stay the same; the review covers hours too."),
            ben)
        let support = try await submit(
            organization,
            CommentPost(header: header(chloe), proposal: week, stance: .for, text: "Yes. Staggering solves my worry."),
            chloe)
        try await submit(
            organization,
            CommentPost(
                header: header(dev), proposal: week, replyTo: support, stance: .question,
                text: "Who covers deliveries on Fridays?"),
            dev)
        try await submit(
            organization,
            CommentPost(
                header: header(ada), proposal: week, stance: .against, text: "Not before the spring orders ship."),
            ada)

        let venue = try await submit(
            organization,
            ProposalCreate(
                header: header(chloe), title: "Spring assembly venue",
                text: "Where should the spring general assembly meet?"),
            chloe)

        // A closed round: where the assembly meets, by instant-runoff.
        let options = ["Library", "Union hall", "Online"]
        let venueRound = try await open(
            organization, ada,
            question: "Where should the spring general assembly meet?", proposal: venue, revision: venue,
            method: "instant-runoff", options: options)
        let rankings = [
            (ada, ["Union hall", "Library"]), (ben, ["Library", "Union hall"]), (chloe, ["Online", "Library"]),
            (dev, ["Union hall", "Online"]), (eve, ["Library", "Online", "Union hall"]),
        ]
        for (key, ranking) in rankings {
            try await submit(
                organization,
                BallotCast(
                    header: header(key), round: venueRound, revision: venue, sequence: 1,
                    choice: .ranking(ranking.map { [$0] })),
                key)
        }
        try await submit(organization, RoundClose(header: header(ada), round: venueRound), ada)

        // An open round on the revised four-day-week proposal, results visible live.
        let weekRound = try await open(
            organization, ada, question: "Should we run the four-day-week pilot as revised?", proposal: week,
            revision: revised, method: "schulze",
            options: ["Adopt as written", "Adopt with a review in April", "Reject"],
            closes: Clock.milliseconds() + 7 * 86_400_000, quorum: Fraction(num: 1, den: 2))
        try await submit(
            organization,
            BallotCast(
                header: header(ben), round: weekRound, revision: revised, sequence: 1,
                choice: .ranking([["Adopt as written"], ["Adopt with a review in April"], ["Reject"]])),
            ben)
        try await submit(
            organization,
            BallotCast(
                header: header(chloe), round: weekRound, revision: revised, sequence: 1,
                choice: .ranking([["Adopt with a review in April"], ["Adopt as written"]])),
            chloe)
        return organization
    }

    private func header(_ key: SigningKey) -> StatementHeader {
        StatementHeader(organization: "demo-coop", author: key.publicKey, created: Clock.milliseconds())
    }

    @discardableResult
    private func submit<Payload: StatementPayload>(
        _ organization: Organization, _ payload: Payload, _ key: SigningKey
    )
        async throws -> StatementID
    {
        let statement = SignedStatement(signing: payload.canonicalBytes, as: Payload.kind, with: key)
        return try await organization.submit(statement).statement
    }

    private func open(
        _ organization: Organization, _ steward: SigningKey, question: String, proposal: StatementID?,
        revision: StatementID?, method: String, options: [String], closes: Int64? = nil, quorum: Fraction? = nil
    ) async throws -> StatementID {
        let electorate = try organization.read { $0.currentElectorate }
        let open = RoundOpen(
            header: header(steward), proposal: proposal, revision: revision, question: question, method: method,
            options: options, closes: closes, quorum: quorum, electorate: electorate.commitment,
            voters: electorate.count)
        return try await submit(organization, open, steward)
    }
}
