import Foundation
import NIOConcurrencyHelpers
import NodePlanAgent

/// The simulator's storage and API semantics: objects per resource, one global revision as etcd keeps it,
/// the event history that watches resume from (until compacted), finalizers, and live watchers.
///
/// Every method is synchronous and atomic; watch events are handed to watchers in revision order.
public final class ObjectStore: Sendable {
    struct Watcher {
        var resource: KubeResource
        var namespace: String?
        var continuation: AsyncStream<WatchFeed>.Continuation
        var bookmarks: Bool
    }

    struct State {
        var revision: UInt64 = 0
        var objects: [KubeResource: [String: JSONValue]] = [:]
        var history: [KubeResource: [(revision: UInt64, event: WatchEvent)]] = [:]
        /// Watches from a revision below this one get 410 Gone.
        var compactedRevision: UInt64 = 0
        var watchers: [Int: Watcher] = [:]
        var nextWatcherID = 0
        var journal: [JournalEntry] = []
        var uidCounter = 0
    }

    let state = NIOLockedValueBox(State())
    private let changeSignal: AsyncStream<Void>.Continuation
    /// Yields after every committed change (coalesced): what the simulated controllers wait on.
    let changes: AsyncStream<Void>

    init() {
        (changes, changeSignal) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    }

    // MARK: Reading

    /// The object, or nil.
    public func get(_ resource: KubeResource, namespace: String = "", name: String) -> JSONValue? {
        state.withLockedValue { $0.objects[resource]?[Self.key(resource, namespace, name)] }
    }

    /// All objects of `resource` (in `namespace` when given), sorted by key, and the current revision.
    public func list(_ resource: KubeResource, namespace: String? = nil) -> (items: [JSONValue], revision: UInt64) {
        state.withLockedValue { state in
            let objects = state.objects[resource] ?? [:]
            let items = objects.keys.sorted().compactMap { key -> JSONValue? in
                let object = objects[key]!
                if let namespace, object.namespace != namespace { return nil }
                return object
            }
            return (items, state.revision)
        }
    }

    /// Every committed change so far.
    public var journal: [JournalEntry] { state.withLockedValue { $0.journal } }

    /// The changes committed after the first `position` ones, and the new position.
    func journal(after position: Int) -> (entries: ArraySlice<JournalEntry>, position: Int) {
        state.withLockedValue { state in (state.journal[min(position, state.journal.count)...], state.journal.count) }
    }

    public var revision: UInt64 { state.withLockedValue { $0.revision } }

    /// Watch streams currently open.
    public var watcherCount: Int { state.withLockedValue { $0.watchers.count } }

    // MARK: Writing

    /// Creates `object`; fills in uid, creationTimestamp, resourceVersion and a name from `generateName`.
    @discardableResult
    public func create(_ resource: KubeResource, namespace: String = "", _ object: JSONValue) throws
        -> JSONValue {
        let created = try state.withLockedValue { state in try Self.create(resource, namespace, object, in: &state) }
        signalChange()
        return created
    }

    /// Applies a JSON merge patch to the object (or to its `status` only, for the status subresource).
    @discardableResult
    public func patch(_ resource: KubeResource, namespace: String = "", name: String, patch: JSONValue,
                      subresource: String? = nil) throws -> JSONValue {
        try update(resource, namespace: namespace, name: name) { object throws in
            if subresource == "status" {
                object["status"] = (object["status"] ?? [:]).merging(patch: patch["status"] ?? [:])
            } else {
                let metadata = object["metadata"]
                object = object.merging(patch: patch)
                // Identity and bookkeeping fields are the server's.
                for field in ["name", "namespace", "uid", "creationTimestamp", "deletionTimestamp"] {
                    object[["metadata", field]] = metadata?[field]
                }
            }
        }
    }

