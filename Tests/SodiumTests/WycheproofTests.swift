import Foundation
import Sodium
import Testing

/// The parts of Wycheproof's `eddsa_verify_schema_v1.json` file these tests read.
struct WycheproofFile: Decodable {
    struct Group: Decodable {
        struct Key: Decodable {
            let curve: String
            let pk: String
        }

        let type: String
        let publicKey: Key
        let tests: [Case]
    }

    struct Case: Decodable {
        let tcId: Int
        let comment: String
        let flags: [String]
        let msg: String
        let sig: String
        let result: String
    }

    let algorithm: String
    let numberOfTests: Int
    let testGroups: [Group]

    static func load() throws -> WycheproofFile {
        let data = try Data(contentsOf: URL(fileURLWithPath: SharedVectors.wycheproofPath))
        return try JSONDecoder().decode(WycheproofFile.self, from: data)
    }
}

@Suite(
    "Wycheproof Ed25519 verification",
    .enabled(if: SharedVectors.exists(SharedVectors.wycheproofPath), "shared vectors absent"))
struct WycheproofTests {
    @Test("the file is the 151-case Ed25519 verify set")
    func fileShape() throws {
        let file = try WycheproofFile.load()
        #expect(file.algorithm == "EDDSA")
        #expect(file.numberOfTests == 151)
        #expect(file.testGroups.allSatisfy { $0.type == "EddsaVerify" && $0.publicKey.curve == "edwards25519" })
        let cases = file.testGroups.flatMap(\.tests)
        #expect(cases.count == 151)
        #expect(Set(cases.map(\.tcId)).count == 151)
        #expect(cases.filter { $0.result == "valid" }.count == 88)
        #expect(cases.filter { $0.result == "invalid" }.count == 63)
    }

    @Test("raw verification gives the expected result for all 151 cases")
    func rawVerificationMatches() throws {
        let file = try WycheproofFile.load()
        var checked = 0
        var mismatches: [Int] = []
        for group in file.testGroups {
            let key = hexBytes(group.publicKey.pk)
            for test in group.tests {
                let expected = test.result == "valid"
                let accepted = hexBytes(test.msg).withUnsafeBytes {
                    Ed25519.verify(signature: hexBytes(test.sig), message: $0, publicKey: key)
                }
                if accepted != expected { mismatches.append(test.tcId) }
                checked += 1
            }
        }
        #expect(checked == 151)
        #expect(mismatches.isEmpty, "tcIds with the wrong verdict: \(mismatches)")
    }

    @Test("every group key passes the gate, and gated verification agrees with the expected result")
    func gatedVerificationMatches() throws {
        let file = try WycheproofFile.load()
        var checked = 0
        var accepted = 0
        for group in file.testGroups {
            let key = try PublicKey(validating: hexBytes(group.publicKey.pk))
            for test in group.tests {
                let bytes = hexBytes(test.sig)
                let verdict: Bool
                if bytes.count == 64 {
                    verdict = key.isValidSignature(try Signature(bytes: bytes), for: hexBytes(test.msg))
                } else {
                    // A signature of the wrong length cannot even be a `Signature` value.
                    #expect(throws: SodiumError.self) { try Signature(bytes: bytes) }
                    verdict = false
                }
                #expect(verdict == (test.result == "valid"), "tcId \(test.tcId): \(test.comment)")
                if verdict { accepted += 1 }
                checked += 1
            }
        }
        #expect(checked == 151)
        #expect(accepted == 88)
    }

    @Test("signature-length cases are refused by both the raw check and the Signature type")
    func wrongLengthSignatures() throws {
        let cases = try WycheproofFile.load().testGroups.flatMap(\.tests)
        let wrongLength = cases.filter { hexBytes($0.sig).count != 64 }
        #expect(!wrongLength.isEmpty)
        for test in wrongLength {
            #expect(test.result == "invalid", "tcId \(test.tcId)")
            let count = hexBytes(test.sig).count
            #expect(throws: SodiumError.wrongLength(what: "an Ed25519 signature", expected: 64, actual: count)) {
                try Signature(bytes: hexBytes(test.sig))
            }
        }
    }
}
