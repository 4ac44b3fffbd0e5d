import Foundation
import Ledger
import Sodium
import Testing

/// The `example.note` kind of docs/protocol.md's worked example: the header plus `text`.
struct ExampleNote: StatementPayload {
    static let kind = try! StatementKind("example.note")
    var header: StatementHeader
    var text: String

    init(reading reader: inout PayloadReader) throws(PayloadError) {
        header = try StatementHeader(reading: &reader)
        text = try reader.string("text")
    }

    var members: [JSONMember] { header.members + [JSONMember("text", .string(text))] }
}

/// Checks docs/protocol.md's worked example byte for byte, reading the values from the document
/// itself so that the document and the code cannot drift apart.
@Suite struct ProtocolExampleTests {
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

    func payload() throws -> [UInt8] {
        let start = try #require(Self.document.range(of: "```json\n"))
        let end = try #require(Self.document.range(of: "\n```", range: start.upperBound..<Self.document.endIndex))
        return Array(Self.document[start.upperBound..<end.lowerBound].utf8)
    }

    static func hex(_ bytes: some Sequence<UInt8>) -> String {
        bytes.map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }
            .joined()
    }

    static func bytes(hex: String) -> [UInt8] {
        var out: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            out.append(UInt8(hex[index..<next], radix: 16)!)
            index = next
        }
        return out
    }

    @Test func theExampleIsReproducedByteForByte() throws {
        let key = try SigningKey(seed: Self.bytes(hex: try value("seed (hex)")))
        #expect(key.publicKey.base64url == (try value("public key (base64url)")))

        let kind = try StatementKind(try value("kind"))
        let payload = try payload()
        let statement = SignedStatement(signing: payload, as: kind, with: key)
        #expect(Self.hex(statement.signedBytes) == (try value("signed bytes (hex)")))
        #expect(statement.signedBytes.count == 173)
        #expect(statement.signature.base64url == (try value("signature (base64url)")))
        #expect(statement.id.hex == (try value("statement id (hex)")))
    }

    @Test func theExampleOpensAsItsKindAndIsCanonical() throws {
        let payload = try payload()
        let signature = try Signature(base64url: try value("signature (base64url)"))
        let statement = SignedStatement(kind: ExampleNote.kind, payload: payload, signature: signature)
        let context = VerificationContext(organization: "acme", now: 1_795_000_000_000)
        let opened = try statement.open(as: ExampleNote.self, context: context)
        #expect(opened.payload.text == "Hello, Plenum!")
        #expect(opened.payload.header.created == 1_795_000_000_000)
        #expect(opened.payload.header.nonce == Array(0..<16))
        #expect(opened.payload.canonicalBytes == payload)
    }

    @Test func aLogEntrySplitsBackIntoTheStatement() throws {
        let signature = try Signature(base64url: try value("signature (base64url)"))
        let statement = SignedStatement(kind: ExampleNote.kind, payload: try payload(), signature: signature)
        let entry = statement.logEntry
        #expect(Array(entry.prefix(64)) == signature.bytes)
        #expect(try SignedStatement(logEntry: entry) == statement)
        #expect(statement.leafHash == MerkleHash.leaf(entry))
        #expect(throws: StatementError.self) { try SignedStatement(logEntry: Array(entry.prefix(64))) }
        var noPrefix = entry
        noPrefix[64] = UInt8(ascii: "P")
        #expect(throws: StatementError.self) { try SignedStatement(logEntry: noPrefix) }
    }
}
