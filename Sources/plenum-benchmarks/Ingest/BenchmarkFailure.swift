/// Why a benchmark run is not valid (the server did not start, a count does not add up).
struct BenchmarkFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
