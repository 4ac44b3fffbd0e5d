import ArgumentParser
import Foundation
import Ledger
import Sodium
import Statements

/// `plenum invite`: a steward invites someone; prints the secret they join with.
struct InviteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "invite", abstract: "Invite someone (stewards): prints the secret they join with.")

    @OptionGroup var options: ClientOptions
    @Option(help: "The invitee's name.") var name: String
    @Option(help: "A role to grant (member, steward, auditor); repeat for several. member is always granted.")
    var role: [Role] = []
    @Option(help: "Their vote weight.") var weight: Int64 = 1
    @Option(help: "Days until the invitation expires.") var days: Int64 = 7

    func run() async throws {
        try await clientCommand {
            let client = try options.client()
            let secret = SecureRandom.bytes(count: 32)
            let roles = [Role.member] + role.filter { $0 != .member }
            let invite = MemberInvite(
                header: try await client.header(), code: SHA256.hash(secret), name: name, roles: roles, weight: weight,
                expires: Clock.milliseconds() + days * 86_400_000)
            let receipt = try await client.submit(invite)
            options.output(receipt) {
                print("invited \(name); give them this secret to join with `plenum join --secret`:")
                print(Base64URL.encodeSecret(secret))
            }
        }
    }
}

extension Role: ExpressibleByArgument {}

/// `plenum join`: registers your key by redeeming an invitation.
struct JoinCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "join", abstract: "Join an organization with the secret of an invitation and your key.")

    @OptionGroup var options: ClientOptions
    // An option read unconditionally: base64url text may start with "-", which would otherwise
    // be taken for a flag.
    @Option(parsing: .unconditional, help: "The invitation secret a steward gave you.") var secret: String
    @Option(help: "Your name as members will see it.") var name: String

    func run() async throws {
        try await clientCommand {
            guard let bytes = try? Base64URL.decodeSecret(secret), bytes.count == 32 else {
                throw CommandFailure("the secret is 32 bytes in base64url, as `plenum invite` printed it")
            }
            let client = try options.client()
            let receipt = try await client.submit(
                MemberJoin(header: try await client.header(), secret: bytes, name: name))
            options.output(receipt) {
                print(
                    "joined as \(name) (\(client.key!.publicKey.base64url)) at leaf \(receipt["leaf"]?.integerValue ?? -1)"
                )
            }
        }
    }
}

/// `plenum members`: lists members, and stewards' member actions.
struct MembersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "members", abstract: "List members; stewards suspend, reinstate, set roles and weights.",
        subcommands: [List.self, Suspend.self, Reinstate.self, Roles.self, Weight.self], defaultSubcommand: List.self)

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the members.")
        @OptionGroup var options: ClientOptions

        func run() async throws {
            try await clientCommand {
                let answer = try await options.client().get("members")
                options.output(answer) {
                    for member in answer["members"]?.arrayValue ?? [] {
                        let roles = (member["roles"]?.arrayValue ?? []).compactMap(\.stringValue).joined(separator: ",")
                        print(
                            "\(member["id"]?.stringValue ?? "")  \(member["name"]?.stringValue ?? "")  [\(roles)]  "
                                + "weight \(member["weight"]?.integerValue ?? 0)  \(member["status"]?.stringValue ?? "")"
                        )
                    }
                }
            }
        }
    }

    struct Suspend: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Suspend a member (stewards).")
        @OptionGroup var options: ClientOptions
        // Options read unconditionally: a member id is base64url, which may start with "-".
        @Option(parsing: .unconditional, help: "The member's id.") var member: String
        @Option(help: "Why.") var reason: String

        func run() async throws {
            try await clientCommand {
                let client = try options.client()
                let id = try memberArgument(member)
                let receipt = try await client.submit(
                    MemberSuspend(header: try await client.header(), member: id, reason: reason))
                options.output(receipt) { print("suspended \(member)") }
            }
        }
    }

    struct Reinstate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Reinstate a suspended member (stewards).")
        @OptionGroup var options: ClientOptions
        // Options read unconditionally: a member id is base64url, which may start with "-".
        @Option(parsing: .unconditional, help: "The member's id.") var member: String

        func run() async throws {
            try await clientCommand {
                let client = try options.client()
                let receipt = try await client.submit(
                    MemberReinstate(header: try await client.header(), member: try memberArgument(member)))
                options.output(receipt) { print("reinstated \(member)") }
            }
        }
    }

    struct Roles: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Set a member's complete set of roles (stewards).")
        @OptionGroup var options: ClientOptions
        // Options read unconditionally: a member id is base64url, which may start with "-".
        @Option(parsing: .unconditional, help: "The member's id.") var member: String
        @Option(help: "A role; repeat for several.") var role: [Role]

        func run() async throws {
            try await clientCommand {
                let client = try options.client()
                let receipt = try await client.submit(
                    MemberRoles(header: try await client.header(), member: try memberArgument(member), roles: role))
                options.output(receipt) { print("roles of \(member): \(role.map(\.rawValue).joined(separator: ", "))") }
            }
        }
    }

    struct Weight: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Set a member's vote weight (stewards).")
        @OptionGroup var options: ClientOptions
        // Options read unconditionally: a member id is base64url, which may start with "-".
        @Option(parsing: .unconditional, help: "The member's id.") var member: String
        @Option(help: "The new weight.") var weight: Int64

        func run() async throws {
            try await clientCommand {
                let client = try options.client()
                let receipt = try await client.submit(
                    MemberWeight(header: try await client.header(), member: try memberArgument(member), weight: weight))
                options.output(receipt) { print("weight of \(member): \(weight)") }
            }
        }
    }
}

/// Parses a member id given on the command line.
func memberArgument(_ text: String) throws -> MemberID {
    do { return try MemberID(base64url: text) } catch {
        throw CommandFailure("a member id is the member's first key in base64url, not \"\(text)\"")
    }
}
