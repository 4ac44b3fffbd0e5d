import CSodium

/// The entry point to libsodium: makes sure `sodium_init()` has run exactly once before any
/// other call in this module touches the library.
///
/// Every public type in this module calls ``Sodium/ensureInitialized()`` itself, so callers never
/// need to; it is public only so that benchmarks can take the one-time cost out of their timings.
public enum Sodium {
    /// Runs once, the first time it is read; Swift initializes global and static `let`s lazily and
    /// thread-safely, which is the once-only guarantee libsodium asks for.
    private static let initialization: Int32 = sodium_init()

    /// Initializes libsodium if it has not been, and stops the process if it cannot be: no
    /// signature may be checked by an uninitialized library.
    @inlinable
    public static func ensureInitialized() {
        precondition(isReady, "libsodium failed to initialize (sodium_init() < 0)")
    }

    @usableFromInline
    static var isReady: Bool { initialization >= 0 }

    /// The version string of the libsodium the process is linked against, for reports.
    public static var libraryVersion: String {
        ensureInitialized()
        return String(cString: sodium_version_string())
    }
}
