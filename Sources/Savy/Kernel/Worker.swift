import CSavyKernel
import Foundation

/// Per-thread kernel state: a scratch and an evidence buffer. Never shared between threads
/// at once; the pool hands each one to a single caller at a time.
final class Worker: @unchecked Sendable {
    let scratch: OpaquePointer
    let evidence: OpaquePointer
    /// The scratch may hold handles into these (Voikko of the morphology, Snowball of a
    /// Finnish lexicon): they must outlive it.
    private let owners: [AnyObject]

    init(owners: [AnyObject]) {
        self.owners = owners
        guard let scratch = CSavyKernel_Scratch_create(), let evidence = CSavyKernel_EvidenceBuffer_create() else {
            fatalError("Savy: out of memory creating a scratch")
        }
        self.scratch = scratch
        self.evidence = evidence
    }

    deinit {
        CSavyKernel_Scratch_destroy(scratch)
        CSavyKernel_EvidenceBuffer_destroy(evidence)
    }
}

/// Reuses workers so that scoring one text allocates nothing in the kernel once warm.
final class WorkerPool: @unchecked Sendable {
    private let lock = NSLock()
    private let owners: [AnyObject]

    /// `owners`: what the workers' scratches may hold handles into.
    init(owners: [AnyObject]) { self.owners = owners }

    private var idle: [Worker] = []
    /// Idle workers kept beyond this are released.
    private let limit = max(ProcessInfo.processInfo.activeProcessorCount * 2, 4)

    func withWorker<R>(_ body: (Worker) throws -> R) rethrows -> R {
        lock.lock()
        let worker = idle.popLast() ?? Worker(owners: owners)
        lock.unlock()
        defer {
            lock.lock()
            if idle.count < limit { idle.append(worker) }
            lock.unlock()
        }
        return try body(worker)
    }
}
