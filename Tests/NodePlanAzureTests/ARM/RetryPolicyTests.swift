import NodePlanAzure
import Testing

@Suite("Retry policy")
struct RetryPolicyTests {
    @Test("Backoff doubles from 0.8 s and is capped; the server's delay wins, in ms or s, capped too")
    func delays() {
        let policy = RetryPolicy()
        #expect((0..<8).map { policy.delay(beforeRetry: $0, after: nil) } == [0.8, 1.6, 3.2, 6.4, 12.8, 25.6, 51.2, 60])
        #expect(policy.delay(beforeRetry: 0, after: HTTPResponseMessage(status: 429, headers: [("Retry-After", "17")])) == 17)
        #expect(policy.delay(beforeRetry: 2, after: HTTPResponseMessage(status: 429, headers: [("retry-after-ms", "250")])) == 0.25)
        #expect(policy.delay(beforeRetry: 0, after: HTTPResponseMessage(status: 429, headers: [("x-ms-retry-after-ms", "1500"),
                                                                                               ("Retry-After", "9")])) == 1.5)
        #expect(policy.delay(beforeRetry: 0, after: HTTPResponseMessage(status: 503, headers: [("Retry-After", "86400")])) == 600)
        #expect(policy.delay(beforeRetry: 1, after: HTTPResponseMessage(status: 503, headers: [("Retry-After", "soon")])) == 1.6)
    }
}
