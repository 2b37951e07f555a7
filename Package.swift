// swift-tools-version:6.1
import PackageDescription

// One settings list for every Swift target.
let swiftSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "Savy",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "Savy", targets: ["Savy"]),
        .executable(name: "savy", targets: ["SavyCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // ICU from the system (Debian libicu-dev), reached only from C.
        .systemLibrary(
            name: "CICU",
            pkgConfig: "icu-uc icu-i18n",
            providers: [.apt(["libicu-dev", "pkg-config"])]
        ),
        // Word breaking, normalisation and code point properties behind an ICU-free header.
        .target(name: "CSavyICU", dependencies: ["CICU"]),
        // The hot path: tokenizer (fast path + ICU fallback), lexicon table, rules, batch scoring.
        .target(name: "CSavyKernel", dependencies: ["CSavyICU"]),
        // The lexicon file format, shared by the library and the build-time embedder.
        .target(name: "SavyLexiconFormat", swiftSettings: swiftSettings),
        // Public Swift API.
        .target(
            name: "Savy",
            dependencies: ["CSavyKernel", "SavyLexiconFormat"],
            swiftSettings: swiftSettings,
            plugins: ["EmbedLexicons"]
        ),
        // The `savy` command-line tool.
        .executableTarget(
            name: "SavyCLI",
            dependencies: ["Savy", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: swiftSettings
        ),
        // Build-time tool: validates lexicons/ and compiles them into the Savy module.
        .executableTarget(
            name: "savy-embed-lexicons",
            dependencies: ["SavyLexiconFormat"],
            swiftSettings: swiftSettings
        ),
        .plugin(
            name: "EmbedLexicons",
            capability: .buildTool(),
            dependencies: ["savy-embed-lexicons"]
        ),
        .testTarget(name: "CSavyKernelTests", dependencies: ["CSavyKernel", "Savy"], swiftSettings: swiftSettings),
        .testTarget(name: "SavyTests", dependencies: ["Savy"], swiftSettings: swiftSettings),
        .testTarget(name: "SavyCLITests", dependencies: ["SavyCLI"], swiftSettings: swiftSettings),
    ]
)
