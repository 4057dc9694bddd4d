import NIOCore
import NodePlanModel
import NodePlanWire
import SwiftProtobuf
import Testing

/// Request payloads no well-behaved client sends: compression bombs and damaged zstd, bytes that are not
/// the expected protobuf, and snapshots whose content contradicts itself. Each is refused by
/// `WireRequest(frame:)` with the status code a server sends and a message (and field path) that says
/// what is wrong.
@Suite struct HostileMessageTests {
    static let limit = 1 << 20

    /// A SOLVE request frame carrying `payload` as is.
    private static func request(_ payload: [UInt8], compressed: Bool) -> Frame {
        Frame(type: .request, flags: compressed ? [.endStream, .compressed] : .endStream, method: .solve, streamID: 1,
              payload: ByteBuffer(bytes: payload))
    }

    private static func solveRequest(_ snapshot: Nodeplan_V1_Snapshot) throws -> [UInt8] {
        try Nodeplan_V1_SolveRequest.with { $0.snapshot = snapshot }.serializedBytes()
    }

    private static func refusal(_ frame: Frame) throws -> WireError {
        try #require(throws: WireError.self) { try WireRequest(frame: frame, maxDecompressedBytes: limit) }
    }

    // MARK: Compression

    struct PayloadCase: CustomTestStringConvertible, Sendable {
        var name: String
        var payload: @Sendable () throws -> [UInt8]
        var compressed: Bool
        var code: StatusCode
        var message: String
        var testDescription: String { name }
    }

    static let payloadCases: [PayloadCase] = [
        PayloadCase(name: "zstd bomb: 64 MiB of zeros without a declared size",
                    payload: { ZstdBomb.frameWithoutContentSize(zeros: 64 << 20) }, compressed: true,
                    code: .resourceExhausted, message: "exceeds the limit of \(limit) bytes"),
        PayloadCase(name: "zstd bomb: 64 MiB of zeros compressed honestly",
                    payload: { try Zstd.compress([UInt8](repeating: 0, count: 64 << 20), level: 1) }, compressed: true,
                    code: .resourceExhausted, message: "frame declares 67108864 bytes, limit is \(limit)"),
        PayloadCase(name: "zstd frame declaring 1 TiB", payload: { ZstdBomb.frameDeclaring(1 << 40, actual: 16) },
                    compressed: true, code: .resourceExhausted, message: "frame declares 1099511627776 bytes"),
        PayloadCase(name: "zstd frame declaring less than it holds", payload: { ZstdBomb.frameDeclaring(10, actual: 100_000) },
                    compressed: true, code: .invalidArgument, message: "corrupt input"),
        PayloadCase(name: "concatenated frames that together pass the limit",
                    payload: { Array(repeating: ZstdBomb.frameWithoutContentSize(zeros: 512 << 10), count: 4).flatMap { $0 } },
                    compressed: true, code: .resourceExhausted, message: "exceeds the limit"),
        PayloadCase(name: "zstd frame cut short",
                    payload: { Array(try Zstd.compress(Array("nodeplan".utf8 + (0..<4000).map { UInt8($0 % 251) })).dropLast(9)) },
                    compressed: true, code: .invalidArgument, message: "zstd"),
        PayloadCase(name: "zstd frame with a damaged checksum",
                    payload: {
                        var frame = try Zstd.compress(Array("checksummed payload".utf8))
                        frame[frame.count - 1] ^= 0xFF
                        return frame
                    }, compressed: true, code: .invalidArgument, message: "corrupt input"),
        PayloadCase(name: "compressed flag on bytes that are not zstd", payload: { Array("plain text".utf8) }, compressed: true,
                    code: .invalidArgument, message: "does not start with a zstd frame header"),
        PayloadCase(name: "compressed flag on an empty payload", payload: { [] }, compressed: true,
                    code: .invalidArgument, message: "empty input is not a zstd frame"),
        PayloadCase(name: "uncompressed payload over the message limit",
                    payload: { [UInt8](repeating: 0, count: limit + 1) }, compressed: false,
                    code: .resourceExhausted, message: "exceeds the limit of \(limit)"),

        // MARK: Protobuf
        PayloadCase(name: "random bytes as protobuf", payload: { (0..<64).map { UInt8(($0 * 37 + 11) % 256) } },
                    compressed: false, code: .invalidArgument, message: "payload is not a valid nodeplan.v1.SolveRequest"),
        PayloadCase(name: "snapshot field with the wrong wire type (kept as an unknown field)", payload: { [0x08, 0x01] },
                    compressed: false, code: .invalidArgument, message: "is required"),
        PayloadCase(name: "length prefix past the end of the payload", payload: { [0x0A, 0xFF, 0x01, 0x00] }, compressed: false,
                    code: .invalidArgument, message: "payload is not a valid nodeplan.v1.SolveRequest"),
        PayloadCase(name: "varint longer than 10 bytes", payload: { [0x08] + [UInt8](repeating: 0xFF, count: 11) },
                    compressed: false, code: .invalidArgument, message: "payload is not a valid nodeplan.v1.SolveRequest"),
        PayloadCase(name: "invalid UTF-8 in a string field",
                    payload: { [0x0A, 0x06, 0x0A, 0x04, 0x0A, 0x02, 0xC3, 0x28] }, compressed: false,
                    code: .invalidArgument, message: "payload is not a valid nodeplan.v1.SolveRequest"),
        PayloadCase(name: "request without a snapshot", payload: { [] }, compressed: false,
                    code: .invalidArgument, message: "is required"),
    ]

