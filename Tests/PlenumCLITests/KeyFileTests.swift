import Foundation
import Sodium
import Testing

@testable import PlenumCLI

/// The secret key file: owner-only on creation, refused when others may read it, never silently
/// overwritten, and strict about its format.
@Suite struct KeyFileTests {
    let folder: String

    init() throws {
        folder = NSTemporaryDirectory() + "plenum-keyfile-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    func mode(_ path: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }

    @Test func aSavedKeyLoadsBackWithMode0600() throws {
        let file = KeyFile(path: folder + "/member.key")
        let key = try SigningKey.generate()
        try file.save(key)
        #expect(try mode(file.path) == 0o600)
        let loaded = try file.load()
        #expect(loaded.publicKey == key.publicKey)
        #expect(loaded.seed == key.seed)
        let text = try String(contentsOfFile: file.path, encoding: .utf8)
        #expect(text == "plenum-secret-key-v1\n\(Base64URL.encode(key.seed))\n")
    }

    @Test func theModeIsExactEvenUnderAPermissiveUmask() throws {
        let previous = umask(0)
        defer { umask(previous) }
        let file = KeyFile(path: folder + "/open-umask.key")
        try file.save(try SigningKey.generate())
        #expect(try mode(file.path) == 0o600)
    }

    @Test(arguments: [0o644, 0o640, 0o604, 0o620, 0o602, 0o660])
    func aKeyOthersCanReachIsRefused(permissions: Int) throws {
        let file = KeyFile(path: folder + "/key-\(permissions)")
        try file.save(try SigningKey.generate())
        try FileManager.default.setAttributes([.posixPermissions: permissions], ofItemAtPath: file.path)
        #expect(throws: KeyFileError.tooOpen(path: file.path, mode: UInt32(permissions))) { try file.load() }
    }

    @Test func anOwnerOnlyReadOnlyKeyIsAccepted() throws {
        let file = KeyFile(path: folder + "/read-only.key")
        try file.save(try SigningKey.generate())
        try FileManager.default.setAttributes([.posixPermissions: 0o400], ofItemAtPath: file.path)
        _ = try file.load()
    }

    @Test func anExistingKeyIsNotOverwrittenUnlessAsked() throws {
        let file = KeyFile(path: folder + "/kept.key")
        let first = try SigningKey.generate()
        try file.save(first)
        #expect(throws: KeyFileError.alreadyExists(path: file.path)) { try file.save(try SigningKey.generate()) }
        #expect(try file.load().publicKey == first.publicKey)
        let second = try SigningKey.generate()
        try file.save(second, replacing: true)
        #expect(try file.load().publicKey == second.publicKey)
        #expect(try mode(file.path) == 0o600)
    }

    @Test func aMissingKeyIsReportedWithTheCommandThatMakesOne() throws {
        let file = KeyFile(path: folder + "/absent.key")
        #expect(throws: KeyFileError.notFound(path: file.path)) { try file.load() }
        #expect(KeyFileError.notFound(path: file.path).description.contains("plenum key new"))
    }

    @Test(arguments: [
        "", "plenum-secret-key-v1\n", "plenum-secret-key-v2\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n",
        "plenum-secret-key-v1\nAAAA\n", "plenum-secret-key-v1\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "plenum-secret-key-v1\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\nextra\n",
        "plenum-secret-key-v1\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA==\n",
    ])
    func aMalformedKeyFileIsRefused(contents: String) throws {
        let path = folder + "/malformed-\(abs(contents.hashValue))"
        _ = FileManager.default.createFile(
            atPath: path, contents: Data(contents.utf8), attributes: [.posixPermissions: 0o600])
        #expect(throws: KeyFileError.malformed(path: path)) { try KeyFile(path: path).load() }
    }

    @Test func aFolderIsNotAKeyFile() throws {
        let path = folder + "/a-folder"
        try FileManager.default.createDirectory(
            atPath: path, withIntermediateDirectories: false,
            attributes: [.posixPermissions: 0o700])
        #expect(throws: KeyFileError.notARegularFile(path: path)) { try KeyFile(path: path).load() }
    }

    @Test func theParentFolderIsCreatedOwnerOnly() throws {
        let file = KeyFile(path: folder + "/nested/deeper/member.key")
        try file.createParentDirectory()
        try file.save(try SigningKey.generate())
        #expect(try mode(folder + "/nested/deeper") == 0o700)
    }

    @Test func theDefaultPathHonoursPlenumKeyThenHome() {
        #expect(KeyFile.defaultPath(environment: ["PLENUM_KEY": "/x/k", "HOME": "/h"]) == "/x/k")
        #expect(KeyFile.defaultPath(environment: ["HOME": "/h"]) == "/h/.config/plenum/member.key")
        #expect(KeyFile.defaultPath(environment: ["PLENUM_KEY": "", "HOME": "/h"]) == "/h/.config/plenum/member.key")
    }
}
