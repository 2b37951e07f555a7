// swift-tools-version:6.1
// Savy's benchmark suite (ordo-one/benchmark), a package of its own so that library users
// never build it. Run from this directory:
//
//   swift package benchmark                                  # run everything
//   swift package benchmark baseline update main             # save a baseline
//   swift package benchmark baseline check main              # gate (malloc counts; see README)
import PackageDescription

let package = Package(
    name: "SavyBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "Savy", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", exact: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        // The generated chat corpus every benchmark and comparison scores.
        .target(name: "ChatCorpus", dependencies: [.product(name: "Savy", package: "Savy")],
                swiftSettings: [.swiftLanguageMode(.v6)]),
        .executableTarget(name: "chat-corpus", dependencies: ["ChatCorpus", .product(name: "Savy", package: "Savy")],
                          swiftSettings: [.swiftLanguageMode(.v6)]),
        .executableTarget(
            name: "SavyBenchmarks",
            dependencies: [
                "ChatCorpus",
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "Savy", package: "Savy"),
            ],
            path: "Benchmarks/SavyBenchmarks",
            swiftSettings: [.swiftLanguageMode(.v6)],
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
