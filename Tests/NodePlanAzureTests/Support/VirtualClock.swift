import NIOConcurrencyHelpers
import NodePlanAzure

/// A clock whose sleeps return at once and move time forward, so retry and polling waits cost nothing
/// and tests can assert how long the client would have waited.
final class VirtualClock: Sendable {
    private let state: NIOLockedValueBox<(now: Double, sleeps: [Double])>

    init(start: Double = 1_800_000_000) {
        state = NIOLockedValueBox((start, []))
    }

    var now: Double { state.withLockedValue { $0.now } }

    /// Every sleep so far, in seconds.
    var sleeps: [Double] { state.withLockedValue { $0.sleeps } }

    func advance(by seconds: Double) { state.withLockedValue { $0.now += seconds } }

    var azureClock: AzureClock {
        AzureClock(now: { [self] in now }, sleep: { [self] seconds in
            state.withLockedValue {
                $0.now += seconds
                $0.sleeps.append(seconds)
            }
        })
    }
}
