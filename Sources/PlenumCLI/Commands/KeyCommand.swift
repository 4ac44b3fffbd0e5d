import ArgumentParser
import Foundation
import Sodium

/// `plenum key`: make, show and check Ed25519 keys.
public struct KeyCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "key",
        abstract: "Make, show and check Ed25519 keys.",
        subcommands: [New.self, Show.self, Check.self]
    )

    public init() {}

    /// Where the secret key file is, shared by the key subcommands.
    struct KeyLocation: ParsableArguments {
        @Option(
            name: .customLong("key-file"),
            help: ArgumentHelp(
                "The secret key file.",
                discussion: "Defaults to $PLENUM_KEY, or ~/.config/plenum/member.key when that is unset.",
                valueName: "path"))
        var keyFile: String?

        var path: String { keyFile ?? KeyFile.defaultPath(environment: ProcessInfo.processInfo.environment) }
    }

    /// `plenum key new`.
    struct New: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Generate a new key pair and save the secret key.",
            discussion: """
                The secret key is written with mode 0600 and never leaves this machine; the public \
                key (unpadded base64url) is printed, to be registered with your organization.
                """)

        @OptionGroup var location: KeyLocation

        @Flag(help: "Replace an existing key file (the old key is lost).")
        var force = false

        func run() async throws {
            let file = KeyFile(path: location.path)
            do {
                try file.createParentDirectory()
                let key = try SigningKey.generate()
                try file.save(key, replacing: force)
                print(key.publicKey.base64url)
                FileHandle.standardError.write(Data("saved the secret key to \(file.path)\n".utf8))
            } catch {
                throw CommandFailure(String(describing: error))
            }
        }
    }

    /// `plenum key show`.
    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the public key of a secret key file.",
            discussion: "Refuses a key file that group or others may read or write.")

        @OptionGroup var location: KeyLocation

        func run() async throws {
            do {
                let key = try KeyFile(path: location.path).load()
                print(key.publicKey.base64url)
            } catch {
                throw CommandFailure(String(describing: error))
            }
        }
    }

    /// `plenum key check`.
    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check that a public key is one Plenum accepts.",
            discussion: """
                A key must be 32 bytes of unpadded base64url and a canonical point of the main \
                subgroup of edwards25519; zero, small-order and non-canonical keys are refused.
                """)

        @Argument(help: ArgumentHelp("The public key, in unpadded base64url.", valueName: "public-key"))
        var publicKey: String

        func run() async throws {
            do {
                let key = try PublicKey(base64url: publicKey)
                print("valid: \(key.base64url)")
            } catch {
                throw CommandFailure("invalid: \(error)")
            }
        }
    }
}
