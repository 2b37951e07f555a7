import Dispatch

/// Runs a throwing piece of work on another thread while the caller goes on; `value()` waits
/// for it. Disabled, it runs nothing and its value is nil.
final class Concurrently<Value: Sendable, Failure: Error>: @unchecked Sendable {
    // Written once by the worker before `done` is signalled, read only after waiting on it.
    private var result: Result<Value, Failure>?
    private let done = DispatchSemaphore(value: 0)
    private let enabled: Bool

    init(enabled: Bool = true, _ work: @escaping @Sendable () throws(Failure) -> Value) {
        self.enabled = enabled
        guard enabled else { return }
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            result = Result(catching: work)
            done.signal()
        }
    }

    func value() throws(Failure) -> Value? {
        guard enabled else { return nil }
        done.wait()
        return try result!.get()
    }
}
