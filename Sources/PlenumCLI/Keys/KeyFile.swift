import Sodium

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A member's secret key on disk: a small text file that only its owner may read.
///
/// The file holds two lines: the format tag `plenum-secret-key-v1` and the 32-byte Ed25519 seed
/// in unpadded base64url. It is created with mode 0600 (and never replaced unless asked to), and
/// it is refused when loaded if its permissions let anyone but the owner read or write it, the
/// way OpenSSH treats private keys.
public struct KeyFile: Sendable {
    /// The first line of every key file.
    public static let formatTag = "plenum-secret-key-v1"

    /// Where the key lives.
    public let path: String

    public init(path: String) { self.path = path }

    /// Writes `key` to a new file with mode 0600. Refuses to replace an existing file unless
    /// `replacing` is true, in which case the new file is written beside it and renamed over it.
    public func save(_ key: SigningKey, replacing: Bool = false) throws(KeyFileError) {
        let contents = Array("\(KeyFile.formatTag)\n\(Base64URL.encodeSecret(key.seed))\n".utf8)
        if !replacing {
            try write(contents, to: path, flags: O_WRONLY | O_CREAT | O_EXCL)
            return
        }
        let temporary = path + ".tmp-\(getpid())"
        try write(contents, to: temporary, flags: O_WRONLY | O_CREAT | O_TRUNC)
        guard rename(temporary, path) == 0 else {
            let code = errno
            unlink(temporary)
            throw .io(path: path, operation: "replace", errno: code)
        }
    }

    private func write(_ contents: [UInt8], to target: String, flags: Int32) throws(KeyFileError) {
        let descriptor = open(target, flags | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            let code = errno
            if code == EEXIST { throw .alreadyExists(path: target) }
            throw .io(path: target, operation: "create", errno: code)
        }
        defer { close(descriptor) }
        // The mode given to open() is filtered by the umask; set it exactly.
        guard fchmod(descriptor, 0o600) == 0 else { throw .io(path: target, operation: "chmod", errno: errno) }
        var written = 0
        while written < contents.count {
            let result = contents[written...].withUnsafeBytes { systemWrite(descriptor, $0.baseAddress, $0.count) }
            guard result > 0 else { throw .io(path: target, operation: "write", errno: errno) }
            written += result
        }
        guard fsync(descriptor) == 0 else { throw .io(path: target, operation: "sync", errno: errno) }
    }

    /// Reads the key, refusing a file that is not a regular file, is readable or writable by
    /// group or others, or is not in the key file format.
    public func load() throws(KeyFileError) -> SigningKey {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard descriptor >= 0 else {
            let code = errno
            if code == ENOENT { throw .notFound(path: path) }
            throw .io(path: path, operation: "open", errno: code)
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw .io(path: path, operation: "stat", errno: errno) }
        guard status.st_mode & S_IFMT == S_IFREG else { throw .notARegularFile(path: path) }
        let permissions = status.st_mode & 0o777
        guard permissions & 0o077 == 0 else { throw .tooOpen(path: path, mode: permissions) }
        var contents: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            guard count >= 0 else { throw .io(path: path, operation: "read", errno: errno) }
            if count == 0 { break }
            contents.append(contentsOf: buffer[0..<count])
            guard contents.count <= 1024 else { throw .malformed(path: path) }
        }
        return try KeyFile.parse(contents, path: path)
    }

    static func parse(_ contents: [UInt8], path: String) throws(KeyFileError) -> SigningKey {
        let text = String(decoding: contents, as: UTF8.self)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count == 3, lines[0] == KeyFile.formatTag, lines[2].isEmpty,
            let seed = try? Base64URL.decodeSecret(String(lines[1])),
            let key = try? SigningKey(seed: seed)
        else { throw .malformed(path: path) }
        return key
    }

    /// The default key location: `$PLENUM_KEY` if set, else `$HOME/.config/plenum/member.key`.
    public static func defaultPath(environment: [String: String]) -> String {
        if let configured = environment["PLENUM_KEY"], !configured.isEmpty { return configured }
        let home = environment["HOME"] ?? "."
        return "\(home)/.config/plenum/member.key"
    }

    /// Creates the key's folder (mode 0700) if it does not exist.
    public func createParentDirectory() throws(KeyFileError) {
        guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return }
        let parent = String(path[..<slash])
        var components: [Substring] = []
        var current = parent.hasPrefix("/") ? "" : "."
        components = parent.split(separator: "/")
        for component in components {
            current += "/" + component
            if mkdir(current, 0o700) != 0 && errno != EEXIST {
                throw .io(path: current, operation: "create folder", errno: errno)
            }
        }
    }
}

/// Why a key file could not be used; each case has a stable ``code`` and a sentence that says
/// what to do.
public enum KeyFileError: Error, Equatable, Sendable, CustomStringConvertible {
    case notFound(path: String)
    case alreadyExists(path: String)
    case tooOpen(path: String, mode: UInt32)
    case notARegularFile(path: String)
    case malformed(path: String)
    case io(path: String, operation: String, errno: Int32)

    public var code: String {
        switch self {
        case .notFound: return "key_not_found"
        case .alreadyExists: return "key_exists"
        case .tooOpen: return "key_permissions_too_open"
        case .notARegularFile: return "key_not_a_file"
        case .malformed: return "key_malformed"
        case .io: return "key_io"
        }
    }

    public var description: String {
        switch self {
        case .notFound(let path):
            return "no key at \(path); make one with `plenum key new --key-file \(path)`"
        case .alreadyExists(let path):
            return "\(path) already exists; refusing to overwrite a key (pass --force to replace it)"
        case .tooOpen(let path, let mode):
            return "\(path) has mode \(String(mode, radix: 8)); a secret key must be readable only by its "
                + "owner: run `chmod 600 \(path)`"
        case .notARegularFile(let path): return "\(path) is not a regular file"
        case .malformed(let path): return "\(path) is not a Plenum key file"
        case .io(let path, let operation, let code):
            return "could not \(operation) \(path): \(String(cString: strerror(code)))"
        }
    }
}

/// `write(2)`, named apart from the methods above.
private func systemWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
    write(descriptor, buffer, count)
}
