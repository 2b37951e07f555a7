import Savy

/// Writes JSON by hand into a byte buffer: one record per input row, keys in a fixed order,
/// numbers as Swift prints them (at most four decimals), nothing allocated per field.
/// Its output decodes as ``Analysis`` with `JSONDecoder` (tested).
struct JSONWriter {
    let buffer: ByteBuffer

    init(buffer: ByteBuffer = ByteBuffer(capacity: 1 << 16)) { self.buffer = buffer }

    /// What has been written.
    var bytes: [UInt8] { buffer.array }

    mutating func raw(_ text: StaticString) {
        var out = JSONCursor(buffer)
        out.raw(text)
        out.close()
    }

    mutating func number(_ value: Double) {
        var out = JSONCursor(buffer)
        out.number(value)
        out.close()
    }

    mutating func analysis(_ a: Analysis, id: RowID) {
        var out = JSONCursor(buffer)
        out.raw("{\"id\":"); out.id(id)
        out.raw(",\"language\":"); Self.languageNames.write(a.language, to: &out)
        out.raw(",\"languageConfidence\":"); out.number(a.languageConfidence)
        out.raw(",\"sentiment\":{\"compound\":"); out.number(a.sentiment.compound)
        out.raw(",\"positive\":"); out.number(a.sentiment.positive)
        out.raw(",\"neutral\":"); out.number(a.sentiment.neutral)
        out.raw(",\"negative\":"); out.number(a.sentiment.negative)
        out.raw(",\"label\":"); Self.labelNames.write(a.sentiment.label, to: &out)
        out.raw("}")
        Self.tone(a.tone, to: &out)
        out.raw(",\"politeness\":{\"strategies\":[")
        var bits = a.politeness.strategies.rawValue  // bit k is PolitenessStrategy.allCases[k], as it iterates
        while bits != 0 {
            Self.strategyNames.write(at: bits.trailingZeroBitCount, to: &out)
            bits &= bits - 1
            if bits != 0 { out.raw(",") }
        }
        out.raw("]}")
        Self.empathy(a.empathy, to: &out)
        if let evidence = a.evidence {
            out.raw(",\"evidence\":[")
            for (i, e) in evidence.enumerated() {
                if i > 0 { out.raw(",") }
                out.raw("{\"kind\":"); out.string(e.kind.rawValue)
                out.raw(",\"text\":"); out.string(e.text)
                out.raw(",\"range\":"); out.range(e.range)
                out.raw(",\"target\":"); out.string(e.target)
                out.raw(",\"targetRange\":"); out.range(e.targetRange)
                out.raw(",\"effect\":"); out.number(e.effect)
                if let source = e.source { out.raw(",\"source\":"); out.string(source) }
                if let term = e.term { out.raw(",\"term\":"); out.string(term) }
                if let marker = e.marker { out.raw(",\"marker\":"); out.string(marker) }
                out.raw("}")
            }
            out.raw("]")
        }
        if let warnings = a.warnings {
            out.raw(",\"warnings\":[")
            for (i, w) in warnings.enumerated() {
                if i > 0 { out.raw(",") }
                out.room(0)  // a record's worth of room for each: their number is unbounded
                out.raw("{\"kind\":"); out.string(w.kind.rawValue)
                out.raw(",\"count\":"); out.number(w.count)
                out.raw(",\"byteOffset\":"); out.number(w.byteOffset)
                out.raw(",\"column\":"); out.number(w.byteOffset + 1)
                out.raw("}")
            }
            out.raw("]")
        }
        out.raw("}\n")
        out.close()
    }

    mutating func error(_ message: String, id: RowID, file: String?, line: Int, column: Int) {
        var out = JSONCursor(buffer)
        out.raw("{\"id\":"); out.id(id)
        out.raw(",\"error\":{\"message\":"); out.string(message)
        if let file { out.raw(",\"file\":"); out.string(file) }
        out.raw(",\"line\":"); out.number(line)
        out.raw(",\"column\":"); out.number(column)
        out.raw("}}\n")
        out.close()
    }

