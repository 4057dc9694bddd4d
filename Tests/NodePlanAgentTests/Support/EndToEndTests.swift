import Testing

/// The end-to-end suites (simulator + solver server + agent) run one at a time: each keeps both cores busy.
@Suite(.serialized) struct EndToEndTests {}
