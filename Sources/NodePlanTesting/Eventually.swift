/// Polls `condition` every 10 ms until it holds; returns whether it held.
///
/// Gives up after `seconds` of polling, counted in polls rather than read off a clock: when the
/// whole suite runs, CPU-bound tests can hold the cooperative threads for seconds, and a wall-clock
/// deadline would then expire while neither this check nor the tasks it waits for could run.
public func eventually(seconds: Double = 10, _ condition: () async throws -> Bool) async rethrows -> Bool {
    let polls = max(1, Int(seconds * 100))
    for _ in 0..<polls {
        if try await condition() { return true }
        try? await Task.sleep(for: .milliseconds(10))
    }
    return try await condition()
}
