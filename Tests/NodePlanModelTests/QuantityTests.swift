import Testing
import NodePlanModel

@Suite struct QuantityTests {
    @Test(arguments: [
        ("1", Int64(1000)), ("100m", 100), ("1.5", 1500), ("0.1", 100), ("+2", 2000), ("-1", -1000),
        ("1Ki", 1024_000), ("1Mi", 1_048_576_000), ("2Gi", 2_147_483_648_000), ("1Ti", 1_099_511_627_776_000),
        ("1k", 1_000_000), ("1M", 1_000_000_000), ("1G", 1_000_000_000_000), ("1T", 1_000_000_000_000_000),
        ("1e3", 1_000_000), ("1E3", 1_000_000), ("1e-3", 1), ("12e-1", 1200), ("1.5Gi", 1_610_612_736_000),
        ("500n", 1), ("1u", 1), ("1000000u", 1000), ("0.0001", 1), ("1.50000000000000000000", 1500), ("0", 0),
        (".5", 500), ("5.", 5000), ("1P", 1_000_000_000_000_000_000), ("1Pi", 1_125_899_906_842_624_000),
    ])
    func parsesLikeKubernetes(text: String, milli: Int64) throws {
        #expect(try Quantity(parsing: text).milli == milli)
    }

    @Test(arguments: ["", "abc", "1.2.3", "1Zi", "1e", "Mi", "1 Gi", "--1", "1e400", "123456789012345678901234"])
    func rejectsMalformed(text: String) {
        #expect(throws: QuantityParseError.self) { try Quantity(parsing: text) }
    }

    @Test(arguments: ["10Ei", "10000000Gi", "9223372036854775807", "1e30"])
    func saturatesBeyondInt64(text: String) throws {
        #expect(try Quantity(parsing: text).milli == .max)
        #expect(try Quantity(parsing: "-" + text).milli == -.max)
    }

    @Test func describesCanonically() throws {
        #expect(Quantity.gibibytes(4).description == "4Gi")
        #expect(Quantity.millis(1500).description == "1500m")
        #expect(Quantity.units(3).description == "3")
        #expect(try Quantity(parsing: Quantity.mebibytes(750).description) == .mebibytes(750))
    }
}

@Suite struct PodRequestTests {
    @Test func initContainersSidecarsAndOverhead() {
        let spec = PodSpec(
            containers: [Container(name: "app", requests: ["cpu": .millis(500), "memory": .mebibytes(256)]),
                         Container(name: "limits-only", limits: ["cpu": .millis(250)])],
            initContainers: [Container(name: "sidecar", requests: ["cpu": .millis(100)], isSidecar: true),
                             Container(name: "migrate", requests: ["cpu": .units(2), "memory": .mebibytes(64)])],
            overhead: ["cpu": .millis(10)]
        )
        let requests = spec.effectiveRequests
        // init step: sidecar 100m + migrate 2000m = 2100m beats running 500+250+100 = 850m.
        #expect(requests["cpu"] == .millis(2110))
        #expect(requests["memory"] == .mebibytes(256))
        #expect(requests["pods"] == .units(1))
    }
}
