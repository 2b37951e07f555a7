import Foundation
import Savy

/// A run of consecutive input lines, copied out of the reader so a worker can score them
/// while the next run is read. The lines are held as the batch the kernel scores, so plain
/// text goes to the kernel without another copy.
struct Chunk: Sendable {
    /// The number (1-based) of the first line.
    var firstLine: Int
    /// One text per line, without its line end; a line too long to keep is an empty text.
    var lines = TextBatch()
    /// The lines longer than --max-line-bytes: index in the chunk -> length in bytes.
    var tooLong: [Int: Int] = [:]

    init(firstLine: Int) { self.firstLine = firstLine }

    mutating func append(_ line: LineReader.Line) {
        switch line {
        case .text(_, let text):
            lines.append(utf8: text)
        case .tooLong(_, let length):
            tooLong[lines.count] = length
            lines.append(utf8: UnsafeRawBufferPointer(start: nil, count: 0))
        }
    }
}

/// What a worker hands back for a chunk: its output records, in input order. The writer
/// owns `json` until it gives it back to the pool.
struct ScoredChunk: @unchecked Sendable {
    var json: ByteBuffer
    var lines: Int
    var errors: Int
    var inputBytes: Int
}

/// Scores chunks of lines into JSON records. One per worker thread: it keeps its buffers
/// from chunk to chunk.
final class ChunkScorer {
    let analyzer: Analyzer
    let format: ScoreCommand.InputFormat
    let explain: Bool
    let file: String?
    let maxLineBytes: Int
    let buffers: BufferPool

    private var batch = TextBatch()
    private var contexts: [TurnContext?] = []
    private var rows: [Row] = []

    private enum Row {
        case scored(line: Int, index: Int, id: RowID?)
        case failed(line: Int, message: String, column: Int = 1)
    }

    init(analyzer: Analyzer, format: ScoreCommand.InputFormat, explain: Bool, file: String?, maxLineBytes: Int,
         buffers: BufferPool) {
        self.buffers = buffers
        self.analyzer = analyzer
        self.format = format
        self.explain = explain
        self.file = file
        self.maxLineBytes = maxLineBytes
    }

    func score(_ chunk: Chunk) -> ScoredChunk {
        batch.removeAll()
        contexts.removeAll(keepingCapacity: true)
        rows.removeAll(keepingCapacity: true)
        chunk.lines.bytes.withUnsafeBytes { all in
            for k in 0..<chunk.lines.count {
                let number = chunk.firstLine + k
                if let length = chunk.tooLong[k] {
                    rows.append(.failed(line: number, message: "line is \(length) bytes, longer than --max-line-bytes \(maxLineBytes)"))
                    continue
                }
                let range = Int(chunk.lines.offsets[k])..<Int(chunk.lines.offsets[k + 1])
                add(UnsafeRawBufferPointer(rebasing: all[range]), line: number, index: k)
            }
        }
        // Plain text is scored as read (empty and too-long lines included, their results
        // unused); JSONL rows as parsed.
        let analyses = format == .jsonl ? analyzer.score(batch, contexts: contexts, explain: explain)
                                        : analyzer.score(chunk.lines, explain: explain)
        var writer = JSONWriter(buffer: buffers.take())
        var errors = 0
        for row in rows {
            switch row {
            case .scored(let line, let index, let id):
                writer.analysis(analyses[index], id: id ?? .number(line))
            case .failed(let line, let message, let column):
                errors += 1
                writer.error(message, id: .number(line), file: file, line: line, column: column)
            }
        }
        return ScoredChunk(json: writer.buffer, lines: chunk.lines.count, errors: errors, inputBytes: chunk.lines.byteCount)
    }

    /// Line `index` of the chunk, as a row: scored, or an error record.
    private func add(_ bytes: UnsafeRawBufferPointer, line number: Int, index: Int) {
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
            rows.append(.failed(line: number, message: "empty text"))
        } else if format == .jsonl {
            switch JSONLRow.parse(bytes) {
            case .success(let row):
                rows.append(.scored(line: number, index: batch.count, id: row.id))
                batch.append(row.text)
                contexts.append(row.context)
            case .failure(let problem):
                rows.append(.failed(line: number, message: problem.message, column: problem.column))
            }
        } else {
            rows.append(.scored(line: number, index: index, id: nil))
        }
    }
}

/// Output buffers handed from the workers to the writer and back, so that each chunk's
/// megabytes of JSON land in memory that is already mapped.
final class BufferPool: @unchecked Sendable {
    private let lock = NSLock()
    private var free: [ByteBuffer] = []

    func take() -> ByteBuffer {
        lock.lock()
        defer { lock.unlock() }
        return free.popLast() ?? ByteBuffer(capacity: 4 << 20)  // a chunk's records are about ten times its 256 KiB
    }

    func give(_ buffer: ByteBuffer) {
        buffer.removeAll()
        lock.lock()
        free.append(buffer)
        lock.unlock()
    }
}
