/// Path arithmetic for the files a contest configuration names ("/"-separated, no file access).
enum RCTabPath {
    /// The folder part of `path` (`"."` when there is none).
    static func directory(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// The last component of `path`.
    static func fileName(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    /// `path` resolved against `directory` unless it is absolute.
    static func resolve(_ path: String, in directory: String) -> String {
        if path.hasPrefix("/") { return path }
        return directory == "." ? path : directory + "/" + path
    }

    /// `path` with its extension (after the last dot of the last component) replaced by `newExtension`.
    static func replacingExtension(_ path: String, with newExtension: String) -> String {
        let name = fileName(path)
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return path + "." + newExtension }
        let stem = String(path.dropLast(name.distance(from: dot, to: name.endIndex)))
        return stem + "." + newExtension
    }
}
