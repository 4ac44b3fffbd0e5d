import Foundation
import Ledger
import Sodium
import Statements
import Testing

/// Checks the electorate example of docs/protocol.md ("The electorate commitment"), reading the
/// values from the document so that the document and the code cannot drift apart.
@Suite struct ProtocolKindsTests {
    static let document: String = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        return (try? String(contentsOf: root.appendingPathComponent("docs/protocol.md"), encoding: .utf8)) ?? ""
    }()

    /// The backquoted value after `- label: ` in the document.
    func value(_ label: String) throws -> String {
        let marker = "- \(label): `"
        let lines = Self.document.split(separator: "\n")
        let line = try #require(lines.first { $0.hasPrefix(marker) }, "docs/protocol.md has no '\(label)'")
        return String(line.dropFirst(marker.count).prefix { $0 != "`" })
    }

    @Test func theElectorateExampleCommitsToItsHash() throws {
        let json = try value("electorate (canonical JSON)")
        let commitment = try value("commitment (hex)")
        #expect(SHA256.hash(json).hex == commitment)

        let parsed = try Electorate(json: try StrictJSONParser().parse(Array(json.utf8)))
        #expect(parsed.canonicalBytes == Array(json.utf8))
        #expect(parsed.commitment.hex == commitment)

        func key(_ byte: UInt8) throws -> PublicKey {
            try SigningKey(seed: [UInt8](repeating: byte, count: 32)).publicKey
        }
        let built = Electorate([
            Electorate.Entry(member: MemberID(try key(1)), key: try key(1), weight: 1),
            Electorate.Entry(member: MemberID(try key(2)), key: try key(4), weight: 3),
            Electorate.Entry(member: MemberID(try key(3)), key: try key(3), weight: 2),
        ])
        #expect(built == parsed)
        #expect(built.commitment.hex == commitment)
    }

    @Test func theDocumentListsEveryKind() {
        for kind in AnyStatementPayload.kinds {
            #expect(Self.document.contains("`\(kind.name)`"), "docs/protocol.md does not mention \(kind.name)")
        }
    }
}
