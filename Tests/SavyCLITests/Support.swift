import Foundation
import Savy
import Testing

/// Where the built `savy` executable is: next to the test bundle, else in the package's
/// .build/debug.
func savyExecutable() throws -> URL {
    let testBinary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    var directories = [testBinary.deletingLastPathComponent()]
    // On macOS the test binary is inside X.xctest/Contents/MacOS/.
    directories.append(testBinary.deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent())
    let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    directories.append(packageRoot.appendingPathComponent(".build/debug"))
    let candidates = directories.map { $0.appendingPathComponent("savy") }
    guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
        throw SavyNotFound(searched: candidates.map(\.path))
    }
    return found
}

struct SavyNotFound: Error, CustomStringConvertible {
    var searched: [String]
    var description: String {
        "the savy executable was not found (build it with `swift build`); looked at: " + searched.joined(separator: ", ")
    }
}

/// A scratch directory removed when the value goes away.
final class TemporaryDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("savy-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// Writes `bytes` to `name` in the directory and returns its path.
    func file(_ name: String, _ bytes: [UInt8]) throws -> String {
        let file = url.appendingPathComponent(name)
        try Data(bytes).write(to: file)
        return file.path
    }

    func file(_ name: String, _ text: String) throws -> String { try file(name, Array(text.utf8)) }
}

/// The outcome of one run of `savy`.
struct SavyRun {
    var status: Int32
    var stdout: [UInt8]
    var stderr: String

    /// Standard output's lines (without the final empty one).
    var lines: [[UInt8]] {
        var lines = stdout.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
        if lines.last?.isEmpty == true { lines.removeLast() }
        return lines
    }

    /// Standard output as JSON lines.
    func records() throws -> [Record] {
        try lines.map { try JSONDecoder().decode(Record.self, from: Data($0)) }
    }
}

/// One output line of `savy score`: a scored text or an error record.
struct Record: Decodable {
    struct Warning: Decodable, Equatable {
        var kind: String
        var count: Int
        var byteOffset: Int
        var column: Int
    }

    struct Failure: Decodable {
        var message: String
        var file: String?
        var line: Int
        var column: Int
    }

    var id: Int
    var language: String?
    var sentiment: Sentiment?
    var evidence: [Evidence]?
    var warnings: [Warning]?
    var error: Failure?

    var label: SentimentLabel? { sentiment?.label }
}

/// Runs `savy` with `arguments`, feeding it `stdin` (or nothing), in `directory`.
func runSavy(_ arguments: [String], stdin: [UInt8]? = nil, in directory: TemporaryDirectory? = nil) throws -> SavyRun {
    let scratch = try TemporaryDirectory()
    let outPath = try scratch.file("stdout", []), errPath = try scratch.file("stderr", [])
    let out = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
    let err = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
    let process = Process()
    process.executableURL = try savyExecutable()
    process.arguments = arguments
    process.currentDirectoryURL = (directory ?? scratch).url
    process.standardOutput = out
    process.standardError = err
    let input = Pipe()
    process.standardInput = stdin == nil ? FileHandle.nullDevice : input
    try process.run()
    if let stdin {
        input.fileHandleForWriting.write(Data(stdin))
        try input.fileHandleForWriting.close()
    }
    process.waitUntilExit()
    try out.close()
    try err.close()
    let stdout = try [UInt8](Data(contentsOf: URL(fileURLWithPath: outPath)))
    let stderr = try String(decoding: Data(contentsOf: URL(fileURLWithPath: errPath)), as: UTF8.self)
    return SavyRun(status: process.terminationStatus, stdout: stdout, stderr: stderr)
}
