import Benchmark
import ChatCorpus
import Foundation
@_spi(Benchmarking) import Savy

// Benchmarks of the public API on a generated chat corpus (ChatCorpus, fixed seed), and of
// the `savy` executable end to end. Malloc counts are the stable metric the saved baseline
// gates on (`swift package benchmark baseline check main`); wall clock and throughput are
// reported but never gated, because these machines are shared and noisy.
let benchmarks: @Sendable () -> Void = {
    let analyzer = try! Analyzer()
    let english = ChatCorpus(seed: 1, language: .english, count: 20_000)
    let finnish = ChatCorpus(seed: 2, language: .finnish, count: 20_000)
    let mixed = ChatCorpus(seed: 3, language: nil, count: 20_000)
    let metrics: [BenchmarkMetric] = [.wallClock, .throughput, .mallocCountTotal]
    // Any change in the number of mallocs fails the check; time never does.
    let thresholds: [BenchmarkMetric: BenchmarkThresholds] = [
        .mallocCountTotal: .init(relative: [.p50: 0], absolute: [.p50: 0]),
        .wallClock: .init(relative: BenchmarkThresholds.Relative.none, absolute: BenchmarkThresholds.Absolute.none),
        .throughput: .init(relative: BenchmarkThresholds.Relative.none, absolute: BenchmarkThresholds.Absolute.none),
    ]

    for (name, corpus) in [("English", english), ("Finnish", finnish), ("Mixed", mixed)] {
        let batch = corpus.batch
        Benchmark("Batch.\(name)", configuration: .init(metrics: metrics, maxDuration: .seconds(5), maxIterations: 50, thresholds: thresholds)) { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(analyzer.score(batch))
            }
        }
    }

    // The C kernel alone (no Swift result values): tokens, language, lookup, rules, tone.
    for (name, corpus) in [("English", english), ("Finnish", finnish), ("Mixed", mixed)] {
        let batch = corpus.batch
        Benchmark("Kernel.\(name)", configuration: .init(metrics: metrics, maxDuration: .seconds(5), maxIterations: 50, thresholds: thresholds)) { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(analyzer.kernelScore(batch))
            }
        }
    }

    // The tokenizer: the byte-level fast path against ICU word breaking on the same text.
    let englishBatch = english.batch
    for (name, icu) in [("FastPath", false), ("ICU", true)] {
        Benchmark("Tokenizer.\(name)", configuration: .init(metrics: metrics, maxDuration: .seconds(5), maxIterations: 50, thresholds: thresholds)) { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(analyzer.tokenize(englishBatch, icu: icu))
            }
        }
    }

    let message = "Hi, my order still hasn't arrived and nobody answers. Could you check it please?"
    Benchmark("API.ShortMessage", configuration: .init(metrics: metrics, scalingFactor: .kilo, maxDuration: .seconds(3), thresholds: thresholds)) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(analyzer.score(message))
        }
    }

    // The executable end to end, as analysts run it: text and JSONL in, JSONL out, all cores.
    // It needs a release build of the root package (`swift build -c release` there first);
    // it is left out, with a note, when there is none.
    guard let savy = releaseExecutable() else {
        FileHandle.standardError.write(Data("CLI benchmarks skipped: build ../.build/release/savy first\n".utf8))
        return
    }
    let cliCorpus = ChatCorpus(seed: 4, language: .english, count: 200_000)
    let text = cliCorpus.lines.joined(separator: "\n") + "\n"
    let jsonl = cliCorpus.lines.enumerated().map { index, line in
        #"{"id":\#(index + 1),"role":"\#(index % 2 == 0 ? "customer" : "agent")","text":\#(jsonString(line))}"#
    }.joined(separator: "\n") + "\n"
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("savy-bench-\(getpid())")
    try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    for (name, format, contents) in [("CLI.Text", "text", text), ("CLI.JSONL", "jsonl", jsonl)] {
        let input = directory.appendingPathComponent("\(name).in")
        try! Data(contents.utf8).write(to: input)
        let configuration = Benchmark.Configuration(
            metrics: [.wallClock, .throughput], timeUnits: .milliseconds, warmupIterations: 1,
            maxDuration: .seconds(10), maxIterations: 10,
            thresholds: thresholds.filter { $0.key != .mallocCountTotal })
        Benchmark(name, configuration: configuration) { benchmark in
            for _ in benchmark.scaledIterations {
                let process = Process()
                process.executableURL = savy
                process.arguments = ["score", "--format", format, "--input", input.path, "--progress", "never"]
                process.standardOutput = FileHandle.nullDevice
                try! process.run()
                process.waitUntilExit()
                precondition(process.terminationStatus == 0, "savy failed")
            }
        }
    }
}

/// The root package's release `savy`, found from this file's place in the tree.
func releaseExecutable() -> URL? {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    let savy = root.appendingPathComponent(".build/release/savy")
    return FileManager.default.isExecutableFile(atPath: savy.path) ? savy : nil
}

func jsonString(_ text: String) -> String {
    let data = try! JSONSerialization.data(withJSONObject: [text], options: [.withoutEscapingSlashes])
    return String(decoding: data.dropFirst().dropLast(), as: UTF8.self)
}
