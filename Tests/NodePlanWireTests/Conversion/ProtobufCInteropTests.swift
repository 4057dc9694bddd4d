import NodePlanModel
import NodePlanProtoC
import NodePlanWire
import SwiftProtobuf
import Testing

/// The C bindings (generated with `optional` fields rewritten as one-field oneofs) read and write
/// the same bytes as the Swift ones.
@Suite struct ProtobufCInteropTests {
    @Test func cReadsSwiftBytesAndWritesThemBack() throws {
        let snapshot = WireFixtures.snapshot
        let bytes: [UInt8] = try snapshot.proto.serializedBytes()
        let unpacked = try #require(bytes.withUnsafeBufferPointer { nodeplan__v1__snapshot__unpack(nil, $0.count, $0.baseAddress) })
        defer { nodeplan__v1__snapshot__free_unpacked(unpacked, nil) }

        let message = unpacked.pointee
        #expect(message.n_pods == snapshot.pods.count)
        let node = try #require(message.nodes?[0]?.pointee)
        #expect(node.opt_price_case == NODEPLAN__V1__NODE__OPT_PRICE_PRICE && node.price == 0.192)
        #expect(node.opt_registered_case == NODEPLAN__V1__NODE__OPT_REGISTERED_REGISTERED && node.registered == 0)
        let pod = try #require(message.pods?[2]?.pointee)
        #expect(pod.opt_deleted_at_case == NODEPLAN__V1__POD__OPT_DELETED_AT_DELETED_AT && pod.deleted_at == 1_764_000_100)
        #expect(String(cString: pod.name) == snapshot.pods[2].name)

        let size = nodeplan__v1__snapshot__get_packed_size(unpacked)
        let repacked = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            count = nodeplan__v1__snapshot__pack(unpacked, buffer.baseAddress)
        }
        #expect(try Snapshot(proto: Nodeplan_V1_Snapshot(serializedBytes: repacked)) == snapshot)
    }
}
