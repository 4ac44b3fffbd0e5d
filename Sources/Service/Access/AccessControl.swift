import Ledger
import Sodium
import Statements
import Synchronization

/// Login challenges, the short-lived tokens they are exchanged for, and the per-author rate
/// limit. All in memory: a restart only asks people to log in again.
final class AccessControl: Sendable {
    private struct Tables {
        var challenges: [[UInt8]: Int64] = [:]
        var tokens: [String: (member: MemberID, expires: Int64)] = [:]
        var buckets: [PublicKey: (tokens: Double, updated: Int64)] = [:]
    }

    private let tables = Mutex(Tables())
    private let configuration: ServiceConfiguration

    init(configuration: ServiceConfiguration) {
        self.configuration = configuration
    }

    /// A new one-time challenge and when it expires.
    func challenge(now: Int64) -> (challenge: [UInt8], expires: Int64) {
        let challenge = SecureRandom.bytes(count: 32)
        let expires = now + configuration.challengeLifetime
        tables.withLock { tables in
            tables.challenges = tables.challenges.filter { $0.value > now }
            tables.challenges[challenge] = expires
        }
        return (challenge, expires)
    }

    /// Consumes `challenge` if it is outstanding and unexpired.
    func redeem(_ challenge: [UInt8], now: Int64) throws(ServiceError) {
        let valid = tables.withLock { tables -> Bool in
            guard let expires = tables.challenges.removeValue(forKey: challenge) else { return false }
            return expires > now
        }
        guard valid else {
            throw .init(.unauthenticated, "unknown_challenge", "the login challenge is unknown, used or expired")
        }
    }

    /// A new token for `member`.
    func issueToken(for member: MemberID, now: Int64) -> (token: String, expires: Int64) {
        let token = Base64URL.encode(SecureRandom.bytes(count: 32))
        let expires = now + configuration.tokenLifetime
        tables.withLock { tables in
            tables.tokens = tables.tokens.filter { $0.value.expires > now }
            tables.tokens[token] = (member, expires)
        }
        return (token, expires)
    }

    /// The member a token was issued to, if it is known and unexpired.
    func member(forToken token: String, now: Int64) throws(ServiceError) -> MemberID {
        let entry = tables.withLock { $0.tokens[token] }
        guard let entry, entry.expires > now else {
            throw .init(.unauthenticated, "invalid_token", "the token is missing, unknown or expired; log in again")
        }
        return entry.member
    }

    /// Charges one statement to `author`'s bucket, refusing when it is empty.
    func admit(_ author: PublicKey, now: Int64) throws(ServiceError) {
        let rate = configuration.statementsPerSecondPerAuthor
        guard rate > 0 else { return }
        let burst = configuration.burstPerAuthor
        let allowed = tables.withLock { tables -> Bool in
            var bucket = tables.buckets[author] ?? (burst, now)
            bucket.tokens = min(burst, bucket.tokens + Double(max(0, now - bucket.updated)) * rate / 1000)
            bucket.updated = now
            guard bucket.tokens >= 1 else {
                tables.buckets[author] = bucket
                return false
            }
            bucket.tokens -= 1
            tables.buckets[author] = bucket
            return true
        }
        guard allowed else {
            throw .init(.rateLimited, "rate_limited", "too many statements from this key; wait a moment and retry")
        }
    }
}
