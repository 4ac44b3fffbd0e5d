import CSodium

/// Unpadded base64url (RFC 4648 section 5), the one text form of keys, signatures and hashes in
/// Plenum. Decoding is strict: padding, whitespace, the standard alphabet's `+` and `/`, and
/// non-zero trailing bits are all refused, so every byte string has exactly one text form.
///
/// Public data (keys, signatures, hashes, payloads: everything in the log) goes through a
/// table-driven codec, which is several times faster than libsodium's and matters when an
/// auditor decodes a million statements. Secret data (a key file's seed, an unused invitation
/// secret) goes through ``encodeSecret(_:)`` and ``decodeSecret(_:)``, libsodium's constant-time
/// codec, so that its timing tells nothing about the secret. Both accept exactly the same texts
/// (a test compares them on random input).
public enum Base64URL {
    /// The 64 characters, by value.
    private static let alphabet: [UInt8] = Array(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

    /// Each byte's value in the alphabet, or 0xFF for a byte that is not in it.
    private static let values: [UInt8] = {
        var table = [UInt8](repeating: 0xFF, count: 256)
        for (value, character) in alphabet.enumerated() { table[Int(character)] = UInt8(value) }
        return table
    }()

    /// Whether the unpadded base64url text of `lhs` sorts before that of `rhs` by its UTF-8
    /// bytes, for two inputs of the same length, without encoding either.
    ///
    /// The alphabet is not in ASCII order (`-` and digits sort before letters, `_` between the
    /// cases), so the texts do not sort like the bytes. They do sort by the first 6-bit group in
    /// which the inputs differ: that group holds their first differing bit, and the two
    /// characters it becomes decide.
    public static func precedes(_ lhs: UnsafeRawBufferPointer, _ rhs: UnsafeRawBufferPointer) -> Bool {
        precondition(lhs.count == rhs.count, "base64url order compares inputs of one length")
        var index = 0
        while index < lhs.count, lhs[index] == rhs[index] { index += 1 }
        guard index < lhs.count else { return false }
        let bit = index * 8 + (lhs[index] ^ rhs[index]).leadingZeroBitCount
        let group = bit / 6
        func character(_ bytes: UnsafeRawBufferPointer) -> UInt8 {
            // The group's 6 bits, from the one or two bytes they span (zero past the end).
            let first = group * 6 / 8
            let high = UInt16(bytes[first]) << 8
            let low = first + 1 < bytes.count ? UInt16(bytes[first + 1]) : 0
            let shift = 16 - 6 - (group * 6 % 8)
            return alphabet[Int(((high | low) >> UInt16(shift)) & 0x3F)]
        }
        return character(lhs) < character(rhs)
    }

    /// The unpadded base64url text of `bytes` (public data).
    public static func encode(_ bytes: some Collection<UInt8>) -> String {
        let encoded: String? = bytes.withContiguousStorageIfAvailable { encode(UnsafeRawBufferPointer($0)) }
        return encoded ?? Array(bytes).withUnsafeBytes { encode($0) }
    }

    /// The unpadded base64url text of the bytes in `buffer` (public data).
    public static func encode(_ buffer: UnsafeRawBufferPointer) -> String {
        let count = buffer.count
        let length = (count / 3) * 4 + (count % 3 == 0 ? 0 : count % 3 + 1)
        return String(unsafeUninitializedCapacity: length) { output in
            alphabet.withUnsafeBufferPointer { table in
                var read = 0
                var written = 0
                while read + 3 <= count {
                    let word = UInt32(buffer[read]) << 16 | UInt32(buffer[read + 1]) << 8 | UInt32(buffer[read + 2])
                    output[written] = table[Int(word >> 18)]
                    output[written + 1] = table[Int(word >> 12 & 63)]
                    output[written + 2] = table[Int(word >> 6 & 63)]
                    output[written + 3] = table[Int(word & 63)]
                    read += 3
                    written += 4
                }
                if count - read == 1 {
                    let word = UInt32(buffer[read]) << 16
                    output[written] = table[Int(word >> 18)]
                    output[written + 1] = table[Int(word >> 12 & 63)]
                    written += 2
                } else if count - read == 2 {
                    let word = UInt32(buffer[read]) << 16 | UInt32(buffer[read + 1]) << 8
                    output[written] = table[Int(word >> 18)]
                    output[written + 1] = table[Int(word >> 12 & 63)]
                    output[written + 2] = table[Int(word >> 6 & 63)]
                    written += 3
                }
                return written
            }
        }
    }

    /// The bytes of unpadded base64url `text` (public data), or ``SodiumError/invalidBase64URL``.
    public static func decode(_ text: String) throws(SodiumError) -> [UInt8] {
        var text = text
        let decoded = text.withUTF8 { decode(UnsafeRawBufferPointer($0)) }
        guard let decoded else { throw .invalidBase64URL }
        return decoded
    }

    /// The bytes of the unpadded base64url text in `text` (public data), or nil if it is not
    /// exactly such a text.
    public static func decode(_ text: UnsafeRawBufferPointer) -> [UInt8]? {
        guard let length = decodedCount(text.count) else { return nil }
        var valid = true
        let bytes = [UInt8](unsafeUninitializedCapacity: length) { output, initialized in
            valid = decode(text, into: UnsafeMutableRawBufferPointer(output))
            initialized = valid ? length : 0
        }
        return valid ? bytes : nil
    }

    /// How many bytes an unpadded base64url text of `count` characters decodes to; nil for a
    /// count no such text has (one character short of a byte can encode nothing).
    public static func decodedCount(_ count: Int) -> Int? {
        guard count >= 0, count % 4 != 1 else { return nil }
        return (count / 4) * 3 + max(0, count % 4 - 1)
    }

    /// Decodes the unpadded base64url text in `text` (public data) into `output`, which holds
    /// exactly ``decodedCount(_:)`` bytes for it; false (with `output` partly written) if the
    /// text is not exactly such a text or `output` is not its length. Nothing is allocated: keys
    /// and hashes decode straight into their storage.
    public static func decode(_ text: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) -> Bool {
        let count = text.count
        guard let length = decodedCount(count), output.count == length else { return false }
        return values.withUnsafeBufferPointer { table in
            var read = 0
            var written = 0
            while read + 4 <= count {
                let a = table[Int(text[read])]
                let b = table[Int(text[read + 1])]
                let c = table[Int(text[read + 2])]
                let d = table[Int(text[read + 3])]
                if (a | b | c | d) & 0xC0 != 0 { return false }
                let word = UInt32(a) << 18 | UInt32(b) << 12 | UInt32(c) << 6 | UInt32(d)
                output[written] = UInt8(truncatingIfNeeded: word >> 16)
                output[written + 1] = UInt8(truncatingIfNeeded: word >> 8)
                output[written + 2] = UInt8(truncatingIfNeeded: word)
                read += 4
                written += 3
            }
            if count - read == 2 {
                let a = table[Int(text[read])]
                let b = table[Int(text[read + 1])]
                // The last character's low 4 bits must be zero: one text per byte string.
                if (a | b) & 0xC0 != 0 || b & 0x0F != 0 { return false }
                output[written] = a << 2 | b >> 4
            } else if count - read == 3 {
                let a = table[Int(text[read])]
                let b = table[Int(text[read + 1])]
                let c = table[Int(text[read + 2])]
                // The last character's low 2 bits must be zero.
                if (a | b | c) & 0xC0 != 0 || c & 0x03 != 0 { return false }
                output[written] = a << 2 | b >> 4
                output[written + 1] = (b & 0x0F) << 4 | c >> 2
            }
            return true
        }
    }

    /// The unpadded base64url text of secret `bytes`, by libsodium's constant-time encoder.
    public static func encodeSecret(_ bytes: some Collection<UInt8>) -> String {
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

    /// The bytes of secret unpadded base64url `text`, by libsodium's constant-time decoder.
    public static func decodeSecret(_ text: String) throws(SodiumError) -> [UInt8] {
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
