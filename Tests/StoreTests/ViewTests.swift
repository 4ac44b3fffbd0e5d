import Foundation
import GRDB
import Testing

@testable import Store

@Suite("Views")
struct ViewTests {
    /// Every member row, by id.
    static func members(_ database: PlenumDatabase) throws -> [MemberRow] {
        try database.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM members ORDER BY member_id").map { row in
                MemberRow(
                    memberID: row["member_id"], name: row["name"], status: row["status"], weight: row["weight"],
                    roles: row["roles"], joinedLeaf: row["joined_leaf"])
            }
        }
    }

    @Test("a member upserted twice keeps the last values")
    func memberUpsert() throws {
        let database = try PlenumDatabase.inMemory()
        let joined = MemberRow(memberID: "m1", name: "Ada", status: "active", weight: 1, roles: "[]", joinedLeaf: 0)
        var renamed = joined
        renamed.name = "Ada L."
        renamed.weight = 3
        var left = renamed
        left.status = "left"
        left.roles = "[\"chair\"]"
        try database.append(StoreFixtures.batch(leaves: 0..<1, changes: [.member(joined)]))
        try database.append(StoreFixtures.batch(leaves: 1..<2, changes: [.member(renamed), .member(left)]))
        #expect(try Self.members(database) == [left])
    }

    @Test("every view table takes its rows, and upserts replace every column")
    func everyView() throws {
        let database = try PlenumDatabase.inMemory()
        let member = MemberRow(memberID: "m1", name: "Ada", status: "active", weight: 1, roles: "[]", joinedLeaf: 0)
        let key = MemberKeyRow(key: "k1", memberID: "m1", status: .active, addedLeaf: 0)
        let invitation = InvitationRow(code: "c", name: "Bo", roles: "[]", weight: 1, expires: 99, createdLeaf: 0)
        let proposal = ProposalRow(
            id: "p", author: "m1", title: "T", state: "open", currentRevision: "v1", createdLeaf: 1)
        let revision = RevisionRow(
            id: "v1", proposalID: "p", parent: nil, author: "m1", title: "T", text: "text", summary: nil, leaf: 1)
        let comment = CommentRow(
            id: "c1", proposalID: "p", replyTo: nil, author: "m1", stance: "for", text: "yes", version: 1,
            hiddenReason: nil, leaf: 1, updatedLeaf: nil)
        let round = RoundRow(
            id: "r", proposalID: "p", revisionID: "v1", method: "approval", state: .open, openedLeaf: 1,
            closedLeaf: nil, parameters: "{}")
        let ballot1 = BallotRow(id: "b1", roundID: "r", voter: "m1", sequence: 1, leaf: 2)
        let ballot2 = BallotRow(id: "b2", roundID: "r", voter: "m1", sequence: 2, leaf: 3)
        try database.append(
            StoreFixtures.batch(
                leaves: 0..<4,
                changes: [
                    // Out of dependency order on purpose: foreign keys are checked at commit.
                    .ballot(ballot1), .round(round), .comment(comment), .revision(revision), .proposal(proposal),
                    .invitation(invitation), .memberKey(key), .member(member), .ballot(ballot2),
                    .ballotSuperseded(leaf: 2),
                ]))

        var rotated = key
        rotated.status = .rotated
        rotated.endedLeaf = 4
        var redeemed = invitation
        redeemed.redeemedLeaf = 4
        var edited = comment
        edited.text = "no"
        edited.stance = nil
        edited.version = 2
        edited.hiddenReason = "off topic"
        edited.updatedLeaf = 4
        var closed = round
        closed.state = .closed
        closed.closedLeaf = 4
        let outcome = OutcomeRow(roundID: "r", resultStatement: "s", passed: true, outcome: "{\"winners\":[]}")
        try database.append(
            StoreFixtures.batch(
                leaves: 4..<5,
                changes: [
                    .memberKey(rotated), .invitation(redeemed), .comment(edited), .round(closed), .outcome(outcome),
                ]))

        try database.read { db in
            let keyRow = try #require(try Row.fetchOne(db, sql: "SELECT * FROM member_keys"))
            #expect(keyRow["status"] == "rotated")
            #expect(keyRow["ended_leaf"] == 4)
            #expect(keyRow["added_leaf"] == 0)
            let invitationRow = try #require(try Row.fetchOne(db, sql: "SELECT * FROM invitations"))
            #expect(invitationRow["redeemed_leaf"] == 4)
            #expect(invitationRow["expires"] == 99)
            let commentRow = try #require(try Row.fetchOne(db, sql: "SELECT * FROM comments"))
            #expect(commentRow["text"] == "no")
            #expect(commentRow["stance"] == nil as String?)
            #expect(commentRow["version"] == 2)
            #expect(commentRow["hidden_reason"] == "off topic")
            #expect(commentRow["updated_leaf"] == 4)
            let roundRow = try #require(try Row.fetchOne(db, sql: "SELECT * FROM rounds"))
            #expect(roundRow["state"] == "closed")
            #expect(roundRow["closed_leaf"] == 4)
            #expect(roundRow["parameters"] == "{}")
            #expect(
                try Row.fetchAll(db, sql: "SELECT id, superseded FROM ballots ORDER BY id") == [
                    ["id": "b1", "superseded": 1], ["id": "b2", "superseded": 0],
                ])
            let outcomeRow = try #require(try Row.fetchOne(db, sql: "SELECT * FROM outcomes"))
            #expect(outcomeRow["passed"] == true)
            #expect(outcomeRow["result_statement"] == "s")
            let revisionRow = try #require(try Row.fetchOne(db, sql: "SELECT * FROM revisions"))
            #expect(revisionRow["parent"] == nil as String?)
            #expect(revisionRow["text"] == "text")
            #expect(try String.fetchOne(db, sql: "SELECT current_revision FROM proposals") == "v1")
        }
        #expect(try database.integrityCheck() == ["ok"])
    }

    @Test("a v1 database's ballots move to the table keyed by leaf, rows and references intact")
    func ballotsMigration() throws {
        let queue = try DatabaseQueue(configuration: PlenumDatabase.configuration())
        try Schema.migrator.migrate(queue, upTo: "v1")
        try queue.write { db in
            for leaf in 0..<4 {
                try db.execute(
                    sql: PlenumDatabase.insertStatementSQL,
                    arguments: [
                        leaf, Data(repeating: UInt8(leaf), count: 32), "ballot", Data(count: 32), Data([1]),
                        Data(count: 64), 0,
                    ])
            }
            try db.execute(
                sql:
                    "INSERT INTO members VALUES ('m1', 'Ada', 'active', 1, '[]', 0), ('m2', 'Bo', 'active', 1, '[]', 0)"
            )
            try db.execute(sql: "INSERT INTO rounds VALUES ('r', NULL, NULL, 'approval', 'open', 1, NULL, '{}')")
            try db.execute(
                sql: """
                    INSERT INTO ballots (id, round_id, voter, sequence, leaf, superseded)
                    VALUES ('b1', 'r', 'm1', 1, 2, 1), ('b3', 'r', 'm1', 2, 3, 0), ('b2', 'r', 'm2', 1, 1, 0)
                    """)
        }
        try Schema.migrator.migrate(queue)
        try queue.read { db in
            #expect(
                try Row.fetchAll(
                    db, sql: "SELECT leaf, id, round_id, voter, sequence, superseded FROM ballots ORDER BY leaf") == [
                        ["leaf": 1, "id": "b2", "round_id": "r", "voter": "m2", "sequence": 1, "superseded": 0],
                        ["leaf": 2, "id": "b1", "round_id": "r", "voter": "m1", "sequence": 1, "superseded": 1],
                        ["leaf": 3, "id": "b3", "round_id": "r", "voter": "m1", "sequence": 2, "superseded": 0],
                    ])
            // One index besides the rowid, by round; a ballot's foreign keys still hold.
            #expect(try String.fetchAll(db, sql: "SELECT name FROM pragma_index_list('ballots')") == ["ballots_round"])
            #expect(try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").isEmpty)
            let references = try String.fetchAll(db, sql: "SELECT \"table\" FROM pragma_foreign_key_list('ballots')")
            #expect(Set(references) == ["statements", "rounds", "members"])
        }
    }

    /// A member `m1` and an open round `r` for the ballot tests, both from leaf 0.
    static let voterAndRound: [ViewChange] = [
        .member(MemberRow(memberID: "m1", name: "Ada", status: "active", weight: 1, roles: "[]", joinedLeaf: 0)),
        .round(
            RoundRow(
                id: "r", proposalID: nil, revisionID: nil, method: "approval", state: .open, openedLeaf: 0,
                closedLeaf: nil, parameters: "{}")),
    ]

    @Test("a ballot superseded by leaf is marked; one at a leaf with no ballot fails the batch")
    func ballotSupersededByLeaf() throws {
        let database = try PlenumDatabase.inMemory()
        try database.append(
            StoreFixtures.batch(
                leaves: 0..<2,
                changes: Self.voterAndRound + [
                    .ballot(BallotRow(id: "b1", roundID: "r", voter: "m1", sequence: 1, leaf: 1))
                ]))
        #expect {
            try database.append(StoreFixtures.batch(leaves: 2..<3, changes: [.ballotSuperseded(leaf: 0)]))
        } throws: { error in
            (error as? StoreError)?.code == "invalid_batch"
        }
        try database.append(
            StoreFixtures.batch(
                leaves: 2..<3,
                changes: [
                    .ballotSuperseded(leaf: 1),
                    .ballot(BallotRow(id: "b2", roundID: "r", voter: "m1", sequence: 2, leaf: 2)),
                ]))
        let rows = try database.read { db in
            try Row.fetchAll(db, sql: "SELECT leaf, superseded FROM ballots ORDER BY leaf")
        }
        #expect(rows == [["leaf": 1, "superseded": 1], ["leaf": 2, "superseded": 0]])
    }

    @Test("a voter's ballot replaced twice within one batch: each row exists before it is marked superseded")
    func ballotReplacedTwiceInOneBatch() throws {
        let database = try PlenumDatabase.inMemory()
        try database.append(StoreFixtures.batch(leaves: 0..<1, changes: Self.voterAndRound))
        // The order the service writes them in: a row, then (for the next ballot) the previous
        // row marked superseded before the new row.
        try database.append(
            StoreFixtures.batch(
                leaves: 1..<4,
                changes: [
                    .ballot(BallotRow(id: "b1", roundID: "r", voter: "m1", sequence: 1, leaf: 1)),
                    .ballotSuperseded(leaf: 1),
                    .ballot(BallotRow(id: "b2", roundID: "r", voter: "m1", sequence: 2, leaf: 2)),
                    .ballotSuperseded(leaf: 2),
                    .ballot(BallotRow(id: "b3", roundID: "r", voter: "m1", sequence: 3, leaf: 3)),
                ]))
        let rows = try database.read { db in
            try Row.fetchAll(db, sql: "SELECT leaf, sequence, superseded FROM ballots ORDER BY leaf")
        }
        #expect(
            rows == [
                ["leaf": 1, "sequence": 1, "superseded": 1], ["leaf": 2, "sequence": 2, "superseded": 1],
                ["leaf": 3, "sequence": 3, "superseded": 0],
            ])
    }
}
