/// `/login`: log in with the key kept in this browser, or import a key file made by
/// `plenum key new`. Which of the two applies is known only to the browser, so both are drawn
/// and the script hides the one that does not.
struct LoginPage {
    let title = "Log in"
    /// Where to go after logging in: a path on this site.
    let next: String

    /// `next` if it is a path on this site (`/...`, not `//...`), else `/`.
    static func safeNext(_ next: String?) -> String {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.hasPrefix("/\\"),
            !next.contains(where: { $0.isNewline || $0 == "\\" })
        else { return "/" }
        return next
    }
}

/// `/join`: redeem an invitation with a key made in the browser.
struct JoinPage {
    let title = "Join"
    let nameLimit = 100
}