    private static func tone(_ t: Tone, to out: inout JSONCursor) {
        out.raw(",\"tone\":{\"politeness\":"); out.number(t.politeness)
        out.raw(",\"frustration\":"); out.number(t.frustration)
        out.raw(",\"anger\":"); out.number(t.anger)
        out.raw(",\"sadness\":"); out.number(t.sadness)
        out.raw(",\"anxiety\":"); out.number(t.anxiety)
        out.raw(",\"satisfaction\":"); out.number(t.satisfaction)
        out.raw(",\"gratitude\":"); out.number(t.gratitude)
        out.raw(",\"profanity\":[")
        for (i, word) in t.profanity.enumerated() {
            if i > 0 { out.raw(",") }
            out.string(word)
        }
        out.raw("]")
        if t.shouting == Shouting() {
            out.raw(",\"shouting\":{\"score\":0,\"capsWords\":0,\"exclamationRuns\":0,\"questionRuns\":0}}")
            return
        }
        out.raw(",\"shouting\":{\"score\":"); out.number(t.shouting.score)
        out.raw(",\"capsWords\":"); out.number(t.shouting.capsWords)
        out.raw(",\"exclamationRuns\":"); out.number(t.shouting.exclamationRuns)
        out.raw(",\"questionRuns\":"); out.number(t.shouting.questionRuns)
        out.raw("}}")
    }

    private static func empathy(_ e: Empathy, to out: inout JSONCursor) {
        if e == Empathy() {  // most turns, and every customer turn
            out.raw(emptyEmpathy)
            return
        }
        out.raw(",\"empathy\":{\"score\":"); out.number(e.score)
        out.raw(",\"emotionalReaction\":"); out.number(e.emotionalReaction)
        out.raw(",\"interpretation\":"); out.number(e.interpretation)
        out.raw(",\"exploration\":"); out.number(e.exploration)
        out.raw(",\"personalisation\":"); out.bool(e.personalisation)
        out.raw(",\"ownership\":"); out.bool(e.ownership)
        out.raw(",\"reassurance\":"); out.bool(e.reassurance)
        out.raw(",\"blame\":"); out.bool(e.blame)
        out.raw(",\"dismissal\":"); out.bool(e.dismissal)
        out.raw(",\"policyRefusal\":"); out.bool(e.policyRefusal)
        out.raw("}")
    }

    private static let emptyEmpathy: StaticString = """
        ,"empathy":{"score":0,"emotionalReaction":0,"interpretation":0,"exploration":0,"personalisation":false,\
        "ownership":false,"reassurance":false,"blame":false,"dismissal":false,"policyRefusal":false}
        """


    // Enum names need no escaping: each is written quoted, in one copy, from a table made
    // once from the raw values (a String per name and its escaping loop cost more than the
    // rest of the row's strings).
    private static let languageNames = QuotedNames(Language.allCases)
    private static let labelNames = QuotedNames(SentimentLabel.allCases)
    private static let strategyNames = QuotedNames(PolitenessStrategy.allCases)
}

/// Writes straight through a pointer into room reserved in a ``ByteBuffer``, with no check
/// per field: a record's keys, numbers and names fit in ``slack`` bytes, which every
/// reservation adds, and each string, whose length is unbounded, reserves its own room first.
/// `close()` hands the bytes written to the buffer.
struct JSONCursor {
    let buffer: ByteBuffer
    private var at: UnsafeMutablePointer<UInt8>
    private var limit: UnsafeMutablePointer<UInt8>  // for the debug check in close()

    /// More than the fixed part of any record needs (about 2 KiB: 30 keys, 25 numbers of at
    /// most 24 bytes, the 26 strategy names).
    static let slack = 4096

    init(_ buffer: ByteBuffer) {
        self.buffer = buffer
        buffer.reserve(Self.slack)
        at = buffer.end
        limit = buffer.end + Self.slack
    }

