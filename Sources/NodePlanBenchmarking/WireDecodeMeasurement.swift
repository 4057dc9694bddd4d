import NodePlanModel
import NodePlanReport
import NodePlanWire
import SwiftProtobuf

/// How long the server's side of the wire takes for one snapshot: zstd, swift-protobuf, and the
/// validating proto -> model conversion, stage by stage and as a whole.
public struct WireDecodeMeasurement: Sendable, Hashable, Codable {
    public struct Stage: Sendable, Hashable, Codable {
        public var name: String
        public var samples: Samples

        public init(name: String, samples: Samples) {
            self.name = name
            self.samples = samples
        }

        /// `name   min X ms   median Y ms`.
        public var tableRow: String {
            BenchmarkFormat.row([name, "min", PlanTextReport.fixed(samples.minimum, digits: 1), "ms   median",
                                 PlanTextReport.fixed(samples.median, digits: 1), "ms"], widths: [44, 3, 8, 11, 8, 2])
        }
    }

    public var pods: Int
    public var nodes: Int
    public var protobufBytes: Int
    public var compressedBytes: Int
    public var stages: [Stage]

    /// Measures every stage `runs` times on `snapshot`, and checks that decoding gives the snapshot back.
    public static func run(_ snapshot: Snapshot, runs: Int) throws -> WireDecodeMeasurement {
        let message = snapshot.proto
        let bytes: [UInt8] = try message.serializedBytes()
        let compressed = try Zstd.compress(bytes, level: Zstd.defaultLevel)
        let limit = max(1 << 20, bytes.count * 2)
        func stage(_ name: String, _ body: () throws -> Void) rethrows -> Stage {
            Stage(name: name, samples: try Samples.measure(runs: runs, body).samples)
        }
        let stages = [
            try stage("zstd compress (level \(Zstd.defaultLevel))") { _ = try Zstd.compress(bytes, level: Zstd.defaultLevel) },
            try stage("zstd decompress") { _ = try Zstd.decompress(compressed, maxSize: limit) },
            try stage("swift-protobuf parse") { _ = try Nodeplan_V1_Snapshot(serializedBytes: bytes) },
            try stage("proto -> model (validating)") { _ = try Snapshot(proto: message) },
            stage("model -> proto") { _ = snapshot.proto },
            try stage("swift-protobuf serialize") { let _: [UInt8] = try message.serializedBytes() },
            try stage("whole decode: zstd + parse + model") {
                _ = try Snapshot(proto: Nodeplan_V1_Snapshot(serializedBytes: Zstd.decompress(compressed, maxSize: limit)))
            },
        ]
        let decoded = try Snapshot(proto: Nodeplan_V1_Snapshot(serializedBytes: bytes))
        guard decoded == snapshot else { throw RoundTripMismatch() }
        return WireDecodeMeasurement(pods: snapshot.pods.count, nodes: snapshot.nodes.count, protobufBytes: bytes.count,
                                     compressedBytes: compressed.count, stages: stages)
    }

    /// Decoding the encoded snapshot did not give the snapshot back.
    public struct RoundTripMismatch: Error, CustomStringConvertible {
        public var description: String { "protobuf round trip changed the snapshot" }
    }
}
