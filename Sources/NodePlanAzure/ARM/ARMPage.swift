/// One page of an ARM list response.
struct ARMPage<Resource: Decodable>: Decodable {
    var value: [Resource]
    var nextLink: String?
}
