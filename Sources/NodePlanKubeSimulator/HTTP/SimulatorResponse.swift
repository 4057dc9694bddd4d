import NodePlanAgent

/// What the router answers: a JSON document, or a watch stream that lasts until the feed ends.
enum SimulatorResponse {
    case json(status: Int, body: JSONValue, headers: [(String, String)] = [])
    case watch(id: Int, feed: AsyncStream<WatchFeed>)

    static func error(_ error: KubeAPIError, headers: [(String, String)] = []) -> SimulatorResponse {
        .json(status: error.code, body: error.status, headers: headers)
    }
}
