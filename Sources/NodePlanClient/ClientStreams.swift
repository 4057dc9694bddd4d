import NIOConcurrencyHelpers
import NodePlanWire

/// The open streams of one client connection: stream id allocation, the continuation waiting on
/// each, and what has ended the connection for new streams (GOAWAY, close, connection error).
///
/// Shared between callers' tasks and the channel handler, so every step happens under one lock and
/// each continuation is resumed exactly once. Calls are known by a call id until their request is
/// written, because stream ids must reach the wire in increasing order (docs/protocol.md §6): the
/// id is assigned and the frame handed to the channel in one critical section.
final class ClientStreams: Sendable {
    typealias Continuation = CheckedContinuation<Frame, any Error>

    private struct State {
        var nextCallID: UInt64 = 1
        var nextStreamID: UInt32 = 1
        var pending: [UInt32: (call: UInt64, continuation: Continuation)] = [:]
        var streamOfCall: [UInt64: UInt32] = [:]
        /// Calls whose task was cancelled before their request was written.
        var cancelledEarly: Set<UInt64> = []
        /// Why no new stream may start; nil while the connection is usable.
        var refusal: WireError?
    }

    private let state = NIOLockedValueBox(State())

    /// False once the server sent GOAWAY or the connection ended.
    var isUsable: Bool { state.withLockedValue { $0.refusal == nil } }

    /// An id for a call that has not been written yet.
    func newCall() -> UInt64 {
        state.withLockedValue { state in
            defer { state.nextCallID += 1 }
            return state.nextCallID
        }
    }

    /// Gives `frame` the next stream id, registers `continuation` for it and passes the frame to
    /// `write`, unless the call was cancelled or the connection is refusing streams (then the
    /// continuation is resumed with that error). `write` must not call back into this object
    /// synchronously.
    func open(_ call: UInt64, _ frame: Frame, _ continuation: Continuation, write: (Frame) -> Void) {
        let refusal: (any Error)? = state.withLockedValue { state in
            if state.cancelledEarly.remove(call) != nil { return CancellationError() }
            if let refusal = state.refusal { return refusal }
            var frame = frame
            frame.streamID = state.nextStreamID
            state.nextStreamID += 1
            state.pending[frame.streamID] = (call, continuation)
            state.streamOfCall[call] = frame.streamID
            write(frame)
            return nil
        }
        if let refusal { continuation.resume(throwing: refusal) }
    }

    /// Ends `call` with `error`; returns its stream id when its request was on the wire (so CANCEL
    /// should be sent). A call not yet written is refused when it gets there.
    func cancel(_ call: UInt64, with error: any Error = CancellationError()) -> UInt32? {
        let cancelled: (UInt32, Continuation)? = state.withLockedValue { state in
            guard let streamID = state.streamOfCall.removeValue(forKey: call) else {
                state.cancelledEarly.insert(call)
                return nil
            }
            guard let entry = state.pending.removeValue(forKey: streamID) else { return nil }
            return (streamID, entry.continuation)
        }
        guard let (streamID, continuation) = cancelled else { return nil }
        continuation.resume(throwing: error)
        return streamID
    }

    /// Delivers the RESPONSE or ERROR frame ending `streamID`; frames for streams that were
    /// cancelled or never opened are ignored.
    func complete(_ streamID: UInt32, with result: Result<Frame, WireError>) {
        let continuation = state.withLockedValue { state -> Continuation? in
            guard let entry = state.pending.removeValue(forKey: streamID) else { return nil }
            state.streamOfCall.removeValue(forKey: entry.call)
            return entry.continuation
        }
        continuation?.resume(with: result.mapError { $0 as any Error })
    }

    /// The server will not process streams above `lastStreamID`: they fail with `reason` (safe to
    /// retry elsewhere) and no new stream starts here.
    func goAway(lastStreamID: UInt32, reason: WireError) {
        let refused = state.withLockedValue { state in
            if state.refusal == nil { state.refusal = reason }
            return remove(from: &state) { $0 > lastStreamID }
        }
        for continuation in refused { continuation.resume(throwing: reason) }
    }

    /// The connection ended: every waiting stream fails with `error`.
    func fail(_ error: WireError) {
        let waiting = state.withLockedValue { state in
            if state.refusal == nil { state.refusal = error }
            return remove(from: &state) { _ in true }
        }
        for continuation in waiting { continuation.resume(throwing: error) }
    }

    private func remove(from state: inout State, where matches: (UInt32) -> Bool) -> [Continuation] {
        let streamIDs = state.pending.keys.filter(matches)
        return streamIDs.compactMap { streamID in
            guard let entry = state.pending.removeValue(forKey: streamID) else { return nil }
            state.streamOfCall.removeValue(forKey: entry.call)
            return entry.continuation
        }
    }
}
