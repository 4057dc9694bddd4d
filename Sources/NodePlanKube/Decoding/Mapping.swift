/// The entries of a mapping field, looked up by key.
struct Mapping {
    let field: Field
    let entries: [YAMLValue.Entry]

    /// The field at `key`; nil when it is absent or null.
    subscript(key: String) -> Field? {
        guard let entry = entries.first(where: { $0.key == key }), !entry.value.isNull else { return nil }
        return field.child(key, entry.value)
    }

    /// The field at `key`, which must be present and not null.
    func required(_ key: String) throws(InputError) -> Field {
        guard let value = self[key] else {
            throw InputError(location: field.location, fieldPath: field.path.isEmpty ? key : field.path + "." + key,
                             reason: "required field is missing")
        }
        return value
    }

    /// Rejects any key outside `known`, suggesting the closest known key, so typos such as
    /// `nodeSelecter` or `tolerationz` are reported instead of silently ignored.
    func rejectUnknown(_ known: Set<String>) throws(InputError) {
        try rejectUnknown(where: known.contains, known: known)
    }

    /// The same for short field lists, which a linear scan checks faster than a set.
    func rejectUnknown(_ known: [String]) throws(InputError) {
        try rejectUnknown(where: known.contains, known: Set(known))
    }

    private func rejectUnknown(where isKnown: (String) -> Bool, known: @autoclosure () -> Set<String>) throws(InputError) {
        for entry in entries where !isKnown(entry.key) {
            var reason = "unknown field \"\(entry.key)\""
            if let suggestion = FieldSuggestion.closest(to: entry.key, among: known()) {
                reason += " (did you mean \"\(suggestion)\"?)"
            }
            throw InputError(location: entry.keyLocation,
                             fieldPath: field.path.isEmpty ? entry.key : field.path + "." + entry.key, reason: reason)
        }
    }
}
