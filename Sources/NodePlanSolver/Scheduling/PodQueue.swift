/// Karpenter's scheduling queue: pods are popped in order and failed pods pushed to the back;
/// the solve stops when a pod comes up again with the queue as long as when it was pushed
/// (a full cycle without progress).
struct PodQueue {
    private var pods: [Int32]
    private var head = 0
    private var lengthWhenPushed: [Int32: Int] = [:]

    init(_ ordered: [Int32]) { pods = ordered }

    mutating func pop() -> Int32? {
        guard head < pods.count else { return nil }
        let pod = pods[head]
        if lengthWhenPushed[pod] == pods.count - head { return nil }
        head += 1
        return pod
    }

    mutating func push(_ pod: Int32) {
        pods.append(pod)
        lengthWhenPushed[pod] = pods.count - head
    }
}
