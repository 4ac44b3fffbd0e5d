/// A proof's hashes as base64url texts of 43 characters, a fixed number of bytes apart (in a
/// record line, each is quoted and followed by a comma).
struct ProofTexts {
    /// The characters of a SHA-256 digest's unpadded base64url text.
    static let length = 43

    private let base: UnsafeRawPointer?
    /// How many hashes the proof has.
    let count: Int
    private let stride: Int

    /// The `count` texts whose first starts at `base`, each `stride` bytes after the one before.
    init(_ base: UnsafeRawPointer?, count: Int, stride: Int) {
        self.base = base
        self.count = count
        self.stride = stride
    }

    /// The text of hash `position`.
    func text(_ position: Int) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(start: base! + position * stride, count: Self.length)
    }
}