    @Test(arguments: payloadCases)
    func refusedPayload(_ hostile: PayloadCase) throws {
        let error = try Self.refusal(Self.request(try hostile.payload(), compressed: hostile.compressed))
        #expect(error.code == hostile.code)
        #expect(error.message.contains(hostile.message), "\(error)")
    }

    // MARK: Inconsistent snapshots

    struct SnapshotCase: CustomTestStringConvertible, Sendable {
        var name: String
        var mutate: @Sendable (inout Nodeplan_V1_Snapshot) -> Void
        /// The error's field path (under the request) and words of its message.
        var fieldPath: String
        var message: String
        var testDescription: String { name }
    }

    static let snapshotCases: [SnapshotCase] = [
        SnapshotCase(name: "pod pointing at a pod spec that does not exist", mutate: { $0.pods[0].spec = 1_000 },
                     fieldPath: "snapshot.pods[0].spec", message: "index 1000 out of range"),
        SnapshotCase(name: "pod spec index beyond Int32", mutate: { $0.pods[0].spec = .max },
                     fieldPath: "snapshot.pods[0].spec", message: "out of range"),
        SnapshotCase(name: "unknown pod phase", mutate: { $0.pods[1].phase = .UNRECOGNIZED(99) },
                     fieldPath: "snapshot.pods[1].phase", message: "unknown enum value 99"),
        SnapshotCase(name: "unknown taint effect", mutate: { $0.nodes[0].taints[0].effect = .UNRECOGNIZED(7) },
                     fieldPath: "snapshot.nodes[0].taints[0].effect", message: "unknown enum value 7"),
        SnapshotCase(name: "unknown selector operator",
                     mutate: { $0.nodePools[0].requirements[0].operator = .UNRECOGNIZED(12) },
                     fieldPath: "snapshot.nodePools[0].requirements[0].operator", message: "unknown enum value 12"),
        SnapshotCase(name: "unknown solver strategy", mutate: { $0.options.strategy = .UNRECOGNIZED(5) },
                     fieldPath: "snapshot.options.strategy", message: "unknown enum value 5"),
        SnapshotCase(name: "negative node allocatable", mutate: { $0.nodes[0].allocatable.milli["memory"] = -1_000 },
                     fieldPath: "snapshot.nodes[0].allocatable.milli[memory]", message: "negative quantity -1000"),
        SnapshotCase(name: "negative instance type capacity", mutate: { $0.instanceTypes[0].capacity.milli["cpu"] = -4_000 },
                     fieldPath: "snapshot.instanceTypes[0].capacity.milli[cpu]", message: "negative quantity -4000"),
        SnapshotCase(name: "NaN offering price", mutate: { $0.instanceTypes[0].offerings[0].price = .nan },
                     fieldPath: "snapshot.instanceTypes[0].offerings[0].price", message: "must be finite, got nan"),
        SnapshotCase(name: "infinite node price", mutate: { $0.nodes[0].price = .infinity },
                     fieldPath: "snapshot.nodes[0].price", message: "must be finite, got inf"),
        SnapshotCase(name: "negative offering price", mutate: { $0.instanceTypes[0].offerings[0].price = -0.01 },
                     fieldPath: "snapshot.instanceTypes[0].offerings[0].price", message: "must not be negative"),
        SnapshotCase(name: "NaN pod creation time", mutate: { $0.pods[0].createdAt = .nan },
                     fieldPath: "snapshot.pods[0].createdAt", message: "must be finite"),
        SnapshotCase(name: "NaN savings threshold", mutate: { $0.options.minimumSavingsPerHour = .nan },
                     fieldPath: "snapshot.options.minimumSavingsPerHour", message: "must be finite"),
        SnapshotCase(name: "negative time budget", mutate: { $0.options.timeBudgetMs = -1 },
                     fieldPath: "snapshot.options.timeBudgetMs", message: "-1 outside 0..."),
        SnapshotCase(name: "duplicate node names", mutate: { $0.nodes.append($0.nodes[0]) },
                     fieldPath: "snapshot.nodes[1].name", message: "duplicate name \"aks-general-abcde\""),
        SnapshotCase(name: "duplicate instance type names", mutate: { $0.instanceTypes.append($0.instanceTypes[0]) },
                     fieldPath: "snapshot.instanceTypes[1].name", message: "duplicate name"),
        SnapshotCase(name: "duplicate pods in one namespace", mutate: { $0.pods[1].name = $0.pods[0].name },
                     fieldPath: "snapshot.pods[1].name", message: "duplicate pod \"default/idle-0\""),
        SnapshotCase(name: "NodePool weight out of range", mutate: { $0.nodePools[0].weight = 1_000 },
                     fieldPath: "snapshot.nodePools[0].weight", message: "1000 outside 0...100"),
        SnapshotCase(name: "topology spread with maxSkew 0",
                     mutate: { $0.podSpecs[1].topologySpreadConstraints[0].maxSkew = 0 },
                     fieldPath: "snapshot.podSpecs[1].topologySpreadConstraints[0].maxSkew", message: "0 outside 1..."),
        SnapshotCase(name: "empty label key on a pod spec", mutate: { $0.podSpecs[1].labels[""] = "x" },
                     fieldPath: "snapshot.podSpecs[1].labels", message: "has an empty key"),
        SnapshotCase(name: "missing cluster", mutate: { $0.clearCluster() },
                     fieldPath: "snapshot.cluster", message: "is required"),
    ]

