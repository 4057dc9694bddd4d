import Testing
@testable import NodePlanKube

@Suite struct YAMLReaderTests {
    @Test func readsEveryDocumentWithPositions() throws {
        let documents = try YAMLReader.documents(in: """
            kind: A
            ---
            # only a comment
            ---
            kind: B
            items:
              - name: x
                count: 3
            """)
        #expect(documents.count == 2)
        #expect(documents[0]["kind"]?.scalarText == "A")
        let item = try #require(documents[1]["items"].flatMap { value -> YAMLValue? in
            guard case .sequence(let items) = value.content else { return nil }
            return items.first
        })
        #expect(item.location == SourceLocation(line: 7, column: 5))
        #expect(item["count"]?.location == SourceLocation(line: 8, column: 12))
    }

    @Test func resolvesAnchorsAliasesAndMergeKeys() throws {
        let documents = try YAMLReader.documents(in: """
            defaults: &defaults
              cpu: 100m
              memory: 1Gi
            small:
              <<: *defaults
              cpu: 50m
            copy: *defaults
            """)
        let document = try #require(documents.first)
        #expect(document["small"]?["cpu"]?.scalarText == "50m")
        #expect(document["small"]?["memory"]?.scalarText == "1Gi")
        #expect(document["copy"]?["memory"]?.scalarText == "1Gi")
    }

    @Test func readsJSONWithPositions() throws {
        let documents = try YAMLReader.documents(in: """
            {
                "kind": "Pod",
                "spec": {"priority": 5, "name": "5", "none": null}
            }
            """)
        let spec = try #require(documents.first?["spec"])
        #expect(spec.location == SourceLocation(line: 3, column: 13))
        guard case .scalar("5", plain: true) = spec["priority"]?.content else {
            Issue.record("a JSON number reads as a plain scalar")
            return
        }
        guard case .scalar("5", plain: false) = spec["name"]?.content else {
            Issue.record("a JSON string reads as a quoted scalar")
            return
        }
        #expect(spec["none"]?.isNull == true)
    }

    @Test func reportsSyntaxErrorsWithTheirLine() {
        #expect(throws: InputError.self) { try YAMLReader.documents(in: "a: 1\nb: [1, 2\nc: 3\n") }
        do {
            _ = try YAMLReader.documents(in: "kind: Pod\nmetadata:\n  name: x\n   bad: indentation\n")
            Issue.record("expected a syntax error")
        } catch {
            #expect(error.location?.line == 4)
            #expect(error.reason.hasPrefix("invalid YAML"))
        }
    }

    @Test func rejectsDuplicateKeys() {
        do {
            _ = try YAMLReader.documents(in: "a: 1\nb: 2\na: 3\n")
            Issue.record("expected a duplicate-key error")
        } catch {
            #expect(error.location == SourceLocation(line: 3, column: 1))
            #expect(error.reason == "duplicate key \"a\"")
        }
    }
}
