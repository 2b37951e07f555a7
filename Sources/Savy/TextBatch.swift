/// Many texts in one contiguous UTF-8 buffer: the layout the kernel scores fastest, and one
/// that costs no `String` per text. Bytes need not be valid UTF-8.
public struct TextBatch: Sendable {
    public private(set) var bytes: [UInt8] = []
    /// `offsets[i]..<offsets[i + 1]` is text i.
    public private(set) var offsets: [UInt64] = [0]

    public init() {}

    public init(_ texts: some Sequence<String>) {
        for text in texts { append(text) }
    }

    public var count: Int { offsets.count - 1 }
    public var isEmpty: Bool { count == 0 }
    /// Total bytes of text.
    public var byteCount: Int { bytes.count }

    public mutating func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
        offsets.append(UInt64(bytes.count))
    }

    public mutating func append(utf8 text: some Collection<UInt8>) {
        bytes.append(contentsOf: text)
        offsets.append(UInt64(bytes.count))
    }

    public mutating func append(utf8 text: UnsafeRawBufferPointer) {
        bytes.append(contentsOf: text)
        offsets.append(UInt64(bytes.count))
    }

    public mutating func removeAll(keepingCapacity: Bool = true) {
        bytes.removeAll(keepingCapacity: keepingCapacity)
        offsets.removeAll(keepingCapacity: keepingCapacity)
        offsets.append(0)
    }

    /// The bytes of text `index`.
    public subscript(index: Int) -> ArraySlice<UInt8> {
        bytes[Int(offsets[index])..<Int(offsets[index + 1])]
    }
}
