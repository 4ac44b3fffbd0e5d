/// A statement whose payload parsed strictly as `Payload` and whose signature verified with the
/// author key it names: the only form in which later layers act on a statement.
public struct VerifiedStatement<Payload: StatementPayload>: Sendable {
    /// The statement exactly as received.
    public let statement: SignedStatement
    /// Its parsed payload.
    public let payload: Payload
}
