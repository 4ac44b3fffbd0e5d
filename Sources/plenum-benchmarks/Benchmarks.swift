import CSodiumBaseline
import Counting
import Ledger
import Sodium

#if canImport(Glibc)
    import Glibc
#endif

/// `plenum-benchmarks SUITE`: the repository's benchmarks, run in a release build
/// (`swift run -c release plenum-benchmarks foundation`). Each prints a Markdown table that
/// `docs/performance.md` quotes with the command that produced it.
@main
enum Benchmarks {
    static func main() throws {
        let arguments = Array(CommandLine.arguments.dropFirst())
        let suite = arguments.first ?? "foundation"
        switch suite {
        case "foundation":
            FoundationBenchmark.run(quick: arguments.contains("--quick"))
        case "counting":
            let folder = arguments.dropFirst().first { !$0.hasPrefix("--") } ?? "Ballots/generated"
            let python = arguments.firstIndex(of: "--compare").flatMap {
                arguments.indices.contains($0 + 1) ? arguments[$0 + 1] : nil
            }
            CountingBenchmark.run(folder: folder, quick: arguments.contains("--quick"), python: python)
        case "rctab":
            let corpus = arguments.dropFirst().first { !$0.hasPrefix("--") } ?? "../shared/ballots/rctab"
            RCTabBenchmark.run(corpus: corpus)
        case "audit":
            AuditBenchmark.run(arguments: Array(arguments.dropFirst()))
        case "ingest":
            IngestBenchmark.run(arguments: Array(arguments.dropFirst()))
        default:
            print("unknown benchmark suite \(suite); known: foundation, counting, rctab, ingest, audit")
            exit(2)
        }
    }
}

/// Timing and memory helpers shared by the suites.
enum Measure {
    /// Runs `body` `repetitions` times and returns the fastest wall time, in seconds.
    static func best(repetitions: Int, _ body: () -> Void) -> Double {
        var best = Double.infinity
        for _ in 0..<repetitions {
            let clock = ContinuousClock()
            let elapsed = clock.measure(body)
            best = min(best, seconds(elapsed))
        }
        return best
    }

    static func seconds(_ duration: Duration) -> Double {
        let (whole, attoseconds) = duration.components
        return Double(whole) + Double(attoseconds) / 1e18
    }

    /// The process's peak resident memory so far, in MiB.
    static func peakMemoryMiB() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024
    }

    /// The CPU time the process has used so far on all its threads (user and system), in seconds.
    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    static func format(_ value: Double, decimals: Int = 2) -> String {
        var factor = 1.0
        for _ in 0..<decimals { factor *= 10 }
        let rounded = (value * factor).rounded() / factor
        return String(rounded)
    }
}
