import Counting
import Ledger
import Sodium
import Statements
import Testing

/// Every kind: built with its memberwise initializer, written canonically, signed, opened through
/// ``AnyStatementPayload`` and compared field by field (the payloads are `Equatable`).
@Suite("Statement kinds: round trips")
struct RoundTripTests {
    typealias F = Fixture

    struct Sample: Sendable, CustomTestStringConvertible {
        let payload: AnyStatementPayload
        let seed: UInt8
        var signer: SigningKey { F.key(seed) }
        var testDescription: String { payload.kind.name }
    }

    static let code = SHA256.hash(Array(repeating: 7, count: 32))
    static let samples: [Sample] = [
        Sample(
            payload: .organizationCreate(
                OrganizationCreate(
                    header: F.header(F.logKey), name: "Acme Cooperative", origin: "plenum.example.org/acme",
                    logKey: F.logKey.publicKey, founder: F.steward.publicKey, founderName: "Ada")), seed: 0x01),
        Sample(
            payload: .memberInvite(
                MemberInvite(
                    header: F.header(F.steward), code: code, name: "Grace", roles: [.member, .auditor], weight: 3,
                    expires: F.now + 86_400_000)), seed: 0x02),
        Sample(
            payload: .memberJoin(
                MemberJoin(header: F.header(F.newcomer), secret: Array(repeating: 7, count: 32), name: "Grace Hopper")),
            seed: 0x04),
        Sample(
            payload: .memberSuspend(
                MemberSuspend(header: F.header(F.steward), member: MemberID(F.member.publicKey), reason: "spam")),
            seed: 0x02),
        Sample(
            payload: .memberReinstate(
                MemberReinstate(header: F.header(F.steward), member: MemberID(F.member.publicKey))),
            seed: 0x02),
        Sample(
            payload: .memberRoles(
                MemberRoles(
                    header: F.header(F.steward), member: MemberID(F.member.publicKey), roles: [.steward, .member])),
            seed: 0x02),
        Sample(
            payload: .memberWeight(
                MemberWeight(header: F.header(F.steward), member: MemberID(F.member.publicKey), weight: 1_000_000)),
            seed: 0x02),
        Sample(payload: .keyRotate(KeyRotate(header: F.header(), newKey: F.newcomer.publicKey)), seed: 0x03),
        Sample(
            payload: .keyRevoke(
                KeyRevoke(
                    header: F.header(F.steward), member: MemberID(F.member.publicKey), key: F.newcomer.publicKey,
                    reason: "lost laptop")), seed: 0x02),
        Sample(
            payload: .proposalCreate(
                ProposalCreate(header: F.header(), title: "Buy a bakery", text: "Line one.\nLine two.\tTabbed.")),
            seed: 0x03),
        Sample(
            payload: .proposalRevise(
                ProposalRevise(
                    header: F.header(), proposal: F.id("p"), parent: F.id("p"), title: "Buy a bakery (v2)",
                    text: "Cheaper.", summary: "price")), seed: 0x03),
        Sample(
            payload: .proposalRevise(
                ProposalRevise(
                    header: F.header(), proposal: F.id("p"), parent: F.id("r1"), title: "T", text: "no summary")),
            seed: 0x03),
        Sample(
            payload: .proposalState(
                ProposalStateChange(header: F.header(F.steward), proposal: F.id("p"), state: .adopted, reason: "passed")
            ),
            seed: 0x02),
        Sample(
            payload: .commentPost(
                CommentPost(header: F.header(), proposal: F.id("p"), replyTo: F.id("c"), stance: .for, text: "Yes!")),
            seed: 0x03),
        Sample(
            payload: .commentPost(
                CommentPost(header: F.header(), proposal: F.id("p"), stance: .question, text: "Why?")),
            seed: 0x03),
        Sample(
            payload: .commentEdit(CommentEdit(header: F.header(), comment: F.id("c"), stance: .against, text: "No.")),
            seed: 0x03),
        Sample(
            payload: .commentHide(CommentHide(header: F.header(F.steward), comment: F.id("c"), reason: "off topic")),
            seed: 0x02),
        Sample(payload: .roundOpen(F.round()), seed: 0x02),
        Sample(
            payload: .roundOpen(
                RoundOpen(
                    header: F.header(F.steward), question: "Which projects?", method: "pb-greedy",
                    options: ["Park", "Library", "Bench"], parameters: ["min-approvals": "1"],
                    tieBreak: .list(["Bench", "Park", "Library"]),
                    budget: RoundBudget(total: 100, costs: ["Park": 60, "Library": 40, "Bench": 5]),
                    closes: F.now + 3_600_000, quorum: Fraction(num: 1, den: 2), threshold: Fraction(num: 2, den: 3),
                    visibility: .hidden, electorate: SHA256.hash("e"), voters: 12)), seed: 0x02),
        Sample(payload: .roundClose(RoundClose(header: F.header(F.logKey), round: F.id("round"))), seed: 0x01),
        Sample(
            payload: .roundResult(
                RoundResult(
                    header: F.header(F.logKey), round: F.id("round"), electorate: SHA256.hash("e"),
                    checkpoint: .init(size: 42, root: SHA256.hash("root")), method: "plurality", ballots: 2,
                    weight: 5, eligibleWeight: 6, quorumMet: true, passed: true,
                    outcome: .object([JSONMember("winners", .array([.integer(0)]))]),
                    counted: RoundResult.countedDigest(of: [F.id("b1"), F.id("b2")]), cast: 2)), seed: 0x01),
        Sample(
            payload: .ballotCast(
                BallotCast(
                    header: F.header(), round: F.id("round"), revision: F.id("revision"), sequence: 1,
                    choice: .ranking([["Bob"], ["Ann", "Cid"]]))), seed: 0x03),
        Sample(
            payload: .ballotCast(
                BallotCast(
                    header: F.header(), round: F.id("round"), revision: nil, sequence: 1 << 53,
                    choice: .approve(["Ann", "Cid"]))), seed: 0x03),
        Sample(
            payload: .ballotCast(
                BallotCast(
                    header: F.header(), round: F.id("round"), revision: nil, sequence: 2,
                    choice: .scores(["Ann": 5, "Bob": -2]))), seed: 0x03),
        Sample(
            payload: .ballotCast(
                BallotCast(
                    header: F.header(), round: F.id("round"), revision: nil, sequence: 3,
                    choice: .stances(["Ann": .agree, "Bob": .block, "Cid": .abstain]))), seed: 0x03),
        Sample(payload: .login(LoginChallenge(header: F.header(), challenge: Array(0..<32))), seed: 0x03),
        Sample(
            payload: .poolCreate(
                PoolCreate(
                    header: F.header(F.steward), name: "Surplus", amount: "1500.00", currency: "EUR", decimals: 2)),
            seed: 0x02),
        Sample(
            payload: .planCreate(
                PlanCreate(
                    header: F.header(F.steward), pool: F.id("pool"), title: "Peer points", method: "peer",
                    parameters: ["budget": "10"])), seed: 0x02),
        Sample(
            payload: .shareContribution(
                ShareContribution(
                    header: F.header(), pool: F.id("pool"), member: MemberID(F.member.publicKey), amount: "7.5",
                    period: 3, note: "accounts")), seed: 0x03),
        Sample(
            payload: .shareAllocation(
                ShareAllocation(
                    header: F.header(), pool: F.id("pool"), sequence: 2,
                    gifts: [MemberID(F.steward.publicKey): 6, MemberID(F.newcomer.publicKey): 4])), seed: 0x03),
        Sample(
            payload: .distributionRun(
                DistributionRun(header: F.header(F.steward), pool: F.id("pool"), round: F.id("round"))),
            seed: 0x02),
        Sample(
            payload: .distributionResult(
                DistributionResult(
                    header: F.header(F.logKey), pool: F.id("pool"), round: F.id("round"), plan: F.id("plan"), inputs: 2,
                    inputsDigest: DistributionResult.digest(of: [F.id("c1"), F.id("c2")]),
                    shares: [MemberID(F.member.publicKey): 600, MemberID(F.steward.publicKey): 400],
                    distribution: .object([JSONMember("method", .string("proportional"))]))), seed: 0x01),
    ]

