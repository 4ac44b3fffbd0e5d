import Sodium
import Testing

@Suite("SigningKey")
struct SigningKeyTests {
    @Test("the same seed gives the same key pair and the same signatures")
    func deterministic() throws {
        let seed = (0..<32).map { UInt8($0) }
        let first = try SigningKey(seed: seed)
        let second = try SigningKey(seed: seed)
        #expect(first.publicKey == second.publicKey)
        #expect(first.seed == second.seed)
        let message = Array("same seed, same signature".utf8)
        #expect(first.sign(message) == second.sign(message))
        #expect(first.sign(message) == first.sign(message))
    }

    @Test("different seeds give different key pairs")
    func differentSeedsDiffer() throws {
        let a = try SigningKey(seed: [UInt8](repeating: 1, count: 32))
        let b = try SigningKey(seed: [UInt8](repeating: 1, count: 31) + [2])
        #expect(a.publicKey != b.publicKey)
    }

    @Test("generate() gives distinct, valid keys")
    func generateIsDistinct() throws {
        let keys = try (0..<8).map { _ in try SigningKey.generate() }
        #expect(Set(keys.map(\.publicKey)).count == 8)
        #expect(Set(keys.map(\.seed)).count == 8)
        for key in keys {
            #expect(key.seed.count == 32)
            #expect(try PublicKey(validating: key.publicKey.bytes) == key.publicKey)
        }
    }

    @Test("a signature by one key does not verify under another")
    func otherKeyRejects() throws {
        let alice = try SigningKey.generate()
        let bob = try SigningKey.generate()
        let message = Array("transfer 10 to bob".utf8)
        let signature = alice.sign(message)
        #expect(alice.publicKey.isValidSignature(signature, for: message))
        #expect(!bob.publicKey.isValidSignature(signature, for: message))
        #expect(bob.sign(message) != signature)
    }

    @Test("the seed round trips: a key rebuilt from its seed is the same key")
    func seedRoundTrip() throws {
        let key = try SigningKey.generate()
        let rebuilt = try SigningKey(seed: key.seed)
        #expect(rebuilt.seed == key.seed)
        #expect(rebuilt.publicKey == key.publicKey)
        let message = Array("round trip".utf8)
        #expect(rebuilt.sign(message) == key.sign(message))
        let rfcSeed = hexBytes(rfc8032Vectors[2].seed)
        #expect(try SigningKey(seed: rfcSeed).seed == rfcSeed)
        let fromSlice = try SigningKey(seed: ([0x55] + rfcSeed)[1...])
        #expect(hexString(fromSlice.publicKey.bytes) == rfc8032Vectors[2].publicKey)
    }

    @Test("a seed of the wrong length gives .wrongLength", arguments: [0, 31, 33, 64])
    func wrongSeedLength(count: Int) {
        #expect(throws: SodiumError.wrongLength(what: "an Ed25519 seed", expected: 32, actual: count)) {
            try SigningKey(seed: [UInt8](repeating: 9, count: count))
        }
    }

    @Test("signatures of empty and long messages verify, through both sign entry points")
    func signVariants() throws {
        let key = try SigningKey.generate()
        for message in [[], [0x00], [UInt8](repeating: 0xab, count: 100_000)] as [[UInt8]] {
            let signature = key.sign(message)
            #expect(signature.bytes.count == 64)
            #expect(message.withUnsafeBytes { key.sign($0) } == signature)
            #expect(key.publicKey.isValidSignature(signature, for: message))
            #expect(!key.publicKey.isValidSignature(signature, for: message + [0x01]))
        }
        let emptyViaNil = key.sign(UnsafeRawBufferPointer(start: nil, count: 0))
        #expect(emptyViaNil == key.sign([]))
        #expect(key.publicKey.isValidSignature(emptyViaNil, for: UnsafeRawBufferPointer(start: nil, count: 0)))
    }
}
