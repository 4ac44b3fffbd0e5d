import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// A deliberately small HTTP/1.1 load generator: one blocking keep-alive connection per thread
/// over loopback, each sending pre-encoded requests taken from a shared queue and reading each
/// response before sending the next. It shares the machine's cores with the server, so it does
/// as little as it can: no parsing beyond the status line and `content-length`.
enum LoadGenerator {
    /// What the run measured.
    struct Result {
        /// Wall time from the start signal to the last response, in seconds.
        var seconds: Double
        /// Per-request latency (send to full response), in nanoseconds.
        var latencies: [UInt64]
        /// How many responses had each status.
        var statuses: [Int: Int]
        /// Connections that failed (connect or I/O error), with the reason.
        var failures: [String]
    }

    /// Sends every request in `requests` over `connections` connections to 127.0.0.1:`port`.
    static func run(requests: [[UInt8]], port: Int, connections: Int) -> Result {
        let shared = Shared(requests: requests)
        let ready = DispatchGroup()
        let done = DispatchGroup()
        let start = DispatchSemaphore(value: 0)
        for index in 0..<connections {
            ready.enter()
            done.enter()
            let thread = Thread {
                let outcome = Connection.open(port: port)
                ready.leave()
                start.wait()
                switch outcome {
                case .success(var connection):
                    shared.finish(connection.drive(shared))
                    connection.close()
                case .failure(let error):
                    shared.finish(Partial(failure: "connect: \(error)"))
                }
                done.leave()
            }
            thread.name = "ingest-client-\(index)"
            thread.stackSize = 256 << 10
            thread.start()
        }
        ready.wait()
        let began = Monotonic.now()
        for _ in 0..<connections { start.signal() }
        done.wait()
        let seconds = Double(Monotonic.now() - began) / 1e9
        return shared.result(seconds: seconds)
    }

    /// What one connection saw.
    struct Partial: Sendable {
        var latencies: [UInt64] = []
        var statuses: [Int: Int] = [:]
        var failure: String?
    }

    /// The queue of requests and the collected results.
    final class Shared: Sendable {
        let requests: [[UInt8]]
        private let next = Atomic<Int>(0)
        private let partials = Mutex<[Partial]>([])

        init(requests: [[UInt8]]) { self.requests = requests }

        /// The next request to send, or nil when all were taken.
        func take() -> [UInt8]? {
            let index = next.add(1, ordering: .relaxed).oldValue
            return index < requests.count ? requests[index] : nil
        }

        func finish(_ partial: Partial) { partials.withLock { $0.append(partial) } }

        func result(seconds: Double) -> Result {
            partials.withLock { partials in
                var result = Result(seconds: seconds, latencies: [], statuses: [:], failures: [])
                for partial in partials {
                    result.latencies += partial.latencies
                    for (status, count) in partial.statuses { result.statuses[status, default: 0] += count }
                    if let failure = partial.failure { result.failures.append(failure) }
                }
                return result
            }
        }
    }

    /// One blocking TCP connection.
    struct Connection {
        let descriptor: Int32
        private var buffer = [UInt8](repeating: 0, count: 64 << 10)

        private init(descriptor: Int32) { self.descriptor = descriptor }

        enum OpenError: Error { case socket(Int32), connect(Int32) }

        static func open(port: Int) -> Swift.Result<Connection, OpenError> {
            let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            guard descriptor >= 0 else { return .failure(.socket(errno)) }
            var one: Int32 = 1
            setsockopt(descriptor, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = in_port_t(UInt16(port).bigEndian)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
            guard connected == 0 else {
                let code = errno
                Glibc.close(descriptor)
                return .failure(.connect(code))
            }
            return .success(Connection(descriptor: descriptor))
        }

        func close() { Glibc.close(descriptor) }

        /// Sends requests until the queue is empty (or the connection fails).
        mutating func drive(_ shared: Shared) -> Partial {
            var partial = Partial()
            partial.latencies.reserveCapacity(shared.requests.count / 32)
            while let request = shared.take() {
                let sent = Monotonic.now()
                guard send(request) else {
                    partial.failure = "send: errno \(errno)"
                    return partial
                }
                guard let status = readResponse() else {
                    partial.failure = "receive: the connection closed or sent a malformed response"
                    return partial
                }
                partial.latencies.append(Monotonic.now() - sent)
                partial.statuses[status, default: 0] += 1
            }
            return partial
        }

        private func send(_ bytes: [UInt8]) -> Bool {
            var written = 0
            while written < bytes.count {
                let result = bytes[written...].withUnsafeBytes {
                    Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
                }
                if result < 0, errno == EINTR { continue }
                guard result > 0 else { return false }
                written += result
            }
            return true
        }

        /// Reads one response (status line, headers, a `content-length` body); its status.
        private mutating func readResponse() -> Int? {
            var filled = 0
            var headerEnd: Int?
            while headerEnd == nil {
                guard let count = receive(into: filled) else { return nil }
                filled += count
                headerEnd = Connection.find(buffer, upTo: filled)
            }
            let head = String(decoding: buffer[0..<headerEnd!], as: UTF8.self)
            let lines = head.split(separator: "\r\n")
            guard let statusLine = lines.first, statusLine.count >= 12,
                let status = Int(statusLine.dropFirst(9).prefix(3))
            else { return nil }
            var length = 0
            for line in lines.dropFirst() {
                let parts = line.split(separator: ":", maxSplits: 1)
                if parts.count == 2, parts[0].lowercased() == "content-length" {
                    length = Int(parts[1].trimmingCharacters(in: .whitespaces)) ?? 0
                }
            }
            let total = headerEnd! + 4 + length
            guard total <= buffer.count else { return nil }
            while filled < total {
                guard let count = receive(into: filled) else { return nil }
                filled += count
            }
            // One request in flight per connection: nothing follows the body.
            return status
        }

        private mutating func receive(into offset: Int) -> Int? {
            guard offset < buffer.count else { return nil }
            while true {
                let result = buffer[offset...].withUnsafeMutableBytes {
                    recv(descriptor, $0.baseAddress, $0.count, 0)
                }
                if result < 0, errno == EINTR { continue }
                return result > 0 ? result : nil
            }
        }

        /// The offset of the first `\r\n\r\n` in `buffer[0..<count]`.
        private static func find(_ buffer: [UInt8], upTo count: Int) -> Int? {
            guard count >= 4 else { return nil }
            for index in 0...(count - 4)
            where buffer[index] == 13 && buffer[index + 1] == 10 && buffer[index + 2] == 13 && buffer[index + 3] == 10 {
                return index
            }
            return nil
        }
    }
}

/// CLOCK_MONOTONIC in nanoseconds.
enum Monotonic {
    static func now() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }
}
