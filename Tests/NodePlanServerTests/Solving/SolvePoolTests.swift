import Dispatch
import Foundation
import NIOConcurrencyHelpers
@testable import NodePlanServer
import Testing

@Suite("SolvePool")
struct SolvePoolTests {
    @Test("Refuses work beyond workers plus queue, runs everything it accepted")
    func boundedAdmission() {
        let pool = SolvePool(workers: 2, queueCapacity: 3)
        let gate = DispatchSemaphore(value: 0)
        let finished = DispatchGroup()
        let ran = NIOLockedValueBox(0)
        var accepted = 0
        for _ in 0..<8 {
            finished.enter()
            let taken = pool.submit {
                gate.wait()
                ran.withLockedValue { $0 += 1 }
                finished.leave()
            }
            if taken { accepted += 1 } else { finished.leave() }
        }
        #expect(accepted == 5)
        #expect(pool.load == 5)
        for _ in 0..<accepted { gate.signal() }
        finished.wait()
        #expect(ran.withLockedValue { $0 } == 5)
        // A worker gives its slot back just after its last job returns.
        for _ in 0..<1_000 where pool.load > 0 { usleep(1_000) }
        #expect(pool.load == 0)
    }
}
