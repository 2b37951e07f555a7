#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Streams lines from a file descriptor in large reads, with no `String` per line.
/// A line longer than `maxLineBytes` is reported as too long and skipped, so one huge line
/// costs neither memory nor the rest of the input.
struct LineReader {
    enum Line {
        /// Line `number` (1-based), without its "\n" or "\r\n".
        case text(number: Int, bytes: UnsafeRawBufferPointer)
        case tooLong(number: Int, length: Int)
    }

    enum ReadError: Error, CustomStringConvertible {
        case read(errno: Int32)
        var description: String {
            switch self { case .read(let code): "read failed: \(String(cString: strerror(code)))" }
        }
    }

    private let fd: Int32
    private let maxLineBytes: Int
    private var buffer: UnsafeMutableRawBufferPointer
    private var start = 0, end = 0
    private var eof = false
    private var lineNumber = 0

    init(fd: Int32, maxLineBytes: Int) {
        self.fd = fd
        self.maxLineBytes = maxLineBytes
        buffer = .allocate(byteCount: max(1 << 20, maxLineBytes + 1), alignment: 16)
    }

    func deallocate() { buffer.deallocate() }

    /// The next line; the bytes are valid until the next call. `nil` at end of input.
    mutating func next() throws -> Line? {
        while true {
            if let newline = find(from: start) {
                return emit(upTo: newline, skip: 1)
            }
            if eof {
                if start < end { return emit(upTo: end, skip: 0) }
                return nil
            }
            if end - start > maxLineBytes {
                return try skipLongLine()
            }
            try fill()
        }
    }

    private func find(from index: Int) -> Int? {
        guard index < end, let base = buffer.baseAddress else { return nil }
        guard let hit = memchr(base + index, 0x0A, end - index) else { return nil }
        return base.distance(to: UnsafeMutableRawPointer(hit))
    }

    private mutating func emit(upTo stop: Int, skip: Int) -> Line {
        lineNumber += 1
        let first = start
        start = stop + skip
        var last = stop
        if last > first, buffer[last - 1] == 0x0D { last -= 1 }
        if last - first > maxLineBytes { return .tooLong(number: lineNumber, length: last - first) }
        return .text(number: lineNumber, bytes: UnsafeRawBufferPointer(rebasing: buffer[first..<last]))
    }

    /// Compacts the buffer and reads more; sets `eof` at end of input.
    private mutating func fill() throws {
        if start > 0 {
            if end > start { buffer.baseAddress!.copyMemory(from: buffer.baseAddress! + start, byteCount: end - start) }
            end -= start
            start = 0
        }
        while true {
            let n = read(fd, buffer.baseAddress! + end, buffer.count - end)
            if n > 0 { end += n; return }
            if n == 0 { eof = true; return }
            if errno == EINTR { continue }
            throw ReadError.read(errno: errno)
        }
    }

    private mutating func skipLongLine() throws -> Line {
        lineNumber += 1
        var length = end - start
        start = end
        while true {
            if let newline = find(from: start) {
                length += newline - start
                start = newline + 1
                return .tooLong(number: lineNumber, length: length)
            }
            length += end - start
            start = end
            if eof { return .tooLong(number: lineNumber, length: length) }
            try fill()
        }
    }
}