    @Test("a kind survives writing, signing and opening", arguments: samples)
    func roundTrip(_ sample: Sample) throws {
        let bytes = sample.payload.canonicalBytes
        let statement = SignedStatement(signing: bytes, as: sample.payload.kind, with: sample.signer)
        let opened = try AnyStatementPayload.open(statement, context: F.context())
        #expect(opened == sample.payload)
        #expect(opened.kind == sample.payload.kind)
        #expect(opened.header == sample.payload.header)
        #expect(opened.canonicalBytes == bytes)
    }

    @Test("every kind has a sample, and kinds are distinct")
    func coverage() {
        #expect(Set(Self.samples.map(\.payload.kind)) == Set(AnyStatementPayload.kinds))
        #expect(Set(AnyStatementPayload.kinds).count == 26)
    }

    @Test("fields read back as written: a ballot's ranking and a round's counting parameters")
    func fields() throws {
        let ballot = BallotCast(
            header: F.header(), round: F.id("round"), revision: nil, sequence: 7,
            choice: .ranking([["Bob"], ["Ann", "Cid"]]))
        #expect(
            String(decoding: ballot.canonicalBytes, as: UTF8.self).contains(
                #""ranking":["Bob",["Ann","Cid"]],"revision":null,"round":""#))
        guard case .ballotCast(let opened) = try F.roundTrip(ballot, signedBy: F.member) else {
            Issue.record("not a ballot")
            return
        }
        #expect(opened.sequence == 7)
        #expect(opened.revision == nil)
        #expect(opened.choice == .ranking([["Bob"], ["Ann", "Cid"]]))

        guard case .roundOpen(let round) = try F.roundTrip(F.round(), signedBy: F.steward) else {
            Issue.record("not a round")
            return
        }
        let counting = round.counting
        #expect(counting.method == "plurality")
        #expect(counting.options == ["Ann", "Bob", "Cid"])
        #expect(counting.methodOptions() == MethodOptions(seats: 1, tieBreak: .candidateOrder, parameters: [:]))
        #expect(counting.choiceShape == .ranking)
        #expect(round.visibility == .live)
        #expect(round.proposal == F.id("proposal"))
    }

    @Test("a statement id prints and parses as 64 lower-case hex digits")
    func statementIDs() {
        let id = F.id("x")
        #expect(id.hex.count == 64)
        #expect(StatementID(hex: id.hex) == id)
        #expect(StatementID(hex: id.hex.uppercased()) == nil)
        #expect(StatementID(hex: String(id.hex.dropLast())) == nil)
        #expect(StatementID(hex: String(id.hex.dropLast()) + "g") == nil)
        // The bytes form reads the id from its own text, and nothing else.
        for text in [
            id.hex, id.hex.uppercased(), String(id.hex.dropLast()), id.hex + "0", String(id.hex.dropLast()) + "g",
        ] {
            let fromBytes = Array(text.utf8).withUnsafeBufferPointer { StatementID(hexDigits: $0) }
            #expect(fromBytes == (text == id.hex ? id : nil), "\(text)")
        }
        let statement = F.sign(Array("{}".utf8), as: RoundClose.kind)
        #expect(StatementID(of: statement).digest == statement.id)
        #expect(F.id("a") < F.id("b") || F.id("b") < F.id("a"))
        #expect(
            [F.id("a"), F.id("b"), F.id("c")].sorted().map(\.hex)
                == [F.id("a"), F.id("b"), F.id("c")].map(\.hex).sorted())
    }
}
