import Foundation
import Sodium
import Testing

/// One case of the CCTV `ed25519vectors.json` file (C2SP/CCTV "ed25519vectors"): a key, a
/// signature and a UTF-8 message, with flags naming the edge cases it exercises (null when none).
struct CCTVCase: Decodable {
    let number: Int
    let key: String
    let sig: String
    let msg: String
    let flags: [String]?

    func has(_ flag: String) -> Bool { flags?.contains(flag) ?? false }

    static func loadAll() throws -> [CCTVCase] {
        let data = try Data(contentsOf: URL(fileURLWithPath: SharedVectors.cctvPath))
        return try JSONDecoder().decode([CCTVCase].self, from: data)
    }
}

/// What each of the two verification paths decided for one case.
struct CCTVVerdict {
    let testCase: CCTVCase
    /// `Ed25519.verify`, libsodium's `crypto_sign_verify_detached` on the raw bytes.
    let raw: Bool
    /// The error `PublicKey(validating:)` threw, or nil if the key passed the gate.
    let gateError: SodiumError?
    /// `PublicKey(validating:)` succeeded and `isValidSignature` said yes.
    let gated: Bool

    init(_ testCase: CCTVCase) {
        self.testCase = testCase
        let key = hexBytes(testCase.key)
        let signatureBytes = hexBytes(testCase.sig)
        let message = Array(testCase.msg.utf8)
        raw = message.withUnsafeBytes {
            Ed25519.verify(signature: signatureBytes, message: $0, publicKey: key)
        }
        do {
            let publicKey = try PublicKey(validating: key)
            let signature = try Signature(bytes: signatureBytes)
            gateError = nil
            gated = publicKey.isValidSignature(signature, for: message)
        } catch {
            gateError = error
            gated = false
        }
    }

    static func all() throws -> [CCTVVerdict] { try CCTVCase.loadAll().map(CCTVVerdict.init) }
}

@Suite(
    "CCTV ed25519vectors edge cases",
    .enabled(if: SharedVectors.exists(SharedVectors.cctvPath), "shared vectors absent"))
struct CCTVTests {
    @Test("the file holds 914 numbered cases of 32-byte keys and 64-byte signatures")
    func fileShape() throws {
        let cases = try CCTVCase.loadAll()
        #expect(cases.count == 914)
        #expect(cases.map(\.number) == Array(0..<914))
        #expect(cases.allSatisfy { hexBytes($0.key).count == 32 && hexBytes($0.sig).count == 64 })
    }

    @Test("raw libsodium verification accepts exactly 43 cases")
    func rawAcceptsFortyThree() throws {
        let verdicts = try CCTVVerdict.all()
        #expect(verdicts.count == 914)
        #expect(verdicts.filter(\.raw).count == 43)
    }

    @Test("with the key gate exactly 1 case is accepted, and it carries no edge-case flag")
    func gatedAcceptsOne() throws {
        let accepted = try CCTVVerdict.all().filter(\.gated)
        #expect(accepted.count == 1)
        #expect(accepted.allSatisfy { $0.testCase.flags == nil || $0.testCase.flags == [] })
    }

    @Test("gated verification never accepts a case raw verification rejects")
    func gatedIsStricterThanRaw() throws {
        let loosened = try CCTVVerdict.all().filter { $0.gated && !$0.raw }.map(\.testCase.number)
        #expect(loosened.isEmpty, "accepted only through the gate: \(loosened)")
    }

    @Test("every key the gate refuses is refused with .invalidPublicKey")
    func gateRefusalsAreInvalidPublicKey() throws {
        let refused = try CCTVVerdict.all().filter { $0.gateError != nil }
        #expect(!refused.isEmpty)
        for verdict in refused {
            #expect(verdict.gateError == .invalidPublicKey, "case \(verdict.testCase.number)")
            #expect(verdict.gateError?.code == "invalid_public_key")
        }
    }

    @Test("all small-order keys, non-canonical keys and mixed-order keys are refused by the gate")
    func gateRefusesEveryFlaggedKey() throws {
        let verdicts = try CCTVVerdict.all()
        for flag in ["low_order_A", "non_canonical_A", "low_order_component_A"] {
            let flagged = verdicts.filter { $0.testCase.has(flag) }
            #expect(!flagged.isEmpty, "no case flagged \(flag)")
            let passed = flagged.filter { $0.gateError == nil }.map(\.testCase.number)
            #expect(passed.isEmpty, "\(flag) keys that passed the gate: \(passed)")
        }
    }

    @Test("raw verification already refuses small-order keys, non-canonical keys and small-order R")
    func rawRefusesLibsodiumsBlocklist() throws {
        let verdicts = try CCTVVerdict.all()
        for flag in ["low_order_A", "non_canonical_A", "low_order_R", "non_canonical_R"] {
            let accepted = verdicts.filter { $0.testCase.has(flag) && $0.raw }.map(\.testCase.number)
            #expect(accepted.isEmpty, "\(flag) cases raw verification accepted: \(accepted)")
        }
    }

    @Test("every case raw verification accepts but the gate refuses has a mixed-order key")
    func gapIsExactlyMixedOrderKeys() throws {
        let gap = try CCTVVerdict.all().filter { $0.raw && !$0.gated }
        #expect(gap.count == 42)
        for verdict in gap {
            #expect(verdict.testCase.has("low_order_component_A"), "case \(verdict.testCase.number)")
            #expect(verdict.gateError == .invalidPublicKey, "case \(verdict.testCase.number)")
        }
    }
}