    /// Changes an object in place with `transform`; commits only when it changed.
    @discardableResult
    public func update(_ resource: KubeResource, namespace: String = "", name: String,
                       _ transform: (inout JSONValue) throws -> Void) throws -> JSONValue {
        let result = try state.withLockedValue { state throws -> JSONValue in
            let key = Self.key(resource, namespace, name)
            guard var object = state.objects[resource]?[key] else {
                throw KubeAPIError.notFound("\(resource.kind) \(key)")
            }
            let before = object
            try transform(&object)
            guard object != before else { return object }
            if object.isDeleting, object.finalizers.isEmpty {
                Self.remove(resource, key: key, in: &state)
                return object
            }
            return Self.commit(resource, key: key, object, type: .modified, in: &state)
        }
        signalChange()
        return result
    }

    /// Deletes the object: at once, or by setting `deletionTimestamp` while finalizers remain.
    public func delete(_ resource: KubeResource, namespace: String = "", name: String) throws {
        try state.withLockedValue { state in
            try Self.delete(resource, key: Self.key(resource, namespace, name), in: &state)
        }
        signalChange()
    }

    // MARK: Watching

    /// A stream of events for `resource` after `resourceVersion` (every current object as ADDED when it
    /// is empty or "0"); an ERROR event with 410 Gone when that version was compacted away.
    func watch(_ resource: KubeResource, namespace: String?, resourceVersion: String, bookmarks: Bool)
        -> (id: Int, feed: AsyncStream<WatchFeed>) {
        let (feed, continuation) = AsyncStream.makeStream(of: WatchFeed.self)
        let id = state.withLockedValue { state -> Int in
            let matches = { (object: JSONValue) in namespace == nil || object.namespace == namespace }
            if resourceVersion.isEmpty || resourceVersion == "0" {
                for key in (state.objects[resource] ?? [:]).keys.sorted() {
                    let object = state.objects[resource]![key]!
                    if matches(object) { continuation.yield(.line(WatchEvent(type: .added, object: object).line)) }
                }
            } else {
                guard let start = UInt64(resourceVersion), start >= state.compactedRevision else {
                    let gone = KubeAPIError(code: 410, reason: "Expired",
                                            message: "too old resource version: \(resourceVersion) (\(state.compactedRevision))")
                    continuation.yield(.line(WatchEvent(type: .error, object: gone.status).line))
                    continuation.finish()
                    return -1
                }
                for entry in state.history[resource] ?? [] where entry.revision > start && matches(entry.event.object) {
                    continuation.yield(.line(entry.event.line))
                }
            }
            let id = state.nextWatcherID
            state.nextWatcherID += 1
            state.watchers[id] = Watcher(resource: resource, namespace: namespace, continuation: continuation,
                                         bookmarks: bookmarks)
            return id
        }
        return (id, feed)
    }

    func stopWatch(_ id: Int) {
        let watcher = state.withLockedValue { $0.watchers.removeValue(forKey: id) }
        watcher?.continuation.finish()
    }

    /// Sends a BOOKMARK with the current revision to every watcher that asked for bookmarks.
    public func sendBookmarks() {
        state.withLockedValue { state in
            for watcher in state.watchers.values where watcher.bookmarks {
                let object: JSONValue = ["kind": .string(watcher.resource.kind),
                                         "apiVersion": .string(watcher.resource.apiVersion),
                                         "metadata": ["resourceVersion": .string(String(state.revision))]]
                watcher.continuation.yield(.line(WatchEvent(type: .bookmark, object: object).line))
            }
        }
    }

    /// Forgets the event history, as etcd compaction does: watches from older versions get 410 Gone.
    public func compact() {
        state.withLockedValue { state in
            state.history = [:]
            state.compactedRevision = state.revision
        }
    }

    /// Ends every watch: with an ERROR 410 event when `expire`, else by dropping the connection.
    public func endWatches(expire: Bool) {
        let watchers = state.withLockedValue { state in
            defer { state.watchers = [:] }
            return Array(state.watchers.values)
        }
        for watcher in watchers {
            if expire {
                let gone = KubeAPIError(code: 410, reason: "Expired", message: "too old resource version")
                watcher.continuation.yield(.line(WatchEvent(type: .error, object: gone.status).line))
                watcher.continuation.finish()
            } else {
                watcher.continuation.yield(.drop)
                watcher.continuation.finish()
            }
        }
    }

