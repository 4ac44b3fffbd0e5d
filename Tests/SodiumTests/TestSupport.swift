import Foundation

/// Decodes hexadecimal text into bytes; whitespace (line breaks in long literals) is skipped.
/// Traps on anything else, so a mistyped vector fails loudly instead of silently shrinking.
func hexBytes(_ text: String) -> [UInt8] {
    let digits = text.unicodeScalars.filter { !CharacterSet.whitespacesAndNewlines.contains($0) }
    precondition(digits.count % 2 == 0, "odd number of hex digits")
    var bytes = [UInt8]()
    bytes.reserveCapacity(digits.count / 2)
    var high: UInt8?
    for scalar in digits {
        guard let nibble = UInt8(String(scalar), radix: 16) else {
            preconditionFailure("not a hex digit: \(scalar)")
        }
        if let first = high {
            bytes.append(first << 4 | nibble)
            high = nil
        } else {
            high = nibble
        }
    }
    return bytes
}

/// Lower-case hexadecimal of `bytes`, for readable failure messages.
func hexString(_ bytes: some Sequence<UInt8>) -> String {
    bytes.map { String(format: "%02x", $0) }.joined()
}

/// `bytes` with bit `bit` (0...7) of byte `index` inverted.
func flippingBit(_ bytes: [UInt8], byte index: Int, bit: Int) -> [UInt8] {
    var copy = bytes
    copy[index] ^= UInt8(1) << UInt8(bit)
    return copy
}

/// The vectors shared between implementations live in `shared/vectors` beside the package root:
/// `/work/shared/vectors` here, wherever the repository is cloned in CI.
enum SharedVectors {
    /// `.../Tests/SodiumTests/TestSupport.swift` up three levels is the package root.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent()

    static let ed25519Directory =
        packageRoot
        .deletingLastPathComponent()
        .appendingPathComponent("shared/vectors/ed25519", isDirectory: true)

    static let wycheproofPath = ed25519Directory.appendingPathComponent("wycheproof_ed25519_test.json").path
    static let cctvPath = ed25519Directory.appendingPathComponent("cctv_ed25519vectors.json").path

    static func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: path)
    }
}
