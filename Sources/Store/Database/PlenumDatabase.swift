import Foundation
import GRDB

/// The Plenum database: the append-only statement log, its checkpoints, the tree state and the
/// views derived from the log, in one SQLite database through GRDB.
///
/// A file database is a `DatabasePool` in WAL mode (one writer, concurrent readers); an in-memory
/// database is a `DatabaseQueue`. Every connection has `foreign_keys=ON`, `synchronous=FULL` and a
/// busy timeout of 5 s, and every write is an IMMEDIATE transaction. The schema is brought up to
/// date when the database opens.
public final class PlenumDatabase: Sendable {
    /// The connection(s): a pool for a file, a queue in memory.
    let writer: any DatabaseWriter

    /// Opens (creating if needed) the database file at `path`, in WAL mode.
    public convenience init(path: String) throws(StoreError) {
        do {
            let pool = try DatabasePool(path: path, configuration: Self.configuration())
            // The pool turns WAL on after the connection setup and then sets synchronous=NORMAL on
            // its writer connection; FULL is wanted, so it is set again on that connection.
            try pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
            try self.init(writer: pool)
        } catch {
            throw StoreError.wrapping(error, while: "opening the database at \(path)")
        }
    }

    /// Opens a new, empty database in memory (for tests and dry runs); it is gone when released.
    public static func inMemory() throws(StoreError) -> PlenumDatabase {
        do {
            return try PlenumDatabase(writer: DatabaseQueue(configuration: configuration()))
        } catch {
            throw StoreError.wrapping(error, while: "opening an in-memory database")
        }
    }

    private init(writer: any DatabaseWriter) throws {
        self.writer = writer
        try Schema.migrator.migrate(writer)
    }

    /// The configuration of every connection.
    static func configuration() -> Configuration {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(5)
        configuration.label = "Plenum"
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
            // REPLACE deletes rows without firing DELETE triggers unless recursive triggers are on;
            // with them on, INSERT OR REPLACE cannot get around the append-only triggers.
            try db.execute(sql: "PRAGMA recursive_triggers = ON")
            // 32 MiB of page cache (SQLite's default is 2 MiB): the indexes of a large log stay
            // in memory instead of being read back from the file for every insert.
            try db.execute(sql: "PRAGMA cache_size = -32768")
        }
        return configuration
    }

    /// Runs `body` in a read-only access to a consistent snapshot of the database, for queries the
    /// typed API does not offer. `body` must not call back into this `PlenumDatabase`.
    public func read<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try writer.read(body)
        } catch {
            throw StoreError.wrapping(error, while: "reading the database")
        }
    }

    /// Runs `body` in an IMMEDIATE write transaction, committed if `body` returns and rolled back
    /// if it throws. Internal: the log is written only through `append(_:)`.
    func write<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try writer.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try body(db)
                    return .commit
                }
                return result!
            }
        } catch {
            throw StoreError.wrapping(error, while: "writing the database")
        }
    }

    /// The rows of `PRAGMA integrity_check`: `["ok"]` when the database is sound.
    public func integrityCheck() throws(StoreError) -> [String] {
        try read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
    }

    /// Closes the database's connections; later calls fail with `storage_failed`.
    public func close() throws(StoreError) {
        do {
            try writer.close()
        } catch {
            throw StoreError.wrapping(error, while: "closing the database")
        }
    }
}
