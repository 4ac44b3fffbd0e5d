import Sodium
import Testing

/// libsodium is initialized once, on first use, from any thread.
@Suite struct SodiumInitializationTests {
    @Test func theLibraryReportsItsVersion() {
        let version = Sodium.libraryVersion
        #expect(version.split(separator: ".").count >= 2)
    }

    @Test func concurrentFirstUseIsSafe() async {
        await withTaskGroup(of: Bool.self) { group in
            for index in 0..<16 {
                group.addTask {
                    let key = try! SigningKey(seed: [UInt8](repeating: UInt8(index), count: 32))
                    let message: [UInt8] = [1, 2, 3, UInt8(index)]
                    return key.publicKey.isValidSignature(key.sign(message), for: message)
                }
            }
            for await verified in group { #expect(verified) }
        }
    }
}
