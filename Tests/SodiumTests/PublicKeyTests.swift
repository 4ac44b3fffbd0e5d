import Sodium
import Testing

/// Public-key encodings the gate must refuse, with why.
struct RefusedKey: Sendable, CustomTestStringConvertible {
    let reason: String
    let hex: String

    var testDescription: String { reason }
}

private let ff30 = String(repeating: "ff", count: 30)
private func zeros(_ count: Int) -> String { String(repeating: "00", count: count) }

let refusedKeys: [RefusedKey] = [
    RefusedKey(reason: "all-zero (y = 0, order 4)", hex: zeros(32)),
    RefusedKey(reason: "identity point (y = 1)", hex: "01" + zeros(31)),
    RefusedKey(reason: "order-2 point (y = -1)", hex: "ec" + ff30 + "7f"),
    RefusedKey(
        reason: "order-8 point", hex: "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05"),
    RefusedKey(
        reason: "order-8 point (negated)",
        hex: "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a"),
    RefusedKey(reason: "non-canonical y = p (encodes 0)", hex: "ed" + ff30 + "7f"),
    RefusedKey(reason: "non-canonical y = p + 1 (encodes 1)", hex: "ee" + ff30 + "7f"),
    RefusedKey(reason: "non-canonical y = 2^255 - 1 (encodes 18)", hex: "ff" + ff30 + "7f"),
    RefusedKey(reason: "identity with the x sign bit set (x = 0)", hex: "01" + zeros(30) + "80"),
    RefusedKey(reason: "not on the curve (y = 2)", hex: "02" + zeros(31)),
    RefusedKey(reason: "on the curve but outside the main subgroup (y = 3)", hex: "03" + zeros(31)),
]

/// RFC 8032 TEST 1's public key, a valid main-subgroup point.
private let test1Key = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a"

