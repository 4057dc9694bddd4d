import NIOConcurrencyHelpers
import NodePlanWire

/// The calls of one client connection: NodePlanWire's `ClientConnectionState` (stream ids, server
/// limits, GOAWAY, connection errors) plus the continuation each caller waits on.
///
/// Shared between callers' tasks and the channel handler, so every step happens under one lock and
/// each continuation is resumed exactly once. Stream ids must reach the wire in increasing order
/// (docs/protocol.md §6), so a request is numbered and handed to the channel in one critical
/// section; until then a call is known by a call id.
final class ClientStreams: Sendable {
    typealias Continuation = CheckedContinuation<Frame, any Error>

    private struct State {
        var protocolState: ClientConnectionState
        var nextCallID: UInt64 = 1
        var waiting: [UInt32: (call: UInt64, continuation: Continuation)] = [:]
        var streamOfCall: [UInt64: UInt32] = [:]
        /// Calls whose task was cancelled before their request was written.
        var cancelledEarly: Set<UInt64> = []

        /// Takes the continuations of the calls `actions` end; returns the other actions.
        mutating func settle(_ actions: [ClientConnectionAction]) -> (rest: [ClientConnectionAction],
                                                                     resumptions: [(Continuation, Result<Frame, any Error>)]) {
            var rest: [ClientConnectionAction] = []
            var resumptions: [(Continuation, Result<Frame, any Error>)] = []
            for action in actions {
                switch action {
                case .response(let frame):
                    if let continuation = take(frame.streamID) { resumptions.append((continuation, .success(frame))) }
                case .failed(let streamID, let error) where streamID != 0:
                    if let continuation = take(streamID) { resumptions.append((continuation, .failure(error))) }
                default:
                    rest.append(action)
                }
            }
            return (rest, resumptions)
        }

        private mutating func take(_ streamID: UInt32) -> Continuation? {
            guard let entry = waiting.removeValue(forKey: streamID) else { return nil }
            streamOfCall.removeValue(forKey: entry.call)
            return entry.continuation
        }
    }

    private let state: NIOLockedValueBox<State>
    /// How callers compress their requests (they encode them before `start`, outside the lock).
    let compression: PayloadCompression

    init(token: String, client: String, compression: PayloadCompression) throws(WireError) {
        state = NIOLockedValueBox(State(protocolState: try ClientConnectionState(token: token, client: client)))
        self.compression = compression
    }

    /// The connection's first frame.
    var helloFrame: Frame { state.withLockedValue { $0.protocolState.helloFrame } }

    /// True while calls may start (after the hello, before GOAWAY or the end of the connection).
    var isUsable: Bool { state.withLockedValue { $0.protocolState.phase == .open } }

    /// An id for a call that has not been written yet.
    func newCall() -> UInt64 {
        state.withLockedValue { state in
            defer { state.nextCallID += 1 }
            return state.nextCallID
        }
    }

    /// Numbers `request` (a `REQUEST` frame encoded beforehand), registers `continuation` for it
    /// and passes the frame to `write`, unless the call was cancelled or the connection cannot take
    /// it (then the continuation is resumed with that error). Only numbering and writing happen
    /// under the lock. `write` must not call back into this object synchronously.
    func start(_ call: UInt64, _ request: Frame, _ continuation: Continuation, write: (Frame) -> Void) {
        let refusal: (any Error)? = state.withLockedValue { state in
            if state.cancelledEarly.remove(call) != nil { return CancellationError() }
            do {
                let frame = try state.protocolState.startCall(encoded: request)
                state.waiting[frame.streamID] = (call, continuation)
                state.streamOfCall[call] = frame.streamID
                write(frame)
                return nil
            } catch {
                return error
            }
        }
        if let refusal { continuation.resume(throwing: refusal) }
    }

    /// Ends `call` with `error`; returns what to do on the connection (send CANCEL, maybe close).
    /// A call not yet written is refused when it gets there.
    func cancel(_ call: UInt64, with error: any Error = CancellationError()) -> [ClientConnectionAction] {
        let (actions, continuation): ([ClientConnectionAction], Continuation?) = state.withLockedValue { state in
            guard let streamID = state.streamOfCall.removeValue(forKey: call) else {
                state.cancelledEarly.insert(call)
                return ([], nil)
            }
            let continuation = state.waiting.removeValue(forKey: streamID)?.continuation
            return (state.protocolState.cancel(streamID: streamID), continuation)
        }
        continuation?.resume(throwing: error)
        return actions
    }

    /// A frame from the server: resumes the calls it ends, returns the connection-level actions.
    func received(_ frame: Frame) -> [ClientConnectionAction] {
        settle { $0.received(frame) }
    }

    /// A framing violation in the server's bytes.
    func failed(_ error: FrameError) -> [ClientConnectionAction] {
        settle { $0.failed(error) }
    }

    /// The connection ended: every call in flight fails with UNAVAILABLE.
    func connectionClosed() -> [ClientConnectionAction] {
        settle { $0.connectionClosed() }
    }

    private func settle(_ event: (inout ClientConnectionState) -> [ClientConnectionAction]) -> [ClientConnectionAction] {
        let (rest, resumptions) = state.withLockedValue { state in
            state.settle(event(&state.protocolState))
        }
        for (continuation, result) in resumptions { continuation.resume(with: result) }
        return rest
    }
}