    /// Hands what was written to the buffer, and makes `n` bytes of room, plus the slack.
    mutating func room(_ n: Int) {
        close()
        buffer.reserve(n + Self.slack)
        at = buffer.end
        limit = at + n + Self.slack
    }

    func close() {
        assert(at <= limit, "a record outgrew its reserved room")
        buffer.advance(to: at)
    }

    /// Most are the writer's short constant keys: copied a word at a time, not by memmove.
    @inline(__always) mutating func raw(_ text: StaticString) {
        bytes(text.utf8Start, count: text.utf8CodeUnitCount)
    }

    @inline(__always) mutating func bytes(_ from: UnsafePointer<UInt8>, count n: Int) {
        let to = UnsafeMutableRawPointer(at), source = UnsafeRawPointer(from)
        if n >= 8 && n <= 64 {
            var i = 0
            while i + 8 < n {
                to.storeBytes(of: source.loadUnaligned(fromByteOffset: i, as: UInt64.self), toByteOffset: i, as: UInt64.self)
                i += 8
            }
            to.storeBytes(of: source.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self), toByteOffset: n - 8, as: UInt64.self)
        } else {
            to.copyMemory(from: source, byteCount: n)
        }
        at += n
    }

    @inline(__always) mutating func byte(_ value: UInt8) {
        at.pointee = value
        at += 1
    }

    mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            room(6 * utf8.count + 2)  // worst case: every byte escaped as \u00XX
            var out = at
            out.pointee = UInt8(ascii: "\""); out += 1
            for byte in utf8 {
                if byte >= 0x20 && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\") {
                    out.pointee = byte; out += 1
                    continue
                }
                out.pointee = UInt8(ascii: "\\")
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): out[1] = byte; out += 2
                case 0x0A: out[1] = UInt8(ascii: "n"); out += 2
                case 0x0D: out[1] = UInt8(ascii: "r"); out += 2
                case 0x09: out[1] = UInt8(ascii: "t"); out += 2
                default:
                    out[1] = UInt8(ascii: "u"); out[2] = UInt8(ascii: "0"); out[3] = UInt8(ascii: "0")
                    out[4] = Self.hex[Int(byte >> 4)]; out[5] = Self.hex[Int(byte & 0xF)]
                    out += 6
                }
            }
            out.pointee = UInt8(ascii: "\""); out += 1
            at = out
        }
    }

    /// Scores are rounded to four decimals, so most numbers are k / 10 000 exactly: those are
    /// printed from the integer k, digit by digit, which is what Swift's shortest round-trip
    /// form gives for them (tested for every k up to ±20 000) at a tenth of the cost.
    mutating func number(_ value: Double) {
        if value == 0 { byte(UInt8(ascii: "0")); return }  // most tones and strategies are absent
        let scaled = value * 10_000
        // Nearest integer without libm's round(); the check below catches any k it gets wrong.
        var k = abs(scaled) < 1e15 ? Int(scaled + (scaled < 0 ? -0.5 : 0.5)) : 0
        if k != 0, Double(k) / 10_000 == value {
            if k < 0 { byte(UInt8(ascii: "-")); k = -k }
            decimal(UInt(k / 10_000))
            let fraction = k % 10_000
            if fraction != 0 {  // ".", then the four digits without trailing zeros, two at a time
                let high = fraction / 100, low = fraction % 100
                at[0] = UInt8(ascii: ".")
                let pairs = UnsafeRawPointer(Self.digitPairs.utf8Start)
                UnsafeMutableRawPointer(at + 1).storeBytes(of: pairs.loadUnaligned(fromByteOffset: 2 * high, as: UInt16.self), as: UInt16.self)
                UnsafeMutableRawPointer(at + 3).storeBytes(of: pairs.loadUnaligned(fromByteOffset: 2 * low, as: UInt16.self), as: UInt16.self)
                at += low != 0 ? (low % 10 != 0 ? 5 : 4) : (high % 10 != 0 ? 3 : 2)
            }
        } else if value == value.rounded(), abs(value) < 1e15 {
            number(Int(value))
        } else {
            var text = value.description  // at most 24 bytes
            text.withUTF8 { bytes($0.baseAddress!, count: $0.count) }
        }
    }

    mutating func number(_ value: Int) {
        if value < 0 {
            byte(UInt8(ascii: "-"))
            decimal(value.magnitude)
        } else {
            decimal(UInt(value))
        }
    }

    /// `value` in decimal. Most are one digit (a score's whole part) or a few (ids).
    @inline(__always) mutating func decimal(_ value: UInt) {
        if value < 10 {
            byte(UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: value))
            return
        }
        var v = value
        var digits = 1
        var probe = v
        while probe >= 10 { probe /= 10; digits += 1 }
        at += digits
        var digit = at
        for _ in 0..<digits {
            digit -= 1
            digit.pointee = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: v % 10)
            v /= 10
        }
    }

    mutating func id(_ id: RowID) {
        switch id {
        case .number(let n): number(n)
        case .text(let s): string(s)
        }
    }

    mutating func bool(_ value: Bool) {
        if value { raw("true") } else { raw("false") }
    }

    mutating func range(_ r: Evidence.ByteRange) {
        raw("{\"start\":"); number(r.start)
        raw(",\"end\":"); number(r.end)
        raw("}")
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    /// "00" to "99" back to back (a literal: no lazy initialisation to check at each use).
    private static let digitPairs: StaticString = """
        00010203040506070809101112131415161718192021222324252627282930313233343536373839\
        40414243444546474849505152535455565758596061626364656667686970717273747576777879\
        8081828384858687888990919293949596979899
        """
}