@Suite("PublicKey validation")
struct PublicKeyTests {
    @Test("the gate refuses invalid points with .invalidPublicKey", arguments: refusedKeys)
    func refusesInvalidPoints(key: RefusedKey) {
        let bytes = hexBytes(key.hex)
        #expect(bytes.count == 32)
        #expect(throws: SodiumError.invalidPublicKey) { try PublicKey(validating: bytes) }
        #expect(!Ed25519.isValidPoint(bytes))
        #expect(throws: SodiumError.invalidPublicKey) { try PublicKey(base64url: Base64URL.encode(bytes)) }
        #expect(throws: SodiumError.invalidPublicKey) {
            try Array(Base64URL.encode(bytes).utf8).withUnsafeBytes { try PublicKey(base64URL: $0) }
        }
    }

    @Test("a key read straight from its text is the key read from its bytes, with the same errors")
    func readsFromText() throws {
        let key = try SigningKey.generate().publicKey
        let text = Array(key.base64url.utf8)
        #expect(try text.withUnsafeBytes { try PublicKey(base64URL: $0) } == key)
        var foreign = text
        foreign[3] = UInt8(ascii: "/")
        // Bad text of a key's length, text of a byte too many or too few, and no text at all.
        let cases: [([UInt8], SodiumError)] = [
            (foreign, .invalidBase64URL),
            (
                Array(Base64URL.encode(key.bytes + [1]).utf8),
                .wrongLength(what: "an Ed25519 public key", expected: 32, actual: 33)
            ),
            (
                Array(Base64URL.encode(key.bytes.dropLast()).utf8),
                .wrongLength(what: "an Ed25519 public key", expected: 32, actual: 31)
            ),
            (Array(text.dropLast(2)), .invalidBase64URL),
            ([], .wrongLength(what: "an Ed25519 public key", expected: 32, actual: 0)),
        ]
        for (text, error) in cases {
            #expect(throws: error) { try text.withUnsafeBytes { try PublicKey(base64URL: $0) } }
            #expect(throws: error) { try PublicKey(base64url: String(decoding: text, as: UTF8.self)) }
        }
    }

    @Test("a key of the wrong length gives .wrongLength", arguments: [0, 1, 31, 33, 64])
    func wrongLength(count: Int) {
        let bytes = [UInt8](repeating: 0x42, count: count)
        #expect(throws: SodiumError.wrongLength(what: "an Ed25519 public key", expected: 32, actual: count)) {
            try PublicKey(validating: bytes)
        }
        #expect(!Ed25519.isValidPoint(bytes))
    }

    @Test("a freshly generated key's public key passes the gate unchanged")
    func generatedKeyIsAccepted() throws {
        for _ in 0..<16 {
            let key = try SigningKey.generate()
            let validated = try PublicKey(validating: key.publicKey.bytes)
            #expect(validated == key.publicKey)
            #expect(validated.bytes == key.publicKey.bytes)
            #expect(Ed25519.isValidPoint(key.publicKey.bytes))
        }
    }

    @Test("the gate accepts a known key from any collection of its bytes")
    func acceptsKnownKeyFromAnyCollection() throws {
        let bytes = hexBytes(test1Key)
        let fromArray = try PublicKey(validating: bytes)
        let fromSlice = try PublicKey(validating: ([0xaa] + bytes + [0xbb])[1...32])
        #expect(fromArray.bytes == bytes)
        #expect(fromSlice == fromArray)
    }

    @Test("flipping the sign bit of a valid key gives -A, still valid but a different key")
    func negatedKeyIsValidButDistinct() throws {
        let original = try PublicKey(validating: hexBytes(test1Key))
        let negated = try PublicKey(validating: flippingBit(original.bytes, byte: 31, bit: 7))
        #expect(negated != original)
        let vector = rfc8032Vectors[0]
        let signature = try Signature(bytes: hexBytes(vector.signature))
        #expect(original.isValidSignature(signature, for: []))
        #expect(!negated.isValidSignature(signature, for: []))
    }

    @Test("base64url text round trips, and the known key has its known text")
    func base64urlRoundTrip() throws {
        let key = try PublicKey(validating: hexBytes(test1Key))
        #expect(key.base64url == "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo")
        #expect(key.description == key.base64url)
        #expect(try PublicKey(base64url: key.base64url) == key)
        let generated = try SigningKey.generate().publicKey
        #expect(generated.base64url.count == 43)
        #expect(try PublicKey(base64url: generated.base64url) == generated)
    }

    @Test("base64url parsing reports bad text, wrong length and bad points distinctly")
    func base64urlErrors() {
        #expect(throws: SodiumError.invalidBase64URL) {
            try PublicKey(base64url: "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo=")
        }
        #expect(throws: SodiumError.invalidBase64URL) {
            try PublicKey(base64url: "11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo")
        }
        #expect(throws: SodiumError.wrongLength(what: "an Ed25519 public key", expected: 32, actual: 31)) {
            try PublicKey(base64url: Base64URL.encode(hexBytes(test1Key).prefix(31)))
        }
        #expect(throws: SodiumError.invalidPublicKey) {
            try PublicKey(base64url: "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")
        }
    }

    @Test("keys order by their bytes, and equal bytes mean equal, equally hashed keys")
    func comparableAndHashable() throws {
        let keys = try rfc8032Vectors.map { try PublicKey(validating: hexBytes($0.publicKey)) }
        let sorted = keys.sorted()
        #expect(sorted.map { $0.bytes[0] } == [0x27, 0x3d, 0xd7, 0xec, 0xfc])
        for (lhs, rhs) in zip(sorted, sorted.dropFirst()) {
            #expect(lhs < rhs)
            #expect(!(rhs < lhs))
        }
        let again = try PublicKey(validating: hexBytes(test1Key))
        #expect(!(again < keys[0]) && !(keys[0] < again))
        #expect(Set(keys + [again]).count == 5)
        #expect(again.hashValue == keys[0].hashValue)
    }

    @Test("isValidSignature checks exactly the signed message under exactly this key")
    func isValidSignature() throws {
        let signer = try SigningKey(seed: [UInt8](repeating: 0, count: 32))
        let expectedKey = "3b6a27bcceb6a42d62a3a8d02a6f0d73653215771de243a63ac048a18b59da29"
        #expect(hexString(signer.publicKey.bytes) == expectedKey)
        let message = Array("plenum".utf8)
        let signature = signer.sign(message)
        let expectedSignature = """
            207ed55aef9bf77d45e8a164207f67a3c0e7c1b230f1c7382ff0f174587dc794
            3c3c0a2407cbcf8302f64a209392690baf449683f540ab2ab773cc4c7399450b
            """
        #expect(signature.bytes == hexBytes(expectedSignature))
        #expect(signer.publicKey.isValidSignature(signature, for: message))
        #expect(!signer.publicKey.isValidSignature(signature, for: Array("plenuM".utf8)))
        #expect(!signer.publicKey.isValidSignature(signature, for: Array(message.dropLast())))
    }
}

@Suite("Ed25519 raw functions")
struct Ed25519RawTests {
    @Test("raw verify is false for any wrong-length signature or key")
    func wrongLengthsAreFalse() throws {
        let vector = rfc8032Vectors[1]
        let key = hexBytes(vector.publicKey)
        let signature = hexBytes(vector.signature)
        let message = hexBytes(vector.message)
        func verify(_ sig: [UInt8], _ pk: [UInt8]) -> Bool {
            message.withUnsafeBytes { Ed25519.verify(signature: sig, message: $0, publicKey: pk) }
        }
        #expect(verify(signature, key))
        #expect(!verify(Array(signature.dropLast()), key))
        #expect(!verify(signature + [0], key))
        #expect(!verify([], key))
        #expect(!verify(signature, Array(key.dropLast())))
        #expect(!verify(signature, key + [0]))
        #expect(!verify(signature, []))
    }

    @Test("raw verify refuses the all-zero key and an all-zero signature")
    func zeroKeyAndSignature() {
        let vector = rfc8032Vectors[1]
        let message = hexBytes(vector.message)
        let zeroKey = [UInt8](repeating: 0, count: 32)
        let zeroSignature = [UInt8](repeating: 0, count: 64)
        message.withUnsafeBytes { message in
            #expect(!Ed25519.verify(signature: hexBytes(vector.signature), message: message, publicKey: zeroKey))
            #expect(!Ed25519.verify(signature: zeroSignature, message: message, publicKey: zeroKey))
            #expect(
                !Ed25519.verify(
                    signature: zeroSignature, message: message, publicKey: hexBytes(vector.publicKey)))
        }
    }
}