    @Test(arguments: snapshotCases)
    func refusedSnapshot(_ hostile: SnapshotCase) throws {
        var snapshot = WireFixtures.snapshot.proto
        hostile.mutate(&snapshot)
        let error = try Self.refusal(Self.request(try Self.solveRequest(snapshot), compressed: false))
        #expect(error.code == .invalidArgument)
        #expect(error.fieldPath == hostile.fieldPath, "\(error)")
        #expect(error.message.contains(hostile.message), "\(error)")
    }

    @Test("10,000 labels on a pod spec and on a node are accepted and kept")
    func tenThousandLabels() throws {
        var snapshot = WireFixtures.snapshot
        let labels = Dictionary(uniqueKeysWithValues: (0..<10_000).map { ("example.com/label-\($0)", "value-\($0)") })
        snapshot.podSpecs[0].labels = labels
        snapshot.nodes[0].labels.merge(labels) { current, _ in current }
        let frame = try WireRequest.solve(snapshot).frame(streamID: 1)
        #expect(try WireRequest(frame: frame, maxDecompressedBytes: Self.limit) == .solve(snapshot))
    }

    @Test("A pod bound to a node the snapshot does not hold is accepted: the node may have just been deleted")
    func podOnUnknownNode() throws {
        var snapshot = WireFixtures.snapshot
        snapshot.pods[0].nodeName = "deleted-a-moment-ago"
        let frame = try WireRequest.solve(snapshot).frame(streamID: 1)
        #expect(try WireRequest(frame: frame, maxDecompressedBytes: Self.limit) == .solve(snapshot))
    }
}