/// The raw values of an enum's cases, which need no JSON escaping, each stored quoted in one
/// contiguous block. Immutable once built, so shared by every thread.
final class QuotedNames<Name: RawRepresentable & Equatable>: @unchecked Sendable where Name.RawValue == String {
    private let names: [Name]  // held once: `allCases` builds a new array at every use
    private let bytes: UnsafeMutablePointer<UInt8>
    private let offsets: [Int]

    init(_ names: [Name]) {
        self.names = names
        let quoted = names.map { Array("\"\($0.rawValue)\"".utf8) }
        bytes = .allocate(capacity: quoted.reduce(0) { $0 + $1.count })
        var offsets = [0]
        for name in quoted {
            (bytes + offsets.last!).initialize(from: name, count: name.count)
            offsets.append(offsets.last! + name.count)
        }
        self.offsets = offsets
    }

    deinit { bytes.deallocate() }

    @inline(__always) func write(_ name: Name, to out: inout JSONCursor) {
        write(at: names.firstIndex(of: name)!, to: &out)
    }

    /// Writes the quoted name of the case at `index`.
    @inline(__always) func write(at index: Int, to out: inout JSONCursor) {
        let start = offsets[index]
        out.bytes(bytes + start, count: offsets[index + 1] - start)
    }
}

/// A growable byte buffer written through a pointer (see ``JSONCursor``): room is reserved
/// first, then bytes are stored with no bounds or uniqueness checks per byte.
final class ByteBuffer {
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int) {
        self.capacity = max(capacity, 64)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    var array: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }

    func withBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try body(UnsafeRawBufferPointer(start: base, count: count))
    }

    /// Where the next byte goes; valid for `reserve`d bytes until the next reserve.
    var end: UnsafeMutablePointer<UInt8> { base + count }

    @inline(__always) func reserve(_ more: Int) {
        if count + more > capacity { grow(to: count + more) }
    }

    private func grow(to needed: Int) {
        var next = capacity * 2
        while next < needed { next *= 2 }
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: next)
        grown.update(from: base, count: count)
        base.deallocate()
        base = grown
        capacity = next
    }

    func advance(to end: UnsafeMutablePointer<UInt8>) { count = end - base }

    func removeAll() { count = 0 }
}

/// A row's id in the output: its line number, or the id the input gave.
enum RowID {
    case number(Int)
    case text(String)
}
