import Foundation

/// Runs jobs on worker threads and hands their results back in submission order.
///
/// At most `window` jobs are in flight (queued, running or finished but not yet handed back),
/// so memory stays bounded however long the input is. The submitting thread does the ordered
/// hand-back itself (`deliver`), which keeps writing on one thread and out of the workers.
final class OrderedPipeline<Job: Sendable, Result: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var queue: [(sequence: Int, job: Job)] = []
    private var queueHead = 0
    private var finished: [Int: Result] = [:]
    private var submitted = 0
    private var delivered = 0
    private var closed = false
    private let window: Int

    /// Starts one thread per worker; each runs `work` with its own worker state, so workers
    /// need no locks of their own.
    init<Worker>(workers: [Worker], window: Int, work: @escaping @Sendable (Worker, Job) -> Result) {
        precondition(!workers.isEmpty && window >= workers.count)
        self.window = window
        for worker in workers {
            let box = UncheckedBox(worker)
            let thread = Thread { [self] in
                while let (sequence, job) = self.next() {
                    let result = work(box.value, job)
                    self.condition.lock()
                    self.finished[sequence] = result
                    self.condition.broadcast()
                    self.condition.unlock()
                }
            }
            thread.stackSize = 1 << 20
            thread.start()  // it ends by itself once `finish` closes the queue
        }
    }

    private func next() -> (Int, Job)? {
        condition.lock()
        defer { condition.unlock() }
        while queueHead == queue.count && !closed { condition.wait() }
        if queueHead == queue.count { return nil }
        let item = queue[queueHead]
        queueHead += 1
        if queueHead > 64 && queueHead * 2 > queue.count {  // compact now and then
            queue.removeFirst(queueHead)
            queueHead = 0
        }
        return item
    }

    /// Queues `job`, first handing back (in order) whatever is ready, and waiting while the
    /// window is full.
    func submit(_ job: Job, deliver: (Result) throws -> Void) rethrows {
        while true {
            try deliverReady(deliver, waitForOne: false)
            condition.lock()
            if submitted - delivered < window {
                queue.append((submitted, job))
                submitted += 1
                condition.broadcast()
                condition.unlock()
                return
            }
            condition.unlock()
            try deliverReady(deliver, waitForOne: true)
        }
    }

    /// Hands back every remaining result in order and stops the workers.
    func finish(deliver: (Result) throws -> Void) rethrows {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
        while true {
            condition.lock()
            let done = delivered == submitted
            condition.unlock()
            if done { return }
            try deliverReady(deliver, waitForOne: true)
        }
    }

    /// Delivers the results that are next in order; with `waitForOne`, first waits until the
    /// next one is there.
    private func deliverReady(_ deliver: (Result) throws -> Void, waitForOne: Bool) rethrows {
        condition.lock()
        if waitForOne {
            while finished[delivered] == nil { condition.wait() }
        }
        var ready: [Result] = []
        while let result = finished.removeValue(forKey: delivered) {
            ready.append(result)
            delivered += 1
        }
        if !ready.isEmpty { condition.broadcast() }
        condition.unlock()
        for result in ready { try deliver(result) }
    }
}

/// Moves a value that one thread alone will use into that thread's closure.
private struct UncheckedBox<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
