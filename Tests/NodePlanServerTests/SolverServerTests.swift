import NodePlanClient
import NodePlanModel
import NodePlanServer
import NodePlanSolver
import NodePlanWire
import Testing

@Suite("Solver service methods", .timeLimit(.minutes(1)))
struct SolverServerTests {
    @Test("Solve over the wire returns the solver's plan")
    func solveOverTheWire() async throws {
        let server = try await TestServer.start()
        let client = server.client()
        let snapshot = Fixtures.snapshot(pods: 50)
        let plan = try await client.solve(snapshot, deadline: .seconds(30))
        let local = try Provisioner(options: snapshot.options).solve(snapshot: snapshot,
                                                                 instanceTypes: try TestServer.resolver.instanceTypes(for: snapshot))
        #expect(!plan.launches.isEmpty)
        #expect(plan.launches == local.launches)
        #expect(plan.unschedulable == local.unschedulable)
        #expect(plan.timings["server.solve"] != nil)
        await client.close()
        await server.stop()
    }

    @Test("100 concurrent requests on one connection all get their own answer")
    func hundredConcurrentRequests() async throws {
        let server = try await TestServer.start()
        let connection = try await server.connection()
        let podCounts = (1...100).map { $0 % 10 + 1 }
        let launched = try await withThrowingTaskGroup(of: (Int, Int).self) { group in
            for (index, pods) in podCounts.enumerated() {
                group.addTask {
                    guard case .solve(let plan) = try await connection.call(.solve(Fixtures.snapshot(pods: pods))) else {
                        throw WireError(.internal, "wrong response")
                    }
                    return (index, plan.launches.reduce(0) { $0 + $1.pods.count })
                }
            }
            var placed = [Int](repeating: 0, count: podCounts.count)
            for try await (index, count) in group { placed[index] = count }
            return placed
        }
        #expect(launched == podCounts)
        await connection.close()
        await server.stop()
    }

    @Test("Validate runs the independent validator on the plan")
    func validate() async throws {
        let server = try await TestServer.start()
        let client = server.client()
        let snapshot = Fixtures.snapshot(pods: 10)
        let plan = try await client.solve(snapshot)
        #expect(try await client.validate(plan, for: snapshot).isEmpty)
        var broken = plan
        broken.launches[0].choice.instanceType = "fake-it-0"  // 1 vCPU cannot hold the launch's pods.
        #expect(try await !client.validate(broken, for: snapshot).isEmpty)
        await client.close()
        await server.stop()
    }

    @Test("Consolidate and Plan run the consolidator; an engine without one answers UNIMPLEMENTED")
    func consolidation() async throws {
        let server = try await TestServer.start()
        let client = server.client()
        let snapshot = Fixtures.snapshot(pods: 5)
        #expect(try await client.consolidate(snapshot).terminations.isEmpty, "nothing to consolidate without nodes")
        let plan = try await client.plan(snapshot)
        #expect(plan.launches == (try await client.solve(snapshot)).launches, "with no nodes, Plan launches what Solve does")
        #expect(!plan.warnings.contains { $0.contains("consolidation") })
        await client.close()
        await server.stop()

        let provisioningOnly = try await TestServer.start(engine: SolveEngine(provision: SolveEngine.standard.provision))
        let limited = provisioningOnly.client()
        let error = await #expect(throws: WireError.self) { try await limited.consolidate(snapshot) }
        #expect(error?.code == .unimplemented)
        #expect(try await limited.plan(snapshot).warnings.contains { $0.contains("consolidation") })
        await limited.close()
        await provisioningOnly.stop()
    }

    @Test("Health and ServerInfo")
    func healthAndInfo() async throws {
        let server = try await TestServer.start()
        let client = server.client()
        #expect(try await client.health() == .serving)
        let info = try await client.serverInfo()
        #expect(info.version == ServerVersion.current)
        #expect(info.catalogVersion.hasPrefix("builtin-"))
        #expect(info.protocolVersions == [1])
        #expect(info.methods.contains(.solve) && info.methods.contains(.consolidate))
        await client.close()
        await server.stop()
    }

    @Test("An invalid snapshot is INVALID_ARGUMENT naming the field")
    func invalidArgumentNamesTheField() async throws {
        let server = try await TestServer.start()
        let raw = try await RawConnection.authenticated(port: server.port)
        var request = Nodeplan_V1_SolveRequest()
        request.snapshot = Fixtures.snapshot(pods: 3).proto
        request.snapshot.pods[2].spec = 99
        try await raw.send(Frame(type: .request, flags: .endStream, method: .solve, streamID: 1, message: request))
        let reply = try #require(await raw.nextIgnoringPings())
        #expect(reply.type == .error && reply.streamID == 1)
        let error = try reply.error()
        #expect(error.code == .invalidArgument)
        #expect(error.fieldPath == "snapshot.pods[2].spec")

        var unknownRegion = Fixtures.snapshot(pods: 1)
        unknownRegion.catalog = CatalogSelection(region: "atlantis")
        let client = server.client()
        let catalogError = await #expect(throws: WireError.self) { try await client.solve(unknownRegion) }
        #expect(catalogError?.code == .invalidArgument)
        #expect(catalogError?.fieldPath == "snapshot.catalog.region")
        await client.close()
        await raw.close()
        await server.stop()
    }
}