    // MARK: Internals

    func signalChange() { changeSignal.yield() }

    func finish() {
        endWatches(expire: false)
        changeSignal.finish()
    }

    static func key(_ resource: KubeResource, _ namespace: String, _ name: String) -> String {
        resource.namespaced ? "\(namespace.isEmpty ? "default" : namespace)/\(name)" : name
    }

    static func create(_ resource: KubeResource, _ namespace: String, _ input: JSONValue,
                       in state: inout State) throws -> JSONValue {
        var object = input
        object["kind"] = .string(resource.kind)
        object["apiVersion"] = .string(resource.apiVersion)
        var name = object.name
        if name.isEmpty, let prefix = object[["metadata", "generateName"]]?.stringValue {
            name = prefix + randomSuffix()
            object[["metadata", "name"]] = .string(name)
        }
        guard !name.isEmpty else {
            throw KubeAPIError(code: 422, reason: "Invalid", message: "metadata.name: Required value")
        }
        if resource.namespaced {
            let objectNamespace = object.namespace.isEmpty ? (namespace.isEmpty ? "default" : namespace) : object.namespace
            object[["metadata", "namespace"]] = .string(objectNamespace)
        } else {
            object[["metadata", "namespace"]] = nil
        }
        let key = Self.key(resource, object.namespace, name)
        guard state.objects[resource]?[key] == nil else {
            throw KubeAPIError(code: 409, reason: "AlreadyExists", message: "\(resource.kind) \"\(name)\" already exists")
        }
        state.uidCounter += 1
        object[["metadata", "uid"]] = .string(String(format: "00000000-0000-4000-8000-%012d", state.uidCounter))
        object[["metadata", "creationTimestamp"]] = .string(timestamp())
        object[["metadata", "deletionTimestamp"]] = nil
        return commit(resource, key: key, object, type: .added, in: &state)
    }

    static func delete(_ resource: KubeResource, key: String, in state: inout State) throws {
        guard var object = state.objects[resource]?[key] else { throw KubeAPIError.notFound("\(resource.kind) \(key)") }
        if object.finalizers.isEmpty {
            remove(resource, key: key, in: &state)
        } else if !object.isDeleting {
            object[["metadata", "deletionTimestamp"]] = .string(timestamp())
            commit(resource, key: key, object, type: .modified, in: &state)
        }
    }

    static func remove(_ resource: KubeResource, key: String, in state: inout State) {
        guard var object = state.objects[resource]?.removeValue(forKey: key) else { return }
        state.revision += 1
        object[["metadata", "resourceVersion"]] = .string(String(state.revision))
        publish(resource, WatchEvent(type: .deleted, object: object), in: &state)
    }

    @discardableResult
    static func commit(_ resource: KubeResource, key: String, _ input: JSONValue, type: WatchEvent.EventType,
                       in state: inout State) -> JSONValue {
        var object = input
        state.revision += 1
        object[["metadata", "resourceVersion"]] = .string(String(state.revision))
        state.objects[resource, default: [:]][key] = object
        publish(resource, WatchEvent(type: type, object: object), in: &state)
        return object
    }

    private static func publish(_ resource: KubeResource, _ event: WatchEvent, in state: inout State) {
        state.history[resource, default: []].append((state.revision, event))
        state.journal.append(JournalEntry(revision: state.revision, resource: resource, type: event.type,
                                          object: event.object))
        var line: [UInt8]?
        for watcher in state.watchers.values where watcher.resource == resource {
            if let namespace = watcher.namespace, event.object.namespace != namespace { continue }
            if line == nil { line = event.line }
            watcher.continuation.yield(.line(line!))
        }
    }

    static func timestamp(_ date: Date = Date()) -> String {
        date.formatted(.iso8601)
    }

    static func randomSuffix() -> String {
        let alphabet = Array("bcdfghjklmnpqrstvwxz2456789")
        return String((0..<5).map { _ in alphabet.randomElement()! })
    }
}
