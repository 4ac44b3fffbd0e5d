import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// A deliberately small HTTP/1.1 load generator: `connections` keep-alive connections over
/// loopback, each with one request in flight, all driven by one thread through `poll(2)`. A
/// connection sends its next pre-encoded request as soon as the previous response is whole.
///
/// It shares the machine's cores with the server, so it does as little as it can: one thread
/// (no wake-up per response, as a thread per connection would need), no parsing beyond the
/// status line and `content-length`. Sockets stay blocking: a request is sent only into a
/// connection whose previous answer was read whole, so the send never waits; `poll` only says
/// which connections have bytes to read.
enum LoadGenerator {
    /// What the run measured.
    struct Result {
        /// Wall time from the first request to the last response, in seconds.
        var seconds: Double
        /// Per-request latency (send to full response), in nanoseconds.
        var latencies: [UInt64]
        /// How many responses had each status.
        var statuses: [Int: Int]
        /// Connections that failed (connect or I/O error), with the reason.
        var failures: [String]
    }

    /// ``run(requests:port:connections:)`` on a thread of its own, so that no thread of Swift's
    /// cooperative pool (which runs the server's handlers) is blocked while it drives the load.
    static func drive(requests: [[UInt8]], port: Int, connections: Int) async -> Result {
        await withCheckedContinuation { continuation in
            let thread = Thread {
                continuation.resume(returning: run(requests: requests, port: port, connections: connections))
            }
            thread.name = "ingest-load"
            thread.start()
        }
    }

    /// Sends every request in `requests` over `connections` connections to 127.0.0.1:`port`.
    static func run(requests: [[UInt8]], port: Int, connections: Int) -> Result {
        var result = Result(seconds: 0, latencies: [], statuses: [:], failures: [])
        result.latencies.reserveCapacity(requests.count)
        var open: [Connection] = []
        for _ in 0..<connections {
            switch Connection.open(port: port) {
            case .success(let connection): open.append(connection)
            case .failure(let error): result.failures.append("connect: \(error)")
            }
        }
        defer { for connection in open { connection.close() } }
        // One entry per connection; a failed connection's descriptor is set negative, which
        // poll(2) skips.
        var watched = open.map { pollfd(fd: $0.descriptor, events: Int16(POLLIN), revents: 0) }

        var next = 0
        var inFlight = 0
        let began = Monotonic.now()
        /// Sends the next request on connection `index`, if any is left.
        func sendNext(_ index: Int) {
            guard next < requests.count else { return }
            if open[index].send(requests[next]) {
                next += 1
                inFlight += 1
            } else {
                result.failures.append("send: errno \(errno)")
                watched[index].fd = -1
            }
        }
        for index in open.indices { sendNext(index) }
        while inFlight > 0 {
            let ready = poll(&watched, nfds_t(watched.count), -1)
            if ready < 0 {
                if errno == EINTR { continue }
                result.failures.append("poll: errno \(errno)")
                break
            }
            for index in watched.indices where watched[index].fd >= 0 && watched[index].revents != 0 {
                watched[index].revents = 0
                switch open[index].receive() {
                case .partial: continue
                case .failed(let reason):
                    inFlight -= 1
                    result.failures.append("receive: \(reason)")
                    watched[index].fd = -1
                case .complete(let status, let latency):
                    inFlight -= 1
                    result.latencies.append(latency)
                    result.statuses[status, default: 0] += 1
                    sendNext(index)
                }
            }
        }
        result.seconds = Double(Monotonic.now() - began) / 1e9
        return result
    }

    /// One TCP connection with one request in flight.
    struct Connection {
        let descriptor: Int32
        private var buffer = [UInt8](repeating: 0, count: 64 << 10)
        private var filled = 0
        private var sent: UInt64 = 0

        private init(descriptor: Int32) { self.descriptor = descriptor }

        enum OpenError: Error { case socket(Int32), connect(Int32) }

        /// What a read brought.
        enum Received {
            /// More of the response is still to come.
            case partial
            /// The whole response: its status and the time since its request was sent.
            case complete(status: Int, latency: UInt64)
            case failed(String)
        }

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

        /// Sends a whole request and starts its clock.
        mutating func send(_ bytes: [UInt8]) -> Bool {
            sent = Monotonic.now()
            filled = 0
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

        /// Reads what has arrived (one `recv`, which `poll` said will not wait) and says whether
        /// the response (status line, headers, a `content-length` body) is now whole.
        mutating func receive() -> Received {
            guard filled < buffer.count else { return .failed("a response over \(buffer.count) bytes") }
            var count: Int
            repeat {
                count = buffer[filled...].withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            } while count < 0 && errno == EINTR
            guard count > 0 else { return .failed(count == 0 ? "the server closed the connection" : "errno \(errno)") }
            filled += count
            guard let headerEnd = Connection.find(buffer, upTo: filled) else { return .partial }
            let head = String(decoding: buffer[0..<headerEnd], as: UTF8.self)
            let lines = head.split(separator: "\r\n")
            guard let statusLine = lines.first, statusLine.count >= 12,
                let status = Int(statusLine.dropFirst(9).prefix(3))
            else { return .failed("a malformed status line") }
            var length = 0
            for line in lines.dropFirst() {
                let parts = line.split(separator: ":", maxSplits: 1)
                if parts.count == 2, parts[0].lowercased() == "content-length" {
                    length = Int(parts[1].trimmingCharacters(in: .whitespaces)) ?? 0
                }
            }
            let total = headerEnd + 4 + length
            guard total <= buffer.count else { return .failed("a response over \(buffer.count) bytes") }
            // One request in flight per connection: nothing follows the body.
            guard filled >= total else { return .partial }
            return .complete(status: status, latency: Monotonic.now() - sent)
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
