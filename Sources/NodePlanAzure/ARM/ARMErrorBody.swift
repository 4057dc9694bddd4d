/// The JSON inside ARM's `"error"` member (also the `error` of a failed operation status).
struct ARMErrorBody: Decodable {
    var code: String?
    var message: String?
    var details: [ARMErrorBody]?

    func armError(status: Int?) -> ARMError {
        ARMError(status: status, code: code ?? "Unknown", message: message ?? "",
                 details: (details ?? []).map { $0.armError(status: status) })
    }
}
