import Sodium
import Statements
import Testing

@testable import Audit

@Suite("The set of statement ids a record has shown")
struct StatementIDSetTests {
    /// The id whose digest is SHA-256 of `text`.
    private func id(_ text: String) -> StatementID { StatementID(SHA256.hash(text)) }

    /// The id whose 32 bytes are `bytes`.
    private func id(bytes: [UInt8]) throws -> StatementID { StatementID(try SHA256Digest(bytes: bytes)) }

    @Test("each id is new once and a repeat after that, through growth from 16 slots to 50,000 ids")
    func insertsAndFindsRepeats() {
        let set = StatementIDSet(capacity: 1)
        var reference = Set<StatementID>()
        for round in 0..<2 {
            for number in 0..<50_000 {
                let id = id("statement \(number)")
                let inserted = set.insert(id)
                #expect(inserted == reference.insert(id).inserted, "round \(round), number \(number)")
            }
        }
        #expect(set.count == 50_000)
    }

    @Test("ids that share their first eight bytes, or are all zero, are still told apart")
    func sharedPrefixAndZero() throws {
        let set = StatementIDSet(capacity: 4)
        let prefix = [UInt8](repeating: 0xAB, count: 8)
        let ids = try (0..<40).map { try id(bytes: prefix + [UInt8](repeating: UInt8($0), count: 24)) }
        let first = ids.map { set.insert($0) }
        let again = ids.map { set.insert($0) }
        #expect(first.allSatisfy { $0 } && again.allSatisfy { !$0 })
        let zero = try id(bytes: [UInt8](repeating: 0, count: 32))
        let (zeroFirst, zeroAgain) = (set.insert(zero), set.insert(zero))
        #expect(zeroFirst && !zeroAgain)
        #expect(set.count == 41)
    }

    @Test("ids that share their first eleven bytes (the place and the tag) are compared whole")
    func sharedTag() throws {
        let set = StatementIDSet(capacity: 2)
        let shared = (0..<11).map { UInt8($0 * 17) }
        // Differing only in the last byte, or only in the first byte after the tag.
        let zeros = [UInt8](repeating: 0, count: 20)
        var ids: [StatementID] = []
        for number in 0..<30 {
            let last: [UInt8] = shared + zeros + [UInt8(number)]
            let afterTag: [UInt8] = shared + [UInt8(number + 1)] + zeros
            ids.append(try id(bytes: last))
            ids.append(try id(bytes: afterTag))
        }
        #expect(Set(ids).count == 60)
        let first = ids.map { set.insert($0) }
        let again = ids.map { set.insert($0) }
        #expect(first.allSatisfy { $0 } && again.allSatisfy { !$0 })
        #expect(set.count == 60)
    }
}
