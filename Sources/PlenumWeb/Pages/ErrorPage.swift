import Service

/// A refusal as a page: the status, a heading and the reason.
struct ErrorPage {
    let title: String
    let status: Int
    let heading: String
    let message: String
    let code: String?

    init(status: Int, heading: String, message: String, code: String? = nil) {
        self.title = heading
        self.status = status
        self.heading = heading
        self.message = message
        self.code = code
    }

    /// The page for a service refusal, with the status the API would send.
    init(_ error: ServiceError) {
        switch error.category {
        case .notFound: self.init(status: 404, heading: "Not found", message: error.message, code: error.code)
        case .forbidden: self.init(status: 403, heading: "Not allowed", message: error.message, code: error.code)
        case .unauthenticated:
            self.init(status: 401, heading: "Please log in", message: error.message, code: error.code)
        case .conflict: self.init(status: 409, heading: "Not possible now", message: error.message, code: error.code)
        case .unavailable:
            self.init(status: 503, heading: "Unavailable", message: error.message, code: error.code)
        default: self.init(status: 400, heading: "Cannot show this", message: error.message, code: error.code)
        }
    }

    /// `text` with the HTML special characters escaped, for the one page written without a template.
    static func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "&": result += "&amp;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }
}
