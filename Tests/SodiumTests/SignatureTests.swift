import Sodium
import Testing

/// RFC 8032 TEST 1's signature and its unpadded base64url text.
private let test1Signature = rfc8032Vectors[0].signature
private let test1SignatureText =
    "5VZDAMNgrHKQhuLMgG6CioSHfx645dl02HPgZSJJAVVf" + "uIIVkKM7rMYeOXAc-bRr0lv18FlbviRlUUFDjnoQCw"

@Suite("Signature")
struct SignatureTests {
    @Test("init(bytes:) accepts exactly 64 bytes", arguments: [0, 1, 32, 63, 65, 128])
    func rejectsWrongLength(count: Int) {
        #expect(throws: SodiumError.wrongLength(what: "an Ed25519 signature", expected: 64, actual: count)) {
            try Signature(bytes: [UInt8](repeating: 1, count: count))
        }
    }

    @Test("64 bytes are kept as given, whether or not they verify")
    func keepsBytes() throws {
        let zeros = try Signature(bytes: [UInt8](repeating: 0, count: 64))
        #expect(zeros.bytes == [UInt8](repeating: 0, count: 64))
        let bytes = hexBytes(test1Signature)
        #expect(try Signature(bytes: bytes).bytes == bytes)
        #expect(try Signature(bytes: ([0x00] + bytes)[1...]).bytes == bytes)
    }

    @Test("the known signature has its known base64url text, and the text round trips")
    func base64url() throws {
        let signature = try Signature(bytes: hexBytes(test1Signature))
        #expect(signature.base64url == test1SignatureText)
        #expect(signature.base64url.count == 86)
        #expect(signature.description == signature.base64url)
        #expect(try Signature(base64url: test1SignatureText) == signature)
    }

    @Test("base64url parsing reports bad text and wrong length distinctly")
    func base64urlErrors() {
        #expect(throws: SodiumError.invalidBase64URL) { try Signature(base64url: test1SignatureText + "==") }
        #expect(throws: SodiumError.invalidBase64URL) {
            try Signature(base64url: test1SignatureText.replacingOccurrences(of: "-", with: "+"))
        }
        #expect(throws: SodiumError.wrongLength(what: "an Ed25519 signature", expected: 64, actual: 48)) {
            try Signature(base64url: String(repeating: "A", count: 64))
        }
    }

    @Test("equality and hashing follow the bytes")
    func equalityAndHashing() throws {
        let bytes = hexBytes(test1Signature)
        let a = try Signature(bytes: bytes)
        let b = try Signature(bytes: bytes)
        let c = try Signature(bytes: flippingBit(bytes, byte: 63, bit: 0))
        #expect(a == b)
        #expect(a.hashValue == b.hashValue)
        #expect(a != c)
        #expect(Set([a, b, c]).count == 2)
    }
}
