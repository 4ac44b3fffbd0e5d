import GRDB

/// The database schema, as `DatabaseMigrator` migrations. A migration, once released, never
/// changes: later schema changes are new migrations after "v1".
enum Schema {
    /// The migrator that brings any Plenum database up to date.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: v1)
        }
        migrator.registerMigration("v2-ballots-by-leaf") { db in
            try db.execute(sql: v2BallotsByLeaf)
        }
        return migrator
    }

    /// The first schema: the statement log, checkpoints, the tree state and the views.
    ///
    /// The log tables refuse UPDATE and DELETE with triggers. View rows refer to the statements
    /// they come from, and to each other, with foreign keys checked at commit, so the changes of
    /// one batch may come in any order.
    static let v1 = """
        CREATE TABLE statements (
            leaf INTEGER PRIMARY KEY CHECK (leaf >= 0),
            id BLOB NOT NULL UNIQUE CHECK (length(id) = 32),
            kind TEXT NOT NULL,
            author BLOB NOT NULL CHECK (length(author) = 32),
            payload BLOB NOT NULL,
            signature BLOB NOT NULL CHECK (length(signature) = 64),
            received INTEGER NOT NULL
        );
        CREATE TRIGGER statements_no_update BEFORE UPDATE ON statements
        BEGIN SELECT RAISE(ABORT, 'the statement log is append-only'); END;
        CREATE TRIGGER statements_no_delete BEFORE DELETE ON statements
        BEGIN SELECT RAISE(ABORT, 'the statement log is append-only'); END;

        CREATE TABLE checkpoints (
            size INTEGER PRIMARY KEY CHECK (size >= 0),
            root BLOB NOT NULL CHECK (length(root) = 32),
            signature BLOB NOT NULL CHECK (length(signature) = 64),
            created INTEGER NOT NULL
        );
        CREATE TRIGGER checkpoints_no_update BEFORE UPDATE ON checkpoints
        BEGIN SELECT RAISE(ABORT, 'the checkpoint log is append-only'); END;
        CREATE TRIGGER checkpoints_no_delete BEFORE DELETE ON checkpoints
        BEGIN SELECT RAISE(ABORT, 'the checkpoint log is append-only'); END;

        CREATE TABLE tree_state (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            size INTEGER NOT NULL CHECK (size >= 0),
            root BLOB NOT NULL CHECK (length(root) = 32)
        );

        CREATE TABLE members (
            member_id TEXT PRIMARY KEY NOT NULL,
            name TEXT NOT NULL,
            status TEXT NOT NULL,
            weight INTEGER NOT NULL,
            roles TEXT NOT NULL,
            joined_leaf INTEGER NOT NULL REFERENCES statements (leaf) DEFERRABLE INITIALLY DEFERRED
        );

        CREATE TABLE member_keys (
            key TEXT PRIMARY KEY NOT NULL,
            member_id TEXT NOT NULL REFERENCES members (member_id) DEFERRABLE INITIALLY DEFERRED,
            status TEXT NOT NULL CHECK (status IN ('active', 'rotated', 'revoked')),
            added_leaf INTEGER NOT NULL REFERENCES statements (leaf) DEFERRABLE INITIALLY DEFERRED,
            ended_leaf INTEGER REFERENCES statements (leaf) DEFERRABLE INITIALLY DEFERRED
        );
        CREATE INDEX member_keys_member ON member_keys (member_id);

        CREATE TABLE invitations (
            code TEXT PRIMARY KEY NOT NULL,
            name TEXT NOT NULL,
            roles TEXT NOT NULL,
            weight INTEGER NOT NULL,
            expires INTEGER NOT NULL,
            created_leaf INTEGER NOT NULL REFERENCES statements (leaf) DEFERRABLE INITIALLY DEFERRED,
            redeemed_leaf INTEGER REFERENCES statements (leaf) DEFERRABLE INITIALLY DEFERRED
        );

        CREATE TABLE proposals (
            id TEXT PRIMARY KEY NOT NULL,
            author TEXT NOT NULL,
            title TEXT NOT NULL,
            state TEXT NOT NULL,
            current_revision TEXT NOT NULL,
            created_leaf INTEGER NOT NULL REFERENCES statements (leaf) DEFERRABLE INITIALLY DEFERRED
        );

        CREATE TABLE revisions (
            id TEXT PRIMARY KEY NOT NULL,
            proposal_id TEXT NOT NULL REFERENCES proposals (id) DEFERRABLE INITIALLY DEFERRED,
            parent TEXT,
            author TEXT NOT NULL,
            title TEXT NOT NULL,
            text TEXT NOT NULL,
            summary TEXT,
            leaf INTEGER NOT NULL REFERENCES statements (leaf) DEFERRABLE INITIALLY DEFERRED
        );
        CREATE INDEX revisions_proposal ON revisions (proposal_id);

        CREATE TABLE comments (
            id TEXT PRIMARY KEY NOT NULL,
            proposal_id TEXT NOT NULL REFERENCES proposals (id) DEFERRABLE INITIALLY DEFERRED,
            reply_to TEXT,
            author TEXT NOT NULL,
            stance TEXT,
            text TEXT NOT NULL,
            version INTEGER NOT NULL,
            hidden_reason TEXT,
            leaf INTEGER NOT NULL REFERENCES statements (leaf) DEFERRABLE INITIALLY DEFERRED,
            updated_leaf INTEGER REFERENCES statements (leaf) DEFERRABLE INITIALLY DEFERRED
        );
        CREATE INDEX comments_proposal ON comments (proposal_id);

        CREATE TABLE rounds (
            id TEXT PRIMARY KEY NOT NULL,
            proposal_id TEXT REFERENCES proposals (id) DEFERRABLE INITIALLY DEFERRED,
            revision_id TEXT REFERENCES revisions (id) DEFERRABLE INITIALLY DEFERRED,
            method TEXT NOT NULL,
            state TEXT NOT NULL CHECK (state IN ('open', 'closed')),
            opened_leaf INTEGER NOT NULL REFERENCES statements (leaf) DEFERRABLE INITIALLY DEFERRED,
            closed_leaf INTEGER REFERENCES statements (leaf) DEFERRABLE INITIALLY DEFERRED,
            parameters TEXT NOT NULL
        );
        CREATE INDEX rounds_proposal ON rounds (proposal_id);

        CREATE TABLE ballots (
            id TEXT PRIMARY KEY NOT NULL,
            round_id TEXT NOT NULL REFERENCES rounds (id) DEFERRABLE INITIALLY DEFERRED,
            voter TEXT NOT NULL REFERENCES members (member_id) DEFERRABLE INITIALLY DEFERRED,
            sequence INTEGER NOT NULL,
            leaf INTEGER NOT NULL REFERENCES statements (leaf) DEFERRABLE INITIALLY DEFERRED,
            superseded INTEGER NOT NULL CHECK (superseded IN (0, 1))
        );
        CREATE INDEX ballots_round_voter ON ballots (round_id, voter);

        CREATE TABLE outcomes (
            round_id TEXT PRIMARY KEY NOT NULL REFERENCES rounds (id) DEFERRABLE INITIALLY DEFERRED,
            result_statement TEXT NOT NULL,
            passed INTEGER CHECK (passed IN (0, 1)),
            outcome TEXT NOT NULL
        );
        """

    /// The `ballots` view keyed by its statement's leaf, with one index, by round.
    ///
    /// In v1 a ballot row had a text primary key (the statement id) and an index on round and
    /// voter: both keyed by random values, so every ballot wrote about two more random index
    /// pages to the WAL (and later to the database file) than the log itself needs. Keyed by
    /// leaf, a row and its index entry (round, then leaf) are appended in log order. The
    /// service marks a replaced ballot superseded by its leaf; readers find a round's ballots
    /// by the index and a ballot by its leaf (`statements.id` gives the leaf of an id).
    static let v2BallotsByLeaf = """
        CREATE TABLE ballots_by_leaf (
            leaf INTEGER PRIMARY KEY NOT NULL CHECK (leaf >= 0)
                REFERENCES statements (leaf) DEFERRABLE INITIALLY DEFERRED,
            id TEXT NOT NULL,
            round_id TEXT NOT NULL REFERENCES rounds (id) DEFERRABLE INITIALLY DEFERRED,
            voter TEXT NOT NULL REFERENCES members (member_id) DEFERRABLE INITIALLY DEFERRED,
            sequence INTEGER NOT NULL,
            superseded INTEGER NOT NULL CHECK (superseded IN (0, 1))
        );
        INSERT INTO ballots_by_leaf (leaf, id, round_id, voter, sequence, superseded)
            SELECT leaf, id, round_id, voter, sequence, superseded FROM ballots;
        DROP TABLE ballots;
        ALTER TABLE ballots_by_leaf RENAME TO ballots;
        CREATE INDEX ballots_round ON ballots (round_id);
        """
}
