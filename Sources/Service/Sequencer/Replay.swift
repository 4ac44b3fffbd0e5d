import Ledger
import Sodium
import Statements
import Store

/// Rebuilds the state and the in-memory log from the stored statements at start, and checks
/// that they still produce the root of the last signed checkpoint.
enum Replay {
    /// The replayed state and log, and the reason to refuse writes if the stored log does not
    /// match its last checkpoint (or a stored statement no longer verifies or applies).
    static func run(
        database: PlenumDatabase, logKey: PublicKey
    ) throws(ServiceError) -> (
        OrganizationState, LogState, ServiceError?
    ) {
        var state: OrganizationState?
        var log = LogState()
        var failure: ServiceError?
        let checkpoints: [StoredCheckpoint]
        let tree: TreeState?
        do {
            checkpoints = try database.checkpoints()
            tree = try database.treeState()
            try database.records { record in
                guard failure == nil else { return }
                guard let statement = try? record.statement() else {
                    failure = inconsistent("the stored statement at leaf \(record.leaf) is malformed")
                    return
                }
                if state == nil {
                    guard let organization = organizationOf(statement) else {
                        failure = inconsistent("the first statement does not name an organization")
                        return
                    }
                    state = OrganizationState(organization: organization)
                }
                let context = VerificationContext(organization: state!.organization, now: record.received, window: nil)
                do {
                    let payload = try AnyStatementPayload.open(statement, context: context)
                    _ = try state!.apply(payload, statement: statement, leaf: UInt64(record.leaf), now: record.received)
                    log.append(leafHash: statement.leafHash)
                } catch {
                    failure = inconsistent("the stored statement at leaf \(record.leaf) no longer applies: \(error)")
                }
            }
        } catch {
            throw .storage(error)
        }
        guard let state else {
            throw .init(.unavailable, "no_organization", "the database holds no organization; run `plenum init`")
        }
        for stored in checkpoints {
            let signed: SignedCheckpoint
            do {
                signed = try stored.signedCheckpoint(origin: state.origin)
                try signed.verify(logKey: logKey, origin: state.origin)
            } catch {
                failure = failure ?? inconsistent("the checkpoint at size \(stored.size) does not verify: \(error)")
                break
            }
            guard let root = try? log.root(size: signed.checkpoint.size), root == signed.checkpoint.root else {
                failure =
                    failure
                    ?? inconsistent(
                        "the stored leaves give a different root at size \(stored.size) than its signed checkpoint")
                break
            }
            log.record(signed)
        }
        if let tree, tree.size != log.size || tree.root != log.root {
            failure = failure ?? inconsistent("the stored tree state does not match the stored leaves")
        }
        if let last = checkpoints.last, last.size != log.size {
            failure = failure ?? inconsistent("the log has \(log.size) entries but its last checkpoint \(last.size)")
        }
        return (state, log, failure)
    }

    private static func organizationOf(_ statement: SignedStatement) -> String? {
        guard let members = try? StrictJSONParser().parseObject(statement.payload),
            case .string(let organization)? = members.first(where: { $0.key == "org" })?.value
        else { return nil }
        return organization
    }

    private static func inconsistent(_ message: String) -> ServiceError {
        ServiceError(.unavailable, "log_inconsistent", message + "; the service refuses writes")
    }
}

extension StoredCheckpoint {
    /// The signed checkpoint this row stores, for the log's `origin`.
    func signedCheckpoint(origin: String) throws -> SignedCheckpoint {
        let checkpoint = try Checkpoint(origin: origin, size: UInt64(size), root: root)
        return SignedCheckpoint(checkpoint: checkpoint, signature: try Signature(bytes: signature))
    }
}
