import ArgumentParser
import Foundation
import Testing

@testable import PlenumCLI

@Suite("Record files read line by line")
struct RecordFileTests {
    @Test("lines come back exactly, across megabyte reads and longer than the storage, with or without a final newline")
    func linesAcrossReads() throws {
        let harness = try CommandHarness("record-file")
        // Lines of many lengths, some longer than one read, so that lines straddle reads.
        var lines: [[UInt8]] = []
        for index in 0..<400 {
            let length = index % 50 == 0 ? 700_000 + index : index * 37 % 5_000
            lines.append((0..<length).map { UInt8(0x21 + ($0 + index) % 90) })
        }
        lines.insert([], at: 5)
        // One line longer than the reader's storage, which must grow to hold it.
        lines.insert((0..<3_000_001).map { UInt8(0x21 + $0 % 90) }, at: 200)
        for ending in ["\n", ""] {
            let text = lines.map { String(decoding: $0, as: UTF8.self) }.joined(separator: "\n") + ending
            let path = try harness.write("record-\(ending.isEmpty ? "open" : "closed").plenum-record", text)
            let read = Array(RecordFile(path: path))
            #expect(read.count == lines.count)
            #expect(read == lines)
        }
    }

    @Test("read(into:) gives the file's bytes exactly, after lines read first too, in buffers of any size")
    func bytesAsTheyAre() throws {
        let harness = try CommandHarness("record-file-bytes")
        let text = (0..<3_000).map { "line \($0) " + String(repeating: "x", count: $0 % 700) }.joined(separator: "\n")
        let path = try harness.write("bytes.plenum-record", text)
        let bytes = Array(text.utf8)
        for (size, linesFirst) in [(1, 0), (777, 0), (1 << 20, 0), (3 << 20, 0), (5_000, 2), (1 << 22, 1)] {
            var iterator = RecordFile(path: path).makeIterator()
            var read: [UInt8] = []
            for _ in 0..<linesFirst { read += (iterator.next() ?? []) + [0x0A] }
            var buffer = [UInt8](repeating: 0, count: size)
            while true {
                let count = buffer.withUnsafeMutableBytes { iterator.read(into: $0) }
                if count == 0 { break }
                read += buffer[0..<count]
            }
            #expect(read.count == bytes.count, "buffer \(size), \(linesFirst) lines first")
            #expect(read == bytes, "buffer \(size), \(linesFirst) lines first")
        }
        // A read error ends the bytes and is named.
        let directory = RecordFile(path: FileManager.default.temporaryDirectory.path)
        var iterator = directory.makeIterator()
        var buffer = [UInt8](repeating: 0, count: 64)
        #expect(buffer.withUnsafeMutableBytes { iterator.read(into: $0) } == 0)
        #expect(directory.readError != nil)
    }

    @Test("a read error is reported, not taken for the end of the file")
    func readError() throws {
        // A directory opens for reading, and reading it fails (EISDIR).
        let directory = FileManager.default.temporaryDirectory.path
        let file = RecordFile(path: directory)
        #expect(Array(file).isEmpty)
        #expect(file.readError != nil)
        let harness = try CommandHarness("record-file-error")
        let path = try harness.write("fine.plenum-record", "one\ntwo\n")
        let fine = RecordFile(path: path)
        #expect(Array(fine) == [Array("one".utf8), Array("two".utf8)])
        #expect(fine.readError == nil)
    }

    @Test("plenum audit verify names a read error instead of reporting on the lines it read")
    func verifyCommandReadError() async throws {
        let directory = FileManager.default.temporaryDirectory.path
        var command = try #require(
            try PlenumCommand.parseAsRoot(["audit", "verify", directory]) as? AsyncParsableCommand)
        do {
            try await command.run()
            Issue.record("verifying a directory succeeded")
        } catch let failure as CommandFailure {
            #expect(failure.message.hasPrefix("cannot read \(directory): "))
            #expect(failure.message.count > "cannot read \(directory): ".count)
        }
    }

    @Test("a missing file yields no lines")
    func missingFile() {
        #expect(Array(RecordFile(path: "/nonexistent/record")).isEmpty)
        #expect(!RecordFile(path: "/nonexistent/record").isReadable)
    }
}
