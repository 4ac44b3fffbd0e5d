import Foundation
import Sodium
import Testing

@Suite("SodiumError")
struct SodiumErrorTests {
    @Test("each case has its stable code")
    func codes() {
        #expect(SodiumError.wrongLength(what: "x", expected: 1, actual: 2).code == "wrong_length")
        #expect(SodiumError.invalidPublicKey.code == "invalid_public_key")
        #expect(SodiumError.invalidBase64URL.code == "invalid_base64url")
        #expect(SodiumError.operationFailed("sign").code == "crypto_failure")
    }

    @Test("each case has its human sentence")
    func descriptions() {
        #expect(
            SodiumError.wrongLength(what: "an Ed25519 seed", expected: 32, actual: 31).description
                == "an Ed25519 seed must be 32 bytes, got 31")
        #expect(
            SodiumError.invalidPublicKey.description
                == "the public key is not a valid Ed25519 point (zero, small-order or non-canonical)")
        #expect(SodiumError.invalidBase64URL.description == "the text is not valid unpadded base64url")
        #expect(
            SodiumError.operationFailed("sign the message").description
                == "libsodium could not sign the message")
    }

    @Test("equality compares the associated values")
    func equality() {
        #expect(
            SodiumError.wrongLength(what: "a", expected: 1, actual: 2)
                == .wrongLength(what: "a", expected: 1, actual: 2))
        #expect(
            SodiumError.wrongLength(what: "a", expected: 1, actual: 2)
                != .wrongLength(what: "a", expected: 1, actual: 3))
        #expect(SodiumError.operationFailed("x") != .operationFailed("y"))
        #expect(SodiumError.invalidPublicKey != .invalidBase64URL)
    }
}

@Suite("SecureRandom and Sodium")
struct SecureRandomTests {
    @Test("bytes(count:) returns exactly count bytes", arguments: [0, 1, 32, 1000])
    func count(count: Int) {
        #expect(SecureRandom.bytes(count: count).count == count)
    }

    @Test("successive draws differ and are not constant")
    func unpredictable() {
        let draws = (0..<16).map { _ in SecureRandom.bytes(count: 32) }
        #expect(Set(draws).count == 16)
        #expect(draws.allSatisfy { Set($0).count > 1 })
    }

    @Test("a large draw covers every byte value")
    func coversAllValues() {
        // With 16 384 bytes the chance that some value is missing is about 256 * e^-64.
        #expect(Set(SecureRandom.bytes(count: 16_384)).count == 256)
    }

    @Test("libsodium initializes and reports a dotted version")
    func libraryVersion() {
        Sodium.ensureInitialized()
        Sodium.ensureInitialized()
        let parts = Sodium.libraryVersion.split(separator: ".")
        #expect(parts.count >= 2)
        #expect(parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isNumber) })
    }
}
