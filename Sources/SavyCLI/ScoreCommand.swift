import ArgumentParser
import Foundation
import Savy
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

struct ScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "Score texts and write one JSON object per text to standard output.",
        discussion: """
            Texts come from the arguments, or from --input with one text per line. Each output
            line is {"id": …, "language": "en", "sentiment": {"compound", "positive", "neutral",
            "negative", "label"}}, in input order; the id is the line number (or the argument's
            position). A line that cannot be scored (empty, too long) gives
            {"id": …, "error": {"message", "file", "line", "column"}} instead, and the run goes on.
            Invalid UTF-8 is repaired and reported under "warnings".

            Examples:
              savy score "Thanks, that fixed it!" "Still waiting for a reply..."
              savy score --input chats.txt --explain > scores.jsonl
            """
    )

    @Argument(help: "Texts to score (instead of --input).")
    var texts: [String] = []

    @Option(name: .shortAndLong, help: ArgumentHelp("Read texts from a file, or - for standard input.", valueName: "path|-"))
    var input: String?

    @Option(help: """
        Input format: text (one text per line) or jsonl (one JSON object per line with "text", \
        and optionally "id", "role" (agent|customer), "customerName", "previousCustomerTurn").
        """)
    var format: InputFormat = .text

    @Flag(help: "Add the evidence: each lexicon hit and rule, with its byte range and effect.")
    var explain = false

    @Option(help: "Lines longer than this many bytes give an error record instead of a score.")
    var maxLineBytes = 1 << 20

    @Option(help: "Texts scored per kernel call (the most lines in one chunk of work).")
    var batchSize = 4096

    @Option(help: "Worker threads scoring --input (default: one per core).")
    var threads = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "Progress on standard error while reading --input: auto (when it is a terminal), always or never.")
    var progress: Progress.Mode = .auto

    @OptionGroup var lexiconOptions: LexiconOptions

    enum InputFormat: String, ExpressibleByArgument, CaseIterable {
        case text, jsonl
    }

    func validate() throws {
        if input == nil && texts.isEmpty {
            throw ValidationError("Give texts to score, or --input PATH (use - for standard input).")
        }
        if input != nil && !texts.isEmpty {
            throw ValidationError("Give either texts or --input, not both.")
        }
        if maxLineBytes < 1 { throw ValidationError("--max-line-bytes must be at least 1.") }
        if batchSize < 1 { throw ValidationError("--batch-size must be at least 1.") }
        if threads < 1 { throw ValidationError("--threads must be at least 1.") }
    }

    func run() throws {
        let analyzer = try lexiconOptions.makeAnalyzer()
        var output = OutputStream()
        if let input {
            try scoreLines(from: input, analyzer: analyzer, output: &output)
        } else {
            var writer = JSONWriter()
            for (index, text) in texts.enumerated() {
                let id = RowID.number(index + 1)
                if text.allSatisfy({ $0 == " " || $0 == "\t" }) {
                    writer.error("empty text", id: id, file: nil, line: index + 1, column: 1)
                } else {
                    writer.analysis(analyzer.score(text, explain: explain), id: id)
                }
            }
            writer.buffer.withBytes { output.write($0) }
        }
        output.flush()
    }

    /// Reads lines in chunks, scores the chunks on `threads` workers and writes their
    /// records in input order.
    private func scoreLines(from path: String, analyzer: Analyzer, output: inout OutputStream) throws {
        let fd: Int32 = path == "-" ? STDIN_FILENO : open(path, O_RDONLY)
        guard fd >= 0 else {
            throw ValidationError("cannot open \(path): \(String(cString: strerror(errno)))")
        }
        defer { if fd != STDIN_FILENO { close(fd) } }
        let file = path == "-" ? nil : path
        var reader = LineReader(fd: fd, maxLineBytes: maxLineBytes)
        defer { reader.deallocate() }

        let buffers = BufferPool()
        let workers = (0..<threads).map { _ in
            ChunkScorer(analyzer: analyzer, format: format, explain: explain, file: file, maxLineBytes: maxLineBytes,
                        buffers: buffers)
        }
        // Two chunks per worker in flight: one scoring, one queued, so no worker waits on the reader.
        let pipeline = OrderedPipeline(workers: workers, window: 2 * threads + 1) { scorer, chunk in scorer.score(chunk) }
        var progress = Progress(mode: self.progress)
        func deliver(_ scored: ScoredChunk) {
            scored.json.withBytes { output.write($0) }
            buffers.give(scored.json)
            progress.add(lines: scored.lines, errors: scored.errors, bytes: scored.inputBytes)
        }
        // Read once: an option's wrappedValue getter instantiates generic metadata on every call.
        let batchSize = self.batchSize
        var chunk = Chunk(firstLine: 1)
        while let line = try reader.next() {
            chunk.append(line)
            if chunk.lines.count >= batchSize || chunk.lines.byteCount >= Self.chunkBytes {
                let next = Chunk(firstLine: chunk.firstLine + chunk.lines.count)
                pipeline.submit(chunk, deliver: deliver)
                chunk = next
            }
        }
        if !chunk.lines.isEmpty { pipeline.submit(chunk, deliver: deliver) }
        pipeline.finish(deliver: deliver)
        output.flush()
        progress.finish()
    }

    /// Bytes of input per chunk: large enough that handing chunks between threads costs
    /// nothing, small enough that memory stays low (output is about ten times the input).
    static let chunkBytes = 1 << 18
}

/// Buffered standard output.
struct OutputStream {
    private var buffer: [UInt8] = []

    /// Large writes go straight to the file; small ones are gathered first.
    mutating func write(_ bytes: UnsafeRawBufferPointer) {
        if bytes.count >= 1 << 16 {
            flush()
            Self.writeAll(bytes)
            return
        }
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 20 { flush() }
    }

    mutating func flush() {
        buffer.withUnsafeBytes { Self.writeAll($0) }
        buffer.removeAll(keepingCapacity: true)
    }

    private static func writeAll(_ raw: UnsafeRawBufferPointer) {
        var offset = 0
        while offset < raw.count {
            let n = Glibc.write(STDOUT_FILENO, raw.baseAddress! + offset, raw.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                // A full disk or a closed pipe: rows would be lost, so stop and say why.
                FileHandle.standardError.write(Data("savy: cannot write the output: \(String(cString: strerror(errno)))\n".utf8))
                exit(74)  // EX_IOERR
            }
            offset += n
        }
    }
}
