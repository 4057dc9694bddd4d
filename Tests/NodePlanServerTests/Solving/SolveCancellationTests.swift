import Dispatch
import NodePlanServer
import Testing

@Suite("SolveCancellation")
struct SolveCancellationTests {
    @Test("The first reason wins")
    func firstReasonWins() {
        let token = SolveCancellation()
        #expect(!token.isCancelled && token.reason == nil)
        token.cancel(.cancelled)
        token.cancel(.shuttingDown)
        #expect(token.reason == .cancelled)
    }

    @Test("A passed deadline reads as deadlineExceeded")
    func passedDeadline() {
        let token = SolveCancellation(deadline: DispatchTime(uptimeNanoseconds: 1))
        #expect(token.reason == .deadlineExceeded)
        token.cancel(.cancelled)
        #expect(token.reason == .deadlineExceeded)
    }

    @Test("The time budget is capped at three quarters of the time left")
    func timeBudget() {
        #expect(SolveCancellation().timeBudget(capping: 5_000) == 5_000)
        let token = SolveCancellation(deadline: .now() + .seconds(100))
        let capped = token.timeBudget(capping: 1_000_000)
        #expect(capped > 70_000 && capped <= 75_000)
        #expect(token.timeBudget(capping: 1_000) == 1_000)
        #expect(SolveCancellation(deadline: DispatchTime(uptimeNanoseconds: 1)).timeBudget(capping: 1_000) == 1)
    }
}
