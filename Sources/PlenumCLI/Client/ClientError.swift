/// A refusal or failure seen by a client command: the API's error code and message (or a
/// transport failure), printed as `Error: <message> (<code>)`.
public struct ClientError: Error, Sendable, CustomStringConvertible {
    /// The HTTP status, or 0 when no response arrived.
    public let status: Int
    public let code: String
    public let message: String

    public init(status: Int, code: String, message: String) {
        self.status = status
        self.code = code
        self.message = message
    }

    public var description: String { "\(message) (\(code))" }
}
