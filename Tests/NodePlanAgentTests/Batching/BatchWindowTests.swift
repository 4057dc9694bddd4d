import NodePlanAgent
import Testing

@Suite struct BatchWindowTests {
    @Test func closesAfterTheIdlePeriodWithoutNewPods() {
        var window = BatchWindow()
        #expect(!window.isOpen)
        #expect(!window.isDue(at: 100))
        window.trigger(at: 100)
        window.trigger(at: 100.6)
        #expect(window.closesAt == 101.6)
        #expect(!window.isDue(at: 101.5))
        #expect(window.isDue(at: 101.6))
    }

    @Test func closesAtTheMaximumWhilePodsKeepArriving() {
        var window = BatchWindow(idle: 1, maximum: 10)
        for step in 0...19 { window.trigger(at: 100 + Double(step) * 0.5) }
        #expect(window.closesAt == 110)
        #expect(window.isDue(at: 110))
        window.reset()
        #expect(!window.isOpen)
        #expect(window.closesAt == nil)
    }
}
