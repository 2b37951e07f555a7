import ArgumentParser
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Progress of a long run on standard error: lines, megabytes and speed, at most twice a
/// second, then a closing summary. On a terminal the line is redrawn in place; otherwise
/// (`--progress always` into a log) each report is its own line, every few seconds.
struct Progress {
    enum Mode: String, CaseIterable, ExpressibleByArgument {
        case auto, always, never
    }

    private let enabled: Bool
    private let terminal: Bool
    private let start = Date()
    private var lastReport = Date.distantPast
    private(set) var lines = 0
    private(set) var errors = 0
    private(set) var bytes = 0

    init(mode: Mode) {
        terminal = isatty(STDERR_FILENO) != 0
        switch mode {
        case .auto: enabled = terminal
        case .always: enabled = true
        case .never: enabled = false
        }
    }

    mutating func add(lines: Int, errors: Int, bytes: Int) {
        self.lines += lines
        self.errors += errors
        self.bytes += bytes
        guard enabled else { return }
        let now = Date()
        if now.timeIntervalSince(lastReport) >= (terminal ? 0.5 : 5) {
            lastReport = now
            report(final: false)
        }
    }

    func finish() {
        if enabled { report(final: true) }
    }

    private func report(final: Bool) {
        let seconds = max(Date().timeIntervalSince(start), 1e-9)
        let megabytes = Double(bytes) / 1e6
        var text = "savy: \(lines) lines"
        if errors > 0 { text += " (\(errors) errors)" }
        text += String(format: ", %.1f MB in %.1f s, %.1f MB/s, %.0f lines/s", megabytes, seconds, megabytes / seconds,
                       Double(lines) / seconds)
        let line = terminal ? "\r\u{1B}[K" + text + (final ? "\n" : "") : text + "\n"
        FileHandle.standardError.write(Data(line.utf8))
    }
}
