import CSodium

/// Unpadded base64url (RFC 4648 section 5), the one text form of keys, signatures and hashes in
/// Plenum. Decoding is strict: padding, whitespace, the standard alphabet's `+` and `/`, and
/// non-zero trailing bits are all refused, so every byte string has exactly one text form.
public enum Base64URL {
    /// The unpadded base64url text of `bytes`.
    public static func encode(_ bytes: some Collection<UInt8>) -> String {
        Sodium.ensureInitialized()
        let input = Array(bytes)
        let variant = sodium_base64_VARIANT_URLSAFE_NO_PADDING
        let capacity = sodium_base64_encoded_len(input.count, variant)
        var output = [CChar](repeating: 0, count: capacity)
        input.withUnsafeBufferPointer { source in
            _ = sodium_bin2base64(&output, capacity, source.baseAddress, source.count, variant)
        }
        return output.withUnsafeBufferPointer { buffer in
            String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
    }

    /// The bytes of unpadded base64url `text`, or ``SodiumError/invalidBase64URL``.
    public static func decode(_ text: String) throws(SodiumError) -> [UInt8] {
        Sodium.ensureInitialized()
        let input = Array(text.utf8)
        var output = [UInt8](repeating: 0, count: input.count * 3 / 4 + 1)
        var written = 0
        let status = input.withUnsafeBufferPointer { source in
            source.withMemoryRebound(to: CChar.self) { chars in
                sodium_base642bin(
                    &output, output.count, chars.baseAddress, chars.count, nil, &written, nil,
                    sodium_base64_VARIANT_URLSAFE_NO_PADDING)
            }
        }
        // With no end pointer, libsodium fails unless it consumed every character; it also
        // refuses non-zero trailing bits, so each byte string has a single accepted text.
        guard status == 0 else { throw .invalidBase64URL }
        return Array(output.prefix(written))
    }
}
